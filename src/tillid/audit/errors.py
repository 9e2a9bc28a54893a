"""Errors a user can cause with their data or spec, worded so they can fix them.

Each error carries an AuditMessage (a key from tillid.audit.messages and its parameters), so an
interface in another language can show it in that language; `str(error)` is the English.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from tillid.audit.messages import AuditMessage, Param


class AuditError(Exception):
    """Base for every audit error a user can act on; the message says what to do."""

    def __init__(self, message: AuditMessage) -> None:
        super().__init__(message.english())
        self.message = message

    @classmethod
    def of(cls, key: str, **params: Param) -> Self:
        """`AuditDataError.of("file_empty", file="data.csv")`: the error with that message."""
        return cls(AuditMessage(key, params))

    @property
    def key(self) -> str:
        return self.message.key

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message,))


class AuditSpecError(AuditError):
    """The audit spec (YAML, CLI flags or Python) is incomplete or contradictory."""


class AuditSourceError(AuditError):
    """The data cannot be opened: missing file, unreadable format, unreachable database."""


class AuditDataError(AuditError):
    """The data opened fine but does not fit the spec: missing column, wrong labels, no rows."""


class SpecRuleError(ValueError):
    """A rule of the spec that Pydantic reports; the message is kept for other languages."""

    def __init__(self, message: AuditMessage) -> None:
        super().__init__(message.english())
        self.message = message

    @classmethod
    def of(cls, key: str, **params: Param) -> SpecRuleError:
        return cls(AuditMessage(key, params))


def column_not_found(
    column: str, where: Param, columns: Iterable[str], role: AuditMessage | None = None
) -> AuditDataError:
    """`Column "sex" not found in data.csv. Columns are: age, gender, outcome, prediction.`"""
    listed: Param = ", ".join(columns) or AuditMessage("columns.none")
    if role is None:
        return AuditDataError.of("column_missing", column=column, source=where, columns=listed)
    return AuditDataError.of(
        "column_missing_in_role", column=column, role=role, source=where, columns=listed
    )
