"""Assessments: one row per answer, an append-only history, and frozen approved versions.

Answers are rows, not one JSON blob, so that two people answering different questions at the same time
never overwrite each other, and each answer carries its own version for optimistic locking.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Country, Organisation, OrganisationType
from tillid.web.inventory.models import AISystem, LifecyclePhase


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")


class Assessment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessments"
    )
    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="assessments")
    # The context the questions and duties depend on; copied from the organisation and the system
    # when the assessment starts, and changeable to see what a different context would mean.
    organisation_type = models.CharField(
        _("organisation type"), max_length=40, choices=OrganisationType
    )
    country = models.CharField(_("country"), max_length=10, choices=Country)
    lifecycle_phase = models.CharField(_("lifecycle phase"), max_length=10, choices=LifecyclePhase)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    revision = models.PositiveIntegerField(
        default=1
    )  # goes up each time an approved one is reopened
    version = models.PositiveIntegerField(default=1)  # optimistic locking of status and context
    # Kept up to date after each answer, so lists and filters need no evaluation.
    risk_class = models.CharField(max_length=100, blank=True)
    impact_level = models.CharField(max_length=100, blank=True)
    complete = models.BooleanField(default=False)
    open_questions = models.PositiveIntegerField(default=0)
    open_measures = models.PositiveIntegerField(default=0)
    pack_versions = models.JSONField(default=dict)
    # What the assessment concluded under `pack_versions` as of `baseline_as_of`, with the current
    # answers (tillid.assessment.result.Summary): when the packs are updated, comparing it with a
    # new evaluation shows exactly what the update changes for this system.
    baseline = models.JSONField(default=dict)
    baseline_as_of = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.system.name} ({self.get_status_display()})"

    @property
    def editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=120)
    value = models.JSONField()
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question_id"], name="one_answer_per_question"
            )
        ]


class Change(models.Model):
    """The history: every answer change and every step of the review, never edited or deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        ANSWER = "answer", _("Answer changed")
        CONTEXT = "context", _("Context changed")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        REOPENED = "reopened", _("Reopened for a new revision")
        REASSESSED = "reassessed", _("Re-assessed with updated knowledge packs")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="changes")
    revision = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind)
    question_id = models.CharField(max_length=120, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    comment = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class ApprovedVersion(models.Model):
    """What the reviewer approved, frozen: answers, context, pack versions and the result."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="approved_versions"
    )
    revision = models.PositiveIntegerField()
    answer_set = models.JSONField()  # tillid.assessment.answers.AnswerSet as JSON
    result = models.JSONField()  # tillid.assessment.result.Result.to_dict()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "revision"], name="one_approval_per_revision"
            )
        ]


class Comment(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    question_id = models.CharField(max_length=120, blank=True)  # blank: about the whole assessment
    text = models.TextField(_("comment"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
