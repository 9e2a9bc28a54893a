"""Demo data of the temperature measurement: the operator login `platform`, one quarterly survey with
three past rounds of made-up answers and one open round (tillid/examples/demo/temperature.yaml).

Idempotent like the rest of the demo: an existing survey of the same title is left as it is."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Membership, Role, User
from tillid.web.inventory.models import AISystem
from tillid.web.temperature.models import (
    Answer,
    QuestionKind,
    Response,
    Round,
    Survey,
    SurveyInvitation,
)
from tillid.web.temperature.services import SurveyInput, create_survey, invitation_for
from tillid.web.temperature.vocabulary import CHALLENGES


def _manifest() -> dict[str, Any]:
    path = Path(str(resources.files("tillid.examples").joinpath("demo", "temperature.yaml")))
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def load_temperature_demo(loaded: Any) -> None:
    """`loaded` is the demo's DemoLoaded: its password is used and the operator login is listed."""
    manifest = _manifest()
    operator = _operator(manifest["operator"], loaded.password)
    loaded.logins[operator.username] = str(_("Platform operator (temperature measurement)"))
    if Survey.objects.filter(title=manifest["survey"]["title"]).exists():
        return
    with transaction.atomic():
        _load_survey(manifest, operator)


def _operator(spec: dict[str, str], password: str) -> User:
    user, created = User.objects.get_or_create(username=spec["username"])
    if created:
        first, _, last = spec.get("name", "").partition(" ")
        user.first_name, user.last_name = first, last
        user.email = spec.get("email", "")
        user.is_staff = True  # the platform operator: staff, member of no organisation
        user.set_password(password)
        user.save()
    return user


def _at_nine(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


def _load_survey(manifest: dict[str, Any], operator: User) -> None:
    spec = manifest["survey"]
    survey = create_survey(
        operator,
        SurveyInput(
            title=spec["title"],
            interval_months=spec["interval_months"],
            answer_days=spec["answer_days"],
            starts_on=spec["starts_on"],
            recurring=spec["recurring"],
            statements=tuple(spec["statements"]),
            ask_challenges=spec["ask_challenges"],
            ask_text=spec["ask_text"],
        ),
    )
    questions = list(survey.questions.all())
    scale = [q for q in questions if q.kind == QuestionKind.SCALE]
    by_kind = {q.kind: q for q in questions if q.kind != QuestionKind.SCALE}
    # Every system of the demo organisations that exists when the demo is loaded.
    systems = {
        s.name: s
        for s in AISystem.objects.filter(organisation__slug__in=_demo_slugs()).select_related(
            "organisation"
        )
    }
    today = timezone.localdate()
    for number, round_spec in enumerate(manifest["rounds"], start=1):
        deadline = round_spec["deadline"]
        if round_spec.get("open") and deadline < today:
            deadline = today + dt.timedelta(days=survey.answer_days)
        round_ = Round.objects.create(
            survey=survey,
            number=number,
            sent_at=_at_nine(round_spec["sent_on"]),
            deadline=deadline,
            sent_by=operator,
        )
        invitations = {}
        for name, s in systems.items():
            invitations[name] = invitation_for(round_, s)
            invitations[name].save()
        for offset, answer in enumerate(round_spec["responses"]):
            invitation = invitations.get(answer["system"])
            if invitation is None:
                raise ValueError(
                    f"temperature.yaml names an unknown demo system: {answer['system']}"
                )
            response = Response.objects.create(
                organisation=invitation.organisation,
                invitation=invitation,
                answered_by=_editor_of(invitation),
            )
            when = _at_nine(round_spec["sent_on"] + dt.timedelta(days=1 + offset % 10))
            Response.objects.filter(pk=response.pk).update(answered_at=when, changed_at=when)
            rows = [
                Answer(response=response, question=q, value=v)
                for q, v in zip(scale, answer["answers"], strict=True)
            ]
            unknown = set(answer.get("challenges", [])) - set(CHALLENGES)
            if unknown:
                raise ValueError(f"temperature.yaml names unknown challenges: {sorted(unknown)}")
            if QuestionKind.CHALLENGES in by_kind:
                rows.append(
                    Answer(
                        response=response,
                        question=by_kind[QuestionKind.CHALLENGES],
                        choices=list(answer.get("challenges", [])),
                    )
                )
            if QuestionKind.TEXT in by_kind:
                rows.append(
                    Answer(
                        response=response,
                        question=by_kind[QuestionKind.TEXT],
                        text=answer.get("text", ""),
                    )
                )
            Answer.objects.bulk_create(rows)


def _demo_slugs() -> list[str]:
    path = Path(str(resources.files("tillid.examples").joinpath("demo", "organisations.yaml")))
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [o["slug"] for o in manifest["organisations"]]


def _editor_of(invitation: SurveyInvitation) -> User | None:
    membership = (
        Membership.objects.filter(
            organisation=invitation.organisation,
            role__in=[Role.EDITOR, Role.ADMIN],
        )
        .select_related("user")
        .order_by("role", "pk")  # "admin" < "editor": prefer an editor below
        .last()
    )
    return membership.user if membership else None
