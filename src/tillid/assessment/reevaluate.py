"""Re-evaluating stored answer sets against a new pack version, reporting what changed for each.

When a pack changes (a law is amended, an error fixed), an authority needs to know which of its
assessments are affected and how: a new risk class, an obligation that now applies or moved date, a
new question to answer. `reevaluate` answers that for any number of stored answer sets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import Engine
from tillid.assessment.result import Result, Summary
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.context import Context
from tillid.knowledge.loading import load_packs

ChangeKind = Literal[
    "classification",
    "obligation_added",
    "obligation_removed",
    "obligation_status",
    "obligation_date",
    "new_question",
    "answer_dropped",
]


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    item: str
    before: Any = None
    after: Any = None


@dataclass(frozen=True, slots=True)
class Reevaluation:
    name: str
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def compare_results(old: Result, new: Result) -> list[Change]:
    """What differs between two results for the same answers, in a stable order."""
    return compare_summaries(Summary.of(old), Summary.of(new))


def compare_summaries(old: Summary, new: Summary) -> list[Change]:
    changes: list[Change] = []
    for classification_id, values in new.classifications.items():
        previous = old.classifications.get(classification_id)
        if previous != values:
            changes.append(
                Change(
                    kind="classification",
                    item=classification_id,
                    before=list(previous) if previous is not None else None,
                    after=list(values),
                )
            )
    missing = ("not_applicable", None)
    for obligation_id in sorted(old.obligations.keys() | new.obligations.keys()):
        was, was_from = old.obligations.get(obligation_id, missing)
        now, now_from = new.obligations.get(obligation_id, missing)
        if was not in _APPLIES and now in _APPLIES:
            changes.append(
                Change(kind="obligation_added", item=obligation_id, before=was, after=now)
            )
        elif was in _APPLIES and now not in _APPLIES:
            changes.append(
                Change(kind="obligation_removed", item=obligation_id, before=was, after=now)
            )
        elif was != now:
            changes.append(
                Change(kind="obligation_status", item=obligation_id, before=was, after=now)
            )
        if was in _APPLIES and now in _APPLIES and was_from != now_from:
            changes.append(
                Change(kind="obligation_date", item=obligation_id, before=was_from, after=now_from)
            )
    for question_id in new.open_questions:
        if question_id not in old.visible:
            changes.append(Change(kind="new_question", item=question_id))
    for question_id in sorted(new.unknown_answers - old.unknown_answers):
        changes.append(Change(kind="answer_dropped", item=question_id))
    return changes


_APPLIES = ("applies_now", "applies_from")


def reevaluate(
    old: KnowledgeBase,
    new: KnowledgeBase,
    answer_sets: Iterable[tuple[str, AnswerSet]],
    as_of: dt.date,
) -> Iterator[Reevaluation]:
    """For every named answer set: the changes between the old and the new knowledge."""
    old_engine, new_engine = Engine(old), Engine(new)
    for name, answer_set in answer_sets:
        when = answer_set.as_of or as_of
        before = old_engine.summarise(answer_set.context, answer_set.answers, when)
        after = new_engine.summarise(answer_set.context, answer_set.answers, when)
        yield Reevaluation(name=name, changes=compare_summaries(before, after))


_WORKER: tuple[KnowledgeBase, KnowledgeBase] | None = None


def _start_worker(old_folders: Sequence[Path], new_folders: Sequence[Path]) -> None:
    global _WORKER  # one pair of knowledge bases per worker process, loaded once
    _WORKER = (
        KnowledgeBase.build(load_packs(old_folders)),
        KnowledgeBase.build(load_packs(new_folders)),
    )


_Plain = tuple[str, Context, dict[str, Any], dt.date | None]


def _work(batch: list[_Plain], as_of: dt.date) -> list[Reevaluation]:
    assert _WORKER is not None
    sets = [
        (name, AnswerSet.model_construct(context=context, answers=answers, as_of=when, skipped=[]))
        for name, context, answers, when in batch
    ]
    return list(reevaluate(_WORKER[0], _WORKER[1], sets, as_of))


def reevaluate_parallel(
    old_folders: Sequence[Path],
    new_folders: Sequence[Path],
    answer_sets: Sequence[tuple[str, AnswerSet]],
    as_of: dt.date,
    processes: int,
    batch_size: int = 2000,
) -> Iterator[Reevaluation]:
    """`reevaluate` spread over processes; results come back in input order."""
    # Workers get plain tuples: pickling Pydantic models would cost more than evaluating them.
    plain = [(name, s.context, s.answers, s.as_of) for name, s in answer_sets]
    batches = [plain[i : i + batch_size] for i in range(0, len(plain), batch_size)]
    with ProcessPoolExecutor(
        max_workers=processes, initializer=_start_worker, initargs=(old_folders, new_folders)
    ) as pool:
        for results in pool.map(_work, batches, [as_of] * len(batches)):
            yield from results
