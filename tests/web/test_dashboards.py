"""Dashboards: an organisation's own figures are right and its own only; figures across organisations
show only groups of at least k systems from at least 3 organisations; the research dataset is
k-anonymous, has no identifiers and reaches only the platform operator.

Expected figures are recomputed here from the models, not through the dashboards' selectors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.web.conftest import Tenant, make_user
from tillid.reports.charts import Chart
from tillid.web.accounts.models import (
    Country,
    Membership,
    Organisation,
    OrganisationType,
    Role,
    User,
)
from tillid.web.actions.models import Task
from tillid.web.assessments.labels import outcome_labels
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.services import evaluate_assessment
from tillid.web.catalogue.challenges import CHALLENGES
from tillid.web.catalogue.models import Entry, EntryChallenge
from tillid.web.dashboards.research import COLUMNS
from tillid.web.demo import load_demo_data
from tillid.web.inventory.models import AISystem, LifecyclePhase

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def chart(response: Any, chart_id: str) -> Chart:
    return dict(response.context["charts"])[chart_id]


def values(figure: Chart, series: int = 0) -> dict[str, float | None]:
    return {row.label: row.values[series] for row in figure.rows}


def latest_assessment(system: AISystem) -> Assessment | None:
    return system.assessments.order_by("-created_at", "-pk").first()


# --- One organisation, on the demo data ----------------------------------------------------------


def test_organisation_dashboard_matches_the_demo_data() -> None:
    load_demo_data()
    havbjerg = Organisation.objects.get(slug="havbjerg")
    member = Membership.objects.filter(organisation=havbjerg).first()
    response = signed_in(member.user).get(reverse("organisation_dashboard", args=["havbjerg"]))
    assert response.status_code == 200
    today = timezone.localdate()
    systems = list(AISystem.objects.filter(organisation=havbjerg))
    latest = {s.pk: latest_assessment(s) for s in systems}

    # Risk class: each system's latest assessment, as the inventory shows it.
    expected_risk: Counter[str] = Counter()
    for system in systems:
        assessment = latest[system.pk]
        if assessment is None:
            expected_risk["Not yet assessed"] += 1
        elif not assessment.risk_class:
            expected_risk["Not yet determined"] += 1
        else:
            expected_risk[assessment.risk_class] += 1
    shown = {k: v for k, v in values(chart(response, "risk")).items() if v}
    labels = {"High-risk": "high_risk", "Minimal risk": "minimal", "Transparency duties":
              "transparency", "Not an AI system": "not_ai_system", "Prohibited": "prohibited",
              "Outside the Act's scope": "out_of_scope"}  # fmt: skip
    assert {labels.get(k, k): v for k, v in shown.items()} == dict(expected_risk)
    assert sum(shown.values()) == len(systems) == 10

    # Lifecycle phase.
    phases = Counter(s.get_lifecycle_phase_display() for s in systems)
    assert {k: v for k, v in values(chart(response, "phase")).items() if v} == dict(phases)

    # Measures still to do and overdue, straight from the tasks.
    to_do = Task.objects.filter(
        organisation=havbjerg, required=True, status__in=["open", "in_progress"]
    )
    overdue = [t for t in to_do if t.due and t.due < today]
    measures = values(chart(response, "measures"))
    assert measures == {"Still to do, not overdue": to_do.count() - len(overdue),
                        "Overdue": len(overdue)}  # fmt: skip
    assert response.context["to_do"] == to_do.count() > 0

    # Duties starting later, by date, from evaluating each latest assessment.
    starting: dict[dt.date, set[int]] = {}
    for system_pk, assessment in latest.items():
        if assessment is None:
            continue
        for obligation in evaluate_assessment(
            assessment, as_of=today, with_trace=False
        ).obligations:
            if obligation.status == "applies_from" and obligation.applies_from > today:
                starting.setdefault(obligation.applies_from, set()).add(system_pk)
    dates = chart(response, "obligations")
    got = {row.label: row.values[0] for row in dates.rows if row.values[0]}
    assert got == {_date_label(d, dates): len(s) for d, s in starting.items()}
    assert any("(AI Act)" in row.label for row in dates.rows)

    # Challenges from the organisation's own catalogue entries.
    counts = Counter(
        EntryChallenge.objects.filter(entry__organisation=havbjerg).values_list("code", flat=True)
    )
    challenges = response.context["challenges"]
    if counts:
        assert sorted(v for v in values(challenges).values()) == sorted(counts.values())
        assert challenges.rows[0].values[0] == max(counts.values())  # most common first
    html = response.content.decode()
    assert 'role="img"' in html and "<table" in html and 'scope="row"' in html


def test_ai_act_dates_include_those_the_omnibus_left_as_they_were() -> None:
    # The Omnibus gives no date of its own for the duties of general-purpose AI models, so under it
    # models on the market before 2 August 2025 still have until 2 August 2027 (Art. 111(3)), as
    # the engine reads it; the dashboard lists that date with the Omnibus's own ones.
    from tillid.web.dashboards.selectors import ai_act_dates

    days = ai_act_dates(dt.date(2026, 11, 22))
    assert dt.date(2027, 8, 2) in days
    assert {dt.date(2026, 12, 2), dt.date(2027, 12, 2), dt.date(2028, 8, 2)} <= set(days)
    assert all(day > dt.date(2026, 11, 22) for day in days)


def _date_label(day: dt.date, figure: Chart) -> str:
    """The row label of `day` in the chart (with or without the AI Act mark)."""
    from django.utils import formats

    plain = formats.date_format(day, "DATE_FORMAT")
    return next(r.label for r in figure.rows if r.label.startswith(plain))


def test_an_organisation_sees_only_its_own_figures(a: Tenant, b: Tenant) -> None:
    for n in range(4):
        AISystem.objects.create(
            organisation=b.organisation, name=f"Retired {n}", purpose="x", lifecycle_phase="retire"
        )
    response = signed_in(a.users[Role.VIEWER]).get(reverse("organisation_dashboard", args=[a.slug]))
    assert response.status_code == 200
    phases = values(chart(response, "phase"))
    assert phases["Retire"] == 0
    assert (
        sum(v or 0 for v in phases.values())
        == AISystem.objects.filter(organisation=a.organisation).count()
    )
    assert "Retired 0" not in response.content.decode()
    # B's dashboard by B's address: not found for A's members, login for visitors.
    assert signed_in(a.users[Role.ADMIN]).get(f"/o/{b.slug}/dashboard/").status_code == 404
    anonymous = Client().get(f"/o/{b.slug}/dashboard/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


# --- Across organisations ---------------------------------------------------------------------


def organisations(spec: list[tuple[str, str, str, list[tuple[str, str]]]]) -> None:
    """(slug, country, type, [(risk class, phase), ...]) -> organisations with assessed systems."""
    for slug, country, kind, systems in spec:
        organisation = Organisation.objects.create(
            name=f"Org {slug}", slug=slug, country=country, organisation_type=kind
        )
        for n, (risk, phase) in enumerate(systems):
            system = AISystem.objects.create(
                organisation=organisation, name=f"{slug} system {n}", purpose="p",
                lifecycle_phase=phase,
            )  # fmt: skip
            Assessment.objects.create(
                organisation=organisation, system=system, organisation_type=kind,
                country=country, lifecycle_phase=phase, risk_class=risk,
                baseline={"classifications": {"aia.role": ["deployer"]}},
            )  # fmt: skip


MANY = [
    # Six Danish municipalities with two high-risk and one minimal system each in operation,
    # three Swedish regions with two prohibited systems each, and one company elsewhere in the EU
    # with a single system with transparency duties.
    *[
        (f"dk{n}", "DK", "municipality", [("high_risk", "operate")] * 2 + [("minimal", "operate")])
        for n in range(6)
    ],
    *[(f"se{n}", "SE", "region", [("prohibited", "procure")] * 2) for n in range(3)],
    ("eu0", "other_eu", "company", [("transparency", "develop")]),
]


def test_across_organisations_shows_large_groups_and_hides_small_ones(a: Tenant) -> None:
    organisations(MANY)
    response = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards"))
    assert response.status_code == 200
    risk = values(chart(response, "risk"))
    # a's three systems are in the mix too (all from one organisation).
    a_risk = Counter((latest_assessment(s).risk_class or "undetermined") for s in a.systems)
    assert risk["High-risk"] == 12  # 12 systems from 6 organisations
    assert a_risk["transparency"] == 0 and risk["Transparency duties"] is None  # one: hidden
    html = response.content.decode()
    assert "hidden" in html
    # Whatever is shown is a group of at least 5 systems from at least 3 organisations.
    for chart_id, figure in response.context["charts"]:
        for row in figure.rows:
            assert row.values[0] is None or row.values[0] == 0 or row.values[0] >= 5, chart_id
    # The one company outside Denmark and Sweden cannot be chosen, and neither can Sweden:
    # otherwise all minus Denmark minus Sweden would give the company's figures away.
    choices = [value for value, _ in response.context["choices"]]
    assert choices == ["", "country:DK", "organisation_type:municipality"]
    denmark = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards") + "?view=country:DK")
    assert values(chart(denmark, "risk"))["High-risk"] == 12
    assert (
        denmark.context["total"].count
        == AISystem.objects.filter(organisation__country="DK").count()
    )
    sweden = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards") + "?view=country:SE")
    assert sweden.status_code == 200 and sweden.context["charts"] == []
    assert "fewer than 5 systems or fewer than 3 organisations" in sweden.content.decode()


def test_a_large_group_hidden_to_protect_a_smaller_one_is_not_called_small() -> None:
    # On the demo data Denmark has 13 systems from 3 organisations; it is hidden because the one
    # Swedish system would otherwise be all minus Denmark.
    load_demo_data()
    viewer = Membership.objects.filter(organisation__slug="havbjerg").first().user
    page = signed_in(viewer).get(reverse("dashboards") + "?view=country:DK")
    assert page.status_code == 200 and page.context["charts"] == []
    assert AISystem.objects.filter(organisation__country="DK").count() >= 5
    html = " ".join(page.content.decode().split())
    assert "This group has fewer than" not in html
    assert "or its figures would let a smaller group be worked out" in html


def test_the_total_never_gives_a_single_hidden_group_away(a: Tenant) -> None:
    organisations(MANY)
    response = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards"))
    total = response.context["total"].count
    for _id, figure in response.context["charts"][:3]:  # risk, phase and measures add up
        hidden = [r for r in figure.rows if r.values[0] is None]
        assert len(hidden) != 1, figure.title
        if hidden:
            shown = sum(r.values[0] for r in figure.rows if r.values[0] is not None)
            assert total - shown >= 5  # the hidden ones together are a safe group


@override_settings(TILLID_DASHBOARD_MIN_GROUP=20)
def test_the_threshold_comes_from_the_setting(a: Tenant) -> None:
    organisations(MANY)
    response = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards"))
    assert response.context["limits"].min_units == 20
    assert values(chart(response, "risk"))["High-risk"] is None  # 12 < 20
    assert "at least 20 systems" in response.content.decode()


def test_across_organisations_on_demo_data_is_right_and_hides_every_small_group() -> None:
    load_demo_data()
    viewer = Membership.objects.filter(organisation__slug="havbjerg").first().user
    response = signed_in(viewer).get(reverse("dashboards"))
    assert response.status_code == 200
    words = outcome_labels("en")
    groups: dict[str, dict[str, list[int]]] = {"risk": {}, "phase": {}}
    for system in AISystem.objects.all():
        assessment = latest_assessment(system)
        if assessment is None:
            risk = "Not yet assessed"
        else:
            risk = words[assessment.risk_class] if assessment.risk_class else "Not yet determined"
        groups["risk"].setdefault(risk, []).append(system.organisation_id)
        phase = system.get_lifecycle_phase_display()
        groups["phase"].setdefault(phase, []).append(system.organisation_id)
    shown = 0
    for chart_id in ("risk", "phase"):
        for label, value in values(chart(response, chart_id)).items():
            orgs = groups[chart_id].get(label, [])
            large = len(orgs) >= 5 and len(set(orgs)) >= 3
            if value is not None:
                assert value == len(orgs) and (large or not orgs), (chart_id, label)
                shown += bool(value)
            else:
                assert orgs, (chart_id, label)  # nothing hidden is zero
    assert shown >= 1  # e.g. "Operate": 7 systems from 3 organisations
    assert response.context["total"].count == AISystem.objects.count()


def test_bad_group_names_the_problem(a: Tenant) -> None:
    response = signed_in(a.users[Role.VIEWER]).get(reverse("dashboards") + "?view=country:XX")
    assert response.status_code == 400
    assert "There is no group" in response.content.decode()


def test_across_organisations_needs_a_sign_in() -> None:
    response = Client().get(reverse("dashboards"))
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- Research export -------------------------------------------------------------------------


def operator() -> User:
    return make_user("platform", is_staff=True)


def read_csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_research_export_is_k_anonymous_and_has_no_identifiers(a: Tenant) -> None:
    organisations(MANY)
    response = signed_in(operator()).get(reverse("research_export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="tillid-research-')
    rows = read_csv(response.content)
    assert rows and list(rows[0]) == list(COLUMNS)
    for row in rows:
        assert int(row["systems"]) >= 5 and int(row["organisations"]) >= 3
    assert {"country": "DK", "organisation_type": "municipality", "lifecycle_phase": "operate",
            "risk_class": "high_risk", "ai_act_role": "deployer", "challenge": "none_recorded",
            "systems": "12", "organisations": "6"} in rows  # fmt: skip
    text = response.content.decode()
    for name in [*Organisation.objects.values_list("name", "slug"),
                 *AISystem.objects.values_list("name", "purpose")]:  # fmt: skip
        for value in name:
            assert len(value) < 4 or value not in text
    # Every value is a code from a fixed vocabulary (or * for any): no names, free text or ids.
    vocabulary = {
        "country": set(Country.values),
        "organisation_type": set(OrganisationType.values),
        "lifecycle_phase": set(LifecyclePhase.values),
        "risk_class": {*outcome_labels("en"), "undetermined", "not_assessed"},
        "challenge": {*CHALLENGES, "none_recorded"},
    }
    roles = {"provider", "deployer", "importer", "distributor", "undetermined", "not_assessed"}
    for row in rows:
        for column, allowed in vocabulary.items():
            assert row[column] in allowed | {"*"}, (column, row[column])
        assert row["ai_act_role"] == "*" or set(row["ai_act_role"].split("+")) <= roles
    # The same data gives the same file.
    again = signed_in(operator_again()).get(reverse("research_export", args=["csv"]))
    assert again.content == response.content


def operator_again() -> User:
    return User.objects.get(username="platform")


def test_research_export_in_parquet_carries_the_data_dictionary(a: Tenant) -> None:
    organisations(MANY)
    client = signed_in(operator())
    parquet = client.get(reverse("research_export", args=["parquet"]))
    assert parquet.status_code == 200
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.column_names == list(COLUMNS)
    assert b"at least 5 distinct AI systems" in table.schema.metadata[b"tillid.guarantee"]
    assert table.schema.field("risk_class").metadata[b"description"].startswith(b"AI Act")
    from_csv = read_csv(client.get(reverse("research_export", args=["csv"])).content)
    assert [[str(v) for v in r.values()] for r in table.to_pylist()] == [
        list(r.values()) for r in from_csv
    ]


def test_research_export_is_for_the_platform_operator_only(a: Tenant) -> None:
    url = reverse("research_export", args=["csv"])
    assert signed_in(a.users[Role.ADMIN]).get(url).status_code == 403
    assert Client().get(url).status_code == 302
    assert signed_in(operator()).get(reverse("research_export", args=["xml"])).status_code == 404
    page = signed_in(a.users[Role.ADMIN]).get(reverse("dashboards")).content.decode()
    assert "research.csv" not in page


def test_research_export_command_writes_parquet_and_refuses_a_lower_k(
    a: Tenant, tmp_path: Any
) -> None:
    organisations(MANY)
    target = tmp_path / "research.parquet"
    call_command("research_export", "--format", "parquet", "--output", str(target))
    assert pq.read_table(target).num_rows >= 1
    with pytest.raises(CommandError, match="can only be raised"):
        call_command("research_export", "--output", str(tmp_path / "x.csv"), "--min-systems", "2")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("research_export", "--output", str(tmp_path / "no" / "x.csv"))
    call_command("research_export", "--output", str(tmp_path / "k20.csv"), "--min-systems", "20")
    # No group of 20 but everything together: one row of all systems, every value generalised.
    (row,) = read_csv((tmp_path / "k20.csv").read_bytes())
    assert [row[q] for q in COLUMNS[:6]] == ["*"] * 6
    assert int(row["systems"]) == AISystem.objects.count()


def test_challenges_of_shared_entries_reach_the_research_rows(a: Tenant) -> None:
    organisations(MANY)
    for system in AISystem.objects.filter(organisation__slug__startswith="dk", name__endswith="0"):
        entry = Entry.objects.create(
            organisation=system.organisation, title="t", area="other", purpose="p",
            status="pilot", system=system, visibility="signed_in",
        )  # fmt: skip
        EntryChallenge.objects.create(entry=entry, code="data_quality")
    rows = read_csv(signed_in(operator()).get(reverse("research_export", args=["csv"])).content)
    assert any(r["challenge"] == "data_quality" and r["systems"] == "6" for r in rows)
