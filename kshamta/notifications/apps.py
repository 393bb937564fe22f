from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kshamta.notifications"
    label = "notifications"
    verbose_name = "Notifications"
