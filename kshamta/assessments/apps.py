from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "kshamta.assessments"
    label = "assessments"
    verbose_name = "Assessments"
