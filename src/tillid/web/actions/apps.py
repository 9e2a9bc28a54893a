from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "tillid.web.actions"
    label = "actions"
    verbose_name = _("Action plan and evidence")

    def ready(self) -> None:
        from tillid.web.actions import signals  # noqa: F401  (connects the receivers)
