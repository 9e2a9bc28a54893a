"""Evidence files: only documents, sheets, text and images are kept, under a random name in the
organisation's folder, served only to its members as a download, and removing one leaves a record."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.web.test_actions import Org, approve, make_org
from tillid.web.actions.evidence import EvidenceError, add_evidence, evidence_path
from tillid.web.actions.filetypes import display_name
from tillid.web.actions.models import Evidence, Task
from tillid.web.assessments import services
from tillid.web.assessments.questionnaire import sections

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture
def org() -> Org:
    return make_org("aarby")


@pytest.fixture
def other() -> Org:
    return make_org("borup")


def first_question(org: Org) -> tuple[str, str]:
    section = sections(org.assessment, "en")[0]
    return section.id, section.questions[0].id


def upload(org: Org, client: Client, name: str, content: bytes, question: str = "") -> str:
    """Posts one file to a question's evidence page; returns the page the user lands on."""
    question = question or first_question(org)[1]
    response = client.post(
        org.url("question_evidence", org.assessment.pk, question),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def files_on_disk() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "evidence"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Risk assessment signed by the DPO")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["group", "accuracy"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bytes(**members: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_a_pdf_is_kept_under_a_random_name_in_the_organisations_folder(org: Org) -> None:
    page = upload(org, org.client(org.editor), "DPIA signed.pdf", PDF)

    assert "DPIA signed.pdf was added as evidence." in page
    evidence = Evidence.objects.get()
    path = evidence_path(evidence)
    assert path.parent == Path(settings.MEDIA_ROOT) / "evidence" / str(org.organisation.pk)
    assert path.read_bytes() == PDF and "DPIA" not in path.name
    assert (evidence.name, evidence.kind, evidence.size) == ("DPIA signed.pdf", "pdf", len(PDF))
    assert evidence.sha256 == hashlib.sha256(PDF).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.docx", docx_bytes(), "docx"),
        ("metrics.xlsx", xlsx_bytes(), "xlsx"),
        ("groups.csv", "gruppe;andel\nkvinder;0,48\n".encode("cp1252"), "text"),
        ("notes.txt", "Møde med leverandøren 3. marts".encode(), "text"),
        ("screen.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "png"),
        ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "jpeg"),
        (
            "minutes.odt",
            zip_bytes(mimetype=b"application/vnd.oasis.opendocument.text", **{"content.xml": b""}),
            "odt",
        ),
    ],
)
def test_documents_sheets_text_and_images_are_accepted(
    org: Org, name: str, content: bytes, kind: str
) -> None:
    upload(org, org.client(org.editor), name, content)

    assert Evidence.objects.get().kind == kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "is empty"),
        ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200, "Programs are never accepted"),
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 200, "is not a kind of file tillid accepts"),
        ("readme.txt", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "web page"),
        ("logo.txt", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG"),
        ("page.html", b"<html></html>", "is not a kind of file tillid accepts"),
        ("bundle.docx", zip_bytes(**{"a.txt": b"hidden"}), "archive"),
        (
            "macros.docx",
            zip_bytes(**{"[Content_Types].xml": b"", "word/vbaProject.bin": b""}),
            "macros",
        ),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "its content is PNG"),
        ("old.pdf", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "old Microsoft Office"),
        ("data.csv", b"\x1f\x8b\x08\x00" + b"\x00" * 64, "archive"),
    ],
)
def test_programs_web_pages_archives_and_mislabelled_files_are_refused(
    org: Org, name: str, content: bytes, message: str
) -> None:
    page = upload(org, org.client(org.editor), name, content)

    assert message in page
    assert not Evidence.objects.exists()
    assert files_on_disk() == []


def test_a_file_over_the_limit_is_refused_while_it_streams_in(org: Org) -> None:
    too_big = b"a" * (25 * 1024 * 1024)

    page = upload(org, org.client(org.editor), "big.txt", too_big)

    assert "The file is larger than 20" in page
    assert not Evidence.objects.exists()
    assert files_on_disk() == []


def test_the_size_limit_also_holds_when_the_service_is_called_directly(org: Org) -> None:
    chunks = (b"a" * (1024 * 1024) for _ in range(21))

    with pytest.raises(EvidenceError, match="larger than"):
        add_evidence(
            org.assessment, org.editor, "log.txt", chunks, question_id=first_question(org)[1]
        )
    assert files_on_disk() == []


def test_a_request_far_over_the_limit_is_refused_unread(org: Org) -> None:
    response = org.client(org.editor).post(
        org.url("question_evidence", org.assessment.pk, first_question(org)[1]),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert "larger than" in response.content.decode()


def test_one_file_at_a_time(org: Org) -> None:
    response = org.client(org.editor).post(
        org.url("question_evidence", org.assessment.pk, first_question(org)[1]),
        {"file": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)]},
        follow=True,
    )

    assert "Upload one file at a time." in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\notes.txt", "notes.txt"),
        ("invoice\u202etxt.pdf", "invoicetxt.pdf"),  # right-to-left override removed
        ("a\x00b\x1f\nc.pdf", "abc.pdf"),
        ("  .hidden.pdf  ", "hidden.pdf"),
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_file_names_are_cleaned_for_display_and_download(given: str, shown: str) -> None:
    assert display_name(given) == shown


def test_a_path_in_the_file_name_never_leaves_the_evidence_folder(org: Org) -> None:
    evidence = add_evidence(
        org.assessment,
        org.editor,
        "../../etc/passwd.txt",
        [b"root:x:0:0\n"],
        question_id=first_question(org)[1],
    )

    assert evidence.name == "passwd.txt"
    assert files_on_disk() == [evidence_path(evidence)]


def test_a_name_without_an_accepted_ending_is_refused(org: Org) -> None:
    page = upload(org, org.client(org.editor), "passwd", b"root:x:0:0\n")

    assert "is not a kind of file tillid accepts" in page
    assert files_on_disk() == []


def test_download_is_an_attachment_with_a_safe_name_and_no_sniffing(org: Org) -> None:
    name = "Vurdering \u202eæøå " + "y" * 300 + ".pdf"
    upload(org, org.client(org.editor), name, PDF)
    evidence = Evidence.objects.get()

    response = org.client(org.viewer).get(org.url("evidence_download", evidence.pk))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\u202e" not in disposition and "\n" not in disposition and '"' not in disposition[22:]
    assert len(evidence.name) <= 150


def test_another_organisation_can_neither_download_nor_upload(org: Org, other: Org) -> None:
    upload(org, org.client(org.editor), "dpia.pdf", PDF)
    evidence = Evidence.objects.get()
    outsider = other.client(other.admin)
    question = first_question(org)[1]

    assert outsider.get(org.url("evidence_download", evidence.pk)).status_code == 404
    assert outsider.get(other.url("evidence_download", evidence.pk)).status_code == 404
    assert outsider.post(other.url("evidence_remove", evidence.pk)).status_code == 404
    for url in (
        other.url("question_evidence", org.assessment.pk, question),  # their slug, our id
        org.url("question_evidence", org.assessment.pk, question),
    ):
        response = outsider.post(url, {"file": SimpleUploadedFile("x.pdf", PDF)})
        assert response.status_code == 404
    assert Evidence.objects.count() == 1
    assert len(files_on_disk()) == 1


def test_the_anonymous_are_sent_to_log_in(org: Org) -> None:
    upload(org, org.client(org.editor), "dpia.pdf", PDF)
    response = Client().get(org.url("evidence_download", Evidence.objects.get().pk))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_viewer_may_download_but_not_upload_or_remove(org: Org) -> None:
    upload(org, org.client(org.editor), "dpia.pdf", PDF)
    evidence = Evidence.objects.get()
    viewer = org.client(org.viewer)
    question = first_question(org)[1]

    response = viewer.post(
        org.url("question_evidence", org.assessment.pk, question),
        {"file": SimpleUploadedFile("x.pdf", PDF)},
    )
    assert response.status_code == 403
    assert viewer.post(org.url("evidence_remove", evidence.pk)).status_code == 403
    assert Evidence.objects.filter(removed_at__isnull=True).count() == 1


def test_removing_a_file_deletes_it_but_the_history_keeps_who_when_name_and_hash(
    org: Org, django_capture_on_commit_callbacks
) -> None:
    upload(org, org.client(org.editor), "wrong file.pdf", PDF)
    evidence = Evidence.objects.get()
    path = evidence_path(evidence)

    with django_capture_on_commit_callbacks(execute=True):
        response = org.client(org.editor).post(org.url("evidence_remove", evidence.pk), follow=True)

    body = response.content.decode()
    assert "wrong file.pdf was removed" in body
    assert "removed by aarby-editor" in body and evidence.sha256 in body
    assert not path.exists()
    evidence.refresh_from_db()
    assert evidence.removed_by == org.editor and evidence.removed_at is not None
    assert org.client(org.viewer).get(org.url("evidence_download", evidence.pk)).status_code == 404


def test_evidence_is_listed_under_its_question_on_the_questionnaire_page(org: Org) -> None:
    section_id, question = first_question(org)
    upload(org, org.client(org.editor), "dpia.pdf", PDF, question)
    evidence = Evidence.objects.get()

    body = (
        org.client(org.viewer)
        .get(org.url("assessment_section", org.assessment.pk, section_id))
        .content.decode()
    )

    assert f'href="{org.url("evidence_download", evidence.pk)}"' in body
    assert "dpia.pdf" in body


def test_the_evidence_behind_answers_is_frozen_once_approved(org: Org) -> None:
    approve(org)

    page = upload(org, org.client(org.editor), "late.pdf", PDF)

    assert "the evidence behind its answers is frozen" in page
    assert not Evidence.objects.exists()


def test_evidence_on_a_task_keeps_the_task_when_its_measure_goes(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    client = org.client(org.editor)

    response = client.post(
        org.url("task_evidence", task.pk),
        {"file": SimpleUploadedFile("training log.xlsx", xlsx_bytes())},
        follow=True,
    )

    assert "training log.xlsx was added as evidence." in response.content.decode()
    assert "training log.xlsx" in client.get(org.url("task", task.pk)).content.decode()
    from tillid.web.actions.services import sync_action_plan

    sync_action_plan(org.assessment, [])
    task.refresh_from_db()
    assert not task.required  # kept, because someone attached evidence to it


def test_evidence_stays_possible_on_tasks_after_approval_and_reopening(org: Org) -> None:
    approve(org)
    services.reopen(org.assessment, org.admin, org.assessment.version)

    page = upload(org, org.client(org.editor), "new.pdf", PDF)

    assert "new.pdf was added as evidence." in page


def test_upload_pages_still_check_the_csrf_token(org: Org) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.editor)
    url = org.url("question_evidence", org.assessment.pk, first_question(org)[1])
    token = client.get(url).context["csrf_token"]

    forged = client.post(url, {"file": SimpleUploadedFile("a.pdf", PDF)})
    too_big = client.post(
        url,
        {"csrfmiddlewaretoken": token, "file": SimpleUploadedFile("b.txt", b"a" * (21 << 20))},
        follow=True,
    )
    fine = client.post(
        url, {"csrfmiddlewaretoken": token, "file": SimpleUploadedFile("c.pdf", PDF)}
    )

    assert forged.status_code == 403
    assert "The file is larger than 20" in too_big.content.decode()
    assert fine.status_code == 302
    assert [e.name for e in Evidence.objects.all()] == ["c.pdf"]


def test_evidence_added_to_and_removed_from_a_task_is_in_its_history(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    client = org.client(org.editor)
    client.post(org.url("task_evidence", task.pk), {"file": SimpleUploadedFile("log.pdf", PDF)})
    evidence = Evidence.objects.get()

    client.post(org.url("evidence_remove", evidence.pk))

    history = list(task.changes.values_list("kind", "after", "actor__username"))[-2:]
    file = {"file": "log.pdf", "sha256": hashlib.sha256(PDF).hexdigest()}
    assert history == [
        ("evidence_added", file, "aarby-editor"),
        ("evidence_removed", file, "aarby-editor"),
    ]
