from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kshamta.accounts"
    label = "accounts"
    verbose_name = "Accounts"
