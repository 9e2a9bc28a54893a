"""The assessment result: what the engine concluded, as of a date, with the reasons for each part.

The result holds ids, not texts, so one result serves every language; reports look the texts up in
the knowledge base. `Result.to_dict()` / `Result.to_json()` give its JSON form.

The parts are plain frozen dataclasses rather than Pydantic models: an evaluation builds a couple of
hundred of them, and re-evaluating many stored assessments must stay fast. Pydantic still does the
JSON serialisation (through a TypeAdapter).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from pydantic import TypeAdapter

from tillid.knowledge.context import Context

Truth = Literal["true", "false", "unknown"]
ObligationStatus = Literal["applies_now", "applies_from", "undetermined", "not_applicable"]


@dataclass(frozen=True, slots=True)
class Trace:
    """Why a conclusion holds, or does not, or is still open.

    `answers` are the answers that decided it (None: the question was not asked), `facts` the derived
    facts it rests on (each has its own trace in `Result.facts`), `rules` the rules that fired,
    `unanswered` the questions whose answers would decide it.
    """

    rules: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    facts: list[str] = field(default_factory=list)
    context: dict[str, str | None] = field(default_factory=dict)
    dates: list[dt.date] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FactResult:
    id: str
    value: Truth
    trace: Trace


@dataclass(frozen=True, slots=True)
class ClassificationResult:
    id: str
    values: list[str]  # values that hold (at most one when exclusive)
    possible: list[str]  # values that may still hold once open questions are answered
    determined: bool
    trace: Trace


@dataclass(frozen=True, slots=True)
class ObligationResult:
    id: str
    pack: str
    role: str
    status: ObligationStatus
    applies_from: dt.date | None  # under the legal version in force on as_of
    legal_version: str | None
    dates_by_version: dict[str, dt.date]  # under every version, so an amendment's change shows
    date_entry: int | None  # which of the obligation's `applies_from` entries gave the date
    measures: list[str]
    trace: Trace


@dataclass(frozen=True, slots=True)
class ScorePartResult:
    id: str
    value: Truth
    points: int


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A weighted score: the range still possible, the level if determined, and every part."""

    id: str
    minimum: int
    maximum: int
    level: str | None  # the level's fact id, when the open questions cannot change it
    parts: list[ScorePartResult]


@dataclass(frozen=True, slots=True)
class MeasureResult:
    id: str
    obligations: list[str]
    due: dt.date | None  # the earliest date from which an obligation needing it applies
    phases: list[str]
    in_current_phase: bool | None


@dataclass(frozen=True, slots=True)
class Inconsistency:
    kind: Literal[
        "unknown_question", "invalid_answer", "hidden_question", "contradiction", "warning"
    ]
    item: str  # question or check id
    message: str
    questions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PackUsed:
    id: str
    version: str
    applies: bool | None
    legal_version: str


@dataclass(frozen=True, slots=True)
class Result:
    as_of: dt.date
    context: Context
    packs: list[PackUsed]
    classifications: list[ClassificationResult]
    scores: list[ScoreResult]
    obligations: list[ObligationResult]
    measures: list[MeasureResult]
    facts: dict[str, FactResult]
    visible_questions: list[str]
    open_questions: list[str]
    next_question: str | None
    answered: int
    inconsistencies: list[Inconsistency]
    complete: bool  # no visible question is left unanswered

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _adapter().dump_python(self, mode="json")
        return data

    def to_json(self) -> str:
        return _adapter().dump_json(self, indent=2).decode()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """A stored result (e.g. an approved version's) back as a Result."""
        return _adapter().validate_python(data)

    def classification(self, classification_id: str) -> ClassificationResult:
        for item in self.classifications:
            if item.id == classification_id:
                return item
        raise KeyError(classification_id)

    def obligation(self, obligation_id: str) -> ObligationResult:
        for item in self.obligations:
            if item.id == obligation_id:
                return item
        raise KeyError(obligation_id)

    def applicable_obligations(self) -> list[ObligationResult]:
        return [o for o in self.obligations if o.status in ("applies_now", "applies_from")]


@dataclass(frozen=True, slots=True)
class Summary:
    """A result without traces, facts or measures: what re-evaluation compares."""

    classifications: dict[str, tuple[str, ...]]
    obligations: dict[str, tuple[ObligationStatus, dt.date | None]]
    visible: frozenset[str]
    open_questions: tuple[str, ...]
    unknown_answers: frozenset[str]

    @classmethod
    def of(cls, result: Result) -> Summary:
        return cls(
            classifications={c.id: tuple(c.values) for c in result.classifications},
            obligations={o.id: (o.status, o.applies_from) for o in result.obligations},
            visible=frozenset(result.visible_questions),
            open_questions=tuple(result.open_questions),
            unknown_answers=frozenset(
                i.item for i in result.inconsistencies if i.kind == "unknown_question"
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON, so a stored assessment can keep what it concluded under its pack versions."""
        return {
            "classifications": {k: list(v) for k, v in self.classifications.items()},
            "obligations": {
                k: [status, when.isoformat() if when else None]
                for k, (status, when) in self.obligations.items()
            },
            "visible": sorted(self.visible),
            "open_questions": list(self.open_questions),
            "unknown_answers": sorted(self.unknown_answers),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        return cls(
            classifications={k: tuple(v) for k, v in data["classifications"].items()},
            obligations={
                k: (status, dt.date.fromisoformat(when) if when else None)
                for k, (status, when) in data["obligations"].items()
            },
            visible=frozenset(data["visible"]),
            open_questions=tuple(data["open_questions"]),
            unknown_answers=frozenset(data["unknown_answers"]),
        )


@cache
def _adapter() -> TypeAdapter[Result]:
    return TypeAdapter(Result)
