"""The HTTP API: token auth, tenant isolation, the endpoints, their errors, and schemathesis.

Each organisation's other systems reach tillid with a token an administrator made; the token reads
and changes only its own organisation, with the role it was given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.test import Client
from django.utils import timezone
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.api import services as token_services
from tillid.web.api.models import ApiToken
from tillid.web.assessments import services
from tillid.web.assessments.models import Answer, Assessment, Status
from tillid.web.inventory.models import AISystem

TECHNIQUE = "aia.q_technique"  # single choice, the first question every organisation is asked
INFERS = "aia.q_infers_check"  # yes/no
PASSWORD = "a long test password 7"


@dataclass
class Org:
    organisation: Organisation
    admin: User
    editor: User
    system: AISystem
    assessment: Assessment
    viewer_token: str
    editor_token: str


def _user(username: str) -> User:
    user = User(username=username, email=f"{username}@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def _org(slug: str, country: str = "DK") -> Org:
    organisation = Organisation.objects.create(
        name=f"Organisation {slug}", slug=slug, organisation_type="municipality", country=country
    )
    admin, editor = _user(f"{slug}-admin"), _user(f"{slug}-editor")
    Membership.objects.create(user=admin, organisation=organisation, role=Role.ADMIN)
    Membership.objects.create(user=editor, organisation=organisation, role=Role.EDITOR)
    system = AISystem.objects.create(
        organisation=organisation,
        name=f"Chatbot {slug}",
        purpose="Answers citizens' questions",
        owner=editor,
        vendor="Vendor A/S",
    )
    assessment = services.start_assessment(system, editor)
    services.save_answers(
        assessment, editor, [services.AnswerInput(TECHNIQUE, "machine_learning", None)]
    )
    _, viewer_token = token_services.create_token(organisation, "reader", "viewer", admin)
    _, editor_token = token_services.create_token(organisation, "writer", "editor", admin)
    return Org(organisation, admin, editor, system, assessment, viewer_token, editor_token)


@pytest.fixture
def org_a(db: None) -> Org:
    return _org("a")


@pytest.fixture
def org_b(db: None) -> Org:
    return _org("b", country="SE")


def call(method: str, url: str, token: str | None, body: Any = None, **extra: Any) -> Any:
    extra.setdefault(
        "HTTP_ACCEPT_LANGUAGE", "en"
    )  # messages in English; tillid's default is Danish
    client = Client(SERVER_NAME="localhost")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = json.dumps(body) if body is not None and not isinstance(body, str | bytes) else body
    return getattr(client, method)(
        url, data=data, content_type="application/json", **headers, **extra
    )


def detail(response: Any) -> str:
    return str(response.json()["detail"])


# Documentation ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_and_docs_are_served_without_a_token_and_without_a_cdn() -> None:
    client = Client(SERVER_NAME="localhost")
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/systems" in schema["paths"]
    assert "/api/v1/assessments/{assessment_id}/answers" in schema["paths"]
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"

    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


# Tokens ------------------------------------------------------------------------------------------


def _logged_in(user: User) -> Client:
    client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_admin_makes_a_token_shown_once_and_stored_only_as_a_hash(org_a: Org) -> None:
    admin = _logged_in(org_a.admin)
    page = admin.post("/o/a/api-tokens/", {"name": "Case system", "role": "editor"})
    assert page.status_code == 200
    secret = page.context["new_secret"]
    assert secret.startswith("tillid_") and secret in page.content.decode()
    assert "no-store" in page["Cache-Control"]

    token = ApiToken.objects.get(name="Case system")
    stored = [str(v) for v in ApiToken.objects.filter(pk=token.pk).values().first().values()]
    assert secret not in " ".join(stored)
    assert token.role == "editor" and token.created_by == org_a.admin

    again = admin.get("/o/a/api-tokens/").content.decode()
    assert "Case system" in again and secret not in again
    assert call("get", "/api/v1/systems", secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_without_a_name_or_with_a_reviewer_role_is_refused(org_a: Org) -> None:
    admin = _logged_in(org_a.admin)
    count = ApiToken.objects.count()
    unnamed = admin.post("/o/a/api-tokens/", {"name": "  ", "role": "viewer"})
    assert "Give the token a name" in unnamed.content.decode()
    reviewer = admin.post("/o/a/api-tokens/", {"name": "x", "role": "reviewer"})
    assert "viewer or an editor" in reviewer.content.decode()
    assert ApiToken.objects.count() == count


def test_only_admins_manage_tokens_and_the_members_page_links_to_them(
    org_a: Org, org_b: Org
) -> None:
    assert _logged_in(org_a.editor).get("/o/a/api-tokens/").status_code == 403
    assert _logged_in(org_b.admin).get("/o/a/api-tokens/").status_code == 404
    assert "/o/a/api-tokens/" in _logged_in(org_a.admin).get("/o/a/members/").content.decode()


def test_revoked_token_gets_401_naming_the_revocation(org_a: Org) -> None:
    token = ApiToken.objects.get(organisation=org_a.organisation, name="writer")
    admin = _logged_in(org_a.admin)
    admin.post("/o/a/api-tokens/", {"revoke": str(token.pk)})
    token.refresh_from_db()
    assert token.revoked_at is not None

    response = call("get", "/api/v1/systems", org_a.editor_token)
    assert response.status_code == 401
    assert "revoked" in detail(response)
    assert response["WWW-Authenticate"] == "Bearer"


def test_admin_of_b_cannot_revoke_a_token_of_a(org_a: Org, org_b: Org) -> None:
    token = ApiToken.objects.get(organisation=org_a.organisation, name="writer")
    _logged_in(org_b.admin).post("/o/b/api-tokens/", {"revoke": str(token.pk)})
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize(
    ("header", "says"),
    [
        (None, "Authorization: Bearer"),
        ("Basic YTpi", "Authorization: Bearer"),
        ("Bearer ", "Authorization: Bearer"),
        ("Bearer tillid_not-a-real-token", "not known"),
        ("Bearer " + "x" * 5000, "not known"),
    ],
)
def test_missing_or_unknown_token_gets_401_saying_how_to_authenticate(
    org_a: Org, header: str | None, says: str
) -> None:
    client = Client(SERVER_NAME="localhost", HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/api/v1/systems", **({"HTTP_AUTHORIZATION": header} if header else {}))
    assert response.status_code == 401
    assert says in detail(response)


# Systems -----------------------------------------------------------------------------------------


def test_list_systems_with_the_inventory_filters(org_a: Org) -> None:
    AISystem.objects.create(
        organisation=org_a.organisation,
        name="Route planner",
        purpose="Plans routes",
        lifecycle_phase="operate",
        status="in_use",
    )
    everything = call("get", "/api/v1/systems", org_a.viewer_token).json()
    assert everything["count"] == 2
    assert [s["name"] for s in everything["items"]] == ["Chatbot a", "Route planner"]
    chatbot = everything["items"][0]
    assert chatbot["owner"] == "a-editor"
    assert chatbot["latest_assessment"]["id"] == org_a.assessment.pk

    def names(query: str) -> list[str]:
        found = call("get", f"/api/v1/systems?{query}", org_a.viewer_token).json()["items"]
        return [s["name"] for s in found]

    assert names("q=routes") == ["Route planner"]
    assert names("phase=operate") == ["Route planner"]
    assert names("status=in_use") == ["Route planner"]
    assert "Route planner" in names("risk=none")  # never assessed
    assert names("risk=no-such-class") == []
    assert names("sort=-name") == ["Route planner", "Chatbot a"]
    assert names("limit=1&offset=1") == ["Route planner"]


def test_list_filter_with_an_unknown_phase_is_422_naming_the_choices(org_a: Org) -> None:
    response = call("get", "/api/v1/systems?phase=dream", org_a.viewer_token)
    assert response.status_code == 422
    assert "phase" in response.json()["errors"]
    assert "operate" in detail(response)


def test_editor_token_registers_a_system(org_a: Org) -> None:
    body = {
        "name": "Benefit triage",
        "purpose": "Sorts applications",
        "owner": "a-editor",
        "lifecycle_phase": "develop",
        "links": ["https://example.org/triage"],
    }
    response = call("post", "/api/v1/systems", org_a.editor_token, body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["version"] == 1 and created["links"] == ["https://example.org/triage"]
    system = AISystem.objects.get(pk=created["id"])
    assert system.organisation == org_a.organisation and system.owner == org_a.editor


def test_viewer_token_cannot_write_403(org_a: Org) -> None:
    before = AISystem.objects.count(), Answer.objects.count(), Assessment.objects.count()
    writes = [
        ("post", "/api/v1/systems", {"name": "X", "purpose": "Y"}),
        ("patch", f"/api/v1/systems/{org_a.system.pk}", {"version": 1, "name": "Z"}),
        ("post", f"/api/v1/systems/{org_a.system.pk}/assessments", None),
        (
            "put",
            f"/api/v1/assessments/{org_a.assessment.pk}/answers",
            {"answers": [{"question_id": INFERS, "value": True, "version": None}]},
        ),
    ]
    for method, url, body in writes:
        response = call(method, url, org_a.viewer_token, body)
        assert response.status_code == 403, url
        assert "editor role" in detail(response)
    assert (AISystem.objects.count(), Answer.objects.count(), Assessment.objects.count()) == before
    org_a.system.refresh_from_db()
    assert org_a.system.name == "Chatbot a"


def test_registering_a_second_system_with_the_same_name_is_409(org_a: Org) -> None:
    body = {"name": "Chatbot a", "purpose": "Again"}
    response = call("post", "/api/v1/systems", org_a.editor_token, body)
    assert response.status_code == 409
    assert "already a system named Chatbot a" in detail(response)


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ({"name": "X", "purpose": "Y", "links": ["ftp://x"]}, "links", "https://"),
        ({"name": "X", "purpose": "Y", "owner": "nobody"}, "owner", "nobody"),
        ({"name": "X", "purpose": "Y", "owner": "b-editor"}, "owner", "b-editor"),
        ({"name": "", "purpose": "Y"}, "name", "required"),
        ({"name": "X"}, "purpose", "required"),
        ({"name": "X" * 201, "purpose": "Y"}, "name", "200"),
        ({"name": "X", "purpose": "Y", "status": "forgotten"}, "status", "in_use"),
    ],
)
def test_bad_system_input_is_422_naming_the_field(
    org_a: Org, org_b: Org, body: dict[str, Any], field: str, says: str
) -> None:
    response = call("post", "/api/v1/systems", org_a.editor_token, body)
    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert says in response.json()["errors"][field]
    assert says in detail(response)
    assert not AISystem.objects.filter(name="X").exists()


def test_a_nul_character_anywhere_is_422_before_anything_is_saved(org_a: Org) -> None:
    # Refused for every endpoint by tillid.web.nul_bytes: PostgreSQL cannot store NUL.
    response = call(
        "post", "/api/v1/systems", org_a.editor_token, {"name": "X\x00", "purpose": "Y"}
    )
    assert response.status_code == 422
    assert "NUL character" in detail(response)
    assert not AISystem.objects.filter(name__startswith="X").exists()


def test_messages_are_in_the_language_the_client_asks_for(org_a: Org) -> None:
    body = {"name": "", "purpose": "Y"}
    danish = call("post", "/api/v1/systems", org_a.editor_token, body, HTTP_ACCEPT_LANGUAGE="da")
    assert danish.json()["errors"]["name"] == "Dette felt er påkrævet."


def test_change_a_system_with_its_version(org_a: Org) -> None:
    url = f"/api/v1/systems/{org_a.system.pk}"
    response = call("patch", url, org_a.editor_token, {"version": 1, "status": "in_use"})
    assert response.status_code == 200, response.content
    changed = response.json()
    assert changed["status"] == "in_use" and changed["version"] == 2
    assert changed["name"] == "Chatbot a" and changed["owner"] == "a-editor"  # untouched


def test_change_from_a_stale_version_is_409_and_keeps_the_other_change(org_a: Org) -> None:
    url = f"/api/v1/systems/{org_a.system.pk}"
    call("patch", url, org_a.editor_token, {"version": 1, "vendor": "First"})
    late = call("patch", url, org_a.editor_token, {"version": 1, "vendor": "Second"})
    assert late.status_code == 409
    assert "Someone else saved this system" in detail(late)
    org_a.system.refresh_from_db()
    assert org_a.system.vendor == "First" and org_a.system.version == 2


def test_renaming_onto_another_systems_name_is_409_not_a_crash(org_a: Org) -> None:
    AISystem.objects.create(organisation=org_a.organisation, name="Taken", purpose="p")
    url = f"/api/v1/systems/{org_a.system.pk}"
    response = call("patch", url, org_a.editor_token, {"version": 1, "name": "Taken"})
    assert response.status_code == 409
    assert "already a system named Taken" in detail(response)


# Tenant isolation --------------------------------------------------------------------------------


def test_token_of_a_gets_404_for_everything_of_b_and_changes_nothing(
    org_a: Org, org_b: Org
) -> None:
    system, assessment = org_b.system.pk, org_b.assessment.pk
    answers = {"answers": [{"question_id": INFERS, "value": True, "version": None}]}
    attempts = [
        ("get", f"/api/v1/systems/{system}", None),
        ("patch", f"/api/v1/systems/{system}", {"version": 1, "name": "Taken over"}),
        ("get", f"/api/v1/systems/{system}/assessments", None),
        ("post", f"/api/v1/systems/{system}/assessments", None),
        ("get", f"/api/v1/assessments/{assessment}", None),
        ("get", f"/api/v1/assessments/{assessment}/answers", None),
        ("put", f"/api/v1/assessments/{assessment}/answers", answers),
        ("get", f"/api/v1/assessments/{assessment}/result", None),
        ("get", f"/api/v1/assessments/{assessment}/result?lang=en", None),
        ("get", f"/api/v1/assessments/{assessment}/documents/report.md", None),
    ]
    before = (Answer.objects.count(), Assessment.objects.count())
    for method, url, body in attempts:
        response = call(method, url, org_a.editor_token, body)
        assert response.status_code == 404, (method, url, response.status_code)
        assert "in your organisation" in detail(response)
        assert "Chatbot b" not in response.content.decode()
    listed = call("get", "/api/v1/systems", org_a.editor_token).json()["items"]
    assert [s["name"] for s in listed] == ["Chatbot a"]
    org_b.system.refresh_from_db()
    assert org_b.system.name == "Chatbot b" and org_b.system.version == 1
    assert (Answer.objects.count(), Assessment.objects.count()) == before


# Assessments -------------------------------------------------------------------------------------


def test_start_list_and_get_an_assessment(org_a: Org) -> None:
    started = call("post", f"/api/v1/systems/{org_a.system.pk}/assessments", org_a.editor_token)
    assert started.status_code == 201
    new = started.json()
    assert new["status"] == "draft" and new["context"]["country"] == "DK"
    assert new["summary"]["open_questions"] > 0 and new["pack_versions"]
    assert Assessment.objects.get(pk=new["id"]).created_by == org_a.admin  # the token's maker

    listed = call("get", f"/api/v1/systems/{org_a.system.pk}/assessments", org_a.viewer_token)
    assert [a["id"] for a in listed.json()] == [new["id"], org_a.assessment.pk]

    got = call("get", f"/api/v1/assessments/{org_a.assessment.pk}", org_a.viewer_token).json()
    assert got["system_name"] == "Chatbot a" and got["summary"]["complete"] is False


def test_answers_are_read_with_their_versions_and_saved(org_a: Org) -> None:
    url = f"/api/v1/assessments/{org_a.assessment.pk}/answers"
    answers = call("get", url, org_a.viewer_token).json()
    assert answers == [
        {
            "question_id": TECHNIQUE,
            "value": "machine_learning",
            "version": 1,
            "updated_by": "a-editor",
            "updated_at": answers[0]["updated_at"],
        }
    ]
    body = {
        "answers": [
            {"question_id": TECHNIQUE, "value": "knowledge_based", "version": 1},
            {"question_id": INFERS, "value": True, "version": None},
        ]
    }
    response = call("put", url, org_a.editor_token, body)
    assert response.status_code == 200, response.content
    assert sorted(response.json()["saved"]) == sorted([TECHNIQUE, INFERS])
    stored = dict(org_a.assessment.answers.values_list("question_id", "version"))
    assert stored == {TECHNIQUE: 2, INFERS: 1}
    assert org_a.assessment.changes.filter(kind="answer", actor=org_a.admin).count() == 2


def test_answer_changed_by_someone_else_is_409_and_nothing_of_the_set_is_saved(
    org_a: Org,
) -> None:
    services.save_answers(
        org_a.assessment, org_a.editor, [services.AnswerInput(TECHNIQUE, "knowledge_based", 1)]
    )
    body = {
        "answers": [
            {"question_id": INFERS, "value": True, "version": None},
            {"question_id": TECHNIQUE, "value": "rules_by_people", "version": 1},
        ]
    }
    url = f"/api/v1/assessments/{org_a.assessment.pk}/answers"
    response = call("put", url, org_a.editor_token, body)
    assert response.status_code == 409
    conflict = response.json()["conflicts"]
    assert conflict == [
        {
            "question_id": TECHNIQUE,
            "yours": "rules_by_people",
            "theirs": "knowledge_based",
            "current_version": 2,
            "by": str(org_a.editor),
        }
    ]
    assert "changed this answer while you were answering" in detail(response)
    assert dict(org_a.assessment.answers.values_list("question_id", "value")) == {
        TECHNIQUE: "knowledge_based"
    }

    body["answers"][1]["version"] = 2  # the caller decides theirs is wrong and sends again
    assert call("put", url, org_a.editor_token, body).status_code == 200


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ({"question_id": TECHNIQUE, "value": "magic", "version": 1}, "machine_learning"),
        ({"question_id": INFERS, "value": "perhaps", "version": None}, "yes or no"),
        ({"question_id": "aia.q_nothing", "value": True, "version": None}, "no question"),
        ({"question_id": INFERS, "value": {"a": [1]}, "version": None}, "yes or no"),
    ],
)
def test_bad_answer_is_422_naming_the_question_and_nothing_is_saved(
    org_a: Org, answer: dict[str, Any], says: str
) -> None:
    good = {"question_id": "aia.q_uses", "value": True, "version": None}
    url = f"/api/v1/assessments/{org_a.assessment.pk}/answers"
    response = call("put", url, org_a.editor_token, {"answers": [good, answer]})
    assert response.status_code == 422, response.content
    assert says in detail(response)
    assert not org_a.assessment.answers.filter(question_id="aia.q_uses").exists()


def test_the_same_question_twice_in_one_set_is_422(org_a: Org) -> None:
    answer = {"question_id": INFERS, "value": True, "version": None}
    url = f"/api/v1/assessments/{org_a.assessment.pk}/answers"
    response = call("put", url, org_a.editor_token, {"answers": [answer, answer]})
    assert response.status_code == 422
    assert "answered twice" in response.json()["errors"][INFERS]


def test_answers_to_a_submitted_assessment_are_409(org_a: Org) -> None:
    services.submit(org_a.assessment, org_a.editor, org_a.assessment.version)
    url = f"/api/v1/assessments/{org_a.assessment.pk}/answers"
    body = {"answers": [{"question_id": INFERS, "value": True, "version": None}]}
    response = call("put", url, org_a.editor_token, body)
    assert response.status_code == 409
    assert "cannot be changed" in detail(response)
    assert Assessment.objects.get(pk=org_a.assessment.pk).status == Status.SUBMITTED


# Result, documents, knowledge --------------------------------------------------------------------


def test_result_is_the_engines_result_as_of_a_date(org_a: Org) -> None:
    url = f"/api/v1/assessments/{org_a.assessment.pk}/result"
    result = call("get", url + "?as_of=2026-03-01", org_a.viewer_token).json()
    expected = services.evaluate_assessment(
        org_a.assessment, as_of=timezone.datetime(2026, 3, 1).date()
    ).to_dict()
    assert result == json.loads(json.dumps(expected))
    assert result["as_of"] == "2026-03-01"


def test_result_with_lang_is_the_worded_view(org_a: Org) -> None:
    url = f"/api/v1/assessments/{org_a.assessment.pk}/result?lang=en"
    view = call("get", url, org_a.viewer_token).json()
    assert view["language"] == "en" and view["title"] == "Chatbot a"
    assert view["open_questions"][0]["text"]  # a question in words, not an id


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("as_of=yesterday", "as_of"),
        ("as_of=2026-02-30", "as_of"),
        ("as_of=1066-10-14", "2000"),
        ("lang=de", "lang"),
    ],
)
def test_bad_result_query_is_422_naming_the_parameter(org_a: Org, query: str, says: str) -> None:
    url = f"/api/v1/assessments/{org_a.assessment.pk}/result?{query}"
    response = call("get", url, org_a.viewer_token)
    assert response.status_code == 422
    assert says in detail(response)


def test_documents_are_downloaded(org_a: Org) -> None:
    base = f"/api/v1/assessments/{org_a.assessment.pk}/documents"
    markdown = call("get", f"{base}/report.md?lang=en", org_a.viewer_token)
    assert markdown.status_code == 200
    assert markdown["Content-Type"].startswith("text/markdown")
    assert "attachment" in markdown["Content-Disposition"]
    assert "Chatbot a" in b"".join(markdown.streaming_content).decode()

    pdf = call("get", f"{base}/dpia.pdf", org_a.viewer_token)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("name", ["poem.pdf", "report.exe", "report"])
def test_unknown_document_is_a_4xx_not_a_crash(org_a: Org, name: str) -> None:
    url = f"/api/v1/assessments/{org_a.assessment.pk}/documents/{name}"
    assert call("get", url, org_a.viewer_token).status_code in (404, 422)


def test_knowledge_lists_the_packs_and_reads_a_question(org_a: Org) -> None:
    knowledge = call("get", "/api/v1/knowledge", org_a.viewer_token).json()
    packs = {p["id"]: p["version"] for p in knowledge["packs"]}
    assert "eu-ai-act" in packs and all(v.count(".") == 2 for v in packs.values())

    question = call("get", f"/api/v1/knowledge/questions/{TECHNIQUE}", org_a.viewer_token).json()
    assert question["pack"] == "eu-ai-act" and question["kind"] == "single"
    assert "machine_learning" in [o["id"] for o in question["options"]]
    assert question["text"]["da"] and question["text"]["en"]

    missing = call("get", "/api/v1/knowledge/questions/aia.q_nothing", org_a.viewer_token)
    assert missing.status_code == 404 and "aia.q_nothing" in detail(missing)


# Bad requests ------------------------------------------------------------------------------------


def test_malformed_json_is_400_saying_so(org_a: Org) -> None:
    response = call("post", "/api/v1/systems", org_a.editor_token, '{"name": "X",')
    assert response.status_code == 400
    assert "not valid JSON" in detail(response)


def test_lone_surrogate_in_json_is_400(org_a: Org) -> None:
    response = call(
        "post", "/api/v1/systems", org_a.editor_token, '{"name": "\\ud800", "purpose": "p"}'
    )
    assert response.status_code == 400
    assert "Unicode" in detail(response)


def test_huge_body_is_413(org_a: Org) -> None:
    body = json.dumps({"name": "X", "purpose": "p" * (6 * 1024 * 1024)})
    response = call("post", "/api/v1/systems", org_a.editor_token, body)
    assert response.status_code == 413
    assert "MB" in detail(response)


@pytest.mark.parametrize("bad_id", ["0", "-1", "abc", str(2**70)])
def test_ids_that_are_no_ids_are_422(org_a: Org, bad_id: str) -> None:
    response = call("get", f"/api/v1/systems/{bad_id}", org_a.viewer_token)
    assert response.status_code == 422
    assert "system_id" in detail(response)


# Schemathesis: requests generated from the OpenAPI document --------------------------------------

# Generated ids rarely name a stored object; so that bodies and queries reach real systems and
# assessments, a generated id n is kept (n % 3 == 0), replaced by an id of the token's organisation
# (1) or by one of the other organisation (2), which must then be refused and show nothing of it.
OWN, OTHER = 1, 2


def _api_schema() -> Any:
    # Loaded when the tests are collected: schemathesis's fixture-based loader does not work with
    # this pytest. Reading the OpenAPI document touches no database.
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


schema = _api_schema()


def _aim_at_stored_objects(case: Any, own: Org, other: Org) -> int | None:
    """Replaces generated ids as described above; returns OWN, OTHER or None (kept)."""
    aimed = None
    for name, ids in (
        ("system_id", (own.system.pk, other.system.pk)),
        ("assessment_id", (own.assessment.pk, other.assessment.pk)),
    ):
        value = (case.path_parameters or {}).get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0 and value % 3:
            aimed = value % 3
            case.path_parameters[name] = ids[0] if aimed == OWN else ids[1]
    return aimed


@schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.filter_too_much,
    ],
)
@pytest.mark.django_db
def test_generated_requests_never_get_a_server_error(case: Any, org_a: Org, org_b: Org) -> None:
    own, other = org_a, org_b
    aimed = _aim_at_stored_objects(case, own, other)
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {own.editor_token}"},
        # The answers are checked against the OpenAPI document. Whether a request is valid is
        # not: the token and the ids above are set here, and an answer's value depends on its
        # question, which no schema can say.
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
    assert response.status_code < 500, response.text[:2000]
    if aimed == OTHER:  # refused: 404, or earlier for a bad token, body or parameter
        assert not 200 <= response.status_code < 300, response.text[:500]
        assert other.system.name not in response.text
    if response.status_code >= 400 and response.headers.get("Content-Type") == "application/json":
        assert response.json()["detail"]
