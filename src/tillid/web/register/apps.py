from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "tillid.web.register"
    label = "register"
    verbose_name = "Transparency register"
