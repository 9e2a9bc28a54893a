"""Technical audits from the browser: upload or database, background run, result as evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.audit.conftest import make_decisions
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.audits.models import AuditRun, DataConnection, RunStatus
from tillid.web.audits.services import run_pending
from tillid.web.inventory.models import AISystem

pytestmark = pytest.mark.django_db


def _organisation(slug: str) -> tuple[Organisation, AISystem, Client]:
    organisation = Organisation.objects.create(
        slug=slug, name=slug.title(), organisation_type="municipality", country="DK"
    )
    user = User.objects.create_user(f"editor-{slug}", password="not-used-here")
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    system = AISystem.objects.create(organisation=organisation, name="Risk scoring", purpose="x")
    client = Client()
    client.force_login(user)
    return organisation, system, client


def _csv(rows: int = 600) -> bytes:
    return make_decisions(rows, seed=3).to_csv(index=False).encode()


def _post_audit(
    client: Client, org: str, system: AISystem, upload: SimpleUploadedFile, **spec: str
):  # type: ignore[no-untyped-def]
    data = {
        "system": system.pk,
        "data_file": upload,
        "target": "label",
        "prediction": "prediction",
        "protected": "sex, age_group",
        "k": 10,
        **spec,
    }
    return client.post(f"/o/{org}/audits/new/", data)


def test_uploaded_data_is_audited_in_the_background_and_then_deleted() -> None:
    organisation, system, client = _organisation("havbjerg")
    response = _post_audit(client, "havbjerg", system, SimpleUploadedFile("decisions.csv", _csv()))
    run = AuditRun.objects.get(organisation=organisation)
    assert response.status_code == 302 and response.url.endswith(f"/audits/{run.pk}/")
    stored = Path(run.upload_path)
    assert run.status == RunStatus.QUEUED and stored.exists()

    assert run_pending(once=True) == 1

    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.result["rows"] == 600
    assert run.result["source"] == "decisions.csv"  # not the server's path
    assert not stored.exists(), "the uploaded personal data must not stay in tillid"
    page = client.get(f"/o/havbjerg/audits/{run.pk}/")
    assert b"600" in page.content
    pdf = client.get(f"/o/havbjerg/audits/{run.pk}/report.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_progress_is_shown_while_waiting_and_the_page_refreshes_when_done() -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()))
    run = AuditRun.objects.get()
    waiting = client.get(f"/o/havbjerg/audits/{run.pk}/progress/", HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 1s"' in waiting.content and "HX-Refresh" not in waiting
    run_pending(once=True)
    done = client.get(f"/o/havbjerg/audits/{run.pk}/progress/", HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"


def test_a_missing_column_fails_the_run_with_the_columns_named() -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()), protected="gender")
    run_pending(once=True)
    run = AuditRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert '"gender"' in run.error and "sex" in run.error  # names the wrong and the real columns
    assert not Path(run.upload_path or "/nonexistent").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", b"CSV, Parquet or Excel"),
        ("empty.csv", b"", b"empty"),
    ],
)
def test_files_that_cannot_be_audited_are_refused_before_queueing(
    name: str, content: bytes, message: bytes
) -> None:
    _, system, client = _organisation("havbjerg")
    response = _post_audit(client, "havbjerg", system, SimpleUploadedFile(name, content))
    assert response.status_code == 200 and message in response.content
    assert not AuditRun.objects.exists()


def test_an_invalid_setting_is_refused_with_the_spec_error() -> None:
    _, system, client = _organisation("havbjerg")
    response = _post_audit(
        client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()), protected="label"
    )
    assert b"cannot be both a protected attribute and the target" in response.content
    assert not AuditRun.objects.exists()


def test_a_database_url_is_stored_encrypted_and_shown_without_its_password() -> None:
    organisation, _system, client = _organisation("havbjerg")
    url = "postgresql://reader:s3cret-pw@db.example.dk:5432/casework"
    client.post("/o/havbjerg/audits/connections/new/", {"name": "Sagsdata", "url": url})
    connection = DataConnection.objects.get(organisation=organisation)
    assert "s3cret-pw" not in connection.encrypted_url
    assert "s3cret-pw" not in connection.display_url
    assert b"s3cret-pw" not in client.get("/o/havbjerg/audits/").content


def test_a_url_that_is_not_a_database_is_refused() -> None:
    _, _system, client = _organisation("havbjerg")
    response = client.post(
        "/o/havbjerg/audits/connections/new/", {"name": "x", "url": "file:///etc/passwd"}
    )
    assert b"must be a database URL" in response.content
    assert not DataConnection.objects.exists()


def test_another_organisations_audits_and_systems_are_out_of_reach() -> None:
    _a, _system_a, client_a = _organisation("havbjerg")
    _b, system_b, client_b = _organisation("nordvig")
    _post_audit(client_b, "nordvig", system_b, SimpleUploadedFile("d.csv", _csv()))
    run_b = AuditRun.objects.get()
    assert client_a.get(f"/o/havbjerg/audits/{run_b.pk}/").status_code == 404
    assert client_a.get(f"/o/nordvig/audits/{run_b.pk}/").status_code == 404
    # A system of B cannot be chosen in A's form.
    response = _post_audit(client_a, "havbjerg", system_b, SimpleUploadedFile("d.csv", _csv()))
    assert response.status_code == 200 and AuditRun.objects.count() == 1
