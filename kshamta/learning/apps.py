from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "kshamta.learning"
    label = "learning"
    verbose_name = "Learning"
