from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "tillid.web.audits"
    label = "audits"
    verbose_name = "Audits"
