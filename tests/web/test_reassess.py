"""A knowledge-pack update shows each stored assessment exactly what it changes, and records it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from django.test import Client

from tests.conftest import replace_in
from tillid.assessment.answers import read_answer_set
from tillid.knowledge.loading import load_packs
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.assessments import knowledge, services
from tillid.web.assessments.models import Change
from tillid.web.inventory.models import AISystem

pytestmark = pytest.mark.django_db

REGISTRATION = "aia.o_art26_8_register_use"


def _reset_caches() -> None:
    knowledge.knowledge_base.cache_clear()
    knowledge.engine.cache_clear()


@pytest.fixture
def updated_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Version 0.5.0 of the AI Act pack, in which public deployers no longer register their use."""
    folder = tmp_path / "packs"
    shutil.copytree(str(resources.files("tillid").joinpath("packs")), folder)
    replace_in(folder / "eu-ai-act" / "pack.yaml", "version: 0.4.0", "version: 0.5.0")
    replace_in(
        folder / "eu-ai-act" / "obligations_deployer.yaml",
        '    citations: ["aia:art26(8)", "aia:art49(3)", "aia:art71"]\n    role: deployer\n'
        "    applies_when:\n      all:\n        - {fact: aia.public_authority_deployer}\n",
        '    citations: ["aia:art26(8)", "aia:art49(3)", "aia:art71"]\n    role: deployer\n'
        "    applies_when:\n      all:\n        - {not: {always: true}}\n",
    )
    packs = load_packs(sorted(p for p in folder.iterdir() if (p / "pack.yaml").exists()))

    def swap() -> None:
        monkeypatch.setattr(knowledge, "load_builtin_packs", lambda: packs)
        _reset_caches()

    yield swap  # type: ignore[misc]
    _reset_caches()


def _fraud_scoring_assessment() -> tuple[Client, services.Assessment, User]:
    organisation = Organisation.objects.create(
        slug="havbjerg", name="Havbjerg", organisation_type="municipality", country="DK"
    )
    user = User.objects.create_user("editor", password="x")
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    system = AISystem.objects.create(organisation=organisation, name="Fraud scoring", purpose="x")
    assessment = services.start_assessment(system, user)
    example = read_answer_set(
        Path(str(resources.files("tillid.examples").joinpath("benefit_fraud_scoring.yaml")))
    )
    services.save_answers(
        assessment,
        user,
        [services.AnswerInput(q, v, None) for q, v in example.answers.items()],
    )
    client = Client()
    client.force_login(user)
    return client, assessment, user


def test_the_overview_shows_what_a_pack_update_changes_and_reassessing_records_it(
    updated_packs,  # type: ignore[no-untyped-def]
) -> None:
    client, assessment, _user = _fraud_scoring_assessment()
    assert REGISTRATION in assessment.baseline["obligations"]
    assert (
        client.get(f"/o/havbjerg/assessments/{assessment.pk}/").content.count(b"were updated") == 0
    )

    updated_packs()
    page = client.get(f"/o/havbjerg/assessments/{assessment.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert b"The knowledge packs were updated" in page.content
    assert (
        b"No longer a duty: Public authorities (and private bodies on their behalf) register their use"
        in page.content
    )

    client.post(f"/o/havbjerg/assessments/{assessment.pk}/reassess/")
    assessment.refresh_from_db()
    assert assessment.pack_versions["eu-ai-act"] == "0.5.0"
    change = assessment.changes.get(kind=Change.Kind.REASSESSED)
    assert change.before["eu-ai-act"] == "0.4.0"
    assert {k: v for k, v in change.after["changes"][0].items() if k in ("kind", "item")} == {
        "kind": "obligation_removed",
        "item": REGISTRATION,
    }
    history = client.get(
        f"/o/havbjerg/assessments/{assessment.pk}/history/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert b"eu-ai-act 0.4.0 \xe2\x86\x92 0.5.0" in history.content
    after = client.get(f"/o/havbjerg/assessments/{assessment.pk}/")
    assert b"The knowledge packs were updated" not in after.content


def test_answering_after_a_pack_update_first_records_the_update(updated_packs) -> None:  # type: ignore[no-untyped-def]
    _client, assessment, user = _fraud_scoring_assessment()
    updated_packs()
    services.save_answers(assessment, user, [services.AnswerInput("aia.q_personal_data", "no", 1)])
    kinds = list(assessment.changes.values_list("kind", flat=True))
    assert kinds[-2:] == [Change.Kind.REASSESSED, Change.Kind.ANSWER]


def test_the_history_shows_which_answers_differ_from_the_approved_version() -> None:
    client, assessment, user = _fraud_scoring_assessment()
    _approve_reopen_and_change(assessment, user)

    page = client.get(
        f"/o/havbjerg/assessments/{assessment.pk}/history/", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert b"Answers changed since the approved revision 1" in page.content
    rows = page.content.split(b"Answers changed since the approved revision 1")[1].split(
        b"Every change"
    )[0]
    assert rows.count(b"<tr>") == 2  # the header and the one changed answer


def test_an_answer_with_a_nul_character_is_refused_with_a_message() -> None:
    _client, assessment, user = _fraud_scoring_assessment()
    version = assessment.answers.get(question_id="aia.q_personal_data").version
    outcome = services.save_answers(
        assessment, user, [services.AnswerInput("aia.q_personal_data", "no\x00", version)]
    )
    assert "NUL" in outcome.errors["aia.q_personal_data"]
    assert assessment.answers.get(question_id="aia.q_personal_data").value is True


def _approve_reopen_and_change(assessment: services.Assessment, user: User) -> None:
    reviewer = User.objects.create_user("dpo", password="x")
    Membership.objects.create(
        user=reviewer, organisation=assessment.organisation, role=Role.REVIEWER
    )
    services.submit(assessment, user, assessment.version)
    services.approve(assessment, reviewer, assessment.version)
    services.reopen(assessment, user, assessment.version)
    version = assessment.answers.get(question_id="aia.q_personal_data").version
    services.save_answers(
        assessment, user, [services.AnswerInput("aia.q_personal_data", "no", version)]
    )


def test_an_approved_revisions_documents_show_what_was_approved_not_todays_answers() -> None:
    client, assessment, user = _fraud_scoring_assessment()
    approved_dpia = client.get(
        f"/o/havbjerg/assessments/{assessment.pk}/documents/dpia.md", HTTP_ACCEPT_LANGUAGE="en"
    ).content
    _approve_reopen_and_change(assessment, user)
    base = f"/o/havbjerg/assessments/{assessment.pk}/documents/dpia.md"

    current = client.get(base, HTTP_ACCEPT_LANGUAGE="en")
    frozen = client.get(base + "?revision=1", HTTP_ACCEPT_LANGUAGE="en")

    assert frozen.status_code == 200 and current.status_code == 200
    assert frozen.content != current.content  # "no personal data" changed the DPIA draft
    assert frozen.content == approved_dpia
    assert 'filename="tillid-dpia-' in frozen["Content-Disposition"]
    assert "-r1.md" in frozen["Content-Disposition"]
    history = client.get(f"/o/havbjerg/assessments/{assessment.pk}/history/").content.decode()
    assert "documents/report.pdf?revision=1" in history
    for unknown in ("2", "abc", "99999999999999999999"):
        assert client.get(f"{base}?revision={unknown}").status_code == 404


def test_after_a_pack_update_an_approved_revisions_documents_say_why_they_cannot_be_made(
    updated_packs,  # type: ignore[no-untyped-def]
) -> None:
    client, assessment, user = _fraud_scoring_assessment()
    _approve_reopen_and_change(assessment, user)
    updated_packs()

    page = client.get(
        f"/o/havbjerg/assessments/{assessment.pk}/documents/report.pdf?revision=1",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert page.status_code == 409
    assert "eu-ai-act 0.4.0 → 0.5.0" in page.content.decode()
