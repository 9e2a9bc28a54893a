"""The temperature measurement's pages.

The operator's pages (/temperature/...) are for staff users only; everyone else gets 404, as
outsiders of an organisation do, so the pages do not tell that they exist. The organisation's pages
(/o/<org>/temperature/...) show its own invitations to its members; editors answer them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tillid.reports.charts import Chart, ChartRow
from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.temperature import selectors, services
from tillid.web.temperature.forms import AnswerForm, SendForm, SurveyForm
from tillid.web.temperature.models import Survey, SurveyInvitation
from tillid.web.temperature.services import Audience
from tillid.web.temperature.vocabulary import CHALLENGES

View = Callable[..., HttpResponse]


def operator_view(view: View) -> View:
    """Logs in, then lets only the platform operator (a staff user) through."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_staff:
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapped


def _survey(survey_id: int) -> Survey:
    survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None:
        raise Http404("No such survey")
    return survey


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# --- The operator's pages -------------------------------------------------------------------------


@operator_view
def surveys(request: HttpRequest) -> HttpResponse:
    return render(request, "temperature/surveys.html", {"rows": selectors.surveys()})


@operator_view
def survey_new(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(None))
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(request.user, form.to_input())  # type: ignore[arg-type]
        except services.TemperatureError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The survey was made. Send its first round when ready."))
            return redirect("temperature_survey", survey_id=survey.pk)
    return render(request, "temperature/survey_form.html", {"form": form, "survey": None})


@operator_view
def survey_edit(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    locked = survey.rounds.exists()
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(survey), locked=locked)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(survey, form.to_input(list(survey.questions.all())))
        except services.TemperatureError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("temperature_survey", survey_id=survey.pk)
    return render(
        request,
        "temperature/survey_form.html",
        {"form": form, "survey": survey, "questions": survey.questions.all()},
    )


@operator_view
def survey_detail(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    by = request.GET.get("by", "")
    if by not in selectors.DIMENSIONS:
        by = ""
    results = selectors.survey_results(survey, by)
    return render(
        request,
        "temperature/survey.html",
        {
            "survey": survey,
            "results": results,
            "questions": survey.questions.all(),
            "trend": _trend_chart(results),
            "challenge_chart": _challenge_chart(results),
            "distribution": _distribution(results),
            "by": by,
            "dimensions": selectors.dimension_choices(),
            "k": survey.min_responses,
            "today": timezone.localdate(),
        },
    )


def _round_label(result: selectors.RoundResult) -> str:
    return _("Round %(number)d (%(date)s)") % {
        "number": result.round.number,
        "date": timezone.localdate(result.round.sent_at).strftime("%Y-%m"),
    }


def _hidden_label(k: int) -> str:
    return _("not shown (open, or fewer than %(k)d responses)") % {"k": k}


def _trend_chart(results: selectors.Results) -> Chart | None:
    if not results.rounds or not results.scale_questions:
        return None
    return Chart(
        title=_("Mean answer per round (1 = strongly disagree, 5 = strongly agree)"),
        description=_(
            "One line per statement, one point per round; open rounds and rounds with too few "
            "responses are left out."
        ),
        series=tuple(q.wording() for q in results.scale_questions),
        rows=tuple(
            ChartRow(
                _round_label(result),
                tuple(
                    s.mean if s is not None else None
                    for s in (results.scale[q.pk][i] for q in results.scale_questions)
                ),
            )
            for i, result in enumerate(results.rounds)
        ),
        hidden_label=_hidden_label(results.survey.min_responses),
        label_heading=_("Round"),
        value_format=lambda v: f"{v:.2f}",
        value_range=(1.0, 5.0),
    )


def _challenge_chart(results: selectors.Results) -> Chart | None:
    """Only the rounds with enough responses: a column of "hidden" per challenge says nothing."""
    shown = [i for i, r in enumerate(results.rounds) if r.shown]
    if not results.asks_challenges or not shown:
        return None
    return Chart(
        title=_("Projects naming each challenge, per round"),
        description=_(
            "How many responding projects said they face each challenge now; open rounds and rounds "
            "with too few responses are left out."
        ),
        series=tuple(_round_label(results.rounds[i]) for i in shown),
        rows=tuple(
            ChartRow(str(CHALLENGES[cid]), tuple(float(counts[i] or 0) for i in shown))
            for cid, counts in results.challenges
        ),
        hidden_label=_hidden_label(results.survey.min_responses),
        label_heading=_("Challenge"),
    )


def _distribution(results: selectors.Results) -> list[dict[str, Any]]:
    """Per statement, per round: responses, mean and how many answered 1..5."""
    return [
        {
            "question": question,
            "rows": [
                (_round_label(result), result, results.scale[question.pk][i])
                for i, result in enumerate(results.rounds)
            ],
        }
        for question in results.scale_questions
    ]


@operator_view
def survey_send(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    today = timezone.localdate()
    initial = {**survey.audience, "deadline": today + dt.timedelta(days=survey.answer_days)}
    form = SendForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.send_round(
                survey,
                form.audience(),
                form.cleaned_data["deadline"],
                request.user,  # type: ignore[arg-type]
                _base_url(request),
            )
        except services.TemperatureError as error:
            form.add_error(None, str(error))
        else:
            _report_sent(request, sent)
            return redirect("temperature_survey", survey_id=survey.pk)
    try:
        audience = (
            form.audience()
            if form.is_bound and form.is_valid()
            else Audience.from_dict(survey.audience)
        )
    except services.TemperatureError:
        audience = Audience()
    open_rounds = [r for r in survey.rounds.all() if r.is_open(today)]
    return render(
        request,
        "temperature/send.html",
        {
            "survey": survey,
            "form": form,
            "matching": services.matching_systems(audience).count(),
            "open_rounds": open_rounds,
        },
    )


@operator_view
def round_close(request: HttpRequest, survey_id: int, round_id: int) -> HttpResponse:
    survey = _survey(survey_id)
    round_ = survey.rounds.filter(pk=round_id).first()
    if round_ is None:
        raise Http404("No such round")
    if request.method == "POST":
        services.close_round(round_)
        messages.success(
            request,
            _("Round %(number)d is closed. Projects can no longer answer it.")
            % {"number": round_.number},
        )
    return redirect("temperature_survey", survey_id=survey.pk)


def _report_sent(request: HttpRequest, sent: services.Sent) -> None:
    messages.success(
        request,
        ngettext(
            "Round %(number)d was sent to %(n)d project.",
            "Round %(number)d was sent to %(n)d projects.",
            sent.invitations,
        )
        % {"number": sent.round.number, "n": sent.invitations}
        + " "
        + ngettext("%(n)d e-mail was sent.", "%(n)d e-mails were sent.", sent.emails_sent)
        % {"n": sent.emails_sent},
    )
    if sent.emails_failed:
        messages.error(
            request,
            ngettext(
                "%(n)d e-mail could not be sent (%(error)s). The projects still see the "
                "invitation on their temperature page.",
                "%(n)d e-mails could not be sent (%(error)s). The projects still see the "
                "invitation on their temperature page.",
                sent.emails_failed,
            )
            % {"n": sent.emails_failed, "error": sent.email_error[:200]},
        )


# --- The organisation's pages ---------------------------------------------------------------------


@organisation_view(Role.VIEWER)
def invitations(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    today = timezone.localdate()
    rows = list(selectors.invitations_of(organisation))
    return render(
        request,
        "temperature/invitations.html",
        {
            "open": [i for i in rows if i.round.is_open(today)],
            "closed": [i for i in rows if not i.round.is_open(today)],
            "can_answer": request.membership.allows(Role.EDITOR),  # type: ignore[attr-defined]
        },
    )


def _invitation(organisation: Organisation, pk: int) -> SurveyInvitation:
    try:
        return selectors.invitation_of(organisation, pk)
    except SurveyInvitation.DoesNotExist:
        raise Http404 from None


@organisation_view(Role.VIEWER)
def answer(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    invitation = _invitation(organisation, pk)
    can_answer = request.membership.allows(Role.EDITOR)  # type: ignore[attr-defined]
    is_open = invitation.round.is_open()
    questions = list(invitation.round.survey.questions.all())
    stored = selectors.answers_of(invitation)
    response = getattr(invitation, "response", None)
    version = response.version if response else 0
    form = None
    conflict = False
    if request.method == "POST":
        if not can_answer:
            return HttpResponse(status=403)
        form = AnswerForm(questions, request.POST)
        if form.is_valid():
            seen = form.cleaned_data.get("version") or 0
            try:
                services.save_response(
                    invitation,
                    request.user,  # type: ignore[arg-type]
                    form.answers(),
                    seen,
                )
            except services.TemperatureError as error:
                messages.error(request, str(error))  # the form below keeps what they chose
                if seen != version:  # someone saved meanwhile: show theirs, let them save again
                    conflict = True
                    data = request.POST.copy()
                    data["version"] = str(version)
                    form = AnswerForm(questions, data)
            else:
                messages.success(
                    request,
                    _("Thank you. You can change the answers until %(deadline)s.")
                    % {"deadline": invitation.round.deadline.isoformat()},
                )
                return redirect("temperature_open", org_slug=organisation.slug)
    elif can_answer and is_open:
        form = AnswerForm(
            questions, initial={**AnswerForm.initial_from(stored), "version": version}
        )
    return render(
        request,
        "temperature/answer.html",
        {
            "invitation": invitation,
            "form": form if is_open and can_answer else None,
            "is_open": is_open,
            "can_answer": can_answer,
            "answers": [(q, stored.get(q.pk)) for q in questions],
            "response": response,
            "conflict": conflict,
            "challenges": CHALLENGES,
        },
    )
