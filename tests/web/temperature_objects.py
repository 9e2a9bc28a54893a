"""Temperature-measurement rows every test organisation holds, so the isolation matrix reaches its
pages: a survey of its own with a closed round (one answered invitation) and an open round (an
invitation for each system, the first one answered)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tillid.web.accounts.models import Organisation, User
from tillid.web.inventory.models import AISystem
from tillid.web.temperature import services
from tillid.web.temperature.models import QuestionKind, Round, SurveyInvitation


def _invite(round_: Round, system: AISystem) -> SurveyInvitation:
    invitation = services.invitation_for(round_, system)
    invitation.save()
    return invitation


def answers_for(invitation: SurveyInvitation, value: int = 4) -> dict[int, object]:
    found: dict[int, object] = {}
    for question in invitation.round.survey.questions.all():
        if question.kind == QuestionKind.SCALE:
            found[question.pk] = value
        elif question.kind == QuestionKind.CHALLENGES:
            found[question.pk] = ["data_quality"]
        else:
            found[question.pk] = f"Comment from {invitation.organisation.slug}"
    return found


def form_data(invitation: SurveyInvitation, value: int = 4) -> dict[str, object]:
    """What the answer page posts."""
    return {f"q{pk}": v for pk, v in answers_for(invitation, value).items()} | {"version": 0}


def add_temperature_objects(
    organisation: Organisation, systems: list[AISystem], operator: User, editor: User
) -> None:
    survey = services.create_survey(
        operator, services.SurveyInput(title=f"Temperature of {organisation.slug}")
    )
    today = timezone.localdate()
    closed = Round.objects.create(
        survey=survey, number=1, deadline=today - dt.timedelta(days=30), sent_by=operator
    )
    answered = _invite(closed, systems[0])
    services.save_response(
        answered, editor, answers_for(answered, 2), 0, today=today - dt.timedelta(days=40)
    )
    open_round = Round.objects.create(
        survey=survey, number=2, deadline=today + dt.timedelta(days=30), sent_by=operator
    )
    invitations = [_invite(open_round, s) for s in systems]
    services.save_response(invitations[0], editor, answers_for(invitations[0], 3), 0)
