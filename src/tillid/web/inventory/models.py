"""The AI-system inventory: what an organisation uses or builds, described once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation


class LifecyclePhase(models.TextChoices):
    PROCURE = "procure", _("Procure")
    DEVELOP = "develop", _("Develop")
    ADAPT = "adapt", _("Adapt or fine-tune")
    OPERATE = "operate", _("Operate")
    RETIRE = "retire", _("Retire")


class SystemStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNED = "planned", _("Planned")
    IN_USE = "in_use", _("In use")
    PAUSED = "paused", _("Paused")
    STOPPED = "stopped", _("Stopped")
    RETIRED = "retired", _("Retired")


class AISystem(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="systems")
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(
        _("purpose"), help_text=_("What the system is used for, and by whom.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("system owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_systems",
    )
    vendor = models.CharField(_("vendor"), max_length=200, blank=True)
    lifecycle_phase = models.CharField(
        _("lifecycle phase"), max_length=10, choices=LifecyclePhase, default=LifecyclePhase.PROCURE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SystemStatus, default=SystemStatus.PLANNED
    )
    affected_groups = models.TextField(_("affected groups"), blank=True)
    data_used = models.TextField(_("data used"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One address per line."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a form carries the version it was made from; saving an older version fails.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_system_name")
        ]

    def __str__(self) -> str:
        return self.name

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
