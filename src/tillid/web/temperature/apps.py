from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemperatureConfig(AppConfig):
    name = "tillid.web.temperature"
    label = "temperature"
    verbose_name = _("Temperature measurement")
