"""Tasks (one per measure the assessment asks for) and evidence files (behind a question or a task).

A task is made from a measure in the assessment's result and then belongs to the people doing it:
synchronising with a newer result never deletes a task someone has worked on; it marks it as no
longer required instead. Evidence is never deleted from the history: removing a file deletes its
content from disk but keeps who uploaded and removed it, when, its name and its SHA-256.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.assessments.models import Assessment


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_RELEVANT = "not_relevant", _("Not relevant")


STILL_TO_DO = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


class Task(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="tasks")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="tasks")
    measure_id = models.CharField(max_length=120)
    # From the latest synchronised result: why the measure is needed and when.
    obligations = models.JSONField(default=list)
    phases = models.JSONField(default=list)
    position = models.PositiveIntegerField(default=0)
    result_due = models.DateField(null=True, blank=True)
    required = models.BooleanField(default=True)  # False: the assessment no longer asks for it
    # What the people doing it decide.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    due = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus, default=TaskStatus.OPEN
    )
    reason = models.TextField(_("reason it is not relevant"), blank=True, max_length=2000)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    worked_on = models.BooleanField(default=False)  # a person changed it or attached evidence
    due_moved = models.BooleanField(default=False)  # a person set the due date: results leave it
    version = models.PositiveIntegerField(default=1)  # optimistic locking per task
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "-required", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "measure_id"], name="one_task_per_measure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} ({self.get_status_display()})"

    @property
    def still_to_do(self) -> bool:
        return self.required and self.status in STILL_TO_DO


class Evidence(models.Model):
    """A file behind an answer (question_id) or a task. The content lives on disk under a random
    name (see tillid.web.actions.evidence); the person's file name is kept here only."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="evidence"
    )
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    question_id = models.CharField(max_length=120, blank=True)
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    name = models.CharField(_("file name"), max_length=200)  # sanitised for display
    stored_name = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=10)  # tillid.web.actions.filetypes.KINDS
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(question_id="") | models.Q(task__isnull=False),
                name="evidence_belongs_to_a_question_or_task",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class TaskChange(models.Model):
    """A task's history: every change people and results made, never edited or deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Made from the assessment's result")
        CHANGED = "changed", _("Changed")
        NOT_REQUIRED = "not_required", _("No longer required by the assessment")
        REQUIRED = "required", _("Required again by the assessment")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        EVIDENCE_REMOVED = "evidence_removed", _("Evidence removed")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind)
    # {field: value} for the fields that changed, as people read them (owner's name, ISO dates).
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
