from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "kshamta.programmes"
    label = "programmes"
    verbose_name = "Programmes"
