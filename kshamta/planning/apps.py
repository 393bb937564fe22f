from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "kshamta.planning"
    label = "planning"
    verbose_name = "Planning"
