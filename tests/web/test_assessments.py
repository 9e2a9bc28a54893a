"""Assessments in the browser: answering, concurrent editing, review and approval, history, documents."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import MINI
from tests.web.conftest import (
    FIRST_SECTION,
    TECHNIQUE,
    Tenant,
    client_for,
    make_user,
)
from tillid.knowledge.loading import load_pack
from tillid.web.accounts.models import Membership, Organisation, Role
from tillid.web.assessments import knowledge, labels, services
from tillid.web.assessments.models import Answer, ApprovedVersion, Assessment, Change, Status
from tillid.web.assessments.questionnaire import sections
from tillid.web.inventory.models import AISystem


def section_url(tenant: Tenant, assessment: Assessment, section: str = FIRST_SECTION) -> str:
    return reverse("assessment_section", args=[tenant.slug, assessment.pk, section])


def stored(assessment: Assessment) -> dict[str, Any]:
    return dict(Answer.objects.filter(assessment=assessment).values_list("question_id", "value"))


def version_of(assessment: Assessment, question_id: str) -> str:
    answer = Answer.objects.filter(assessment=assessment, question_id=question_id).first()
    return str(answer.version) if answer else ""


def page_text(response: Any) -> str:
    return response.content.decode()


@pytest.fixture
def fresh(a: Tenant) -> Assessment:
    """A new draft assessment of A's first system, nothing answered yet."""
    return services.start_assessment(a.systems[0], a.users[Role.EDITOR])


@pytest.fixture
def editor(a: Tenant) -> Client:
    return client_for(a.users[Role.EDITOR])


# Answering ---------------------------------------------------------------------------------------


def test_a_section_is_saved_by_a_plain_post_and_the_next_page_follows(
    a: Tenant, fresh: Assessment, editor: Client
) -> None:
    url = section_url(a, fresh)
    assert f'name="a:{TECHNIQUE}"' in page_text(editor.get(url))
    response = editor.post(
        url, {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "machine_learning", "go": "next"}
    )
    assert response.status_code == 302
    assert stored(fresh) == {TECHNIQUE: "machine_learning"}
    change = fresh.changes.get(kind=Change.Kind.ANSWER)
    assert (change.question_id, change.before, change.after) == (
        TECHNIQUE,
        None,
        "machine_learning",
    )
    assert change.actor == a.users[Role.EDITOR]


def test_htmx_saves_the_one_question_that_changed_and_returns_the_form(
    a: Tenant, fresh: Assessment, editor: Client
) -> None:
    response = editor.post(
        section_url(a, fresh),
        {"only": TECHNIQUE, f"a:{TECHNIQUE}": "knowledge_based", f"v:{TECHNIQUE}": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    page = page_text(response)
    assert "<html" not in page  # only the form, swapped in place
    assert "1 answer saved." in page
    assert stored(fresh) == {TECHNIQUE: "knowledge_based"}


@pytest.mark.parametrize("htmx", [False, True])
def test_an_unknown_option_is_named_and_nothing_is_saved(
    a: Tenant, fresh: Assessment, editor: Client, htmx: bool
) -> None:
    data = {f"a:{TECHNIQUE}": "crystal_ball", f"v:{TECHNIQUE}": ""}
    data |= {"only": TECHNIQUE} if htmx else {"question": [TECHNIQUE]}
    response = editor.post(
        section_url(a, fresh), data, headers={"HX-Request": "true"} if htmx else {}
    )
    assert response.status_code == 200
    assert "“crystal_ball” is not one of the options" in page_text(response)
    assert stored(fresh) == {}
    assert not fresh.changes.filter(kind=Change.Kind.ANSWER).exists()


def test_viewers_see_the_questions_but_cannot_answer(a: Tenant, fresh: Assessment) -> None:
    viewer = client_for(a.users[Role.VIEWER])
    page = page_text(viewer.get(section_url(a, fresh)))
    assert "disabled" in page and "hx-post" not in page
    response = viewer.post(
        section_url(a, fresh), {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "machine_learning"}
    )
    assert response.status_code == 403
    assert stored(fresh) == {}


# Answers of every kind: a small pack with a date, a number and a text question -------------------


@pytest.fixture
def typed_pack(tmp_path: Path) -> Iterator[None]:
    """The web app assesses with the test pack `mini` plus a date, a number and a text question."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    content = pack / "content.yaml"
    text = content.read_text(encoding="utf-8")
    extra = """
  - id: mini.started
    section: mini.scope
    kind: date
    text: {da: "Hvornår?", en: "When did it start?", sv: "När?"}
  - id: mini.count
    section: mini.scope
    kind: number
    minimum: 0
    text: {da: "Hvor mange?", en: "How many decisions a year?", sv: "Hur många?"}
  - id: mini.notes
    section: mini.scope
    kind: text
    text: {da: "Noter", en: "Notes", sv: "Anteckningar"}
"""
    marker = "\nfacts:"
    assert marker in text
    content.write_text(text.replace(marker, extra.rstrip("\n") + marker, 1), encoding="utf-8")
    original = knowledge.load_builtin_packs

    def clear() -> None:
        for cached in (knowledge.knowledge_base, knowledge.engine, labels.outcome_labels):
            cached.cache_clear()

    knowledge.load_builtin_packs = lambda: [load_pack(pack)]  # type: ignore[assignment]
    clear()
    yield
    knowledge.load_builtin_packs = original  # type: ignore[assignment]
    clear()


@pytest.mark.usefixtures("typed_pack")
@pytest.mark.django_db
def test_a_bad_date_or_text_for_a_number_is_named_and_not_saved_and_good_answers_are() -> None:
    organisation = Organisation.objects.create(
        name="O", slug="o", organisation_type="municipality", country="DK"
    )
    user = make_user("editor")
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    system = AISystem.objects.create(organisation=organisation, name="S", purpose="p")
    assessment = services.start_assessment(system, user)
    client = client_for(user)
    url = reverse("assessment_section", args=["o", assessment.pk, "mini.scope"])
    form = page_text(client.get(url))
    assert 'type="date"' in form and 'type="number"' in form and "<textarea" in form

    questions = ["mini.infers", "mini.started", "mini.count", "mini.notes"]
    response = client.post(
        url,
        {
            "question": questions,
            "a:mini.infers": "yes",
            "a:mini.started": "2026-02-30",
            "a:mini.count": "about forty",
            "a:mini.notes": "Piloted in one district.",
        },
    )
    assert response.status_code == 200  # the page again, with the problems named
    page = page_text(response)
    assert "Write the date as YYYY-MM-DD" in page
    assert "Write a number" in page
    assert stored(assessment) == {"mini.infers": True, "mini.notes": "Piloted in one district."}

    fixed = client.post(
        url,
        {
            "question": questions,
            "a:mini.infers": "yes",
            "v:mini.infers": version_of(assessment, "mini.infers"),
            "a:mini.started": "2026-02-28",
            "a:mini.count": "40",
            "a:mini.notes": "Piloted in one district.",
            "v:mini.notes": version_of(assessment, "mini.notes"),
        },
    )
    assert fixed.status_code == 302
    assert stored(assessment) == {
        "mini.infers": True,
        "mini.started": "2026-02-28",
        "mini.count": 40,
        "mini.notes": "Piloted in one district.",
    }
    negative = client.post(
        url,
        {"only": "mini.count", "a:mini.count": "-3", "v:mini.count": "1"},
        headers={"HX-Request": "true"},
    )
    assert "Write a number of at least 0." in page_text(negative)
    assert 'value="-3"' in page_text(negative)  # what was typed stays there to be corrected
    assert stored(assessment)["mini.count"] == 40


# Two browsers, one assessment --------------------------------------------------------------------


@pytest.fixture
def two_editors(a: Tenant) -> tuple[Client, Client]:
    colleague = make_user("second-editor")
    Membership.objects.create(user=colleague, organisation=a.organisation, role=Role.EDITOR)
    return client_for(a.users[Role.EDITOR]), client_for(colleague)


def _two_questions_on_one_page(tenant: Tenant, assessment: Assessment) -> tuple[str, Any, Any]:
    """A section showing two questions with options, after answering what makes one appear:
    (section id, (first question, its two answers), (second question, one answer))."""
    answers = {TECHNIQUE: "machine_learning", "aia.q_exclusions": ["none"]}
    services.save_answers(
        assessment,
        tenant.users[Role.EDITOR],
        [services.AnswerInput(q, v, None) for q, v in answers.items()],
    )
    for page in sections(assessment, "en"):
        choices = [q for q in page.questions if q.kind in ("single", "yes_no") and not q.answered]
        if len(choices) >= 2:
            first, second = choices[:2]

            def two(q: Any) -> list[str]:
                return ["yes", "no"] if q.kind == "yes_no" else [o.id for o in q.options[:2]]

            return page.id, (first.id, *two(first)), (second.id, two(second)[0])
    raise AssertionError("no section shows two questions with options; pick other answers")


def test_two_browsers_answering_different_questions_both_keep_their_answers(
    a: Tenant, fresh: Assessment, two_editors: tuple[Client, Client]
) -> None:
    section, (q1, one, _other), (q2, answer2) = _two_questions_on_one_page(a, fresh)
    first, second = two_editors
    url = section_url(a, fresh, section)
    # Both have the page open in the same state: neither question answered.
    for client in (first, second):
        page = page_text(client.get(url))
        assert f'name="a:{q1}"' in page and f'name="a:{q2}"' in page

    # The first answers q1 (htmx, as the radio button changes); the second answers q2 and saves
    # the whole page, which still has q1 unanswered as it was when the page was opened.
    first.post(url, {"only": q1, f"a:{q1}": one, f"v:{q1}": ""}, headers={"HX-Request": "true"})
    response = second.post(
        url, {"question": [q1, q2], f"v:{q1}": "", f"a:{q2}": answer2, f"v:{q2}": ""}
    )
    assert response.status_code == 302  # saved, on to the next page; nobody's answer lost
    expected = {q1: normalised(q1, one), q2: normalised(q2, answer2)}
    assert {q: v for q, v in stored(fresh).items() if q in (q1, q2)} == expected


def normalised(question_id: str, raw: str) -> Any:
    return {"yes": True, "no": False}.get(raw, raw) if raw in ("yes", "no") else raw


def test_a_page_saved_with_an_answer_someone_changed_meanwhile_keeps_theirs_and_says_so(
    a: Tenant, fresh: Assessment, two_editors: tuple[Client, Client]
) -> None:
    section, (q1, one, other), (q2, answer2) = _two_questions_on_one_page(a, fresh)
    first, second = two_editors
    url = section_url(a, fresh, section)
    first.post(url, {"only": q1, f"a:{q1}": one, f"v:{q1}": ""}, headers={"HX-Request": "true"})
    # The second had the page open before that and now sends q1 with a different choice.
    response = second.post(
        url, {"question": [q1, q2], f"a:{q1}": other, f"v:{q1}": "", f"a:{q2}": answer2}
    )
    assert response.status_code == 200
    assert "changed this answer while you were answering" in page_text(response)
    assert stored(fresh)[q1] == normalised(q1, one)  # the first answer stays
    assert stored(fresh)[q2] == normalised(q2, answer2)  # the rest of the page is saved


def test_two_browsers_answering_the_same_question_the_second_is_told_and_the_first_stays(
    a: Tenant, fresh: Assessment, two_editors: tuple[Client, Client]
) -> None:
    first, second = two_editors
    url = section_url(a, fresh)
    both_saw = {f"v:{TECHNIQUE}": ""}  # unanswered when both opened the page
    first.post(url, {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "machine_learning", **both_saw})
    response = second.post(
        url, {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "rules_by_people", **both_saw}
    )
    assert response.status_code == 200
    page = page_text(response)
    assert "changed this answer while you were answering. Your answer was not saved." in page
    assert stored(fresh) == {TECHNIQUE: "machine_learning"}
    # Told, the second person answers again from the page they now see: that is saved.
    again = second.post(
        url,
        {
            "only": TECHNIQUE,
            f"a:{TECHNIQUE}": "rules_by_people",
            f"v:{TECHNIQUE}": version_of(fresh, TECHNIQUE),
        },
        headers={"HX-Request": "true"},
    )
    assert "1 answer saved." in page_text(again)
    assert stored(fresh) == {TECHNIQUE: "rules_by_people"}


# Review and approval -----------------------------------------------------------------------------


def review(client: Client, tenant: Tenant, assessment: Assessment, action: str, **extra: str):  # type: ignore[no-untyped-def]
    assessment.refresh_from_db()
    return client.post(
        reverse("assessment_review", args=[tenant.slug, assessment.pk]),
        {"action": action, "version": assessment.version, **extra},
        follow=True,
    )


def test_submit_return_resubmit_approve_freeze_and_reopen(
    a: Tenant, fresh: Assessment, editor: Client
) -> None:
    reviewer = client_for(a.users[Role.REVIEWER])
    editor.post(
        section_url(a, fresh), {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "machine_learning"}
    )

    assert "Submitted for review." in page_text(review(editor, a, fresh, "submit"))
    no_comment = review(reviewer, a, fresh, "return", comment="  ")
    assert "the comment is required" in page_text(no_comment)
    fresh.refresh_from_db()
    assert fresh.status == Status.SUBMITTED

    review(reviewer, a, fresh, "return", comment="Say which model it is.")
    fresh.refresh_from_db()
    assert fresh.status == Status.RETURNED
    assert fresh.comments.get().text == "Say which model it is."
    editor.post(
        section_url(a, fresh),
        {
            "only": TECHNIQUE,
            f"a:{TECHNIQUE}": "general_purpose_model",
            f"v:{TECHNIQUE}": version_of(fresh, TECHNIQUE),
        },
        headers={"HX-Request": "true"},
    )
    review(editor, a, fresh, "submit")
    approved = review(reviewer, a, fresh, "approve", comment="Good.")
    assert "Approved. This version is now frozen." in page_text(approved)

    frozen = ApprovedVersion.objects.get(assessment=fresh)
    assert frozen.revision == 1
    assert frozen.answer_set["answers"] == {TECHNIQUE: "general_purpose_model"}
    assert frozen.approved_by == a.users[Role.REVIEWER]

    # Approved answers cannot change, by form or by htmx.
    for headers in ({}, {"HX-Request": "true"}):
        response = editor.post(
            section_url(a, fresh),
            {
                "only": TECHNIQUE,
                f"a:{TECHNIQUE}": "rules_by_people",
                f"v:{TECHNIQUE}": version_of(fresh, TECHNIQUE),
            },
            headers=headers,
            follow=True,
        )
        assert "cannot be changed" in page_text(response)
    assert stored(fresh) == {TECHNIQUE: "general_purpose_model"}

    # Reopening starts revision 2; the frozen revision 1 stays as it was.
    assert "A new revision was started." in page_text(review(editor, a, fresh, "reopen"))
    fresh.refresh_from_db()
    assert (fresh.status, fresh.revision) == (Status.DRAFT, 2)
    editor.post(
        section_url(a, fresh),
        {
            "question": [TECHNIQUE],
            f"a:{TECHNIQUE}": "rules_by_people",
            f"v:{TECHNIQUE}": version_of(fresh, TECHNIQUE),
        },
    )
    assert stored(fresh) == {TECHNIQUE: "rules_by_people"}
    frozen.refresh_from_db()
    assert frozen.answer_set["answers"] == {TECHNIQUE: "general_purpose_model"}
    assert list(fresh.approved_versions.values_list("revision", flat=True)) == [1]


def test_a_review_step_from_a_stale_page_is_refused(a: Tenant) -> None:
    reviewer = client_for(a.users[Role.REVIEWER])
    stale = a.submitted.version
    review(reviewer, a, a.submitted, "return", comment="Fix it.")
    response = reviewer.post(
        reverse("assessment_review", args=[a.slug, a.submitted.pk]),
        {"action": "approve", "version": stale},
        follow=True,
    )
    assert "Someone else changed this assessment" in page_text(response)
    a.submitted.refresh_from_db()
    assert a.submitted.status == Status.RETURNED


@pytest.mark.parametrize("version", ["", "abc", "-1", "99999999999999999999999"])
def test_a_review_with_a_broken_version_is_refused_not_a_server_error(
    a: Tenant, version: str
) -> None:
    reviewer = client_for(a.users[Role.REVIEWER])
    response = reviewer.post(
        reverse("assessment_review", args=[a.slug, a.submitted.pk]),
        {"action": "approve", "version": version},
        follow=True,
    )
    assert response.status_code == 200
    assert "Someone else changed this assessment" in page_text(response)
    a.submitted.refresh_from_db()
    assert a.submitted.status == Status.SUBMITTED


# History -----------------------------------------------------------------------------------------


def test_history_lists_every_change_with_who_before_and_after(
    a: Tenant, fresh: Assessment, editor: Client
) -> None:
    url = section_url(a, fresh)
    editor.post(url, {"question": [TECHNIQUE], f"a:{TECHNIQUE}": "machine_learning"})
    editor.post(
        url,
        {
            "question": [TECHNIQUE],
            f"a:{TECHNIQUE}": "rules_by_people",
            f"v:{TECHNIQUE}": version_of(fresh, TECHNIQUE),
        },
    )
    review(editor, a, fresh, "submit")
    review(client_for(a.users[Role.REVIEWER]), a, fresh, "return", comment="Explain the rules.")

    response = client_for(a.users[Role.VIEWER]).get(
        reverse("assessment_history", args=[a.slug, fresh.pk])
    )
    assert response.status_code == 200
    page = page_text(response)
    kinds = list(fresh.changes.values_list("kind", flat=True))
    assert kinds == ["created", "answer", "answer", "submitted", "returned"]
    editor_name = str(a.users[Role.EDITOR])
    reviewer_name = str(a.users[Role.REVIEWER])
    assert editor_name in page and reviewer_name in page
    # Before and after in words, in order: '' -> machine learning -> rules written by people.
    technique = knowledge.knowledge_base().question[TECHNIQUE]
    label = {o.id: o.label.get("en") for o in technique.options}
    first, second = page.index(label["machine_learning"]), page.rindex(label["rules_by_people"])
    assert first < second
    assert "Explain the rules." in page


# Documents ---------------------------------------------------------------------------------------


def test_documents_download_as_pdf_and_docx(a: Tenant) -> None:
    kind = "report"  # the documents themselves are tested in tests/reports
    viewer = client_for(a.users[Role.VIEWER])
    pdf = viewer.get(reverse("assessment_document", args=[a.slug, a.draft.pk, kind, "pdf"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]

    docx = viewer.get(reverse("assessment_document", args=[a.slug, a.draft.pk, kind, "docx"]))
    assert docx.status_code == 200
    with zipfile.ZipFile(io.BytesIO(docx.content)) as word:
        assert "word/document.xml" in word.namelist()


def test_an_unknown_document_is_404(a: Tenant) -> None:
    viewer = client_for(a.users[Role.VIEWER])
    for kind, fmt in (("memo", "pdf"), ("report", "exe")):
        url = reverse("assessment_document", args=[a.slug, a.draft.pk, kind, fmt])
        assert viewer.get(url).status_code == 404
