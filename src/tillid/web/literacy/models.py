"""AI literacy (AI Act Art. 4): the organisation's staff and groups, their roles, the training they
took and their self-assessments. Roles, competence areas and competences are ids from the
`ai-literacy` pack (lit.role_*, lit.area_*, lit.m_*), so the words and levels live in one place.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.inventory.models import AISystem


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


class StaffGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_staff_group")
        ]

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    """A person whose AI literacy the organisation documents; not necessarily a tillid user."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tillid user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    roles = models.JSONField(default=list)  # ai-literacy pack staff roles, e.g. lit.role_overseer
    groups = models.ManyToManyField(StaffGroup, blank=True, related_name="members")
    # The systems the person works with; none means all of the organisation's systems (management,
    # the DPO), so a small organisation need not tick every box.
    systems = models.ManyToManyField(AISystem, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TrainingActivity(models.Model):
    """A course, e-learning, workshop or briefing, and the competences it builds."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="training_activities"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    competences = models.JSONField(default=list)  # measure ids of the ai-literacy pack
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("When the training must be repeated; leave empty if it does not expire."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class TrainingRecord(models.Model):
    """That a person completed an activity, when, and the evidence that shows it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="training_records"
    )
    person = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="records")
    activity = models.ForeignKey(TrainingActivity, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField(_("completed on"))
    evidence_note = models.TextField(_("evidence"), blank=True, max_length=2000)
    evidence_reference = models.CharField(
        _("evidence reference"),
        max_length=500,
        blank=True,
        help_text=_("Where the certificate or attendance list is kept, e.g. a case number."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]

    @property
    def valid_until(self) -> dt.date | None:
        months = self.activity.validity_months
        return add_months(self.completed_on, months) if months else None

    def valid_on(self, day: dt.date) -> bool:
        until = self.valid_until
        return self.completed_on <= day and (until is None or day < until)


class SelfAssessment(models.Model):
    """A person's own view of their level in each competence area; kept as history."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="literacy_self_assessments"
    )
    person = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="self_assessments"
    )
    levels = models.JSONField(
        default=dict
    )  # area id -> "none" | "aware" | "practitioner" | "expert"
    answered_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-answered_at", "-pk"]
