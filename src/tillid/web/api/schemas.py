"""What the API reads and writes. The field names and types are the API's documentation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import field_validator

from tillid.reports.documents.model import DOCUMENT_FORMATS, DOCUMENT_KINDS
from tillid.web.assessments.models import Status
from tillid.web.inventory.models import AISystem, LifecyclePhase, SystemStatus
from tillid.web.inventory.selectors import SORTS

# The largest id a database key holds; larger numbers in a URL are no id at all (422, not a crash).
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Language = Literal["da", "en", "sv"]
Phase = Literal[tuple(LifecyclePhase.values)]  # type: ignore[valid-type]
SystemState = Literal[tuple(SystemStatus.values)]  # type: ignore[valid-type]
AssessmentStatus = Literal[tuple(Status.values)]  # type: ignore[valid-type]
Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]
DocumentKind = Literal[DOCUMENT_KINDS]  # type: ignore[valid-type]
DocumentFormat = Literal[DOCUMENT_FORMATS]  # type: ignore[valid-type]


def _max_length(field: str) -> int:
    return AISystem._meta.get_field(field).max_length  # type: ignore[return-value]


class Problem(Schema):
    """Every error: `detail` is the same plain message the web page shows."""

    detail: str


class Problems(Problem):
    """Bad input: `errors` names each field (or question id) and what is wrong with it."""

    errors: dict[str, str]


_ERRORS: dict[int, Any] = {
    400: Problem,  # the body is not JSON
    401: Problem,  # no token, an unknown one or a revoked one
    403: Problem,  # a viewer token tried to change something
    404: Problem,  # not in the token's organisation
    409: Problem,  # someone else changed it since you read it, or its state forbids the change
    413: Problem,  # the body is too large
    422: Problems,  # a value is not valid; `errors` says which and why
}


def responses(ok: dict[int, Any], *errors: int) -> dict[int, Any]:
    """An operation's documented answers: `ok` and 401 and 422, which any call can get, and `errors`."""
    return {**ok, **{code: _ERRORS[code] for code in sorted({401, 422, *errors})}}


# Systems -----------------------------------------------------------------------------------------


class LatestAssessment(Schema):
    id: int
    status: AssessmentStatus
    risk_class: str = Field(description="The AI Act risk class id, empty when not yet determined.")
    impact_level: str
    open_measures: int


class SystemOut(Schema):
    id: int
    name: str
    purpose: str
    owner: str | None = Field(description="User name of the system owner.")
    vendor: str
    lifecycle_phase: Phase
    status: SystemState
    affected_groups: str
    data_used: str
    links: list[str]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(
        description="Send it back when you change the system (optimistic locking)."
    )
    latest_assessment: LatestAssessment | None


class SystemList(Schema):
    count: int
    items: list[SystemOut]


class SystemFilter(Schema):
    """The inventory page's search and filters."""

    q: str = Field("", max_length=200, description="Text in the name, purpose or vendor.")
    risk: str = Field(
        "",
        max_length=100,
        description='Risk class id of the latest assessment; "none": not assessed.',
    )
    phase: Phase | None = None
    status: SystemState | None = None
    open: bool = Field(False, description="Only systems whose latest assessment has open measures.")
    sort: Sort = "name"
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


NOT_BLANK = r"\S"  # the web form strips spaces and then requires something


class SystemFields(Schema):
    owner: str | None = Field(None, max_length=150, description="User name of a member.")
    vendor: str = Field("", max_length=_max_length("vendor"))
    lifecycle_phase: Phase = LifecyclePhase.PROCURE.value
    status: SystemState = SystemStatus.PLANNED.value
    affected_groups: str = ""
    data_used: str = ""
    links: list[str] = Field(default_factory=list, max_length=100)


class SystemIn(SystemFields):
    name: str = Field(max_length=_max_length("name"), pattern=NOT_BLANK)
    purpose: str = Field(pattern=NOT_BLANK)


class SystemChange(Schema):
    """Changes the fields sent; a field left out or null stays as it is, except `owner`, where
    null or "" removes the owner. `version` is the version you read."""

    version: int = Field(ge=1, le=MAX_ID)
    name: str | None = Field(None, max_length=_max_length("name"), pattern=NOT_BLANK)
    purpose: str | None = Field(None, pattern=NOT_BLANK)
    owner: str | None = Field(None, max_length=150, description='User name; null or "" removes it.')
    vendor: str | None = Field(None, max_length=_max_length("vendor"))
    lifecycle_phase: Phase | None = None
    status: SystemState | None = None
    affected_groups: str | None = None
    data_used: str | None = None
    links: list[str] | None = Field(None, max_length=100)


# Assessments -------------------------------------------------------------------------------------


class AssessmentContext(Schema):
    organisation_type: str
    country: str
    lifecycle_phase: str


class AssessmentSummary(Schema):
    risk_class: str
    risk_class_title: str
    impact_level: str
    impact_level_title: str
    complete: bool
    open_questions: int
    open_measures: int


class AssessmentOut(Schema):
    id: int
    system_id: int
    system_name: str
    status: AssessmentStatus
    status_title: str
    revision: int
    version: int
    context: AssessmentContext
    summary: AssessmentSummary
    pack_versions: dict[str, str]
    created_at: dt.datetime
    updated_at: dt.datetime


class AnswerOut(Schema):
    question_id: str
    value: Any
    version: int = Field(
        description="Send it back when you change the answer (optimistic locking)."
    )
    updated_by: str | None
    updated_at: dt.datetime


def _has_null_character(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list):
        return any(_has_null_character(v) for v in value)
    if isinstance(value, dict):
        return any(_has_null_character(k) or _has_null_character(v) for k, v in value.items())
    return False


class AnswerIn(Schema):
    question_id: str = Field(min_length=1, max_length=120)
    value: Any = Field(
        description="yes_no: true/false; single: an option id; multi: a list of option ids; "
        "number; date as YYYY-MM-DD; text. null clears the answer."
    )
    version: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="The answer's version you read; null when the question had no answer.",
    )

    @field_validator("value")
    @classmethod
    def _no_null_characters(cls, value: Any) -> Any:
        if _has_null_character(value):
            raise ValueError("contains a null character (\\u0000); remove it")
        return value


class AnswersIn(Schema):
    answers: list[AnswerIn] = Field(max_length=1000)


class AnswersSaved(Schema):
    saved: list[str] = Field(description="The questions whose answer changed.")
    assessment: AssessmentOut


class AnswerConflict(Schema):
    question_id: str
    yours: Any
    theirs: Any = Field(description="The answer as it is now.")
    current_version: int | None = Field(description="Send this version to overwrite theirs.")
    by: str


class AnswerConflicts(Problem):
    conflicts: list[AnswerConflict]


class ResultQuery(Schema):
    as_of: dt.date | None = Field(
        None,
        ge=dt.date(2000, 1, 1),
        le=dt.date(2100, 12, 31),
        description="The date the duties are worked out for (YYYY-MM-DD); default today.",
    )
    lang: Language | None = Field(
        None, description="Give the worded report view in this language instead of the raw result."
    )


# Knowledge ---------------------------------------------------------------------------------------


class Text(Schema):
    da: str | None = None
    en: str | None = None
    sv: str | None = None


class PackOut(Schema):
    id: str
    version: str
    title: Text


class KnowledgeOut(Schema):
    packs: list[PackOut]


class OptionOut(Schema):
    id: str
    label: Text
    help: Text | None = None
    exclusive: bool = False
    citations: list[str] = []


class QuestionOut(Schema):
    id: str
    pack: str
    section: str
    kind: Literal["yes_no", "single", "multi", "text", "number", "date"]
    text: Text
    help: Text | None = None
    examples: list[Text] = []
    options: list[OptionOut] = []
    citations: list[str] = []
    glossary: list[str] = []
    minimum: float | None = None
    maximum: float | None = None
    show_if: Any = Field(None, description="When the question is asked, in the pack format.")
