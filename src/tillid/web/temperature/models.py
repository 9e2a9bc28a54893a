"""The temperature measurement: the platform operator's recurring survey of the AI projects.

`Survey` and its `Question`s and `Round`s belong to the platform, not to an organisation: only the
operator (a staff user) sees them. Sending a round makes one `SurveyInvitation` per AI system, owned
by the system's organisation; its members see it and its editors answer it (`Response`, one per
invitation, with one `Answer` per question). The operator reads the answers only as aggregates.

The questions of a survey are fixed once its first round is sent, so the rounds can be compared.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.inventory.models import AISystem
from tillid.web.temperature.aggregates import DEFAULT_MIN_RESPONSES
from tillid.web.temperature.vocabulary import (
    CHALLENGES_QUESTION,
    DEFAULT_STATEMENTS,
    TEXT_QUESTION,
)


class Survey(models.Model):
    title = models.CharField(_("title"), max_length=200)
    interval_months = models.PositiveSmallIntegerField(
        _("send a round every (months)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer"),
        default=21,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    starts_on = models.DateField(_("first round on"), default=timezone.localdate)
    recurring = models.BooleanField(_("send rounds automatically when due"), default=True)
    min_responses = models.PositiveSmallIntegerField(
        _("fewest responses shown"),
        default=DEFAULT_MIN_RESPONSES,
        validators=[MinValueValidator(DEFAULT_MIN_RESPONSES), MaxValueValidator(1000)],
    )
    # Who gets the rounds: empty lists mean everyone. Keys: phases, countries, organisation_types.
    audience = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Statement, answered 1-5")
    CHALLENGES = "challenges", _("Challenges (pick any)")
    TEXT = "text", _("Free text")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=QuestionKind)
    key = models.CharField(max_length=40, blank=True)  # a default statement, read in any language
    text = models.CharField(max_length=300, blank=True)  # the operator's own statement

    class Meta:
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"], name="temperature_question_position"
            )
        ]

    def __str__(self) -> str:
        return self.wording()

    def wording(self) -> str:
        if self.kind == QuestionKind.CHALLENGES:
            return str(CHALLENGES_QUESTION)
        if self.kind == QuestionKind.TEXT:
            return self.text or str(TEXT_QUESTION)
        if self.key in DEFAULT_STATEMENTS:
            return str(DEFAULT_STATEMENTS[self.key])
        return self.text


class Round(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateField(_("deadline"))
    audience = models.JSONField(default=dict, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )  # None: sent by `tillid manage send_temperature_rounds`
    closed_at = models.DateTimeField(null=True, blank=True)  # closed early by the operator
    emails_sent = models.PositiveIntegerField(default=0)
    emails_failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="temperature_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.number}"

    def is_open(self, today: dt.date | None = None) -> bool:
        """Answers are taken until the end of the deadline day (the server's time zone), unless the
        operator closed the round before."""
        return self.closed_at is None and (today or timezone.localdate()) <= self.deadline


class SurveyInvitation(models.Model):
    """One project (AI system) asked to answer one round. The context is copied at sending, so the
    results can be broken down by what was true then."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="+")
    lifecycle_phase = models.CharField(max_length=10)
    country = models.CharField(max_length=10)
    organisation_type = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-round__sent_at", "system__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "system"], name="temperature_invitation_per_system"
            )
        ]


class Response(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="survey_responses"
    )  # the invitation's, kept beside it so every read can be scoped to one organisation
    invitation = models.OneToOneField(
        SurveyInvitation, on_delete=models.CASCADE, related_name="response"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        null=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    choices = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="temperature_one_answer_per_question"
            )
        ]
