from django.apps import AppConfig


class CompetenciesConfig(AppConfig):
    name = "kshamta.competencies"
    label = "competencies"
    verbose_name = "Competencies"
