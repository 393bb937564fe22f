from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kshamta.core"
    label = "core"
    verbose_name = "Core"
