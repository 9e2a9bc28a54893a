"""AI literacy in the web app: who needs which competence for which system, training records that
close the need, self-assessments, groups, reminders, and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.inventory.models import AISystem
from tillid.web.literacy import selectors
from tillid.web.literacy.models import (
    SelfAssessment,
    StaffMember,
    TrainingActivity,
    TrainingRecord,
    add_months,
)

pytestmark = pytest.mark.django_db

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "ai-literacy"
OVERSIGHT = "lit.m_oversight_practitioner"
OVERSEER = "lit.role_overseer"


class Region:
    """A Danish region with an editor and a viewer, and one system: referral prioritisation."""

    def __init__(self, slug: str = "region") -> None:
        self.organisation = Organisation.objects.create(
            slug=slug, name=f"Region {slug}", organisation_type="region", country="DK"
        )
        self.editor = self._member(f"{slug}-editor", Role.EDITOR)
        self.viewer = self._member(f"{slug}-viewer", Role.VIEWER)
        self.system = AISystem.objects.create(
            organisation=self.organisation,
            name="Referral prioritisation",
            purpose="Prioritises referrals to rehabilitation",
            lifecycle_phase="operate",
        )
        self.client = Client()
        self.client.force_login(self.editor)

    def _member(self, username: str, role: Role) -> User:
        user = User.objects.create_user(username, password="pw-not-used-123")
        Membership.objects.create(user=user, organisation=self.organisation, role=role)
        return user

    def url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.organisation.slug, *args])

    def assess(self, scenario: str) -> None:
        """Starts an assessment and answers it through the questionnaire's form, as a person would."""
        response = self.client.post(self.url("assessment_start", self.system.pk))
        assert response.status_code == 302
        assessment = self.system.assessments.latest("created_at")
        answers = yaml.safe_load((SCENARIOS / scenario).read_text("utf-8"))["answers"]
        form: dict[str, Any] = {"question": list(answers)}
        for question, value in answers.items():
            form[f"a:{question}"] = ("yes" if value else "no") if isinstance(value, bool) else value
        response = self.client.post(
            self.url("assessment_section", assessment.pk, "aia.s_system"), form
        )
        assert response.status_code == 302, response.content.decode()[:500]

    def add_overseer(self, name: str = "Therapist Hansen") -> StaffMember:
        response = self.client.post(
            self.url("literacy_person_new"),
            {
                "name": name,
                "job_title": "Therapist",
                "roles": [OVERSEER],
                "systems": [self.system.pk],
            },
        )
        assert response.status_code == 302, response.content.decode()[:800]
        return StaffMember.objects.get(organisation=self.organisation, name=name)

    def add_training(self, competences: list[str], months: str = "") -> TrainingActivity:
        response = self.client.post(
            self.url("literacy_activity_new"),
            {
                "title": "Overseeing the referral model",
                "competences": competences,
                "validity_months": months,
            },
        )
        assert response.status_code == 302, response.content.decode()[:800]
        return TrainingActivity.objects.filter(organisation=self.organisation).latest("pk")

    def record(self, person: StaffMember, activity: TrainingActivity, on: dt.date) -> Any:
        return self.client.post(
            self.url("literacy_person_record", person.pk),
            {
                "activity": activity.pk,
                "completed_on": on.isoformat(),
                "evidence_note": "Attendance list signed by the trainer",
                "evidence_reference": "Case 2026-1234",
            },
        )

    def oversight_status(self) -> selectors.NeedStatus:
        statuses = selectors.need_statuses(self.organisation, timezone.localdate(), self.system)
        return next(
            s for s in statuses if s.need.role == OVERSEER and s.need.area == "lit.area_oversight"
        )


OVERSEER_TRAINING = [
    OVERSIGHT,
    "lit.m_instructions_practitioner",
    "lit.m_limits_practitioner",
    "lit.m_incidents_practitioner",
    "lit.m_bias_aware",
]


def test_high_risk_deployment_creates_the_overseer_need_and_a_recorded_training_closes_it() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")

    # The need appears, with its reason, on the system's page and as a reminder on the overview.
    page = region.client.get(region.url("literacy_system", region.system.pk)).content.decode()
    assert "Human overseer of a high-risk system" in page
    assert "Oversight and overriding (practitioner)" in page
    assert "AI Act Art. 26(2)" in page
    assert "Nobody holds this role for the system yet." in page
    overview = region.client.get(region.url("literacy")).content.decode()
    assert "New needs from recently assessed systems" in overview
    assert "nobody holds this role for the system yet" in overview

    person = region.add_overseer()
    assert not region.oversight_status().met
    page = region.client.get(region.url("literacy_person", person.pk)).content.decode()
    assert "Gap" in page

    activity = region.add_training(OVERSEER_TRAINING, months="24")
    response = region.record(person, activity, timezone.localdate())
    assert response.status_code == 302

    assert region.oversight_status().met
    page = region.client.get(region.url("literacy_system", region.system.pk)).content.decode()
    assert "trained" in page and "not yet trained" not in page
    record = TrainingRecord.objects.get(person=person)
    assert record.evidence_reference == "Case 2026-1234"
    assert record.recorded_by == region.editor


def test_a_lower_level_or_another_area_does_not_close_the_oversight_need() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    person = region.add_overseer()
    briefing = region.add_training(["lit.m_oversight_aware", "lit.m_limits_expert"])
    region.record(person, briefing, timezone.localdate())
    assert not region.oversight_status().met
    expert = region.add_training(["lit.m_oversight_expert"])
    region.record(person, expert, timezone.localdate())
    assert region.oversight_status().met  # a higher level covers the lower one


def test_every_overseer_must_be_trained_before_the_need_is_met() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    first, second = region.add_overseer("First"), region.add_overseer("Second")
    activity = region.add_training(OVERSEER_TRAINING)
    region.record(first, activity, timezone.localdate())
    status = region.oversight_status()
    assert not status.met
    assert [p.person.name for p in status.people if not p.met] == ["Second"]
    region.record(second, activity, timezone.localdate())
    assert region.oversight_status().met


def test_an_expired_training_reopens_the_need_and_shows_as_falling_due() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    person = region.add_overseer()
    activity = region.add_training(OVERSEER_TRAINING, months="12")
    today = timezone.localdate()
    region.record(person, activity, today - dt.timedelta(days=400))
    assert not region.oversight_status().met
    overview = region.client.get(region.url("literacy")).content.decode()
    assert "Training falling due" in overview and "expired on" in overview
    due = selectors.training_falling_due(region.organisation, today)
    assert [d.record.person.name for d in due] == ["Therapist Hansen"] and due[0].expired


def test_a_genai_tool_needs_no_overseer_but_the_use_policy() -> None:
    region = Region()
    region.assess("02_dk_municipality_genai_writing_assistant.yaml")
    statuses = selectors.need_statuses(region.organisation, timezone.localdate(), region.system)
    roles = {s.need.role for s in statuses}
    assert OVERSEER not in roles
    assert "lit.role_genai_staff" in roles


def test_a_person_without_chosen_systems_counts_for_every_system() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    region.client.post(
        region.url("literacy_person_new"), {"name": "Director", "roles": ["lit.role_management"]}
    )
    statuses = selectors.need_statuses(region.organisation, timezone.localdate(), region.system)
    management = [s for s in statuses if s.need.role == "lit.role_management"]
    assert management and all(s.people[0].person.name == "Director" for s in management)


def test_self_assessment_gives_a_profile_but_does_not_close_a_need() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    person = region.add_overseer()
    url = region.url("literacy_person_self_assessment", person.pk)
    form = region.client.get(url).content.decode()
    assert "<legend" in form and "Oversight and when to override" in form
    areas = {
        "lit.area_basics",
        "lit.area_limits",
        "lit.area_bias",
        "lit.area_data_protection",
        "lit.area_instructions",
        "lit.area_oversight",
        "lit.area_incidents",
        "lit.area_genai",
        "lit.area_governance",
    }
    answers = {area: "expert" for area in areas}
    assert region.client.post(url, answers).status_code == 302
    assert SelfAssessment.objects.get(person=person).levels["lit.area_oversight"] == "expert"
    assert not region.oversight_status().met
    page = region.client.get(region.url("literacy_person", person.pk)).content.decode()
    assert "Expert: I can design, assess and teach it" in page


def test_an_incomplete_or_made_up_self_assessment_is_refused_and_nothing_saved() -> None:
    region = Region()
    person = region.add_overseer()
    url = region.url("literacy_person_self_assessment", person.pk)
    response = region.client.post(url, {"lit.area_basics": "guru"})
    assert response.status_code == 200
    assert "Please correct the following" in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_bad_training_input_is_named_and_nothing_saved() -> None:
    region = Region()
    person = region.add_overseer()
    response = region.client.post(
        region.url("literacy_activity_new"),
        {"title": "Course", "competences": ["lit.m_no_such"], "validity_months": "0"},
    )
    assert response.status_code == 200
    assert not TrainingActivity.objects.exists()
    activity = region.add_training([OVERSIGHT])
    future = timezone.localdate() + dt.timedelta(days=3)
    response = region.record(person, activity, future)
    assert response.status_code == 200
    assert "cannot be completed in the future" in response.content.decode()
    response = region.client.post(
        region.url("literacy_person_record", person.pk),
        {"activity": activity.pk, "completed_on": "31/02/2026"},
    )
    assert response.status_code == 200
    assert not TrainingRecord.objects.exists()


def test_unknown_roles_and_other_organisations_systems_are_refused() -> None:
    region, other = Region("one"), Region("two")
    response = region.client.post(
        region.url("literacy_person_new"), {"name": "X", "roles": ["lit.role_wizard"]}
    )
    assert response.status_code == 200 and not StaffMember.objects.exists()
    response = region.client.post(
        region.url("literacy_person_new"), {"name": "X", "systems": [other.system.pk]}
    )
    assert response.status_code == 200 and not StaffMember.objects.exists()
    person = other.add_overseer()
    assert region.client.get(region.url("literacy_person", person.pk)).status_code == 404
    activity = region.add_training([OVERSIGHT])
    assert other.record(person, activity, timezone.localdate()).status_code == 200
    assert not TrainingRecord.objects.exists()


def test_groups_show_their_members_gaps() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    response = region.client.post(region.url("literacy_group_new"), {"name": "Rehab team"})
    assert response.status_code == 302
    group = region.organisation.staff_groups.get()
    region.client.post(
        region.url("literacy_person_new"),
        {"name": "Therapist", "roles": [OVERSEER], "groups": [group.pk]},
    )
    page = region.client.get(region.url("literacy_group", group.pk)).content.decode()
    assert "Therapist" in page and "Oversight and overriding (practitioner)" in page
    duplicate = region.client.post(region.url("literacy_group_new"), {"name": "Rehab team"})
    assert "already a group" in duplicate.content.decode()


def test_viewers_read_but_change_nothing() -> None:
    region = Region()
    viewer = Client()
    viewer.force_login(region.viewer)
    for name in ("literacy", "literacy_people"):
        assert viewer.get(region.url(name)).status_code == 200
    assert viewer.get(region.url("literacy_person_new")).status_code == 403
    assert viewer.post(region.url("literacy_person_new"), {"name": "X"}).status_code == 403
    assert not StaffMember.objects.exists()


def test_the_main_menu_links_to_ai_literacy() -> None:
    region = Region()
    page = region.client.get(region.url("systems")).content.decode()
    assert region.url("literacy") in page


def test_months_are_added_to_the_last_day_of_short_months() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 6, 15), 24) == dt.date(2028, 6, 15)


def test_the_report_documents_the_training_and_the_closed_need_in_three_languages() -> None:
    region = Region()
    region.assess("01_dk_region_high_risk_deployer_overseers.yaml")
    person = region.add_overseer()
    region.record(person, region.add_training(OVERSEER_TRAINING, months="24"), timezone.localdate())

    english = region.client.get(region.url("literacy_report", "md") + "?lang=en")
    assert english.status_code == 200
    text = english.content.decode()
    assert "AI literacy report" in text and "Region region" in text
    assert "Therapist Hansen" in text and "Case 2026-1234" in text
    assert "Oversight and overriding (practitioner) — Met" in text
    assert "AI Act Art. 26(2)" in text
    assert "take measures to support" in text  # Art. 4 as amended, with its uncertainty
    danish = region.client.get(region.url("literacy_report", "md") + "?lang=da").content.decode()
    assert "Rapport om AI-færdigheder" in danish and "Dækket" in danish
    swedish = region.client.get(region.url("literacy_report", "md") + "?lang=sv").content.decode()
    assert "Rapport om AI-kunnighet" in swedish

    docx = region.client.get(region.url("literacy_report", "docx") + "?lang=da")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "attachment" in docx["Content-Disposition"]
    pdf = region.client.get(region.url("literacy_report", "pdf") + "?lang=sv")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    assert region.client.get(region.url("literacy_report", "exe")).status_code == 404


def test_a_small_company_gets_a_plan_for_its_ai_tools_and_downloads_it() -> None:
    company = Organisation.objects.create(
        slug="bakery", name="Bageriet ApS", organisation_type="sme", country="DK"
    )
    owner = User.objects.create_user("baker", password="pw-not-used-123")
    Membership.objects.create(user=owner, organisation=company, role=Role.ADMIN)
    client = Client()
    client.force_login(owner)
    url = reverse("literacy_light_path", args=["bakery"])
    form = client.get(url).content.decode()
    assert "Generative AI assistant" in form and "<legend" in form

    response = client.post(
        url, {"tools": ["genai_assistant", "customer_chatbot"], "responsible": "Bente Baker"}
    )
    assert response.status_code == 302 and response["Location"].endswith("/literacy/plan/")
    assert company.systems.count() == 2
    assert StaffMember.objects.get(organisation=company).roles == ["lit.role_management"]

    plan = client.get(response["Location"]).content.decode()
    assert "Staff using generative AI tools" in plan
    assert "Generative AI use policy (practitioner)" in plan
    assert "Human overseer" not in plan  # neither tool is high-risk

    document = client.get(reverse("literacy_report", args=["bakery", "md"]) + "?lang=en")
    text = document.content.decode()
    assert "What to do next" in text and "Generative AI use policy (practitioner)" in text
    docx = client.get(reverse("literacy_report", args=["bakery", "docx"]) + "?lang=da")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"

    # Running the light path again registers nothing twice.
    client.post(url, {"tools": ["genai_assistant"], "responsible": ""})
    assert company.systems.count() == 2


def test_the_light_path_refuses_an_empty_or_unknown_choice() -> None:
    region = Region()
    url = region.url("literacy_light_path")
    for data in ({}, {"tools": ["crystal_ball"]}):
        response = region.client.post(url, data)
        assert response.status_code == 200
        assert "Please correct the following" in response.content.decode()
    assert not AISystem.objects.exclude(pk=region.system.pk).exists()


def test_the_demo_municipality_has_staff_trainings_and_an_expired_workshop() -> None:
    from tillid.web.demo import load_demo_data

    load_demo_data()
    havbjerg = Organisation.objects.get(slug="havbjerg")
    today = dt.date(2026, 11, 22)

    due = selectors.training_falling_due(havbjerg, today)
    statuses = selectors.need_statuses(havbjerg, today)

    assert StaffMember.objects.filter(organisation=havbjerg).count() == 8
    assert [(d.record.person.name, d.expired) for d in due if d.expired] == [("Sofie Madsen", True)]
    assert any(not s.met for s in statuses) and any(s.met for s in statuses)
    load_demo_data()  # a second load adds nobody
    assert StaffMember.objects.filter(organisation=havbjerg).count() == 8
