"""Changes: making surveys, sending rounds (invitations and e-mails), answering them."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core import mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tillid.web.accounts.models import (
    Country,
    Membership,
    Organisation,
    OrganisationType,
    Role,
    User,
)
from tillid.web.inventory.models import AISystem, LifecyclePhase
from tillid.web.temperature.aggregates import add_months, next_round_due
from tillid.web.temperature.models import (
    Answer,
    Question,
    QuestionKind,
    Response,
    Round,
    Survey,
    SurveyInvitation,
)
from tillid.web.temperature.vocabulary import CHALLENGES, DEFAULT_STATEMENTS

log = logging.getLogger(__name__)

MAX_TEXT = 2000
MAX_OWN_STATEMENTS = 10


class TemperatureError(Exception):
    """Something the person can fix; the message says what."""


# --- Surveys --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Audience:
    """Which AI systems get a round. An empty tuple means every value."""

    phases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organisation_types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for values, known, message in (
            (self.phases, LifecyclePhase.values, _("Unknown lifecycle phase: %(values)s.")),
            (self.countries, Country.values, _("Unknown country: %(values)s.")),
            (
                self.organisation_types,
                OrganisationType.values,
                _("Unknown organisation type: %(values)s."),
            ),
        ):
            unknown = sorted(set(values) - set(known))
            if unknown:
                raise TemperatureError(message % {"values": ", ".join(unknown)})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Audience:
        return cls(
            phases=tuple(data.get("phases", ())),
            countries=tuple(data.get("countries", ())),
            organisation_types=tuple(data.get("organisation_types", ())),
        )

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "phases": list(self.phases),
            "countries": list(self.countries),
            "organisation_types": list(self.organisation_types),
        }


@dataclass(frozen=True)
class SurveyInput:
    title: str
    interval_months: int = 3
    answer_days: int = 21
    starts_on: dt.date | None = None
    recurring: bool = True
    min_responses: int = 5
    audience: Audience = field(default_factory=Audience)
    statements: tuple[str, ...] = tuple(DEFAULT_STATEMENTS)  # keys of default statements
    own_statements: tuple[str, ...] = ()
    ask_challenges: bool = True
    ask_text: bool = True


def _questions(data: SurveyInput) -> list[Question]:
    unknown = [key for key in data.statements if key not in DEFAULT_STATEMENTS]
    if unknown:
        raise TemperatureError(_("Unknown statement: %(key)s.") % {"key": ", ".join(unknown)})
    own = [s.strip() for s in data.own_statements if s.strip()]
    if len(own) > MAX_OWN_STATEMENTS:
        raise TemperatureError(
            _("At most %(n)d statements of your own; keep the survey short.")
            % {"n": MAX_OWN_STATEMENTS}
        )
    too_long = [s for s in own if len(s) > 300]
    if too_long:
        raise TemperatureError(
            _("A statement may have at most 300 characters: %(start)s…")
            % {"start": too_long[0][:60]}
        )
    questions = [Question(kind=QuestionKind.SCALE, key=key) for key in data.statements]
    questions += [Question(kind=QuestionKind.SCALE, text=text) for text in own]
    if not questions:
        raise TemperatureError(_("Choose at least one statement to answer on the 1-5 scale."))
    if data.ask_challenges:
        questions.append(Question(kind=QuestionKind.CHALLENGES))
    if data.ask_text:
        questions.append(Question(kind=QuestionKind.TEXT))
    for position, question in enumerate(questions, start=1):
        question.position = position
    return questions


def _apply_settings(survey: Survey, data: SurveyInput) -> None:
    title = data.title.strip()
    if not title:
        raise TemperatureError(_("Give the survey a title."))
    survey.title = title[:200]
    survey.interval_months = data.interval_months
    survey.answer_days = data.answer_days
    survey.starts_on = data.starts_on or timezone.localdate()
    survey.recurring = data.recurring
    survey.min_responses = data.min_responses
    survey.audience = data.audience.to_dict()


@transaction.atomic
def create_survey(user: User, data: SurveyInput) -> Survey:
    questions = _questions(data)
    survey = Survey(created_by=user)
    _apply_settings(survey, data)
    survey.full_clean()
    survey.save()
    for question in questions:
        question.survey = survey
    Question.objects.bulk_create(questions)
    return survey


@transaction.atomic
def update_survey(survey: Survey, data: SurveyInput) -> Survey:
    """Settings may always change; the questions only until the first round is sent."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _apply_settings(survey, data)
    survey.full_clean()
    survey.save()
    if not survey.rounds.exists():
        questions = _questions(data)
        survey.questions.all().delete()
        for question in questions:
            question.survey = survey
        Question.objects.bulk_create(questions)
    return survey


# --- Sending rounds -------------------------------------------------------------------------------


def matching_systems(audience: Audience) -> QuerySet[AISystem]:
    systems = AISystem.objects.select_related("organisation", "owner")
    if audience.phases:
        systems = systems.filter(lifecycle_phase__in=audience.phases)
    if audience.countries:
        systems = systems.filter(organisation__country__in=audience.countries)
    if audience.organisation_types:
        systems = systems.filter(organisation__organisation_type__in=audience.organisation_types)
    return systems.order_by("organisation__name", "name", "pk")


@dataclass
class Sent:
    round: Round
    invitations: int
    emails_sent: int = 0
    emails_failed: int = 0
    email_error: str = ""


def invitation_for(round_: Round, system: AISystem) -> SurveyInvitation:
    """An invitation (not yet saved) with a copy of the project's context at sending time, so a
    later change of phase or organisation does not move old answers between groups."""
    return SurveyInvitation(
        round=round_,
        organisation=system.organisation,
        system=system,
        lifecycle_phase=system.lifecycle_phase,
        country=system.organisation.country,
        organisation_type=system.organisation.organisation_type,
    )


def send_round(
    survey: Survey,
    audience: Audience,
    deadline: dt.date,
    sent_by: User | None,
    base_url: str,
    today: dt.date | None = None,
) -> Sent:
    """One invitation per matching AI system, then an e-mail to the people who should answer.

    The invitations are saved first: a mail server that is down costs the e-mails (counted on the
    round and reported), never the round."""
    today = today or timezone.localdate()
    if deadline < today:
        raise TemperatureError(
            _("The deadline %(deadline)s has passed; choose today or a later day.")
            % {"deadline": deadline.isoformat()}
        )
    if deadline > add_months(today, 12):
        raise TemperatureError(_("Choose a deadline within a year."))
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        systems = list(matching_systems(audience))
        if not systems:
            raise TemperatureError(
                _(
                    "No AI system matches the chosen projects; nothing was sent. Choose fewer filters."
                )
            )
        last = survey.rounds.order_by("-number").first()
        round_ = Round.objects.create(
            survey=survey,
            number=(last.number + 1) if last else 1,
            sent_at=_sending_time(today),
            deadline=deadline,
            audience=audience.to_dict(),
            sent_by=sent_by,
        )
        SurveyInvitation.objects.bulk_create(invitation_for(round_, s) for s in systems)
    sent = Sent(round=round_, invitations=len(systems))
    _send_emails(sent, systems, base_url)
    Round.objects.filter(pk=round_.pk).update(
        emails_sent=sent.emails_sent, emails_failed=sent.emails_failed
    )
    round_.emails_sent, round_.emails_failed = sent.emails_sent, sent.emails_failed
    return sent


def _sending_time(today: dt.date) -> dt.datetime:
    """Now; or, when acting for another day (the command's --today), that day."""
    now = timezone.now()
    if timezone.localdate(now) == today:
        return now
    return timezone.make_aware(dt.datetime.combine(today, timezone.localtime(now).time()))


def _recipients(systems: list[AISystem]) -> dict[tuple[int, int], tuple[User, list[AISystem]]]:
    """(organisation, person) -> the person and the systems they are asked about: the editors
    (and roles above) of the organisation about all its systems, a system's owner about theirs."""
    found: dict[tuple[int, int], tuple[User, list[AISystem]]] = {}
    by_organisation: dict[int, list[AISystem]] = {}
    for system in systems:
        by_organisation.setdefault(system.organisation_id, []).append(system)
    editors = Membership.objects.filter(
        organisation_id__in=by_organisation,
        role__in=[Role.EDITOR, Role.REVIEWER, Role.ADMIN],
        user__is_active=True,
    ).select_related("user")
    for membership in editors:
        if membership.user.email:
            key = (membership.organisation_id, membership.user_id)
            found[key] = (membership.user, list(by_organisation[membership.organisation_id]))
    for system in systems:
        owner = system.owner
        if owner is None or not owner.email or not owner.is_active:
            continue
        key = (system.organisation_id, owner.pk)
        if key not in found:
            found[key] = (owner, [])
        if system not in found[key][1]:
            found[key][1].append(system)
    return found


def _send_emails(sent: Sent, systems: list[AISystem], base_url: str) -> None:
    organisations: dict[int, Organisation] = {s.organisation_id: s.organisation for s in systems}
    messages = []
    for (organisation_id, _person), (user, theirs) in _recipients(systems).items():
        organisation = organisations[organisation_id]
        link = base_url.rstrip("/") + reverse("temperature_open", args=[organisation.slug])
        with translation.override(user.language or None):
            context = {
                "user": user,
                "organisation": organisation,
                "systems": theirs,
                "round": sent.round,
                "survey": sent.round.survey,
                "link": link,
            }
            subject = _("How are your AI projects doing? %(survey)s, round %(number)d") % {
                "survey": sent.round.survey.title,
                "number": sent.round.number,
            }
            body = render_to_string("temperature/email/invitation.txt", context)
        messages.append(mail.EmailMessage(subject.replace("\n", " "), body, None, [user.email]))
    if not messages:
        return
    try:
        connection = mail.get_connection()
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        log.warning("Temperature round %s: no mail server: %s", sent.round.pk, error)
        sent.emails_failed, sent.email_error = len(messages), str(error)
        return
    try:
        for message in messages:
            try:
                sent.emails_sent += connection.send_messages([message]) or 0
            except (smtplib.SMTPException, OSError) as error:
                sent.emails_failed += 1
                sent.email_error = str(error)
    finally:
        connection.close()


def close_round(round_: Round) -> Round:
    """Ends the round before its deadline: no more answers or changes; its results can be shown."""
    if round_.closed_at is None:
        round_.closed_at = timezone.now()
        round_.save(update_fields=["closed_at"])
    return round_


def due_surveys(today: dt.date) -> list[Survey]:
    due = []
    for survey in Survey.objects.filter(recurring=True).prefetch_related("rounds"):
        rounds = list(survey.rounds.all())
        last = max((r.sent_at for r in rounds), default=None)
        last_day = timezone.localdate(last) if last else None
        if next_round_due(survey.starts_on, last_day, survey.interval_months) <= today:
            due.append(survey)
    return due


def send_due_rounds(today: dt.date, base_url: str) -> list[Sent | tuple[Survey, str]]:
    """Sends every round that is due; a survey that cannot be sent is reported, the others go on."""
    done: list[Sent | tuple[Survey, str]] = []
    for survey in due_surveys(today):
        deadline = today + dt.timedelta(days=survey.answer_days)
        try:
            done.append(
                send_round(
                    survey, Audience.from_dict(survey.audience), deadline, None, base_url, today
                )
            )
        except TemperatureError as error:
            done.append((survey, str(error)))
    return done


# --- Answering ------------------------------------------------------------------------------------


def _clean_answer(question: Question, raw: Any) -> dict[str, Any]:
    if question.kind == QuestionKind.SCALE:
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = 0
        if value not in (1, 2, 3, 4, 5):
            raise TemperatureError(
                _("Answer “%(question)s” with a number from 1 to 5.")
                % {"question": question.wording()}
            )
        return {"value": value, "choices": [], "text": ""}
    if question.kind == QuestionKind.CHALLENGES:
        chosen = list(dict.fromkeys(raw or []))
        unknown = [c for c in chosen if c not in CHALLENGES]
        if unknown:
            raise TemperatureError(
                _("Unknown challenge: %(ids)s. Choose from the list.")
                % {"ids": ", ".join(unknown)[:200]}
            )
        return {"value": None, "choices": chosen, "text": ""}
    text = str(raw or "").strip()
    if len(text) > MAX_TEXT:
        raise TemperatureError(
            _("The free text has %(n)d characters; at most %(max)d are kept. Shorten it.")
            % {"n": len(text), "max": MAX_TEXT}
        )
    return {"value": None, "choices": [], "text": text}


def save_response(
    invitation: SurveyInvitation,
    user: User,
    answers: Mapping[int, Any],
    seen_version: int,
    today: dt.date | None = None,
) -> Response:
    """Creates or changes the project's response until the round's deadline.

    `seen_version` is the response version the form was made from (0: there was none); someone
    else's newer answers are never overwritten."""
    round_ = Round.objects.get(pk=invitation.round_id)  # as it is now: it may have been closed
    if not round_.is_open(today):
        closed = timezone.localdate(round_.closed_at) if round_.closed_at else round_.deadline
        raise TemperatureError(
            _("The round closed on %(deadline)s; answers can no longer be given or changed.")
            % {"deadline": closed.isoformat()}
        )
    questions = list(invitation.round.survey.questions.all())
    cleaned = {q.pk: _clean_answer(q, answers.get(q.pk)) for q in questions}
    with transaction.atomic():
        response = Response.objects.select_for_update().filter(invitation=invitation).first()
        current = response.version if response else 0
        if current != seen_version:
            who = response.answered_by if response else None
            raise TemperatureError(
                _(
                    "%(who)s changed the answers while you were answering. Your answers are below; "
                    "check theirs on the page and save again."
                )
                % {"who": who or _("Someone")}
            )
        if response is None:
            response = Response.objects.create(
                organisation=invitation.organisation, invitation=invitation, answered_by=user
            )
        else:
            response.answered_by = user
            response.version += 1
            response.save()
        for question_id, values in cleaned.items():
            Answer.objects.update_or_create(
                response=response, question_id=question_id, defaults=values
            )
    return response


def questions_of(invitations: Iterable[SurveyInvitation]) -> dict[int, list[Question]]:
    """Survey id -> its questions, for a page listing invitations of several surveys."""
    ids = {i.round.survey_id for i in invitations}
    found: dict[int, list[Question]] = {}
    for question in Question.objects.filter(survey_id__in=ids):
        found.setdefault(question.survey_id, []).append(question)
    return found
