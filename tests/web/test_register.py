"""The public transparency register: draft -> approve -> publish -> public pages, API and exports ->
republish -> withdraw; nothing unpublished is ever public; plain-language checks; the three standards.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.conftest import Tenant
from tillid.web.accounts.models import Role
from tillid.web.register import services
from tillid.web.register.models import PublishedRecord, RecordStatus, RegisterRecord
from tillid.web.register.plain_language import FieldRule, check_texts, lix
from tillid.web.register.standards import (
    STANDARD_TITLES,
    STANDARDS,
    RecordSnapshot,
    eu_registration_required,
    export,
    missing,
)

PLAIN = {
    "name": "Hjælp til at sortere ansøgninger",
    "summary": "Systemet læser ansøgninger om hjælp. Det foreslår, hvilke sager en medarbejder skal se først.",
    "purpose": "Vi bruger systemet for at svare hurtigere. En medarbejder træffer altid afgørelsen.",
    "contact": "ai@kommune.example",
    "human_involvement": "En medarbejder ser hver sag. Hun kan altid se bort fra forslaget.",
    "data_used": "Oplysninger fra ansøgningen og tidligere sager.",
    "affected_groups": "Borgere der søger om hjælp.",
    "language": "da",
}


def person(tenant: Tenant, role: str) -> Client:
    """A member signed in, reading English (the interface language is asserted on below)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(tenant.users[role], backend="django.contrib.auth.backends.ModelBackend")
    return client


def visitor() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def manage_url(tenant: Tenant, system_pk: int) -> str:
    return reverse("record_manage", args=[tenant.slug, system_pk])


def step(client: Client, tenant: Tenant, system_pk: int, action: str, **extra: Any) -> Any:
    record = RegisterRecord.objects.filter(system_id=system_pk).first()
    data = {"action": action, "version": record.version if record else 0, **extra}
    return client.post(reverse("record_step", args=[tenant.slug, system_pk]), data)


def save(client: Client, tenant: Tenant, system_pk: int, **texts: str) -> Any:
    record = RegisterRecord.objects.get(system_id=system_pk)
    data = {name: getattr(record, name) for name in [*services.TEXT_FIELDS, "language"]}
    return client.post(manage_url(tenant, system_pk), {**data, **texts, "version": record.version})


def published_record(a: Tenant) -> RegisterRecord:
    """A's approved system with its record drafted, filled in, approved and published."""
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]  # its assessment is approved
    step(editor, a, system.pk, "start")
    save(editor, a, system.pk, **PLAIN)
    step(reviewer, a, system.pk, "approve")
    step(editor, a, system.pk, "publish")
    return RegisterRecord.objects.get(system=system)


# --- LIX ------------------------------------------------------------------------------------------


def test_lix_of_a_short_easy_sentence_is_its_word_count() -> None:
    # 4 words, 1 sentence, no word longer than six letters ("måtten" has six): 4/1 + 0 = 4.
    score = lix("Katten sidder på måtten.")
    assert (score.words, score.sentences, score.long_words) == (4, 1, 0)
    assert score.score == 4


def test_lix_counts_long_words_and_sentences() -> None:
    # 4 words, 2 sentences, 2 long words (Forvaltningsloven, Borgeren): 4/2 + 100*2/4 = 52.
    assert lix("Forvaltningsloven gælder. Borgeren klager.").score == 52
    # Swedish: 6 words, 1 sentence, 4 long (Myndigheten, använder, beslutsstöd, ärenden — seven
    # letters): 6/1 + 100*4/6 = 72.7.
    swedish = lix("Myndigheten använder ett beslutsstöd för ärenden!")
    assert (swedish.words, swedish.sentences, swedish.long_words) == (6, 1, 4)
    assert swedish.score == pytest.approx(6 + 100 * 4 / 6)


def test_lix_counts_list_lines_as_sentences_and_a_text_without_full_stop_as_one() -> None:
    assert lix("Navn\nAdresse\nIndkomst").sentences == 3
    assert lix("Ingen punktum her").sentences == 1
    assert lix("").score == 0


def test_a_very_difficult_text_is_flagged_but_a_short_phrase_is_not() -> None:
    hard = (
        "Sagsbehandlingsunderstøttelsessystemet prioriterer ansøgningsmaterialet "
        "automatiseret efter risikovurderingsparametre og forvaltningsretlige principper."
    )
    assert lix(hard).score >= 55 and lix(hard).too_difficult
    assert lix("Socialrådgivere, sagsbehandlere").score >= 55
    assert not lix("Socialrådgivere, sagsbehandlere").too_difficult  # too few words to judge
    assert lix(PLAIN["summary"]).score < 55


def test_check_blocks_on_missing_and_too_long_and_only_warns_on_hard_reading() -> None:
    rules = [FieldRule("name", 10, True, readability=False), FieldRule("purpose", 500, True)]
    hard = "Sagsbehandlingsunderstøttelsessystemet prioriterer ansøgningsmaterialet automatiseret efter risikovurderingsparametre og forvaltningsretlige principper."
    check = check_texts({"name": "A name that is too long", "purpose": hard}, rules)
    assert [(f.field, f.kind) for f in check.blocking] == [("name", "too_long")]
    assert [(f.field, f.kind) for f in check.warnings] == [("purpose", "hard_to_read")]
    assert not check.ok_to_publish
    assert check_texts({"name": "", "purpose": "Kort."}, rules).blocking[0].kind == "missing"
    assert check_texts({"name": "Navn", "purpose": hard}, rules).ok_to_publish


# --- The three standards, field by field -----------------------------------------------------------


def full_snapshot(**changes: Any) -> RecordSnapshot:
    values: dict[str, Any] = dict(
        record_id=7,
        version=2,
        name="Triage",
        summary="Sorts applications. A caseworker decides.",
        purpose="Faster answers.",
        organisation="Aarhus Kommune",
        organisation_type="municipality",
        country="DK",
        language="da",
        contact="ai@aarhus.example",
        lifecycle_phase="operate",
        system_status="in_use",
        vendor="Vendor A/S",
        legal_basis="Serviceloven",
        human_involvement="A caseworker decides.",
        data_used="Application data.",
        affected_groups="Applicants.",
        risks="Errors; we check samples.",
        links=("https://aarhus.example/ai",),
        risk_class="high_risk",
        roles=("deployer",),
        impact_level="impact.level_3",
        assessment_date="2026-10-01",
        deployer_address="Rådhuspladsen 2, 8000 Aarhus C",
        submitter="Digitalisering, ai@aarhus.example",
        provider_database_url="https://eu-database.example/entry/1",
        fria_summary="Risk of unequal treatment; mitigated by review.",
        dpia_summary="DPIA made; risks acceptable.",
        published_at="2026-11-01T10:00:00+00:00",
        first_published_at="2026-10-15T10:00:00+00:00",
        record_url="https://tillid.example/register/7/",
    )
    values.update(changes)
    return RecordSnapshot(**values)


def test_snapshot_survives_its_json_form() -> None:
    s = full_snapshot()
    assert RecordSnapshot.from_dict(json.loads(json.dumps(s.to_dict()))) == s


def test_algoritmeregister_fields() -> None:
    out = export("algoritmeregister", full_snapshot())
    assert out["name"] == "Triage"
    assert out["description_short"] == "Sorts applications. A caseworker decides."
    assert out["organization"] == "Aarhus Kommune"
    assert out["status"] == "In gebruik"
    assert out["contact_email"] == "ai@aarhus.example"
    assert out["website"] == "https://aarhus.example/ai"
    assert out["publication_category"] == "Hoog-risico AI-systeem"
    assert out["url"] == "https://tillid.example/register/7/"
    assert out["goal"] == "Faster answers.\n\nApplicants."
    assert out["human_intervention"] == "A caseworker decides."
    assert out["risks"] == "Errors; we check samples."
    assert out["lawful_basis"] == "Serviceloven"
    assert out["source_data"] == "Application data."
    assert out["provider"] == "Vendor A/S"
    assert out["lang"] == "dan"
    assert out["standard_version"] == "1.0"
    assert out["source_id"] == "7"
    assert [i["title"] for i in out["impacttoetsen_grouping"]] == [
        "Data Protection Impact Assessment (DPIA)",
        "Fundamental rights impact assessment (AI Act Art. 27)",
    ]
    # Fields tillid has no value for are there, empty, so the file has the standard's shape.
    assert out["category"] == [] and out["begin_date"] == "" and out["lars"] == ""
    assert missing("algoritmeregister", full_snapshot()) == []


def test_algoritmeregister_status_and_category_follow_the_system() -> None:
    planned = full_snapshot(lifecycle_phase="procure", system_status="planned")
    assert export("algoritmeregister", planned)["status"] == "In ontwikkeling"
    retired = full_snapshot(system_status="retired")
    assert export("algoritmeregister", retired)["status"] == "Buiten gebruik"
    impactful = full_snapshot(risk_class="minimal", impact_level="impact.level_4")
    assert (
        export("algoritmeregister", impactful)["publication_category"] == "Impactvolle algoritmes"
    )
    other = full_snapshot(risk_class="minimal", impact_level="impact.level_1")
    assert export("algoritmeregister", other)["publication_category"] == "Overige algoritmes"
    assert export("algoritmeregister", full_snapshot(language="sv"))["lang"] == "swe"
    assert missing("algoritmeregister", full_snapshot(contact="", summary="")) == [
        "description_short",
        "contact_email",
    ]


def test_atrs_tier_1_and_metadata() -> None:
    out = export("atrs", full_snapshot())
    assert out["tier_1"] == {
        "name": "Triage",
        "description": "Sorts applications. A caseworker decides.\n\nFaster answers.",
        "website_url": "https://aarhus.example/ai",
        "contact_email": "ai@aarhus.example",
    }
    meta = out["metadata"]
    assert meta["id"] == 7 and meta["standard_version"] == "3.0"
    assert meta["organisation_type"] == "Local government"
    assert meta["title"] == "Triage" and meta["organisation_name"] == "Aarhus Kommune"
    assert meta["phase"] == "Production" and meta["region"] == "Denmark"
    assert meta["one_sentence_description"] == "Sorts applications."
    assert meta["date_of_completion"] == "2026-10-15" and meta["date_updated"] == "2026-11-01"


def test_atrs_tier_2() -> None:
    tier_2 = export("atrs", full_snapshot())["tier_2"]
    owner = tier_2["owner_and_responsibility"]
    assert owner["organisation_or_department"] == "Aarhus Kommune"
    assert owner["external_supplier_involvement"] == "Yes"
    assert owner["external_supplier"] == "Vendor A/S"
    assert owner["team"] == "" and owner["senior_responsible_owner"] == ""
    assert tier_2["description_and_rationale"]["scope"] == "Faster answers."
    assert (
        tier_2["decision_making_process"]["human_decisions_and_review"] == "A caseworker decides."
    )
    assert tier_2["tool_specification"]["phase"] == "Production"
    assert tier_2["data_specification"]["data_description"] == "Application data."
    risks = tier_2["risks_mitigations_and_impact_assessments"]
    assert risks["risks_and_mitigations"] == "Errors; we check samples."
    assert "approved on 2026-10-01" in risks["impact_assessment"]
    assert "high-risk" in risks["impact_assessment"]
    assert "DPIA made" in risks["impact_assessment"]
    gaps = missing("atrs", full_snapshot())
    assert "tier_2.owner_and_responsibility.team" in gaps
    assert "tier_2.decision_making_process.required_training" in gaps
    assert not any(g.startswith("tier_1.") for g in gaps)
    assert "tier_1.contact_email" in missing("atrs", full_snapshot(contact=""))


def test_eu_database_annex_viii_section_c() -> None:
    out = export("eu_database", full_snapshot())
    c = out["annex_viii_section_c"]
    assert c["1_deployer"] == {
        "name": "Aarhus Kommune",
        "address": "Rådhuspladsen 2, 8000 Aarhus C",
        "contact_details": "ai@aarhus.example",
    }
    assert c["2_submitted_on_behalf_of_deployer_by"] == "Digitalisering, ai@aarhus.example"
    assert c["3_provider_entry_url"] == "https://eu-database.example/entry/1"
    assert c["4_fundamental_rights_impact_assessment_summary"].startswith("Risk of unequal")
    assert c["5_data_protection_impact_assessment_summary"] == "DPIA made; risks acceptable."
    assert out["registration_required"] is True
    assert missing("eu_database", full_snapshot()) == []
    bare = full_snapshot(
        deployer_address="", provider_database_url="", fria_summary="", dpia_summary=""
    )
    assert missing("eu_database", bare) == [
        "annex_viii_section_c.1_deployer.address",
        "annex_viii_section_c.3_provider_entry_url",
        "annex_viii_section_c.4_fundamental_rights_impact_assessment_summary",
    ]  # the DPIA summary is asked for only "where applicable"


def test_eu_registration_is_for_public_deployers_of_high_risk_systems() -> None:
    assert eu_registration_required(full_snapshot())
    assert not eu_registration_required(full_snapshot(risk_class="minimal"))
    assert not eu_registration_required(full_snapshot(roles=("provider",)))
    assert not eu_registration_required(full_snapshot(organisation_type="sme"))


# --- The whole flow, through the pages --------------------------------------------------------------


def test_draft_is_prefilled_from_the_inventory_and_the_approved_assessment(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    system = a.systems[2]
    response = step(editor, a, system.pk, "start")
    assert response.status_code == 302
    record = RegisterRecord.objects.get(system=system)
    assert record.name == system.name and record.purpose == system.purpose
    assert record.contact == a.users[Role.EDITOR].email  # the system owner's address
    assert record.language == "da" and record.status == RecordStatus.DRAFT
    page = editor.get(manage_url(a, system.pk)).content.decode()
    assert "Before publishing" in page and "Algoritmeregister" in page
    # Texts needed for publishing are not called optional, though a draft is saved without them.
    summary_label = page.split('for="id_summary"')[1].split("</label>")[0]
    risks_label = page.split('for="id_risks"')[1].split("</label>")[0]
    assert "(optional)" not in summary_label and "(optional)" in risks_label


def test_a_system_without_an_approved_assessment_cannot_get_a_record(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    response = step(editor, a, a.systems[1].pk, "start")  # only submitted, not approved
    assert not RegisterRecord.objects.filter(system=a.systems[1]).exists()
    assert "no approved assessment" in editor.get(response["Location"]).content.decode()


def test_publishing_needs_a_reviewers_approval_and_complete_texts(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    save(editor, a, system.pk, human_involvement="", data_used="")
    assert step(editor, a, system.pk, "approve").status_code == 403  # editors do not approve
    step(reviewer, a, system.pk, "approve")
    record = RegisterRecord.objects.get(system=system)
    assert record.status == RecordStatus.DRAFT  # blocked: required texts missing
    page = editor.get(manage_url(a, system.pk)).content.decode()
    assert "How people are involved: write this text; it is required." in page
    step(editor, a, system.pk, "publish")
    assert not PublishedRecord.objects.exists()


def test_the_whole_flow_draft_approve_publish_republish_withdraw(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    public = visitor()
    record = published_record(a)
    assert record.is_public and record.published_version == 1

    # Visible on the public pages, without login ...
    listing = public.get(reverse("register_list")).content.decode()
    assert PLAIN["name"] in listing and a.organisation.name in listing
    page = public.get(reverse("register_record", args=[record.pk]))
    assert page.status_code == 200
    assert PLAIN["human_involvement"] in page.content.decode()
    # ... in the API ...
    listed = public.get(reverse("register_api_records"))
    assert listed["Access-Control-Allow-Origin"] == "*"  # any site may read the public data
    api = listed.json()
    assert api["count"] == 1 and api["records"][0]["name"] == PLAIN["name"]
    assert api["records"][0]["risk_class"] == a.approved.risk_class
    one = public.get(reverse("register_api_record", args=[record.pk])).json()
    assert one["version"] == 1 and one["organisation"] == a.organisation.name
    assert one["url"].endswith(f"/register/{record.pk}/")
    # ... and in the three structures.
    nl = public.get(reverse("register_record_export", args=[record.pk, "algoritmeregister"]))
    assert json.loads(nl.content)["name"] == PLAIN["name"]
    uk = json.loads(public.get(reverse("register_record_export", args=[record.pk, "atrs"])).content)
    assert uk["tier_1"]["contact_email"] == PLAIN["contact"]
    eu = json.loads(
        public.get(reverse("register_record_export", args=[record.pk, "eu_database"])).content
    )
    assert eu["annex_viii_section_c"]["1_deployer"]["name"] == a.organisation.name

    # A changed text needs a new approval; publishing again makes version 2, version 1 is kept.
    save(
        editor,
        a,
        a.systems[2].pk,
        summary="Systemet sorterer ansøgninger. En medarbejder beslutter.",
    )
    assert RegisterRecord.objects.get(pk=record.pk).status == RecordStatus.DRAFT
    step(editor, a, a.systems[2].pk, "publish")
    assert RegisterRecord.objects.get(pk=record.pk).published_version == 1  # not without approval
    assert (
        PLAIN["summary"]
        in public.get(reverse("register_record", args=[record.pk])).content.decode()
    )
    step(reviewer, a, a.systems[2].pk, "approve")
    step(editor, a, a.systems[2].pk, "publish")
    record.refresh_from_db()
    assert record.published_version == 2
    assert list(record.published_versions.values_list("version", flat=True)) == [2, 1]
    assert record.published_versions.get(version=1).snapshot["summary"] == PLAIN["summary"]
    page = public.get(reverse("register_record", args=[record.pk])).content.decode()
    assert "Systemet sorterer ansøgninger" in page
    one = public.get(reverse("register_api_record", args=[record.pk])).json()
    assert [v["version"] for v in one["versions"]] == [2, 1]
    # Version 1 stays readable as it was published, marked as an earlier version.
    older = public.get(reverse("register_record_version", args=[record.pk, 1])).content.decode()
    assert PLAIN["summary"] in older and "Systemet sorterer ansøgninger" not in older
    assert "an earlier version kept for the record" in older
    assert reverse("register_record_version", args=[record.pk, 1]) in page
    older_api = public.get(one["versions"][1]["url"]).json()
    assert older_api["version"] == 1 and older_api["current_version"] == 2
    assert older_api["summary"] == PLAIN["summary"]
    assert public.get(reverse("register_record_version", args=[record.pk, 3])).status_code == 404

    # Withdrawn: gone from the list and the API; the page says it was withdrawn, and when.
    step(editor, a, a.systems[2].pk, "withdraw")
    record.refresh_from_db()
    assert record.withdrawn_at is not None and record.published_versions.count() == 2
    assert PLAIN["name"] not in public.get(reverse("register_list")).content.decode()
    assert public.get(reverse("register_api_records")).json()["count"] == 0
    gone = public.get(reverse("register_record", args=[record.pk]))
    assert gone.status_code == 410
    text = gone.content.decode()
    assert "withdrew this record" in text and PLAIN["name"] not in text
    assert PLAIN["purpose"] not in text
    old = public.get(reverse("register_record_version", args=[record.pk, 1]))
    assert old.status_code == 410 and PLAIN["summary"] not in old.content.decode()
    gone_api = public.get(reverse("register_api_record", args=[record.pk]))
    assert gone_api.status_code == 410 and gone_api.json()["withdrawn"] is True
    assert PLAIN["name"] not in gone_api.content.decode()
    for standard in ("algoritmeregister", "atrs", "eu_database"):
        url = reverse("register_record_export", args=[record.pk, standard])
        assert public.get(url).status_code == 404
    assert (
        PLAIN["name"] not in public.get(reverse("register_download", args=["csv"])).content.decode()
    )

    # Publishing again after a withdrawal makes version 3 and the record public again.
    step(editor, a, a.systems[2].pk, "publish")
    record.refresh_from_db()
    assert record.is_public and record.published_version == 3


def test_unpublished_and_unknown_records_are_never_public(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    step(editor, a, a.systems[2].pk, "start")
    save(editor, a, a.systems[2].pk, **PLAIN)
    step(person(a, Role.REVIEWER), a, a.systems[2].pk, "approve")  # approved, unpublished
    draft = RegisterRecord.objects.get(system=a.systems[2])
    public = visitor()
    for record_id in range(0, draft.pk + 5):  # guessing ids
        for url in (
            reverse("register_record", args=[record_id]),
            reverse("register_api_record", args=[record_id]),
            reverse("register_record_export", args=[record_id, "atrs"]),
        ):
            response = public.get(url)
            assert response.status_code == 404, url
            assert PLAIN["name"] not in response.content.decode()
    for url in (
        reverse("register_list") + "?q=sortere",
        reverse("register_api_records"),
        reverse("register_download", args=["csv"]),
    ):
        assert PLAIN["name"] not in public.get(url).content.decode()
    # Signed-in people of the organisation see no more on the public pages than anyone else.
    assert editor.get(reverse("register_record", args=[draft.pk])).status_code == 404


def test_public_pages_need_no_login_and_exist_in_three_languages(a: Tenant) -> None:
    record = published_record(a)
    for language in ("da", "en", "sv"):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        for url in (reverse("register_list"), reverse("register_record", args=[record.pk])):
            response = client.get(url)
            assert response.status_code == 200
            assert f'<html lang="{language}">' in response.content.decode()
    page = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("register_record", args=[record.pk]))
    text = page.content.decode()
    assert 'lang="da"' in text  # the record's own texts are marked as Danish
    assert "wrote this record in Danish." in text  # the language named in the reader's language
    assert 'dir="auto"' in text  # a right-to-left name or text is shown the right way round


def test_search_and_filters(a: Tenant, b: Tenant) -> None:
    published_record(a)
    public = visitor()

    def names(**query: str) -> str:
        return public.get(reverse("register_list"), query).content.decode()

    assert PLAIN["name"] in names(q="sortere")  # name
    assert PLAIN["name"] in names(q="foreslår")  # description
    assert PLAIN["name"] in names(q=a.organisation.name)  # organisation
    assert PLAIN["name"] not in names(q="nothing like this")
    assert PLAIN["name"] in names(country="DK")
    assert PLAIN["name"] not in names(country="SE")
    assert PLAIN["name"] in names(organisation=a.slug)
    assert PLAIN["name"] not in names(organisation=b.slug)
    risk = a.approved.risk_class
    assert PLAIN["name"] in names(risk=risk)
    assert PLAIN["name"] not in names(risk="prohibited")
    api = public.get(reverse("register_api_records"), {"country": "SE"}).json()
    assert api["count"] == 0


def test_csv_and_excel_downloads_hold_every_published_record_safely(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    save(editor, a, system.pk, **{**PLAIN, "name": '=HYPERLINK("http://evil.example")'})
    step(reviewer, a, system.pk, "approve")
    step(editor, a, system.pk, "publish")
    public = visitor()
    text = public.get(reverse("register_download", args=["csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][3] == '\'=HYPERLINK("http://evil.example")'
    book = load_workbook(
        io.BytesIO(public.get(reverse("register_download", args=["xlsx"])).content)
    )
    sheet = book.active
    assert sheet.cell(row=2, column=4).value.startswith("'=")
    assert public.get(reverse("register_download", args=["pdf"])).status_code == 404


# --- Isolation and hostile input ---------------------------------------------------------------------


def test_another_organisation_cannot_edit_approve_publish_or_withdraw(a: Tenant, b: Tenant) -> None:
    record = published_record(a)
    before = (record.version, record.published_version, record.name)
    for role in (Role.EDITOR, Role.REVIEWER, Role.ADMIN):
        outsider = person(b, role)
        # Through A's address ...
        assert outsider.get(manage_url(a, a.systems[2].pk)).status_code == 404
        for action in ("start", "approve", "publish", "withdraw"):
            assert step(outsider, a, a.systems[2].pk, action).status_code == 404
        assert (
            outsider.post(manage_url(a, a.systems[2].pk), {"name": "Hijacked"}).status_code == 404
        )
        # ... and with A's system id under B's own address.
        assert step(outsider, b, a.systems[2].pk, "withdraw").status_code == 404
        assert (
            outsider.post(manage_url(b, a.systems[2].pk), {"name": "Hijacked"}).status_code == 404
        )
    record.refresh_from_db()
    assert (record.version, record.published_version, record.name) == before
    assert record.is_public


def test_viewers_read_the_record_page_but_change_nothing(a: Tenant) -> None:
    record = published_record(a)
    viewer = person(a, Role.VIEWER)
    page = viewer.get(manage_url(a, a.systems[2].pk))
    assert page.status_code == 200 and b'name="summary"' not in page.content
    assert viewer.post(manage_url(a, a.systems[2].pk), {"name": "X"}).status_code == 403
    assert step(viewer, a, a.systems[2].pk, "withdraw").status_code == 403
    record.refresh_from_db()
    assert record.is_public and record.name == PLAIN["name"]


def test_hostile_text_is_escaped_everywhere_it_is_shown(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    save(editor, a, system.pk, **{**PLAIN, "name": "Evil" + hostile[:40], "purpose": hostile})
    step(reviewer, a, system.pk, "approve")
    step(editor, a, system.pk, "publish")
    record = RegisterRecord.objects.get(system=system)
    public = visitor()
    for url in (reverse("register_list"), reverse("register_record", args=[record.pk])):
        html = public.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html
    assert (
        "<script>" in public.get(reverse("register_api_record", args=[record.pk])).json()["purpose"]
    )
    assert "<script>alert" not in editor.get(manage_url(a, system.pk)).content.decode()


def test_links_and_contact_that_are_not_web_or_mail_addresses_are_refused(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    response = save(editor, a, system.pk, links="javascript:alert(1)", contact="call us")
    page = response.content.decode()
    assert response.status_code == 200
    assert "must start with https:// or http://" in page
    assert "Write an e-mail address" in page
    record = RegisterRecord.objects.get(system=system)
    assert "javascript" not in record.links and record.contact != "call us"
    # An "e-mail address" that is really a script link is refused too.
    save(editor, a, system.pk, contact="javascript://%0aalert(document.domain)//@x.com")
    assert "javascript" not in RegisterRecord.objects.get(system=system).contact


def test_a_stale_form_does_not_overwrite_someone_elses_save(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    record = RegisterRecord.objects.get(system=system)
    stale = record.version
    save(editor, a, system.pk, summary="First editor's text.")
    data = {name: getattr(record, name) for name in [*services.TEXT_FIELDS, "language"]}
    response = editor.post(
        manage_url(a, system.pk), {**data, "summary": "Second editor's text.", "version": stale}
    )
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert "Second editor&#x27;s text." in page  # their text is still in the form
    assert RegisterRecord.objects.get(pk=record.pk).summary == "First editor's text."


def test_hard_to_read_texts_warn_but_do_not_block_publishing(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    hard = (
        "Sagsbehandlingsunderstøttelsessystemet prioriterer ansøgningsmaterialet automatiseret "
        "efter risikovurderingsparametre og forvaltningsretlige principper."
    )
    save(editor, a, system.pk, **{**PLAIN, "purpose": hard})
    page = editor.get(manage_url(a, system.pk)).content.decode()
    assert "is very difficult to read (LIX" in page and "shorter sentences" in page
    step(reviewer, a, system.pk, "approve")
    step(editor, a, system.pk, "publish")
    assert RegisterRecord.objects.get(system=system).is_public


def test_too_long_texts_are_saved_but_block_approval(a: Tenant) -> None:
    editor, reviewer = person(a, Role.EDITOR), person(a, Role.REVIEWER)
    system = a.systems[2]
    step(editor, a, system.pk, "start")
    save(editor, a, system.pk, **{**PLAIN, "summary": "Kort sætning. " * 40})
    record = RegisterRecord.objects.get(system=system)
    assert len(record.summary) > 350  # nothing typed is lost
    step(reviewer, a, system.pk, "approve")
    assert RegisterRecord.objects.get(system=system).status == RecordStatus.DRAFT
    page = editor.get(manage_url(a, system.pk)).content.decode()
    assert "the limit is 350. Shorten it." in page


def test_system_page_links_editors_to_the_register(a: Tenant) -> None:
    editor = person(a, Role.EDITOR)
    page = editor.get(reverse("system_detail", args=[a.slug, a.systems[2].pk])).content.decode()
    assert manage_url(a, a.systems[2].pk) in page and "Publish in the register" in page
    assert reverse("register_list") in visitor().get(reverse("login")).content.decode()


def test_the_public_api_pages_through_records_and_says_where_the_next_page_is(
    a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tillid.web.register import views

    published_record(a)
    monkeypatch.setattr(views, "API_PAGE_SIZE", 1)
    public = visitor()

    first = public.get(reverse("register_api_records")).json()
    assert (first["count"], first["page"], first["pages"], first["previous"]) == (1, 1, 1, None)
    assert first["next"] is None and len(first["records"]) == 1
    beyond = public.get(reverse("register_api_records") + "?page=7")
    assert beyond.status_code == 404 and "no page 7" in beyond.json()["error"]
    assert public.get(reverse("register_api_records") + "?page=abc").status_code == 200


@pytest.mark.parametrize("number", ["-1", "-99999999999999999999"])
def test_the_public_api_answers_a_page_below_one_with_404_not_an_error(
    a: Tenant, number: str
) -> None:
    published_record(a)
    response = visitor().get(reverse("register_api_records"), {"page": number})
    assert response.status_code == 404
    assert "pages start at 1" in response.json()["error"]


def test_the_public_api_says_one_page_not_one_pages(a: Tenant) -> None:
    published_record(a)
    error = visitor().get(reverse("register_api_records"), {"page": "3"}).json()["error"]
    assert error == "There is no page 3; there is 1 page."


EU_TITLE = "EU database, AI Act Art. 49(3) and Annex VIII section C (deployers)"


def test_the_structures_descriptive_names_are_translated_on_the_record_page(
    a: Tenant,
) -> None:
    from django.utils.translation import trans_real

    record = published_record(a)
    # A Danish translation of the EU database's name, as the lead's catalogue will hold it.
    catalog = trans_real.translation("da")._catalog
    before = catalog.get(EU_TITLE)
    catalog[EU_TITLE] = "EU-databasen (oversat)"
    try:
        danish = Client(HTTP_ACCEPT_LANGUAGE="da").get(reverse("register_record", args=[record.pk]))
    finally:
        if before is None:
            del catalog._catalogs[0][EU_TITLE]
        else:
            catalog[EU_TITLE] = before
    assert "EU-databasen (oversat)" in danish.content.decode()
    english = visitor().get(reverse("register_record", args=[record.pk])).content.decode()
    assert EU_TITLE in english and "Algoritmeregister publicatiestandaard 1.0" in english


def test_every_structure_has_a_name_for_readers() -> None:
    from tillid.web.register import views

    assert set(views.STANDARD_LABELS) == set(STANDARDS)
    assert {k: str(v) for k, v in views.STANDARD_LABELS.items()} == STANDARD_TITLES


@pytest.mark.parametrize("query", ["ANSØGNINGER", "Ansøgninger", "HJÆLP TIL"])
def test_search_ignores_case_in_danish_and_swedish_letters_too(a: Tenant, query: str) -> None:
    # SQLite's LIKE folds only ASCII letters: "Ø" and "ø" differ there unless tillid folds them.
    record = published_record(a)
    api = visitor().get(reverse("register_api_records"), {"q": query}).json()
    assert [r["record_id"] for r in api["records"]] == [record.pk]
