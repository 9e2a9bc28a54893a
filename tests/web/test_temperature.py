"""The temperature measurement: the platform operator surveys the AI projects again and again and sees
only aggregates; the projects' editors answer for their own systems until the deadline."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import ROLES, Tenant, client_for, make_user
from tests.web.temperature_objects import answers_for, form_data
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.inventory.models import AISystem
from tillid.web.temperature import services
from tillid.web.temperature.aggregates import (
    add_months,
    count_choices,
    hidden_groups,
    next_round_due,
    summarise_scale,
)
from tillid.web.temperature.models import (
    Answer,
    QuestionKind,
    Response,
    Round,
    Survey,
    SurveyInvitation,
)
from tillid.web.temperature.services import Audience, SurveyInput

TODAY = timezone.localdate


def operator() -> User:
    return User.objects.filter(username="operator").first() or make_user("operator", is_staff=True)


def operator_urls(survey: Survey) -> list[str]:
    return [
        reverse("temperature_surveys"),
        reverse("temperature_survey_new"),
        reverse("temperature_survey", args=[survey.pk]),
        reverse("temperature_survey_edit", args=[survey.pk]),
        reverse("temperature_send", args=[survey.pk]),
        reverse("temperature_round_close", args=[survey.pk, 1]),
    ]


def new_survey(**extra: Any) -> Survey:
    return services.create_survey(operator(), SurveyInput(title="Quarterly temperature", **extra))


def send(survey: Survey, audience: Audience | None = None, days: int = 14) -> services.Sent:
    return services.send_round(
        survey,
        audience or Audience(),
        TODAY() + dt.timedelta(days=days),
        operator(),
        "https://t.example",
    )


# --- The arithmetic -------------------------------------------------------------------------------


def test_scale_summary_counts_means_and_distributes() -> None:
    summary = summarise_scale([1, 2, 2, 5, 5, 5])
    assert (summary.n, summary.mean, summary.distribution) == (6, 3.33, (1, 2, 0, 0, 3))
    assert summarise_scale([]).mean is None
    with pytest.raises(ValueError, match="outside the 1-5 scale"):
        summarise_scale([0, 6])


def test_choices_are_counted_once_per_response() -> None:
    assert count_choices([["a", "a", "b"], ["b"], ["zzz"]], ["a", "b", "c"]) == {
        "a": 1,
        "b": 2,
        "c": 0,
    }


def test_small_groups_are_hidden_and_so_is_the_next_smallest_when_they_could_be_worked_out() -> (
    None
):
    # DK 13, SE 1: hiding SE alone would let total - DK = SE; so DK is hidden too.
    assert hidden_groups({"DK": 13, "SE": 1}, 5) == {"DK", "SE"}
    # procure 5, operate 6, develop 2: develop (2) + procure (5) hidden together hold 7 >= 5.
    assert hidden_groups({"procure": 5, "operate": 6, "develop": 2}, 5) == {"develop", "procure"}
    # Two small groups that together reach the threshold protect each other.
    assert hidden_groups({"a": 9, "b": 3, "c": 2}, 5) == {"b", "c"}
    assert hidden_groups({"a": 5, "b": 5}, 5) == set()
    assert hidden_groups({"a": 3}, 5) == {"a"}


@pytest.mark.parametrize(
    ("field", "word"),
    [("phases", "phase"), ("countries", "country"), ("organisation_types", "type")],
)
def test_an_unknown_audience_value_is_named_in_the_readers_words(
    monkeypatch: pytest.MonkeyPatch, field: str, word: str
) -> None:
    # A stand-in translation that turns every English word it is given into capitals: a word of
    # the message that did not go through gettext stays in small letters.
    monkeypatch.setattr(services, "_", lambda text: text.replace(word, word.upper()))
    with pytest.raises(services.TemperatureError) as raised:
        Audience(**{field: ("nowhere",)})
    assert word.upper() in str(raised.value)
    assert "nowhere" in str(raised.value)


def test_rounds_recur_at_the_interval_from_the_start() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    start = dt.date(2026, 2, 2)
    assert next_round_due(start, None, 3) == start
    assert next_round_due(start, dt.date(2026, 2, 2), 3) == dt.date(2026, 5, 2)


# --- Only the operator ----------------------------------------------------------------------------


def test_operator_pages_are_refused_to_every_role_and_sent_to_login_for_visitors(a: Tenant) -> None:
    survey = new_survey()
    before = Survey.objects.count(), Round.objects.count()
    for role in ROLES:
        client = client_for(a.users[role])
        for url in operator_urls(survey):
            assert client.get(url).status_code == 404, (role, url)
            assert client.post(url, {"title": "Mine", "deadline": "SOON"}).status_code == 404
    superuser_without_staff = make_user("root-ish", is_superuser=False)
    assert client_for(superuser_without_staff).get(operator_urls(survey)[0]).status_code == 404
    anonymous = client_for(None)
    for url in operator_urls(survey):
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert (Survey.objects.count(), Round.objects.count()) == before
    staff = client_for(operator())
    for url in operator_urls(survey)[:-1]:
        assert staff.get(url).status_code == 200, url
    assert staff.get(reverse("temperature_survey", args=[999999])).status_code == 404


def test_the_operators_home_page_links_to_the_surveys(db: None) -> None:
    page = client_for(operator()).get(reverse("home"))
    assert reverse("temperature_surveys") in page.content.decode()


# --- Surveys --------------------------------------------------------------------------------------


def test_operator_makes_a_survey_with_the_default_questions_and_own_statements(db: None) -> None:
    client = client_for(operator())
    response = client.post(
        reverse("temperature_survey_new"),
        {
            "title": "Quarterly",
            "interval_months": 3,
            "answer_days": 21,
            "starts_on": "2026-12-01",
            "recurring": "on",
            "min_responses": 5,
            "statements": ["on_track", "data", "legal", "backing", "competences"],
            "own_statements": "We know who is affected.\n\n  ",
            "ask_challenges": "on",
            "ask_text": "on",
        },
    )
    survey = Survey.objects.get()
    assert response.status_code == 302
    kinds = [(q.kind, q.key, q.text) for q in survey.questions.all()]
    assert kinds == [
        ("scale", "on_track", ""),
        ("scale", "data", ""),
        ("scale", "legal", ""),
        ("scale", "backing", ""),
        ("scale", "competences", ""),
        ("scale", "", "We know who is affected."),
        ("challenges", "", ""),
        ("text", "", ""),
    ]
    assert survey.questions.first().wording() == "The project is on track."


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"statements": [], "own_statements": ""}, "Choose at least one statement"),
        ({"min_responses": 2}, "greater than or equal to 5"),
        ({"own_statements": "\n".join(f"S{i}" for i in range(11))}, "At most 10 statements"),
        ({"own_statements": "x" * 301}, "at most 300 characters"),
        ({"statements": ["nonsense"]}, "not one of the available choices"),
        ({"countries": ["XX"]}, "not one of the available choices"),
        ({"title": "   "}, "required"),
    ],
)
def test_bad_survey_input_is_named_and_nothing_is_saved(
    db: None, bad: dict[str, Any], message: str
) -> None:
    data = {
        "title": "Quarterly",
        "interval_months": 3,
        "answer_days": 21,
        "starts_on": "2026-12-01",
        "min_responses": 5,
        "statements": ["on_track"],
        **bad,
    }
    response = client_for(operator()).post(reverse("temperature_survey_new"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Survey.objects.exists()


def test_questions_are_fixed_once_a_round_was_sent(a: Tenant) -> None:
    survey = new_survey()
    send(survey)
    client = client_for(operator())
    page = client.get(reverse("temperature_survey_edit", args=[survey.pk]))
    assert b'name="statements"' not in page.content
    questions = list(survey.questions.values_list("pk", "kind", "key"))
    client.post(
        reverse("temperature_survey_edit", args=[survey.pk]),
        {
            "title": "Renamed",
            "interval_months": 6,
            "answer_days": 10,
            "starts_on": "2026-12-01",
            "min_responses": 7,
            "statements": ["data"],
        },
    )
    survey.refresh_from_db()
    assert (survey.title, survey.interval_months, survey.min_responses) == ("Renamed", 6, 7)
    assert list(survey.questions.values_list("pk", "kind", "key")) == questions


# --- Sending a round ------------------------------------------------------------------------------


def test_sending_a_round_invites_every_matching_system_and_mails_the_editors_and_owners(
    a: Tenant, b: Tenant
) -> None:
    survey = new_survey()
    a.systems[2].owner = make_user("owner-a", first_name="Owner")
    a.systems[2].save()
    mail.outbox.clear()
    response = client_for(operator()).post(
        reverse("temperature_send", args=[survey.pk]),
        {"deadline": (TODAY() + dt.timedelta(days=14)).isoformat(), "countries": ["DK"]},
    )
    assert response.status_code == 302
    round_ = survey.rounds.get()
    invited = set(round_.invitations.values_list("system_id", flat=True))
    assert invited == {s.pk for s in a.systems}  # A is Danish, B Swedish
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [
            "a-editor@example.org",
            "a-reviewer@example.org",
            "a-admin@example.org",
            "owner-a@example.org",
        ]
    )
    to_editor = next(m for m in mail.outbox if m.to == ["a-editor@example.org"])
    assert "http://testserver/o/a/temperature/" in to_editor.body
    assert all(s.name in to_editor.body for s in a.systems)
    to_owner = next(m for m in mail.outbox if m.to == ["owner-a@example.org"])
    assert a.systems[2].name in to_owner.body and a.systems[0].name not in to_owner.body
    assert all(b.organisation.name not in m.body for m in mail.outbox)
    assert round_.emails_sent == 4 and round_.emails_failed == 0


def test_a_round_goes_only_to_the_chosen_phase_and_organisation_type(a: Tenant, b: Tenant) -> None:
    a.systems[1].lifecycle_phase = "operate"
    a.systems[1].save()
    sent = send(new_survey(), Audience(phases=("operate",), organisation_types=("municipality",)))
    assert list(sent.round.invitations.values_list("system_id", flat=True)) == [a.systems[1].pk]
    assert sent.round.invitations.get().lifecycle_phase == "operate"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"deadline": "2020-01-01"}, "The deadline has passed"),
        ({"deadline": "tomorrow"}, "Enter a valid date"),
        ({"deadline": "SOON", "countries": ["non_eu"]}, "No AI system matches"),
        ({"deadline": "2099-01-01"}, "within a year"),
        ({"deadline": "SOON", "phases": ["'; DROP TABLE"]}, "not one of the available"),
    ],
)
def test_a_round_that_cannot_be_sent_says_why_and_sends_nothing(
    a: Tenant, data: dict[str, Any], message: str
) -> None:
    survey = new_survey()
    mail.outbox.clear()
    soon = (TODAY() + dt.timedelta(days=14)).isoformat()
    data = {**data, "deadline": data["deadline"].replace("SOON", soon)}
    response = client_for(operator()).post(reverse("temperature_send", args=[survey.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not survey.rounds.exists() and not mail.outbox


class BrokenMailServer:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def open(self) -> None:
        raise ConnectionRefusedError(111, "Connection refused")

    def close(self) -> None:
        pass


@override_settings(EMAIL_BACKEND="tests.web.test_temperature.BrokenMailServer")
def test_a_mail_server_that_is_down_costs_the_emails_not_the_round(a: Tenant) -> None:
    survey = new_survey()
    response = client_for(operator()).post(
        reverse("temperature_send", args=[survey.pk]),
        {"deadline": (TODAY() + dt.timedelta(days=14)).isoformat()},
        follow=True,
    )
    round_ = survey.rounds.get()
    assert round_.invitations.count() >= 3
    assert round_.emails_sent == 0 and round_.emails_failed == 3  # editor, reviewer, admin
    assert "could not be sent" in response.content.decode()
    assert "Connection refused" in response.content.decode()


# --- The recurring command ------------------------------------------------------------------------


def test_the_command_sends_rounds_when_due_and_only_once_per_interval(a: Tenant) -> None:
    survey = new_survey(starts_on=dt.date(2027, 1, 4), answer_days=10)
    out = StringIO()
    call_command("send_temperature_rounds", "--today", "2027-01-03", stdout=out)
    assert "No round is due" in out.getvalue() and not survey.rounds.exists()
    mail.outbox.clear()
    call_command("send_temperature_rounds", "--today", "2027-01-04", stdout=out)
    first = survey.rounds.get()
    assert (first.number, first.deadline) == (1, dt.date(2027, 1, 14))
    assert first.sent_by is None and first.invitations.count() == len(a.systems) and mail.outbox
    assert "https://testserver" not in mail.outbox[0].body  # no request: the base URL option
    call_command("send_temperature_rounds", "--today", "2027-02-01", stdout=out)
    assert survey.rounds.count() == 1
    call_command("send_temperature_rounds", "--today", "2027-04-04", "--dry-run", stdout=out)
    assert survey.rounds.count() == 1 and "Due: Quarterly temperature" in out.getvalue()
    call_command(
        "send_temperature_rounds",
        "--today",
        "2027-04-04",
        "--base-url",
        "https://x.example",
        stdout=out,
    )
    assert list(survey.rounds.values_list("number", flat=True)) == [1, 2]
    assert "https://x.example/o/a/temperature/" in mail.outbox[-1].body


def test_surveys_not_recurring_are_never_sent_by_the_command(a: Tenant) -> None:
    survey = new_survey(starts_on=dt.date(2026, 1, 1), recurring=False)
    call_command("send_temperature_rounds", stdout=StringIO())
    assert not survey.rounds.exists()


@pytest.mark.parametrize("args", [["--today", "soon"], ["--base-url", "ftp://x"]])
def test_the_command_refuses_bad_options(db: None, args: list[str]) -> None:
    with pytest.raises(CommandError):
        call_command("send_temperature_rounds", *args)


# --- Answering ------------------------------------------------------------------------------------


def _open_invitation(tenant: Tenant, answered: bool = False) -> SurveyInvitation:
    return SurveyInvitation.objects.filter(
        organisation=tenant.organisation,
        round__deadline__gte=TODAY(),
        response__isnull=not answered,
    ).order_by("pk")[0]


def test_an_editor_answers_and_can_change_the_answers_until_the_deadline(a: Tenant) -> None:
    invitation = _open_invitation(a)
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    editor = client_for(a.users[Role.EDITOR])
    assert editor.get(url).status_code == 200
    assert editor.post(url, form_data(invitation, 2)).status_code == 302
    response = Response.objects.get(invitation=invitation)
    assert sorted(response.answers.exclude(value=None).values_list("value", flat=True)) == [2] * 5
    data = form_data(invitation, 5) | {"version": response.version}
    assert editor.post(url, data).status_code == 302
    response.refresh_from_db()
    assert response.version == 2
    assert set(response.answers.exclude(value=None).values_list("value", flat=True)) == {5}
    assert Answer.objects.filter(response=response).count() == 7  # one per question, kept


def test_someone_elses_newer_answers_are_never_overwritten(a: Tenant) -> None:
    invitation = _open_invitation(a)
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    client_for(a.users[Role.EDITOR]).post(url, form_data(invitation, 2))
    page = client_for(a.users[Role.ADMIN]).post(url, form_data(invitation, 5) | {"version": 0})
    assert page.status_code == 200 and "changed the answers while you were answering" in (
        page.content.decode()
    )
    assert set(
        Answer.objects.filter(response__invitation=invitation)
        .exclude(value=None)
        .values_list("value", flat=True)
    ) == {2}


def test_after_a_clash_the_page_shows_the_saved_answers_and_saving_again_works(a: Tenant) -> None:
    invitation = _open_invitation(a)
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    client_for(a.users[Role.EDITOR]).post(url, form_data(invitation, 2))
    admin = client_for(a.users[Role.ADMIN])
    page = admin.post(url, form_data(invitation, 5) | {"version": 0})
    html = page.content.decode()
    assert "changed the answers while you were answering" in html
    assert "2 / 5" in html  # theirs, to check
    assert page.context["form"].data["q" + str(invitation.round.survey.questions.first().pk)] == "5"
    # The same form sent again (after checking theirs) saves, since it now knows their version.
    again = admin.post(url, dict(page.context["form"].data.items()))
    assert again.status_code == 302
    assert set(
        Answer.objects.filter(response__invitation=invitation)
        .exclude(value=None)
        .values_list("value", flat=True)
    ) == {5}


def test_viewers_read_the_answers_but_cannot_give_them(a: Tenant) -> None:
    invitation = _open_invitation(a, answered=True)
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    viewer = client_for(a.users[Role.VIEWER])
    page = viewer.get(url)
    assert page.status_code == 200
    assert b'name="q' not in page.content and "3 / 5" in page.content.decode()
    before = list(Answer.objects.values_list("pk", "value"))
    assert viewer.post(url, form_data(invitation, 1) | {"version": 1}).status_code == 403
    assert list(Answer.objects.values_list("pk", "value")) == before


def test_after_the_deadline_the_round_is_closed(a: Tenant) -> None:
    invitation = _open_invitation(a)
    Round.objects.filter(pk=invitation.round_id).update(deadline=TODAY() - dt.timedelta(days=1))
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    editor = client_for(a.users[Role.EDITOR])
    assert b'name="q' not in editor.get(url).content
    page = editor.post(url, form_data(invitation))
    assert "The round closed on" in page.content.decode()
    assert not Response.objects.filter(invitation=invitation).exists()
    with pytest.raises(services.TemperatureError, match="closed"):
        services.save_response(invitation, a.users[Role.EDITOR], answers_for(invitation), 0)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"q": "9"}, "Select a valid choice"),
        ({"q": ""}, "This field is required"),
        ({"challenges": ["made_up"]}, "Select a valid choice"),
        ({"text": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_answers_are_named_and_nothing_is_saved(
    a: Tenant, change: dict[str, Any], message: str
) -> None:
    invitation = _open_invitation(a)
    data = form_data(invitation)
    questions = list(invitation.round.survey.questions.all())
    first_scale = next(q for q in questions if q.kind == QuestionKind.SCALE)
    if "q" in change:
        data[f"q{first_scale.pk}"] = change["q"]
    for kind in ("challenges", "text"):
        if kind in change:
            data[f"q{next(q for q in questions if q.kind == kind).pk}"] = change[kind]
    url = reverse("temperature_answer", args=[a.slug, invitation.pk])
    page = client_for(a.users[Role.EDITOR]).post(url, data)
    assert page.status_code == 200 and message in page.content.decode()
    assert not Response.objects.filter(invitation=invitation).exists()


def test_nothing_of_another_organisation_is_visible_or_answerable(a: Tenant, b: Tenant) -> None:
    theirs = _open_invitation(b)
    for role in ROLES:
        client = client_for(a.users[role])
        # B's invitation through A's address and through B's address
        for slug in (a.slug, b.slug):
            url = reverse("temperature_answer", args=[slug, theirs.pk])
            assert client.get(url).status_code == 404
            assert client.post(url, form_data(theirs)).status_code == 404
        page = client.get(reverse("temperature_open", args=[a.slug])).content.decode()
        assert all(s.name not in page for s in b.systems)
    assert not Response.objects.filter(invitation=theirs).exists()


def test_members_see_their_open_invitations_on_the_temperature_page_and_the_systems_page(
    a: Tenant,
) -> None:
    viewer = client_for(a.users[Role.VIEWER])
    page = viewer.get(reverse("temperature_open", args=[a.slug])).content.decode()
    assert all(s.name in page for s in a.systems)
    assert "Not answered yet" in page and "Closed" in page
    systems = viewer.get(reverse("systems", args=[a.slug])).content.decode()
    assert 'id="temperature-notice"' in systems
    assert "2 of your AI projects are doing" in systems  # systems[1] and [2] are unanswered


# --- What the operator sees -----------------------------------------------------------------------


def _org(slug: str, country: str, organisation_type: str = "municipality") -> Organisation:
    return Organisation.objects.create(
        name=f"Secret org {slug}", slug=slug, organisation_type=organisation_type, country=country
    )


def _answered_round(
    survey: Survey, values: list[tuple[Organisation, int, list[str], str]], close: bool = True
) -> Round:
    """A round of `survey` with one system per entry answering every statement with the value."""
    editor = make_user(f"editor-{survey.rounds.count()}-{Survey.objects.count()}")
    for org in {o for o, *_ in values}:
        Membership.objects.get_or_create(user=editor, organisation=org, role=Role.EDITOR)
    systems = [
        AISystem.objects.create(
            organisation=org,
            name=f"Secret system {survey.rounds.count()}.{i} {org.slug}",
            purpose="x",
        )
        for i, (org, *_rest) in enumerate(values)
    ]
    sent = services.send_round(
        survey, Audience(), TODAY() + dt.timedelta(days=5), operator(), "https://t.example"
    )
    questions = list(survey.questions.all())
    for system, (_organisation, value, challenges, text) in zip(systems, values, strict=True):
        invitation = sent.round.invitations.get(system=system)
        answers = {}
        for q in questions:
            answers[q.pk] = {
                QuestionKind.SCALE: value,
                QuestionKind.CHALLENGES: challenges,
                QuestionKind.TEXT: text,
            }[q.kind]
        services.save_response(invitation, editor, answers, 0)
    return services.close_round(sent.round) if close else sent.round


def test_results_are_aggregated_per_question_and_round_and_show_no_project(db: None) -> None:
    dk, se = _org("secret-dk", "DK"), _org("secret-se", "SE", "region")
    survey = new_survey()
    _answered_round(
        survey,
        [
            (dk, 1, ["data_quality"], "Waiting for the lawyers."),
            (dk, 2, ["data_quality", "legal_clarification"], ""),
            (dk, 4, [], "Going well."),
            (dk, 5, ["legal_clarification"], ""),
            (se, 5, ["data_quality"], ""),
        ],
    )
    _answered_round(survey, [(dk, 3, [], "Too few to show."), (dk, 4, [], ""), (se, 4, [], "")])
    page = client_for(operator()).get(reverse("temperature_survey", args=[survey.pk]))
    text = page.content.decode()
    results = page.context["results"]
    on_track = results.scale_questions[0].pk
    first, second = results.scale[on_track]
    assert (first.n, first.mean, first.distribution) == (5, 3.4, (1, 1, 0, 1, 2))
    assert second is None  # 3 responses < 5
    assert [(r.invited, r.responses, r.shown) for r in results.rounds] == [
        (5, 5, True),
        (8, 3, False),
    ]
    assert dict(results.challenges)["data_quality"] == [3, None]
    assert dict(results.challenges)["legal_clarification"] == [2, None]
    assert results.free_texts[0][1] == ["Going well.", "Waiting for the lawyers."]
    assert "Going well." in text and "Too few to show." not in text
    assert "fewer than 5 responses" in text
    for telltale in ("Secret org", "Secret system", "editor-"):
        assert telltale not in text
    # the chart and its table alternative
    assert 'id="temperature-trend-title"' in text and "3.40" in text


def test_a_breakdown_hides_small_groups_and_those_they_could_be_worked_out_from(
    db: None,
) -> None:
    dk, se = _org("secret-dk", "DK"), _org("secret-se", "SE", "region")
    survey = new_survey()
    _answered_round(survey, [(dk, 4, [], "")] * 6 + [(se, 1, [], "")])
    client = client_for(operator())
    by_country = client.get(reverse("temperature_survey", args=[survey.pk]), {"by": "country"})
    cells = by_country.context["results"].breakdown[0][1]
    assert [(c.label, c.hidden) for c in cells] == [("Denmark", True), ("Sweden", True)]
    assert all(m is None for c in cells for m in c.means)
    by_type = client.get(reverse("temperature_survey", args=[survey.pk]), {"by": "nonsense"})
    assert by_type.status_code == 200 and by_type.context["results"].breakdown == []


def test_a_breakdown_shows_groups_that_are_large_enough(db: None) -> None:
    dk, se = _org("secret-dk", "DK"), _org("secret-se", "SE", "region")
    survey = new_survey()
    _answered_round(survey, [(dk, 4, [], "")] * 5 + [(se, 2, [], "")] * 5)
    page = client_for(operator()).get(
        reverse("temperature_survey", args=[survey.pk]), {"by": "organisation_type"}
    )
    cells = page.context["results"].breakdown[0][1]
    assert [(c.label, c.responses, c.hidden, c.means[0]) for c in cells] == [
        ("Municipality", 5, False, 4.0),
        ("Region", 5, False, 2.0),
    ]


def test_the_minimum_can_be_raised_but_not_lowered_below_five(db: None) -> None:
    with pytest.raises(Exception, match="greater than or equal to 5"):
        new_survey(min_responses=3)
    dk = _org("secret-dk", "DK")
    survey = new_survey(min_responses=6)
    _answered_round(survey, [(dk, 4, [], "")] * 5)
    results = client_for(operator()).get(reverse("temperature_survey", args=[survey.pk]))
    assert results.context["results"].rounds[0].shown is False


def test_an_open_round_shows_no_results_until_the_operator_or_the_deadline_closes_it(
    db: None,
) -> None:
    """While a round is open, the page before and after one more response would show that
    response; so even with enough responses its results wait for the round to close."""
    dk = _org("secret-dk", "DK")
    AISystem.objects.create(organisation=dk, name="Not answering", purpose="x")
    survey = new_survey()
    round_ = _answered_round(survey, [(dk, 4, [], "Still open.")] * 6, close=False)
    client = client_for(operator())
    url = reverse("temperature_survey", args=[survey.pk])
    page = client.get(url)
    result = page.context["results"].rounds[0]
    assert (result.responses, result.enough, result.is_open, result.shown) == (6, True, True, False)
    assert "Still open." not in page.content.decode()
    invitation = round_.invitations.filter(response__isnull=True).first()
    editor = Membership.objects.filter(organisation=dk).first().user
    assert (
        client.post(reverse("temperature_round_close", args=[survey.pk, round_.pk])).status_code
        == 302
    )
    with pytest.raises(services.TemperatureError, match="closed"):
        services.save_response(invitation, editor, answers_for(invitation), 0)
    page = client.get(url)
    assert page.context["results"].rounds[0].shown and "Still open." in page.content.decode()
    other = new_survey()
    assert (
        client.post(reverse("temperature_round_close", args=[other.pk, round_.pk])).status_code
        == 404
    )


# --- Demo -----------------------------------------------------------------------------------------


def test_the_demo_has_an_operator_three_answered_rounds_and_an_open_one(db: None) -> None:
    from tillid.web.demo import load_demo_data

    loaded = load_demo_data()
    load_demo_data()  # idempotent
    assert "platform" in loaded.logins
    platform = User.objects.get(username="platform")
    assert platform.is_staff and not platform.memberships.exists()
    survey = Survey.objects.get()
    rounds = list(survey.rounds.order_by("number"))
    assert [r.number for r in rounds] == [1, 2, 3, 4]
    assert all(r.sent_at.year == 2026 for r in rounds)
    assert [r.is_open() for r in rounds] == [False, False, False, True]
    page = client_for(platform).get(reverse("temperature_survey", args=[survey.pk]))
    results = page.context["results"]
    assert [r.shown for r in results.rounds] == [True, True, True, False]
    legal = next(q for q in results.scale_questions if q.key == "legal").pk
    means = [s.mean for s in results.scale[legal][:3]]
    assert means == sorted(means)  # legal questions get clarified over the year
