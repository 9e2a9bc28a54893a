"""Audits from the browser: register where the data is, queue a run, run it in the background.

The audit itself is tillid.audit.run_audit, the same function the CLI calls; this module stores its
input and output and reports progress.
"""

from __future__ import annotations

import logging
import threading
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.audit import AuditError, AuditResult, AuditSpec, run_audit
from tillid.audit.messages import AuditMessage
from tillid.audit.sources import redact_url
from tillid.web.accounts.models import Organisation, User
from tillid.web.assessments.models import Assessment
from tillid.web.audits import error_messages
from tillid.web.audits.models import AuditRun, DataConnection, RunStatus
from tillid.web.audits.secrets import SecretUnreadable, decrypt, encrypt
from tillid.web.inventory.models import AISystem

log = logging.getLogger(__name__)

UPLOAD_TYPES = (".csv", ".parquet", ".xlsx")
DATABASE_SCHEMES = ("postgres", "postgresql", "mssql", "oracle", "mysql", "trino", "snowflake")


class AuditRequestError(Exception):
    """The audit cannot be set up as asked; the message says what to change."""


def register_connection(
    organisation: Organisation, name: str, url: str, user: User
) -> DataConnection:
    name, url = name.strip(), url.strip()
    if not name:
        raise AuditRequestError(_("Give the connection a name."))
    scheme = urlsplit(url).scheme.split("+")[0].lower()
    if scheme not in DATABASE_SCHEMES:
        raise AuditRequestError(
            _(
                "The address must be a database URL starting with one of: %(schemes)s, "
                "e.g. postgresql://user:password@host:5432/database."
            )
            % {"schemes": ", ".join(f"{s}://" for s in DATABASE_SCHEMES)}
        )
    if DataConnection.objects.filter(organisation=organisation, name=name).exists():
        raise AuditRequestError(_("There is already a connection named %(name)s.") % {"name": name})
    return DataConnection.objects.create(
        organisation=organisation,
        name=name,
        encrypted_url=encrypt(url),
        display_url=redact_url(url),
        created_by=user,
    )


def read_spec(data: dict[str, Any]) -> AuditSpec:
    try:
        spec = AuditSpec.from_dict(data, where=_("The audit settings"))
    except AuditError as error:
        raise AuditRequestError(error_messages.translated(error.message)) from None
    if spec.drift is not None and (
        spec.drift.reference or spec.drift.reference_table or spec.drift.reference_query
    ):
        # On the server a second source named in the settings would be any file or database the
        # server can reach, not the organisation's upload or registered connection.
        raise AuditRequestError(
            _(
                "In the browser, drift compares rows of the same data: give drift: split_column "
                "and reference_value. Another file or database cannot be named in the settings."
            )
        )
    return spec


def _store_upload(organisation: Organisation, upload: UploadedFile) -> tuple[Path, str]:
    name = Path(upload.name or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise AuditRequestError(
            _("Upload a CSV, Parquet or Excel (.xlsx) file; %(name)s is none of them.")
            % {"name": name[:100]}
        )
    if upload.size is not None and upload.size > settings.AUDIT_UPLOAD_MAX_BYTES:
        raise AuditRequestError(
            _(
                "The file is larger than %(mb)d MB. For large data, register the database instead and "
                "let the audit run there."
            )
            % {"mb": settings.AUDIT_UPLOAD_MAX_BYTES // 2**20}
        )
    if not upload.size:
        raise AuditRequestError(_("The file is empty."))
    folder = Path(settings.MEDIA_ROOT) / "audit-data" / str(organisation.pk)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return path, name[:255]


def queue_run(
    organisation: Organisation,
    system: AISystem,
    spec: AuditSpec,
    user: User,
    *,
    upload: UploadedFile | None = None,
    connection: DataConnection | None = None,
    table: str = "",
    assessment: Assessment | None = None,
) -> AuditRun:
    if system.organisation_id != organisation.pk:
        raise AuditRequestError(_("No such system."))
    if (upload is None) == (connection is None):
        raise AuditRequestError(_("Either upload a file or choose a registered database."))
    if connection is not None and (connection.organisation_id != organisation.pk):
        raise AuditRequestError(_("No such connection."))
    if connection is not None and not table.strip():
        raise AuditRequestError(_("Name the table (or view) that holds the decisions."))
    if assessment is not None and assessment.system_id != system.pk:
        raise AuditRequestError(_("The assessment is not one of this system's."))
    path, name = _store_upload(organisation, upload) if upload is not None else (None, "")
    return AuditRun.objects.create(
        organisation=organisation,
        system=system,
        assessment=assessment,
        title=name or f"{connection}: {table.strip()}",
        upload_path=str(path or ""),
        upload_name=name,
        connection=connection,
        table=table.strip(),
        spec=spec.model_dump(mode="json", exclude_defaults=True),
        created_by=user,
    )


def claim_next_run() -> AuditRun | None:
    """Takes the oldest waiting run, so that two workers never run the same one."""
    with transaction.atomic():
        run = (
            AuditRun.objects.select_for_update(skip_locked=True)
            .filter(status=RunStatus.QUEUED)
            .order_by("created_at")
            .first()
        )
        if run is None:
            return None
        run.status = RunStatus.RUNNING
        run.started_at = timezone.now()
        run.step = "starting"
        run.step_message = error_messages.stored("web.step.starting")
        run.progress = 2
        run.save(update_fields=["status", "started_at", "step", "step_message", "progress"])
    return run


def execute_run(run: AuditRun) -> None:
    steps = 0

    def progress(step: AuditMessage) -> None:
        nonlocal steps
        steps += 1
        # run_audit reports its steps by key; about eight of them make a whole audit. The English
        # stays beside the key, like a failed run's error.
        AuditRun.objects.filter(pk=run.pk).update(
            step=step.english()[:200],
            step_message=error_messages.stored(step),
            progress=min(95, 5 + steps * 12),
        )

    try:
        spec = AuditSpec.from_dict(run.spec)
        if run.connection is not None:
            source: str = decrypt(run.connection.encrypted_url)
            result = run_audit(source, spec, table=run.table, step_progress=progress)
        else:
            result = run_audit(run.upload_path, spec, step_progress=progress)
            # The report names the file the user uploaded, not where the server kept it.
            result = result.model_copy(update={"source": run.upload_name})
    except AuditError as error:
        message = error_messages.as_uploaded(error.message, run.upload_path, run.upload_name)
        _finish(run, RunStatus.FAILED, error=message.english(), message=message)
    except SecretUnreadable as error:
        _finish(run, RunStatus.FAILED, error=str(error), message="web.secret_unreadable")
    except Exception:  # a bug, not the user's input: keep the worker alive and say so plainly
        log.exception("Audit run %s failed", run.pk)
        _finish(
            run,
            RunStatus.FAILED,
            error=(
                "The audit stopped because of an internal error. "
                "The error was logged for the administrator."
            ),
            message="web.internal_error",
        )
    else:
        _finish(run, RunStatus.DONE, result=result)


def _finish(
    run: AuditRun,
    status: RunStatus,
    *,
    result: AuditResult | None = None,
    error: str = "",
    message: AuditMessage | str | None = None,
) -> None:
    """`error` is the English text (what the CLI would say); `message` the same as key and
    parameters, so each reader sees it in their own language (error_messages.shown)."""
    if run.upload_path:
        Path(run.upload_path).unlink(missing_ok=True)  # the data must not stay in tillid
    AuditRun.objects.filter(pk=run.pk).update(
        status=status,
        progress=100,
        step="",
        step_message=None,
        result=result.model_dump(mode="json") if result else None,
        error=error,
        error_message=error_messages.stored(message) if message is not None else None,
        upload_path="",
        finished_at=timezone.now(),
    )


def run_pending(
    stop: threading.Event | None = None, poll_seconds: float = 1.0, once: bool = False
) -> int:
    """The worker loop: runs queued audits one at a time until `stop` is set (or, with `once`, until
    none is waiting). Returns the number of runs."""
    done = 0
    while stop is None or not stop.is_set():
        close_old_connections()
        run = claim_next_run()
        if run is None:
            if once:
                break
            (stop or threading.Event()).wait(poll_seconds)
            continue
        execute_run(run)
        done += 1
    return done


def start_worker_thread() -> threading.Event:
    """For `tillid serve`: audits run in a thread of the same process. Production runs
    `tillid worker` as its own process instead (docs/web.md)."""
    stop = threading.Event()
    recover_interrupted_runs()
    threading.Thread(
        target=run_pending, args=(stop,), name="tillid-audit-worker", daemon=True
    ).start()
    return stop


def recover_interrupted_runs() -> int:
    """Runs left 'running' by a stopped process are queued again (their upload is still there)."""
    return AuditRun.objects.filter(status=RunStatus.RUNNING).update(
        status=RunStatus.QUEUED, progress=0, step="", step_message=None
    )
