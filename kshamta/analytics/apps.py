from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "kshamta.analytics"
    label = "analytics"
    verbose_name = "Analytics"
