from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tillid.web.api"
    label = "api"
    verbose_name = "HTTP API"
