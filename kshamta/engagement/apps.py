from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "kshamta.engagement"
    label = "engagement"
    verbose_name = "Engagement"
