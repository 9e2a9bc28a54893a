"""Reads. The organisation's side is scoped to one organisation; the operator's side returns only
aggregates: no function here gives the operator a project's, a system's or an organisation's answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tillid.web.accounts.models import Country, Organisation, OrganisationType
from tillid.web.inventory.models import LifecyclePhase
from tillid.web.temperature.aggregates import (
    ScaleSummary,
    count_choices,
    hidden_groups,
    next_round_due,
    summarise_scale,
)
from tillid.web.temperature.models import (
    Answer,
    Question,
    QuestionKind,
    Response,
    Round,
    Survey,
    SurveyInvitation,
)
from tillid.web.temperature.vocabulary import CHALLENGES

# What the operator may break the results down by: the invitation's copy of the context.
DIMENSIONS: dict[str, tuple[str, Any]] = {
    "country": ("country", Country),
    "organisation_type": ("organisation_type", OrganisationType),
    "lifecycle_phase": ("lifecycle_phase", LifecyclePhase),
}


# --- The organisation's side ----------------------------------------------------------------------


def invitations_of(organisation: Organisation) -> QuerySet[SurveyInvitation]:
    return (
        SurveyInvitation.objects.filter(organisation=organisation)
        .select_related("round", "round__survey", "system", "response", "response__answered_by")
        .order_by("-round__sent_at", "system__name", "pk")
    )


def open_invitations(
    organisation: Organisation, today: dt.date | None = None
) -> list[SurveyInvitation]:
    today = today or timezone.localdate()
    return list(
        invitations_of(organisation).filter(
            round__deadline__gte=today, round__closed_at__isnull=True
        )
    )


def invitation_of(organisation: Organisation, pk: int) -> SurveyInvitation:
    """SurveyInvitation.DoesNotExist unless it is this organisation's."""
    return invitations_of(organisation).get(pk=pk)


def answers_of(invitation: SurveyInvitation) -> dict[int, Answer]:
    response = Response.objects.filter(invitation=invitation).first()
    if response is None:
        return {}
    return {a.question_id: a for a in response.answers.all()}


# --- The operator's side --------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyRow:
    survey: Survey
    rounds: int
    next_due: dt.date | None  # None: not sent automatically


def surveys() -> list[SurveyRow]:
    rows = []
    for survey in Survey.objects.annotate(n=Count("rounds")).prefetch_related("rounds"):
        last = max((r.sent_at for r in survey.rounds.all()), default=None)
        due = (
            next_round_due(
                survey.starts_on, timezone.localdate(last) if last else None, survey.interval_months
            )
            if survey.recurring
            else None
        )
        rows.append(SurveyRow(survey=survey, rounds=survey.n, next_due=due))  # type: ignore[attr-defined]
    return rows


@dataclass
class RoundResult:
    """A round's results are shown once it is closed and only with enough responses: while it is
    open, comparing the page before and after one more response would show that response."""

    round: Round
    invited: int
    responses: int
    is_open: bool
    enough: bool  # at least the survey's minimum of responses

    @property
    def shown(self) -> bool:
        return self.enough and not self.is_open

    @property
    def rate(self) -> int:
        return round(100 * self.responses / self.invited) if self.invited else 0


@dataclass
class GroupCell:
    label: str
    responses: int
    hidden: bool
    means: list[float | None]  # per scale question


@dataclass
class Results:
    survey: Survey
    rounds: list[RoundResult]
    scale_questions: list[Question]
    # question id -> one summary per round (None: hidden below the threshold)
    scale: dict[int, list[ScaleSummary | None]]
    challenges: list[tuple[str, list[int | None]]]  # challenge id -> one count per round
    asks_challenges: bool
    free_texts: list[tuple[RoundResult, list[str]]]  # only rounds with enough responses
    asks_text: bool
    breakdown: list[tuple[RoundResult, list[GroupCell]]] = field(default_factory=list)


def survey_results(survey: Survey, breakdown: str = "") -> Results:
    k = survey.min_responses
    questions = list(survey.questions.all())
    scale_questions = [q for q in questions if q.kind == QuestionKind.SCALE]
    rounds = list(
        survey.rounds.annotate(
            invited=Count("invitations", distinct=True),
            responded=Count(
                "invitations", filter=Q(invitations__response__isnull=False), distinct=True
            ),
        ).order_by("number")
    )
    today = timezone.localdate()
    round_results = [
        RoundResult(r, r.invited, r.responded, r.is_open(today), r.responded >= k)  # type: ignore[attr-defined]
        for r in rounds
    ]
    answers = list(
        Answer.objects.filter(response__invitation__round__survey=survey).values_list(
            "response__invitation__round_id", "question_id", "value", "choices", "text"
        )
    )
    scale: dict[int, list[ScaleSummary | None]] = {}
    for question in scale_questions:
        scale[question.pk] = []
        for result in round_results:
            values = [
                v for r, q, v, _c, _t in answers if r == result.round.pk and q == question.pk and v
            ]
            summary = summarise_scale(values)
            scale[question.pk].append(summary if result.shown and summary.n >= k else None)
    challenge_question = next((q for q in questions if q.kind == QuestionKind.CHALLENGES), None)
    challenges: list[tuple[str, list[int | None]]] = []
    if challenge_question is not None:
        per_round = [
            count_choices(
                (
                    c
                    for r, q, _v, c, _t in answers
                    if r == result.round.pk and q == challenge_question.pk
                ),
                list(CHALLENGES),
            )
            if result.shown
            else None
            for result in round_results
        ]
        challenges = [
            (cid, [counts[cid] if counts is not None else None for counts in per_round])
            for cid in CHALLENGES
        ]
    text_question = next((q for q in questions if q.kind == QuestionKind.TEXT), None)
    free_texts = []
    if text_question is not None:
        for result in round_results:
            if result.shown:
                # Sorted, so the order says nothing about who answered first.
                texts = sorted(
                    t
                    for r, q, _v, _c, t in answers
                    if r == result.round.pk and q == text_question.pk and t
                )
                free_texts.append((result, texts))
    results = Results(
        survey=survey,
        rounds=round_results,
        scale_questions=scale_questions,
        scale=scale,
        challenges=challenges,
        asks_challenges=challenge_question is not None,
        free_texts=free_texts,
        asks_text=text_question is not None,
    )
    if breakdown in DIMENSIONS:
        results.breakdown = _breakdown(survey, round_results, scale_questions, breakdown, k)
    return results


def _breakdown(
    survey: Survey,
    round_results: Sequence[RoundResult],
    scale_questions: Sequence[Question],
    dimension: str,
    k: int,
) -> list[tuple[RoundResult, list[GroupCell]]]:
    column, choices = DIMENSIONS[dimension]
    labels = dict(choices.choices)
    rows = list(
        Answer.objects.filter(
            response__invitation__round__survey=survey, question__kind=QuestionKind.SCALE
        ).values_list(
            "response__invitation__round_id",
            f"response__invitation__{column}",
            "response_id",
            "question_id",
            "value",
        )
    )
    found = []
    for result in round_results:
        mine = [row for row in rows if row[0] == result.round.pk]
        sizes: dict[str, int] = {}
        for group in {row[1] for row in mine}:
            sizes[group] = len({row[2] for row in mine if row[1] == group})
        hidden = hidden_groups(sizes, k) if result.shown else set(sizes)
        cells = []
        for group in sorted(sizes, key=lambda g: str(labels.get(g, g))):
            means: list[float | None] = []
            for question in scale_questions:
                values = [
                    row[4] for row in mine if row[1] == group and row[3] == question.pk and row[4]
                ]
                means.append(None if group in hidden else summarise_scale(values).mean)
            cells.append(
                GroupCell(str(labels.get(group, group)), sizes[group], group in hidden, means)
            )
        found.append((result, cells))
    return found


def dimension_choices() -> list[tuple[str, str]]:
    from django.utils.translation import gettext as _

    return [
        ("country", _("Country")),
        ("organisation_type", _("Organisation type")),
        ("lifecycle_phase", _("Lifecycle phase")),
    ]


def systems_matching_count(audience: Any) -> int:
    from tillid.web.temperature.services import matching_systems

    return matching_systems(audience).count()
