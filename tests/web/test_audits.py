"""Technical audits from the browser: upload or database, background run, result as evidence."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from unittest.mock import patch

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.translation import trans_real

from tests.audit.conftest import make_decisions
from tillid.audit.messages import MESSAGES, placeholders
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.audits import services
from tillid.web.audits.error_messages import TEXTS, WEB_TEXTS
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
    # It names the file as the user uploaded it, not as the server stored it.
    assert run.error.startswith(
        'Column "gender" (given as protected attribute) not found in d.csv.'
    )
    assert run.error_message["key"] == "column_missing_in_role"
    assert run.error_message["params"]["role"] == {"key": "role.protected", "params": {}}
    assert not Path(run.upload_path or "/nonexistent").exists()
    page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Column &quot;gender&quot; (given as protected attribute) not found in d.csv" in (
        page.content.decode()
    )


# What a Danish and a Swedish reader see, whether or not the catalogues translate these yet.
ROLE = "audit column role\x04"  # how gettext keys a text with a context (pgettext)
MISSING_COLUMN = {
    "da": {
        'Column "%(column)s" (given as %(role)s) not found in %(source)s. Columns are: %(columns)s.': (
            'Kolonnen "%(column)s" (angivet som %(role)s) findes ikke i %(source)s. '
            "Kolonnerne er: %(columns)s."
        ),
        ROLE + "protected attribute": "beskyttet egenskab",
    },
    "sv": {
        'Column "%(column)s" (given as %(role)s) not found in %(source)s. Columns are: %(columns)s.': (
            'Kolumnen "%(column)s" (angiven som %(role)s) finns inte i %(source)s. '
            "Kolumnerna är: %(columns)s."
        ),
        ROLE + "protected attribute": "skyddad egenskap",
    },
}


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_missing_column_is_explained_in_the_readers_language(language: str) -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()), protected="gender")
    run_pending(once=True)
    run = AuditRun.objects.get()
    catalogue = trans_real.translation(language)._catalog._catalogs[0]
    missing = {k: v for k, v in MISSING_COLUMN[language].items() if not catalogue.get(k)}
    with patch.dict(catalogue, missing):
        with translation.override(language):
            expected = str(TEXTS["column_missing_in_role"]) % {
                "column": "gender",
                "role": str(TEXTS["role.protected"]),
                "source": "d.csv",
                "columns": ", ".join(make_decisions(1, seed=3).columns),
            }
        page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    html = unescape(page.content.decode())
    assert expected in html
    assert "Column" not in expected and "protected attribute" not in expected
    assert "not found in" not in html and "protected attribute" not in html


def test_every_translated_audit_error_exists_in_the_core_with_the_same_placeholders() -> None:
    assert set(TEXTS) <= set(MESSAGES)
    for key, text in TEXTS.items():
        names = sorted(placeholders(MESSAGES[key]))
        # Numbers as values, so that a plural text can choose its form by them.
        values = {name: 9000 + i for i, name in enumerate(names)}
        for language in ("en", "da", "sv"):
            with translation.override(language):
                shown = text % values  # a placeholder the core does not give raises KeyError
            assert "%(" not in shown, (key, language)
            assert all(str(v) in shown for v in values.values()), (key, language, shown)


def test_an_error_stored_before_messages_had_keys_is_shown_as_it_was() -> None:
    organisation, system, client = _organisation("havbjerg")
    run = AuditRun.objects.create(
        organisation=organisation, system=system, title="old", spec={}, status=RunStatus.FAILED
    )
    run.error = "Something went wrong in an older version."
    run.error_message = {"key": "no.such.key", "params": {}}
    run.save()
    page = client.get(f"/o/havbjerg/audits/{run.pk}/")
    assert b"Something went wrong in an older version." in page.content


def test_an_internal_error_is_stored_in_english_and_shown_in_the_readers_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "run_audit", broken)
    run_pending(once=True)
    run = AuditRun.objects.get()
    assert run.error.startswith("The audit stopped because of an internal error.")
    assert run.error_message == {"key": "web.internal_error"}
    with translation.override("da"):
        danish = str(WEB_TEXTS["web.internal_error"])
    page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="da")
    assert danish in unescape(page.content.decode()) and "a bug" not in danish


STEP = "audit step\x04"  # pgettext's key for the steps of a running audit
DANISH_STEPS_AND_WARNINGS = {
    STEP + "starting": "starter",
    STEP + "counting outcomes per group": "tæller udfald for hver gruppe",
    'Scores in "%(column)s" lie outside 0..1, so Brier score and calibration are left out; '
    "AUC only needs their order.": (
        'Scorerne i "%(column)s" ligger uden for 0..1, så Brier-score og kalibrering er udeladt; '
        "AUC bruger kun deres rækkefølge."
    ),
}


def _danish() -> dict[str, str]:
    """The test translations the Danish catalogue does not have yet (until the lead translates)."""
    catalogue = trans_real.translation("da")._catalog._catalogs[0]
    return {k: v for k, v in DANISH_STEPS_AND_WARNINGS.items() if not catalogue.get(k)}


def test_each_step_is_stored_by_key_beside_its_english(monkeypatch: pytest.MonkeyPatch) -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()))
    seen: list[tuple[str, object]] = []
    real_run_audit = services.run_audit

    def watched(*args: object, step_progress: object, **kwargs: object) -> object:
        def spy(step: object) -> None:
            step_progress(step)  # type: ignore[operator]
            seen.append(AuditRun.objects.values_list("step", "step_message").get())

        return real_run_audit(*args, step_progress=spy, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "run_audit", watched)
    run_pending(once=True)
    assert ("opening the data", {"key": "step.opening", "params": {}}) in seen
    assert ("counting outcomes per group", {"key": "step.counting", "params": {}}) in seen
    run = AuditRun.objects.get()
    assert run.status == RunStatus.DONE and run.step == "" and run.step_message is None


def test_the_step_is_shown_in_the_readers_language() -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()))
    run = services.claim_next_run()
    assert run is not None
    assert run.step == "starting" and run.step_message == {"key": "web.step.starting"}
    with patch.dict(trans_real.translation("da")._catalog._catalogs[0], _danish()):
        with translation.override("da"):
            starting = str(WEB_TEXTS["web.step.starting"])
            counting = str(TEXTS["step.counting"])
        page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="da")
        assert starting in unescape(page.content.decode())
        AuditRun.objects.filter(pk=run.pk).update(
            step="counting outcomes per group",
            step_message={"key": "step.counting", "params": {}},
        )
        progress = client.get(
            f"/o/havbjerg/audits/{run.pk}/progress/",
            HTTP_HX_REQUEST="true",
            HTTP_ACCEPT_LANGUAGE="da",
        )
    html = unescape(progress.content.decode())
    assert counting in html and counting != "counting outcomes per group"
    assert "counting outcomes" not in html
    english = client.get(f"/o/havbjerg/audits/{run.pk}/progress/", HTTP_ACCEPT_LANGUAGE="en")
    assert "counting outcomes per group" in english.content.decode()


def test_a_step_stored_before_steps_had_keys_is_shown_as_it_was() -> None:
    organisation, system, client = _organisation("havbjerg")
    run = AuditRun.objects.create(
        organisation=organisation,
        system=system,
        title="old",
        spec={},
        status=RunStatus.RUNNING,
        step="measuring drift",
    )
    page = client.get(f"/o/havbjerg/audits/{run.pk}/progress/", HTTP_ACCEPT_LANGUAGE="da")
    assert b"measuring drift" in page.content


def test_the_results_warnings_are_shown_in_the_readers_language() -> None:
    _, system, client = _organisation("havbjerg")
    upload = SimpleUploadedFile("d.csv", _csv())
    _post_audit(client, "havbjerg", system, upload, score="income")
    run_pending(once=True)
    run = AuditRun.objects.get()
    assert run.status == RunStatus.DONE, run.error
    english = (
        'Scores in "income" lie outside 0..1, so Brier score and calibration are left out; '
        "AUC only needs their order."
    )
    assert run.result["warnings"] == [english]
    assert run.result["warning_messages"] == [
        {"key": "warning.scores_not_probabilities", "params": {"column": "income"}}
    ]
    page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert english in unescape(page.content.decode())
    with patch.dict(trans_real.translation("da")._catalog._catalogs[0], _danish()):
        with translation.override("da"):
            danish = str(TEXTS["warning.scores_not_probabilities"]) % {"column": "income"}
        page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="da")
    html = unescape(page.content.decode())
    assert danish in html and danish != english
    # The page shows it translated; only the embedded report (an iframe) still has the English.
    assert "lie outside 0..1" not in html


def test_warnings_stored_before_they_had_keys_are_shown_as_they_were() -> None:
    _, system, client = _organisation("havbjerg")
    _post_audit(client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()))
    run_pending(once=True)
    run = AuditRun.objects.get()
    result = dict(run.result)
    result.pop("warning_messages", None)
    result["warnings"] = ["An older warning."]
    AuditRun.objects.filter(pk=run.pk).update(result=result)
    page = client.get(f"/o/havbjerg/audits/{run.pk}/", HTTP_ACCEPT_LANGUAGE="da")
    assert b"An older warning." in page.content


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


@pytest.mark.parametrize(
    "drift",
    [
        "drift: {reference: /etc/passwd}",
        "drift: {reference: 'postgresql://postgres@127.0.0.1/test', reference_table: users}",
    ],
)
def test_the_settings_cannot_make_the_server_read_another_file_or_database(drift: str) -> None:
    _, system, client = _organisation("havbjerg")
    response = _post_audit(
        client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()), advanced=drift
    )
    assert response.status_code == 200
    assert b"Another file or database cannot be named in the settings" in response.content
    assert not AuditRun.objects.exists()


def test_an_invalid_setting_is_explained_with_the_role_translated() -> None:
    _, system, client = _organisation("havbjerg")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    catalogue = trans_real.translation("sv")._catalog._catalogs[0]
    swedish = {
        '"%(column)s" cannot be both a protected attribute and the %(role)s': (
            '"%(column)s" kan inte vara både en skyddad egenskap och %(role)s'
        ),
        ROLE + "target": "utfallet",
    }
    missing = {k: v for k, v in swedish.items() if not catalogue.get(k)}
    with patch.dict(catalogue, missing):
        with translation.override("sv"):
            expected = str(TEXTS["spec.role_overlap"]) % {
                "column": "label",
                "role": str(TEXTS["role.target"]),
            }
        response = _post_audit(
            client, "havbjerg", system, SimpleUploadedFile("d.csv", _csv()), protected="label"
        )
    html = unescape(response.content.decode())
    assert expected in html and "protected attribute" not in html
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


def test_tillid_serve_runs_audits_beside_the_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a laptop there is no separate worker: `tillid serve` must start one, or audits wait forever."""
    from typer.testing import CliRunner

    from tillid.cli.main import app
    from tillid.web import server
    from tillid.web.audits import services as audit_services

    calls: list[str] = []
    monkeypatch.setattr(server, "setup_django", lambda: None)
    monkeypatch.setattr(server, "migrate", lambda: None)
    monkeypatch.setattr(audit_services, "start_worker_thread", lambda: calls.append("worker"))
    monkeypatch.setattr(server, "run_development_server", lambda h, p: calls.append("server"))

    result = CliRunner().invoke(app, ["serve", "--port", "8765"])

    assert result.exit_code == 0, result.output
    assert calls == ["worker", "server"]
