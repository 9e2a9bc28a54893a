"""Conditions: structured, analysable data that says when something holds.

A condition is never code in a string. In YAML it is a small mapping with one of these shapes::

    {all: [c1, c2, ...]}          every sub-condition holds
    {any: [c1, c2, ...]}          at least one holds
    {not: c}                      c does not hold
    {answer: Q, is: V}            question Q was answered V (yes/no questions: true/false)
    {answer: Q, in: [V1, V2]}     the single-choice answer to Q is one of these
    {answer: Q, includes: V}      the multi-choice answer to Q includes V
    {answer: Q, includes_any: [V1, V2]}
    {answer: Q, answered: true}   Q has an answer (text, date, any kind)
    {answer: Q, gte: N}           number answers: gte, gt, lte, lt
    {fact: F}                     fact F was derived
    {context: DIM, is: V}         the assessment context, e.g. {context: country, is: DK}
    {context: DIM, in: [V1, V2]}
    {shown: Q}                    question Q is shown to the user (its pack, section and show_if hold)
    {at_least: 2, of: [c1, c2, c3]}   at least this many of the conditions hold
    {date_from: 2026-08-02}       the assessment date is on or after this date
    {date_before: 2026-08-02}     the assessment date is before this date
    {always: true}                a constant (true or false)

The nodes below are frozen dataclasses so that the engine can evaluate them fast and the linter can
translate them into propositional logic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from tillid.knowledge.context import CONTEXT_DIMENSIONS

AnswerScalar = bool | str | int | float
CompareOp = Literal["gte", "gt", "lte", "lt"]


@dataclass(frozen=True, slots=True)
class All:
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Condition


@dataclass(frozen=True, slots=True)
class AtLeast:
    count: int
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Shown:
    """The question is shown: lets a pack ask its own question exactly where another is not."""

    question: str


@dataclass(frozen=True, slots=True)
class AnswerIn:
    """The answer equals one of `values` (yes/no and single-choice questions)."""

    question: str
    values: tuple[AnswerScalar, ...]


@dataclass(frozen=True, slots=True)
class AnswerIncludes:
    """The multi-choice answer includes at least one of `values`."""

    question: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answered:
    question: str


@dataclass(frozen=True, slots=True)
class AnswerCompare:
    question: str
    op: CompareOp
    number: float


@dataclass(frozen=True, slots=True)
class FactHolds:
    fact: str


@dataclass(frozen=True, slots=True)
class ContextIn:
    dimension: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DateFrom:
    """True when the assessment date (`as_of`) is on or after `date`."""

    date: dt.date


@dataclass(frozen=True, slots=True)
class Always:
    value: bool


Condition = (
    All
    | AnyOf
    | AtLeast
    | Shown
    | Not
    | AnswerIn
    | AnswerIncludes
    | Answered
    | AnswerCompare
    | FactHolds
    | ContextIn
    | DateFrom
    | Always
)
CONDITION_TYPES = Condition.__args__

_ANSWER_OPERATORS = ("is", "in", "includes", "includes_any", "answered", "gte", "gt", "lte", "lt")
_SHAPES = (
    "all, any, not, at_least (with of), shown, answer (with is / in / includes / includes_any / answered / gte / gt / lte / lt), "
    "fact, context (with is / in), date_from, date_before, always"
)


class ConditionError(ValueError):
    """A condition in a pack is not one of the allowed shapes."""


def parse_condition(raw: Any) -> Condition:
    """Turn the YAML form of a condition into condition nodes, or explain what is wrong."""
    if isinstance(raw, CONDITION_TYPES):
        return raw  # type: ignore[no-any-return]
    if not isinstance(raw, dict) or not raw:
        raise ConditionError(f"A condition must be a mapping such as {{fact: ...}}; got {raw!r}.")
    keys = set(raw)
    if keys == {"all"} or keys == {"any"}:
        key = next(iter(keys))
        items = raw[key]
        if not isinstance(items, list) or not items:
            raise ConditionError(f'"{key}" needs a non-empty list of conditions.')
        parsed = tuple(parse_condition(item) for item in items)
        return All(parsed) if key == "all" else AnyOf(parsed)
    if keys == {"not"}:
        return Not(parse_condition(raw["not"]))
    if keys == {"at_least", "of"}:
        count, items = raw["at_least"], raw["of"]
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ConditionError(f'"at_least" needs a whole number of 1 or more; got {count!r}.')
        if not isinstance(items, list) or len(items) <= count:
            raise ConditionError(
                f'"at_least: {count}" needs a list of more than {count} conditions under "of".'
            )
        return AtLeast(count, tuple(parse_condition(item) for item in items))
    if keys == {"shown"}:
        return Shown(_identifier(raw["shown"], "shown"))
    if "answer" in keys:
        return _parse_answer(raw)
    if keys == {"fact"}:
        return FactHolds(_identifier(raw["fact"], "fact"))
    if "context" in keys:
        return _parse_context(raw)
    if keys == {"date_from"} or keys == {"date_before"}:
        key = next(iter(keys))
        when = raw[key]
        if not isinstance(when, dt.date):
            raise ConditionError(f'"{key}" needs a date written as YYYY-MM-DD; got {when!r}.')
        node = DateFrom(when)
        return node if key == "date_from" else Not(node)
    if keys == {"always"} and isinstance(raw["always"], bool):
        return Always(raw["always"])
    raise ConditionError(f"Unknown condition {raw!r}. A condition is one of: {_SHAPES}.")


def _identifier(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConditionError(f'"{what}" needs an id (text); got {value!r}.')
    return value


def _parse_answer(raw: dict[str, Any]) -> Condition:
    question = _identifier(raw["answer"], "answer")
    operators = set(raw) - {"answer"}
    if len(operators) != 1 or not operators <= set(_ANSWER_OPERATORS):
        raise ConditionError(
            f'"answer: {question}" needs exactly one of {", ".join(_ANSWER_OPERATORS)}; '
            f"got {sorted(operators) or 'none'}."
        )
    op = operators.pop()
    value = raw[op]
    if op == "is":
        return AnswerIn(question, (_scalar(value, question),))
    if op == "in":
        return AnswerIn(question, _scalars(value, question, op))
    if op == "includes":
        return AnswerIncludes(question, (str(_scalar(value, question)),))
    if op == "includes_any":
        return AnswerIncludes(question, tuple(str(v) for v in _scalars(value, question, op)))
    if op == "answered":
        if value is not True:
            raise ConditionError(
                f'"answered" only takes true; write {{not: {{answer: {question}, answered: true}}}}.'
            )
        return Answered(question)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConditionError(f'"{op}" on answer {question} needs a number; got {value!r}.')
    return AnswerCompare(question, op, float(value))  # type: ignore[arg-type]


def _scalar(value: Any, question: str) -> AnswerScalar:
    if isinstance(value, bool | str | int | float):
        return value
    raise ConditionError(
        f"Answer {question} can only be compared with a single value; got {value!r}."
    )


def _scalars(value: Any, question: str, op: str) -> tuple[AnswerScalar, ...]:
    if not isinstance(value, list) or not value:
        raise ConditionError(f'"{op}" on answer {question} needs a non-empty list; got {value!r}.')
    return tuple(_scalar(v, question) for v in value)


def _parse_context(raw: dict[str, Any]) -> Condition:
    dimension = _identifier(raw["context"], "context")
    if dimension not in CONTEXT_DIMENSIONS:
        raise ConditionError(
            f'Unknown context "{dimension}". Known: {", ".join(CONTEXT_DIMENSIONS)}.'
        )
    operators = set(raw) - {"context"}
    if operators == {"is"}:
        values: tuple[Any, ...] = (raw["is"],)
    elif operators == {"in"} and isinstance(raw["in"], list) and raw["in"]:
        values = tuple(raw["in"])
    else:
        raise ConditionError(f'"context: {dimension}" needs "is: VALUE" or "in: [VALUES]".')
    allowed = CONTEXT_DIMENSIONS[dimension]
    for value in values:
        if value not in allowed:
            raise ConditionError(
                f'"{value}" is not a value of context {dimension}. Allowed: {", ".join(allowed)}.'
            )
    return ContextIn(dimension, tuple(str(v) for v in values))


def dump_condition(condition: Condition) -> Any:
    """The YAML/JSON form of a condition (inverse of `parse_condition`)."""
    match condition:
        case All(items):
            return {"all": [dump_condition(c) for c in items]}
        case AnyOf(items):
            return {"any": [dump_condition(c) for c in items]}
        case AtLeast(count, items):
            return {"at_least": count, "of": [dump_condition(c) for c in items]}
        case Shown(question):
            return {"shown": question}
        case Not(DateFrom(when)):
            return {"date_before": when.isoformat()}
        case Not(item):
            return {"not": dump_condition(item)}
        case AnswerIn(question, values):
            if len(values) == 1:
                return {"answer": question, "is": values[0]}
            return {"answer": question, "in": list(values)}
        case AnswerIncludes(question, values):
            if len(values) == 1:
                return {"answer": question, "includes": values[0]}
            return {"answer": question, "includes_any": list(values)}
        case Answered(question):
            return {"answer": question, "answered": True}
        case AnswerCompare(question, op, number):
            return {"answer": question, op: number}
        case FactHolds(fact):
            return {"fact": fact}
        case ContextIn(dimension, values):
            if len(values) == 1:
                return {"context": dimension, "is": values[0]}
            return {"context": dimension, "in": list(values)}
        case DateFrom(when):
            return {"date_from": when.isoformat()}
        case Always(value):
            return {"always": value}
    raise TypeError(f"not a condition: {condition!r}")


def walk(condition: Condition) -> Iterator[Condition]:
    """Every node of a condition, the condition itself first."""
    yield condition
    match condition:
        case All(items) | AnyOf(items) | AtLeast(_, items):
            for item in items:
                yield from walk(item)
        case Not(item):
            yield from walk(item)


def referenced_questions(condition: Condition) -> set[str]:
    return {
        node.question
        for node in walk(condition)
        if isinstance(node, AnswerIn | AnswerIncludes | Answered | AnswerCompare | Shown)
    }


def referenced_facts(condition: Condition) -> set[str]:
    return {node.fact for node in walk(condition) if isinstance(node, FactHolds)}


def _shape(required: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": required,
        "required": list(required),
        "additionalProperties": False,
    }


_CONDITION = {"$ref": "#/$defs/Condition"}
_VALUE = {"type": ["boolean", "string", "number"]}
_VALUES = {"type": "array", "items": _VALUE, "minItems": 1}
_QUESTION = {"type": "string"}

# The JSON Schema of a condition, for other tools reading exported packs.
CONDITION_JSON_SCHEMA: dict[str, Any] = {
    "description": "A condition: one of the shapes listed in tillid.knowledge.conditions.",
    "oneOf": [
        _shape({"all": {"type": "array", "items": _CONDITION, "minItems": 1}}),
        _shape({"any": {"type": "array", "items": _CONDITION, "minItems": 1}}),
        _shape({"not": _CONDITION}),
        _shape(
            {
                "at_least": {"type": "integer", "minimum": 1},
                "of": {"type": "array", "items": _CONDITION, "minItems": 2},
            }
        ),
        _shape({"shown": _QUESTION}),
        _shape({"answer": _QUESTION, "is": _VALUE}),
        _shape({"answer": _QUESTION, "in": _VALUES}),
        _shape({"answer": _QUESTION, "includes": {"type": "string"}}),
        _shape({"answer": _QUESTION, "includes_any": _VALUES}),
        _shape({"answer": _QUESTION, "answered": {"const": True}}),
        *[
            _shape({"answer": _QUESTION, op: {"type": "number"}})
            for op in ("gte", "gt", "lte", "lt")
        ],
        _shape({"fact": {"type": "string"}}),
        _shape({"context": {"enum": list(CONTEXT_DIMENSIONS)}, "is": {"type": "string"}}),
        _shape({"context": {"enum": list(CONTEXT_DIMENSIONS)}, "in": _VALUES}),
        _shape({"date_from": {"type": "string", "format": "date"}}),
        _shape({"date_before": {"type": "string", "format": "date"}}),
        _shape({"always": {"type": "boolean"}}),
    ],
}
