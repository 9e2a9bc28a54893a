"""Errors a user can cause with their data or spec, worded so they can fix them."""

from __future__ import annotations

from collections.abc import Iterable


class AuditError(Exception):
    """Base for every audit error a user can act on; the message says what to do."""


class AuditSpecError(AuditError):
    """The audit spec (YAML, CLI flags or Python) is incomplete or contradictory."""


class AuditSourceError(AuditError):
    """The data cannot be opened: missing file, unreadable format, unreachable database."""


class AuditDataError(AuditError):
    """The data opened fine but does not fit the spec: missing column, wrong labels, no rows."""


def column_not_found(
    column: str, where: str, columns: Iterable[str], role: str = ""
) -> AuditDataError:
    """`Column "sex" not found in data.csv. Columns are: age, gender, outcome, prediction.`"""
    role_text = f" (given as {role})" if role else ""
    listed = ", ".join(columns) or "(none)"
    return AuditDataError(
        f'Column "{column}"{role_text} not found in {where}. Columns are: {listed}.'
    )
