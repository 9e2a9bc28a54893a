"""The assessment result: what the engine concluded, as of a date, with the reasons for each part.

The result holds ids, not texts, so one result serves every language; reports look the texts up in
the knowledge base. It serialises to JSON unchanged (`Result.model_dump(mode="json")`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from tillid.knowledge.context import Context

Truth = Literal["true", "false", "unknown"]
ObligationStatus = Literal["applies_now", "applies_from", "undetermined", "not_applicable"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Trace(Frozen):
    """Why a conclusion holds, or does not, or is still open.

    `answers` are the answers that decided it (None: the question was not asked), `facts` the derived
    facts it rests on (each has its own trace in `Result.facts`), `rules` the rules that fired,
    `unanswered` the questions whose answers would decide it.
    """

    rules: list[str] = Field(default_factory=list)
    answers: dict[str, Any] = Field(default_factory=dict)
    facts: list[str] = Field(default_factory=list)
    context: dict[str, str | None] = Field(default_factory=dict)
    dates: list[dt.date] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    unanswered: list[str] = Field(default_factory=list)


class FactResult(Frozen):
    id: str
    value: Truth
    trace: Trace


class ClassificationResult(Frozen):
    id: str
    values: list[str] = Field(description="Values that hold (at most one when exclusive).")
    possible: list[str] = Field(
        description="Values that may still hold once open questions are answered."
    )
    determined: bool
    trace: Trace


class ObligationResult(Frozen):
    id: str
    pack: str
    role: str
    status: ObligationStatus
    applies_from: dt.date | None = Field(description="Under the legal version in force on as_of.")
    legal_version: str | None
    dates_by_version: dict[str, dt.date] = Field(
        description="The date under every legal version, so a change by an amendment shows."
    )
    measures: list[str]
    trace: Trace


class MeasureResult(Frozen):
    id: str
    obligations: list[str]
    due: dt.date | None = Field(
        description="Earliest date from which an obligation needing it applies."
    )
    phases: list[str]
    in_current_phase: bool | None


class Inconsistency(Frozen):
    kind: Literal["unknown_question", "invalid_answer", "hidden_question", "contradiction"]
    item: str = Field(description="Question or check id.")
    message: str
    questions: list[str] = Field(default_factory=list)


class PackUsed(Frozen):
    id: str
    version: str
    applies: bool | None
    legal_version: str


class Result(Frozen):
    as_of: dt.date
    context: Context
    packs: list[PackUsed]
    classifications: list[ClassificationResult]
    obligations: list[ObligationResult]
    measures: list[MeasureResult]
    facts: dict[str, FactResult]
    visible_questions: list[str]
    open_questions: list[str]
    next_question: str | None
    answered: int
    inconsistencies: list[Inconsistency]
    complete: bool = Field(description="True when no visible question is left unanswered.")

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
