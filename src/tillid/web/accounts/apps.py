from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tillid.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
