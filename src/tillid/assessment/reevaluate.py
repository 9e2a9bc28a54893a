"""Re-evaluating stored answer sets against a new pack version, reporting what changed for each.

When a pack changes (a law is amended, an error fixed), an authority needs to know which of its
assessments are affected and how: a new risk class, an obligation that now applies or moved date, a
new question to answer. `reevaluate` answers that for any number of stored answer sets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from tillid.assessment.answers import AnswerSet
from tillid.assessment.engine import Engine
from tillid.assessment.result import Result
from tillid.knowledge.base import KnowledgeBase
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


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: ChangeKind
    item: str
    before: Any = None
    after: Any = None


class Reevaluation(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def compare_results(old: Result, new: Result) -> list[Change]:
    """What differs between two results for the same answers, in a stable order."""
    changes: list[Change] = []
    old_classes = {c.id: c.values for c in old.classifications}
    for classification in new.classifications:
        previous = old_classes.get(classification.id)
        if previous != classification.values:
            changes.append(
                Change(
                    kind="classification",
                    item=classification.id,
                    before=previous,
                    after=classification.values,
                )
            )
    old_obligations = {o.id: o for o in old.obligations}
    new_obligations = {o.id: o for o in new.obligations}
    for obligation_id in sorted(old_obligations.keys() | new_obligations.keys()):
        before = old_obligations.get(obligation_id)
        after = new_obligations.get(obligation_id)
        was = before.status if before else "not_applicable"
        now = after.status if after else "not_applicable"
        applies = ("applies_now", "applies_from")
        if was not in applies and now in applies:
            changes.append(
                Change(kind="obligation_added", item=obligation_id, before=was, after=now)
            )
        elif was in applies and now not in applies:
            changes.append(
                Change(kind="obligation_removed", item=obligation_id, before=was, after=now)
            )
        elif was != now:
            changes.append(
                Change(kind="obligation_status", item=obligation_id, before=was, after=now)
            )
        if before and after and now in applies and before.applies_from != after.applies_from:
            changes.append(
                Change(
                    kind="obligation_date",
                    item=obligation_id,
                    before=before.applies_from,
                    after=after.applies_from,
                )
            )
    for question_id in new.open_questions:
        if question_id not in old.open_questions and question_id not in old.visible_questions:
            changes.append(Change(kind="new_question", item=question_id))
    for problem in new.inconsistencies:
        if problem.kind == "unknown_question" and all(
            p.item != problem.item for p in old.inconsistencies
        ):
            changes.append(Change(kind="answer_dropped", item=problem.item))
    return changes


def reevaluate(
    old: KnowledgeBase,
    new: KnowledgeBase,
    answer_sets: Iterable[tuple[str, AnswerSet]],
    as_of: dt.date,
) -> Iterator[Reevaluation]:
    """For every named answer set: the changes between the old and the new knowledge."""
    old_engine, new_engine = Engine(old), Engine(new)
    for name, answer_set in answer_sets:
        skipped = frozenset(answer_set.skipped)
        when = answer_set.as_of or as_of
        before = old_engine.evaluate(answer_set.context, answer_set.answers, when, skipped, False)
        after = new_engine.evaluate(answer_set.context, answer_set.answers, when, skipped, False)
        yield Reevaluation(name=name, changes=compare_results(before, after))


_WORKER: tuple[KnowledgeBase, KnowledgeBase] | None = None


def _start_worker(old_folders: Sequence[Path], new_folders: Sequence[Path]) -> None:
    global _WORKER  # one pair of knowledge bases per worker process, loaded once
    _WORKER = (
        KnowledgeBase.build(load_packs(old_folders)),
        KnowledgeBase.build(load_packs(new_folders)),
    )


def _work(batch: list[tuple[str, AnswerSet]], as_of: dt.date) -> list[Reevaluation]:
    assert _WORKER is not None
    return list(reevaluate(_WORKER[0], _WORKER[1], batch, as_of))


def reevaluate_parallel(
    old_folders: Sequence[Path],
    new_folders: Sequence[Path],
    answer_sets: Sequence[tuple[str, AnswerSet]],
    as_of: dt.date,
    processes: int,
    batch_size: int = 2000,
) -> Iterator[Reevaluation]:
    """`reevaluate` spread over processes; results come back in input order."""
    batches = [answer_sets[i : i + batch_size] for i in range(0, len(answer_sets), batch_size)]
    with ProcessPoolExecutor(
        max_workers=processes, initializer=_start_worker, initargs=(old_folders, new_folders)
    ) as pool:
        for results in pool.map(_work, batches, [as_of] * len(batches)):
            yield from results
