"""Storing and removing evidence files.

A file is written under settings.MEDIA_ROOT/evidence/<organisation id>/<random name>: never under
the name the person gave it (which could hold folders or tricks), and never where a URL can reach
it. Only tillid.web.actions.views.download_evidence serves it, after checking the organisation.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import User
from tillid.web.actions.filetypes import (
    KINDS,
    FileTypeError,
    detect_kind,
    display_name,
    kind_for_name,
)
from tillid.web.actions.models import Evidence, Task, TaskChange
from tillid.web.actions.services import record_evidence
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import Assessment


class EvidenceError(Exception):
    """The file cannot be kept as evidence; the message says why and what to do."""


def evidence_folder(organisation_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "evidence" / str(organisation_id)


def evidence_path(evidence: Evidence) -> Path:
    return evidence_folder(evidence.organisation_id) / evidence.stored_name


def too_large_message() -> str:
    return _("The file is larger than %(limit)s. Upload a smaller file, or split it.") % {
        "limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)
    }


def add_evidence(
    assessment: Assessment,
    by: User,
    file_name: str,
    chunks: Iterable[bytes],
    *,
    question_id: str = "",
    task: Task | None = None,
) -> Evidence:
    """Keeps one file as evidence for a question of `assessment` or for `task`.

    The content is checked after it is on disk (type sniffing needs all of it for DOCX and the
    like); whatever goes wrong, a file that is not kept is deleted again."""
    _check_target(assessment, question_id, task)
    name = display_name(file_name)
    if not name:
        raise EvidenceError(_("The file has no name. Give it a name and upload it again."))
    try:
        claimed = kind_for_name(name)
    except FileTypeError as error:
        raise EvidenceError(str(error)) from None
    folder = evidence_folder(assessment.organisation_id)
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    path = folder / stored_name
    try:
        size, digest = _write(path, chunks)
        if size == 0:
            raise EvidenceError(_("The file %(name)s is empty.") % {"name": name})
        try:
            kind = detect_kind(path)
        except FileTypeError as error:
            raise EvidenceError(f"{name}: {error}") from None
        if kind != claimed:
            raise EvidenceError(_mismatch(name, claimed, kind))
        with transaction.atomic():
            evidence = Evidence.objects.create(
                organisation_id=assessment.organisation_id,
                assessment=assessment,
                question_id=question_id,
                task=task,
                name=name,
                stored_name=stored_name,
                kind=kind,
                size=size,
                sha256=digest,
                uploaded_by=by,
            )
            if task is not None:
                record_evidence(task, TaskChange.Kind.EVIDENCE_ADDED, name, digest, by)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return evidence


def _check_target(assessment: Assessment, question_id: str, task: Task | None) -> None:
    if task is not None:
        if task.assessment_id != assessment.pk:
            raise EvidenceError(_("That task belongs to another assessment."))
        return
    if question_id not in knowledge_base().question:
        raise EvidenceError(_("There is no question %(id)s.") % {"id": question_id})
    if not assessment.editable:
        raise EvidenceError(
            _(
                "This assessment is %(status)s, so the evidence behind its answers is frozen. "
                "Reopen it to add or remove files, or attach the file to a task in the action plan."
            )
            % {"status": assessment.get_status_display()}
        )


def _write(path: Path, chunks: Iterable[bytes]) -> tuple[int, str]:
    """Writes the chunks to a new file; stops as soon as the size passes the limit."""
    digest = hashlib.sha256()
    size = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags, 0o600), "wb") as out:
        for chunk in chunks:
            size += len(chunk)
            if size > settings.EVIDENCE_MAX_BYTES:
                raise EvidenceError(too_large_message())
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest()


def _mismatch(name: str, claimed: str, found: str) -> str:
    return _(
        "%(name)s is named as %(claimed)s, but its content is %(found)s. Give the file the "
        "right ending, or save it as %(claimed)s and upload it again."
    ) % {"name": name, "claimed": KINDS[claimed].label, "found": KINDS[found].label}


def remove_evidence(evidence: Evidence, by: User) -> None:
    """Deletes the file's content; the row stays as the record of who removed what and when."""
    if evidence.removed:
        return
    if not evidence.task_id and not evidence.assessment.editable:
        raise EvidenceError(
            _("This assessment is %(status)s, so the evidence behind its answers is frozen.")
            % {"status": evidence.assessment.get_status_display()}
        )
    with transaction.atomic():
        evidence.removed_at = timezone.now()
        evidence.removed_by = by
        evidence.save(update_fields=["removed_at", "removed_by"])
        if evidence.task is not None:
            record_evidence(
                evidence.task, TaskChange.Kind.EVIDENCE_REMOVED, evidence.name, evidence.sha256, by
            )
        transaction.on_commit(lambda: evidence_path(evidence).unlink(missing_ok=True))
