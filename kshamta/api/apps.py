from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kshamta.api"
    label = "api"
    verbose_name = "API"
