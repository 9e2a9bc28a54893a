"""Answer sets: what a user answered, in which context, stored as YAML or JSON.

An answer set is what tillid saves and re-evaluates. Answers are keyed by question id; values are
true/false for yes/no questions, an option id for single choice, a list of option ids for multiple
choice, a number, a date (YYYY-MM-DD) or a text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tillid.knowledge.context import Context
from tillid.knowledge.model import Language, Question

AnswerValue = bool | str | float | int | dt.date | list[str]
NormalisedAnswer = bool | str | float | dt.date | frozenset[str]

_YES = {"yes", "ja", "y", "j", "true", "1"}
_NO = {"no", "nej", "n", "false", "0"}


class AnswerSet(BaseModel):
    """One assessment's input. `packs` records the pack versions it was answered against."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    language: Language = "da"
    context: Context = Field(default_factory=Context)
    as_of: dt.date | None = None
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    skipped: list[str] = Field(default_factory=list)
    packs: dict[str, str] = Field(default_factory=dict)
    expect: dict[str, Any] | None = Field(
        default=None, description="Expected outcome (golden test scenarios); not used to evaluate."
    )


class _NoAliasLoader(yaml.SafeLoader):
    """Answers files have no use for YAML aliases, and aliases allow "billion laughs" bombs."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases (*name) are not allowed in answers files")
        return super().compose_node(parent, index)


class AnswerFileError(Exception):
    """An answers file cannot be read; the message says which file and what to fix."""


MAX_ANSWER_FILE_BYTES = 5_000_000  # far above any real assessment; guards against YAML bombs


def read_answer_set(path: Path) -> AnswerSet:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise AnswerFileError(f"Answers file {path} does not exist.") from None
    if size > MAX_ANSWER_FILE_BYTES:
        raise AnswerFileError(
            f"Answers file {path} is {size:,} bytes; an answers file is at most "
            f"{MAX_ANSWER_FILE_BYTES:,} bytes. Is it the right file?"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerFileError(f"Answers file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise AnswerFileError(f"Answers file {path} is not a UTF-8 text file.") from None
    try:
        data = (
            json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_NoAliasLoader)
        )
    except json.JSONDecodeError as error:
        raise AnswerFileError(
            f"Answers file {path} is not valid JSON: {error.msg} at line {error.lineno}."
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise AnswerFileError(
            f"Answers file {path} is not valid YAML/JSON: {problem}{where}."
        ) from None
    if not isinstance(data, dict):
        raise AnswerFileError(
            f"Answers file {path} must be a mapping with 'context' and 'answers'; got {type(data).__name__}."
        )
    try:
        return AnswerSet.model_validate(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()[:5]
        )
        raise AnswerFileError(f"Answers file {path} has invalid entries: {details}") from None


def write_answer_set(answer_set: AnswerSet, path: Path) -> None:
    """Write atomically, so an interrupted save never destroys the previous answers."""
    data = answer_set.model_dump(mode="json", exclude_none=True)
    if path.suffix == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def normalise_answer(question: Question, value: Any) -> NormalisedAnswer:
    """The answer in the engine's form, or ValueError saying what a valid answer looks like."""
    kind = question.kind
    if kind == "yes_no":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _YES | _NO:
            return value.strip().lower() in _YES
        raise ValueError(f"expects yes or no (true/false); got {value!r}")
    if kind == "single":
        options = question.option_ids()
        if isinstance(value, str) and value in options:
            return value
        raise ValueError(f"expects one of {', '.join(options)}; got {value!r}")
    if kind == "multi":
        options = question.option_ids()
        values = value if isinstance(value, list) else [value]
        bad = [v for v in values if v not in options]
        if bad or not all(isinstance(v, str) for v in values):
            raise ValueError(f"expects a list of {', '.join(options)}; got unknown {bad!r}")
        alone = [o.id for o in question.options if o.exclusive and o.id in values]
        if alone and len(set(values)) > 1:
            raise ValueError(f'has "{alone[0]}", which cannot be combined with other options')
        return frozenset(values)
    if kind == "number":
        return _number(question, value)
    if kind == "date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(f"expects a date written YYYY-MM-DD; got {value!r}") from None
    if isinstance(value, str) and value.strip():
        return value
    raise ValueError(f"expects a text; got {value!r}")


def _number(question: Question, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expects a number; got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expects a number; got {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"expects a finite number; got {value!r}")
    if question.minimum is not None and number < question.minimum:
        raise ValueError(f"must be at least {question.minimum:g}; got {number:g}")
    if question.maximum is not None and number > question.maximum:
        raise ValueError(f"must be at most {question.maximum:g}; got {number:g}")
    return number
