from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "kshamta.orgs"
    label = "orgs"
    verbose_name = "Organisations"
