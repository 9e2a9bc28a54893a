"""Propositional encoding of a knowledge base, for proofs by SAT solving.

Every question's answers, the context and the assessment date become boolean variables; every
condition becomes a literal equivalent to it (Tseitin encoding), and the pack's own structure becomes
clauses: a question can only be answered while it is shown, a single-choice question has at most one
answer, each context dimension has exactly one value, later dates imply earlier ones, and a fact holds
exactly when one of its rules fires. "Can X happen?" is then "is X satisfiable?", a proof over all
answers, contexts and dates rather than a sample of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations, pairwise
from typing import Any

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool
from pysat.solvers import Solver

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.conditions import (
    All,
    Always,
    AnswerCompare,
    Answered,
    AnswerIn,
    AnswerIncludes,
    AnyOf,
    AtLeast,
    Condition,
    ContextIn,
    DateFrom,
    FactHolds,
    Not,
    Shown,
    walk,
)
from tillid.knowledge.context import CONTEXT_DIMENSIONS
from tillid.knowledge.model import Score

_OPS = {
    "gte": lambda a, n: a >= n,
    "gt": lambda a, n: a > n,
    "lte": lambda a, n: a <= n,
    "lt": lambda a, n: a < n,
}


class Logic:
    """A knowledge base as CNF plus a solver that answers satisfiability questions incrementally."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.pool = IDPool()
        self.clauses: list[list[int]] = []
        self._literal: dict[Condition, int] = {}
        self._fresh_count = 0
        self._true = self._var(("const", True))
        self.clauses.append([self._true])
        self._number_regions = self._collect_number_regions()
        self._dates = sorted(
            {
                node.date
                for _, c in kb.conditions()
                for node in walk(c)
                if isinstance(node, DateFrom)
            }
        )
        self._encode_context()
        self._encode_dates()
        self._encode_answers()
        self.pack_applies = {
            pack.meta.id: self.literal(pack.meta.applies_when) for pack in kb.packs
        }
        self.visible = {q.id: self._var(("visible", q.id)) for q in kb.questions}
        self.fact = {f: self._var(("fact", f)) for f in kb.fact}
        self._encode_visibility()
        self._encode_facts()
        self.solver = Solver(name="cadical153", bootstrap_with=self.clauses)
        self._given_to_solver = len(self.clauses)

    def close(self) -> None:
        self.solver.delete()

    # -- questions answered ----------------------------------------------------------------------

    def satisfiable(self, literals: Iterable[int]) -> bool:
        # Literals made after the solver started bring definitions the solver has not seen yet.
        literals = list(literals)
        for clause in self.clauses[self._given_to_solver :]:
            self.solver.add_clause(clause)
        self._given_to_solver = len(self.clauses)
        return bool(self.solver.solve(assumptions=literals))

    def witness(self) -> dict[str, Any]:
        """Context, date and answers of the last satisfying assignment, for error messages."""
        model = {abs(v): v > 0 for v in self.solver.get_model() or []}
        found: dict[str, Any] = {}
        for dimension, values in CONTEXT_DIMENSIONS.items():
            for value in values:
                if model.get(self._var(("context", dimension, value))):
                    found[dimension] = value
        for when in self._dates:
            if model.get(self._var(("date_from", when))):
                found["as_of"] = f">= {when.isoformat()}"
        answers: dict[str, Any] = {}
        for question in self.kb.questions:
            if not model.get(self.visible[question.id]):
                continue
            chosen = [
                option
                for option in self._answer_options(question.id)
                if model.get(self._var(("answer", question.id, option)))
            ]
            if not chosen:
                continue
            if question.kind == "multi":
                answers[question.id] = chosen
            elif question.kind == "yes_no":
                answers[question.id] = chosen[0] == "true"
            else:
                answers[question.id] = chosen[0]
        found["answers"] = answers
        return found

    # -- encoding ------------------------------------------------------------------------------

    def literal(self, condition: Condition | None) -> int:
        """A variable that is true exactly when `condition` holds."""
        if condition is None:
            return self._true
        cached = self._literal.get(condition)
        if cached is None:
            cached = self._encode(condition)
            self._literal[condition] = cached
        return cached

    def _define_and(self, parts: list[int]) -> int:
        out = self._var(("and", tuple(parts)))
        for part in parts:
            self.clauses.append([-out, part])
        self.clauses.append([out, *[-p for p in parts]])
        return out

    def _define_or(self, parts: list[int]) -> int:
        if not parts:
            return -self._true
        out = self._var(("or", tuple(parts)))
        for part in parts:
            self.clauses.append([out, -part])
        self.clauses.append([-out, *parts])
        return out

    def _encode(self, condition: Condition) -> int:
        match condition:
            case All(items):
                return self._define_and([self.literal(c) for c in items])
            case AnyOf(items):
                return self._define_or([self.literal(c) for c in items])
            case Not(item):
                return -self.literal(item)
            case AtLeast(count, items):
                return self._unary_count([self.literal(c) for c in items])[count - 1]
            case Shown(question):
                return self._var(("visible", question))
            case AnswerIn(question, values):
                return self._define_or([self._answer(question, _option_key(v)) for v in values])
            case AnswerIncludes(question, values):
                return self._define_or([self._answer(question, v) for v in values])
            case Answered(question):
                return self._define_or(
                    [self._answer(question, o) for o in self._answer_options(question)]
                )
            case AnswerCompare(question, op, number):
                regions = self._number_regions.get(question, [])
                return self._define_or(
                    [
                        self._answer(question, label)
                        for label, sample in regions
                        if _OPS[op](sample, number)
                    ]
                )
            case FactHolds(fact):
                return self._var(("fact", fact))
            case ContextIn(dimension, values):
                return self._define_or([self._var(("context", dimension, v)) for v in values])
            case DateFrom(when):
                return self._var(("date_from", when))
            case Always(value):
                return self._true if value else -self._true
        raise TypeError(f"not a condition: {condition!r}")

    def _var(self, key: object) -> int:
        return int(self.pool.id(key))

    def _answer(self, question: str, option: str) -> int:
        return self._var(("answer", question, option))

    def _answer_options(self, question_id: str) -> list[str]:
        """The propositional 'values' of a question: its options, number regions, or 'given'."""
        question = self.kb.question[question_id]
        if question.kind == "yes_no":
            return ["true", "false"]
        if question.kind in ("single", "multi"):
            return list(question.option_ids())
        if question.kind == "number":
            regions = self._number_regions.get(question_id)
            return [label for label, _ in regions] if regions else ["given"]
        return ["given"]

    def _collect_number_regions(self) -> dict[str, list[tuple[str, float]]]:
        """Split each number question's line at the thresholds conditions use, one sample each."""
        thresholds: dict[str, set[float]] = {}
        for _, condition in self.kb.conditions():
            for node in walk(condition):
                if isinstance(node, AnswerCompare):
                    thresholds.setdefault(node.question, set()).add(node.number)
        regions: dict[str, list[tuple[str, float]]] = {}
        for question, points in thresholds.items():
            ordered = sorted(points)
            samples = [ordered[0] - 1.0]
            for low, high in zip(ordered, [*ordered[1:], None], strict=True):
                samples.append(low)
                samples.append((low + high) / 2 if high is not None else low + 1.0)
            regions[question] = [(f"region{n}", s) for n, s in enumerate(samples)]
        return regions

    def _encode_context(self) -> None:
        for dimension, values in CONTEXT_DIMENSIONS.items():
            variables = [self._var(("context", dimension, v)) for v in values]
            self._exactly_one(variables)

    def _encode_dates(self) -> None:
        variables = [self._var(("date_from", when)) for when in self._dates]
        for earlier, later in pairwise(variables):
            self.clauses.append([-later, earlier])  # on or after a later date: after the earlier

    def _encode_answers(self) -> None:
        for question in self.kb.questions:
            variables = [self._answer(question.id, o) for o in self._answer_options(question.id)]
            if question.kind != "multi":
                self._at_most_one(variables)
            for option in question.options:
                if option.exclusive:
                    alone = self._answer(question.id, option.id)
                    self.clauses += [[-alone, -v] for v in variables if v != alone]

    def _encode_visibility(self) -> None:
        for question in self.kb.questions:
            section = self.kb.section[question.section]
            pack = self.kb.pack_of[question.id]
            shown = self._define_and(
                [
                    self.pack_applies[pack.meta.id],
                    self.literal(section.show_if),
                    self.literal(question.show_if),
                ]
            )
            visible = self.visible[question.id]
            self.clauses += [[-visible, shown], [visible, -shown]]
            for option in self._answer_options(question.id):
                self.clauses.append([-self._answer(question.id, option), visible])

    def _encode_facts(self) -> None:
        for score in self.kb.score.values():
            self._encode_score(score)
        for fact_id, variable in self.fact.items():
            if fact_id in self.kb.score_of_level:
                continue
            rules = self.kb.rules_for.get(fact_id, [])
            fired = self._define_or(
                [
                    self._define_and(
                        [self.pack_applies[self.kb.pack_of[r.id].meta.id], self.literal(r.when)]
                    )
                    for r in rules
                ]
            )
            self.clauses += [[-variable, fired], [variable, -fired]]

    def _encode_score(self, score: Score) -> None:
        """Each level fact holds exactly when the points fall in its range.

        Points become a unary count: a part worth w points is w copies of its literal (a negative
        part is a constant plus w copies of its negation), counted by a totalizer whose outputs
        mean "at least k" in both directions, so the solver can reason about thresholds exactly.
        """
        pack_applies = self.pack_applies[self.kb.pack_of[score.id].meta.id]
        constant = 0
        units: list[int] = []
        for part in score.parts:
            holds = self._define_and([pack_applies, self.literal(part.when)])
            if part.points >= 0:
                units += [holds] * part.points
            else:
                constant += part.points
                units += [-holds] * -part.points
        counts = self._unary_count(units) if units else []

        def at_least(points: int) -> int:
            needed = points - constant
            if needed <= 0:
                return self._true
            if needed > len(counts):
                return -self._true
            return counts[needed - 1]

        starts = [level.from_points for level in score.levels]
        for position, level in enumerate(score.levels):
            parts = []
            if position > 0:
                parts.append(at_least(starts[position]))
            if position + 1 < len(starts):
                parts.append(-at_least(starts[position + 1]))
            inside = self._define_and(parts) if parts else self._true
            variable = self.fact[level.fact]
            self.clauses += [[-variable, inside], [variable, -inside]]

    def _unary_count(self, units: list[int]) -> list[int]:
        """Literals out[k] that hold exactly when at least k + 1 of `units` hold."""
        if len(units) == 1:
            return [units[0]]
        middle = len(units) // 2
        left, right = self._unary_count(units[:middle]), self._unary_count(units[middle:])
        out = [self._fresh() for _ in range(len(units))]
        for i in range(len(left) + 1):
            for j in range(len(right) + 1):
                if i + j > 0:  # i from the left and j from the right: at least i + j
                    clause = [out[i + j - 1]]
                    clause += [-left[i - 1]] if i else []
                    clause += [-right[j - 1]] if j else []
                    self.clauses.append(clause)
                if i + j < len(units):  # at most i on the left and j on the right
                    clause = [-out[i + j]]
                    clause += [left[i]] if i < len(left) else []
                    clause += [right[j]] if j < len(right) else []
                    self.clauses.append(clause)
        return out

    def _fresh(self) -> int:
        self._fresh_count += 1
        return self._var(("fresh", self._fresh_count))

    def _at_most_one(self, variables: list[int]) -> None:
        if len(variables) < 2:
            return
        if len(variables) <= 6:
            self.clauses += [[-a, -b] for a, b in combinations(variables, 2)]
            return
        encoded = CardEnc.atmost(
            lits=variables, bound=1, vpool=self.pool, encoding=EncType.seqcounter
        )
        self.clauses += encoded.clauses

    def _exactly_one(self, variables: list[int]) -> None:
        self.clauses.append(list(variables))
        self._at_most_one(variables)


def _option_key(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
