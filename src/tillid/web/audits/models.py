"""Technical audits run from the browser: where the data is, what to check, and the job's progress.

Only the audit's aggregates are kept (the AuditResult JSON). An uploaded file is deleted as soon as
its audit has run, so personal data does not stay in tillid.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.assessments.models import Assessment
from tillid.web.inventory.models import AISystem


class DataConnection(models.Model):
    """A database the organisation's audits read from. The URL (with its password) is encrypted."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="data_connections"
    )
    name = models.CharField(_("name"), max_length=200)
    encrypted_url = models.TextField()
    display_url = models.CharField(max_length=500)  # the URL without its password
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_connection_name")
        ]

    def __str__(self) -> str:
        return self.name


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class AuditRun(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="audit_runs"
    )
    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="audit_runs")
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_runs"
    )
    title = models.CharField(_("title"), max_length=200)
    # Where the data is: an uploaded file (kept only until the run) or a registered database.
    upload_path = models.CharField(max_length=500, blank=True)
    upload_name = models.CharField(max_length=255, blank=True)
    connection = models.ForeignKey(
        DataConnection, on_delete=models.SET_NULL, null=True, blank=True, related_name="runs"
    )
    table = models.CharField(_("table"), max_length=200, blank=True)
    spec = models.JSONField()  # tillid.audit.AuditSpec as JSON
    status = models.CharField(max_length=10, choices=RunStatus, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=200, blank=True)  # in English, as the CLI says it
    # The same step as a key (and parameters), to show in the reader's language.
    step_message = models.JSONField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)  # tillid.audit.AuditResult as JSON
    error = models.TextField(blank=True)  # in English, as the CLI says it
    # The same error as a key and parameters (web.audits.error_messages), to show in any language.
    error_message = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)
