"""The assessment engine: answers + context + knowledge -> visible questions and a result as of a date.

Pure and deterministic: no I/O, no clock (the date is an argument). Logic is three-valued: a
condition is true, false, or unknown while questions it depends on are open. A question that is not
shown counts as not answered "yes" to anything, so answers to hidden questions never leak into
conclusions (they are reported as inconsistencies instead).

Conditions are compiled once per knowledge base into closures; one evaluation of the EU AI Act pack
takes well under a millisecond (see bench/engine_bench.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tillid.assessment.answers import NormalisedAnswer, normalise_answer
from tillid.assessment.result import (
    ClassificationResult,
    FactResult,
    Inconsistency,
    MeasureResult,
    ObligationResult,
    ObligationStatus,
    PackUsed,
    Result,
    ScorePartResult,
    ScoreResult,
    Summary,
    Trace,
    Truth,
)
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
)
from tillid.knowledge.context import Context
from tillid.knowledge.model import Obligation, Pack, Rule

Tri = bool | None  # three-valued truth: None is unknown
Compiled = Callable[["_State"], Tri]
_MISSING = object()


def _always_true(state: _State) -> Tri:
    return True


class _State:
    """Memoised truth values for one evaluation."""

    __slots__ = (
        "answers",
        "as_of",
        "context",
        "engine",
        "fact_memo",
        "score_memo",
        "visible_memo",
    )

    def __init__(
        self, engine: Engine, context: Context, answers: dict[str, NormalisedAnswer], as_of: dt.date
    ) -> None:
        self.engine = engine
        self.context = context
        self.answers = answers
        self.as_of = as_of
        self.visible_memo: dict[str, Tri] = {}
        self.fact_memo: dict[str, Tri] = {}
        self.score_memo: dict[str, tuple[int, int]] = {}

    def visible(self, question_id: str) -> Tri:
        try:
            return self.visible_memo[question_id]
        except KeyError:
            value = self.engine.visibility[question_id](self)
            self.visible_memo[question_id] = value
            return value

    def fact(self, fact_id: str) -> Tri:
        try:
            return self.fact_memo[fact_id]
        except KeyError:
            value = self.engine.fact_value[fact_id](self)
            self.fact_memo[fact_id] = value
            return value


def _kleene_all(parts: list[Compiled]) -> Compiled:
    def holds(state: _State) -> Tri:
        unknown = False
        for part in parts:
            value = part(state)
            if value is False:
                return False
            if value is None:
                unknown = True
        return None if unknown else True

    return holds


def _kleene_any(parts: list[Compiled]) -> Compiled:
    def holds(state: _State) -> Tri:
        unknown = False
        for part in parts:
            value = part(state)
            if value is True:
                return True
            if value is None:
                unknown = True
        return None if unknown else False

    return holds


def _answer_test(question_id: str, test: Callable[[Any], bool]) -> Compiled:
    def holds(state: _State) -> Tri:
        visible = state.visible(question_id)
        if visible is False:
            return False
        answer = state.answers.get(question_id, _MISSING)
        if answer is _MISSING:
            return None
        result = test(answer)
        if visible is None:
            return None if result else False
        return result

    return holds


class Engine:
    """A knowledge base with its conditions compiled. Create once, evaluate many times."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._compiled: dict[Condition, Compiled] = {}
        self._by_identity: dict[int, Compiled] = {}
        self._keep_alive: list[Condition] = []  # so that ids in _by_identity are never reused
        self.pack_applies: dict[str, Compiled] = {
            pack.meta.id: self.compile(pack.meta.applies_when) for pack in kb.packs
        }
        self.visibility: dict[str, Compiled] = {
            q.id: self._compile_visibility(q.id) for q in kb.questions
        }
        self.rule_value: dict[str, Compiled] = {
            rule.id: _kleene_all(
                [self.pack_applies[kb.pack_of[rule.id].meta.id], self.compile(rule.when)]
            )
            for rule in kb.rule.values()
        }
        self.score_parts: dict[str, list[tuple[str, Compiled, int]]] = {
            score.id: [
                (
                    part.id,
                    _kleene_all(
                        [self.pack_applies[kb.pack_of[score.id].meta.id], self.compile(part.when)]
                    ),
                    part.points,
                )
                for part in score.parts
            ]
            for score in kb.score.values()
        }
        self.fact_value: dict[str, Compiled] = {
            fact_id: self._score_level(fact_id)
            if fact_id in kb.score_of_level
            else _kleene_any([self.rule_value[r.id] for r in kb.rules_for.get(fact_id, [])])
            for fact_id in kb.fact
        }
        self.fact_order = kb.fact_order()
        self._versions = {
            pack.meta.id: sorted(pack.meta.legal_versions, key=lambda v: v.in_force_from)
            for pack in kb.packs
        }
        self._in_force_cache: dict[tuple[str, dt.date], str] = {}
        self._obligation_plans = [self._plan(o) for o in kb.obligation.values()]
        self._checks = [(check, self.compile(check.when)) for check in kb.check.values()]

    # -- compilation ---------------------------------------------------------------------------

    def compile(self, condition: Condition | None) -> Compiled:
        if condition is None:
            return _always_true
        # Look up by identity first: hashing a deep frozen condition tree costs more than it saves.
        compiled = self._by_identity.get(id(condition))
        if compiled is None:
            compiled = self._compiled.get(condition)
            if compiled is None:
                compiled = self._compile(condition)
                self._compiled[condition] = compiled
            self._by_identity[id(condition)] = compiled
            self._keep_alive.append(condition)
        return compiled

    def _compile(self, condition: Condition) -> Compiled:
        match condition:
            case All(items):
                return _kleene_all([self.compile(c) for c in items])
            case AnyOf(items):
                return _kleene_any([self.compile(c) for c in items])
            case AtLeast(count, items):
                parts = [self.compile(c) for c in items]

                def enough(state: _State) -> Tri:
                    true = unknown = 0
                    for part in parts:
                        value = part(state)
                        if value is True:
                            true += 1
                        elif value is None:
                            unknown += 1
                    if true >= count:
                        return True
                    return False if true + unknown < count else None

                return enough
            case Shown(question):
                return lambda state: state.visible(question)
            case Not(item):
                inner = self.compile(item)

                def negated(state: _State) -> Tri:
                    value = inner(state)
                    return None if value is None else not value

                return negated
            case AnswerIn(question, values):
                allowed = frozenset(values)
                return _answer_test(question, lambda answer: answer in allowed)
            case AnswerIncludes(question, values):
                wanted = frozenset(values)
                return _answer_test(question, lambda answer: not wanted.isdisjoint(answer))
            case Answered(question):
                return _answer_test(question, lambda answer: True)
            case AnswerCompare(question, op, number):
                return _answer_test(question, _COMPARISONS[op](number))
            case FactHolds(fact):
                return lambda state: state.fact(fact)
            case ContextIn(dimension, values):
                allowed_values = frozenset(values)

                def in_context(state: _State) -> Tri:
                    value = getattr(state.context, dimension)
                    return None if value is None else value in allowed_values

                return in_context
            case DateFrom(when):
                return lambda state: state.as_of >= when
            case Always(value):
                return lambda state: value
        raise TypeError(f"not a condition: {condition!r}")

    def score_range(self, score_id: str, state: _State) -> tuple[int, int]:
        """The lowest and highest points the score can reach given what is known so far."""
        found = state.score_memo.get(score_id)
        if found is None:
            low = high = 0
            for _, holds, points in self.score_parts[score_id]:
                value = holds(state)
                if value is True:
                    low, high = low + points, high + points
                elif value is None:
                    low, high = (low, high + points) if points > 0 else (low + points, high)
            found = (low, high)
            state.score_memo[score_id] = found
        return found

    def _score_level(self, fact_id: str) -> Compiled:
        score = self.kb.score_of_level[fact_id]
        starts = [level.from_points for level in score.levels]
        position = [level.fact for level in score.levels].index(fact_id)
        # The lowest level also takes scores below its start, the highest everything above.
        bottom = starts[position] if position > 0 else -(10**9)
        top = starts[position + 1] if position + 1 < len(starts) else 10**9

        def holds(state: _State) -> Tri:
            low, high = self.score_range(score.id, state)
            if high < bottom or low >= top:
                return False
            if low >= bottom and high < top:
                return True
            return None

        return holds

    def _compile_visibility(self, question_id: str) -> Compiled:
        question = self.kb.question[question_id]
        section = self.kb.section[question.section]
        pack = self.kb.pack_of[question_id]
        return _kleene_all(
            [
                self.pack_applies[pack.meta.id],
                self.compile(section.show_if),
                self.compile(question.show_if),
            ]
        )

    # -- evaluation ----------------------------------------------------------------------------

    def normalise(
        self, answers: Mapping[str, Any]
    ) -> tuple[dict[str, NormalisedAnswer], list[Inconsistency]]:
        normalised: dict[str, NormalisedAnswer] = {}
        problems: list[Inconsistency] = []
        for question_id, value in answers.items():
            question = self.kb.question.get(question_id)
            if question is None:
                problems.append(
                    Inconsistency(
                        kind="unknown_question",
                        item=question_id,
                        message=f"No question {question_id} in the loaded packs; the answer is ignored.",
                    )
                )
                continue
            if value is None:
                continue
            try:
                normalised[question_id] = normalise_answer(question, value)
            except ValueError as error:
                problems.append(
                    Inconsistency(
                        kind="invalid_answer",
                        item=question_id,
                        message=f"Question {question_id} {error}; the answer is ignored.",
                        questions=[question_id],
                    )
                )
        return normalised, problems

    def visible_questions(
        self, context: Context, answers: Mapping[str, Any], as_of: dt.date
    ) -> list[str]:
        """Ids of the questions to show, in order. Questions whose relevance is open are left out."""
        normalised, _ = self.normalise(answers)
        state = _State(self, context, normalised, as_of)
        return [q.id for q in self.kb.questions if state.visible(q.id) is True]

    def summarise(self, context: Context, answers: Mapping[str, Any], as_of: dt.date) -> Summary:
        """The outcome only, without traces: what re-evaluating many stored answer sets needs."""
        normalised, problems = self.normalise(answers)
        state = _State(self, context, normalised, as_of)
        visible = [q.id for q in self.kb.questions if state.visible(q.id) is True]
        return Summary(
            classifications={
                c.id: tuple(v.id for v in c.values if state.fact(v.fact) is True)
                for c in self.kb.classification.values()
            },
            obligations={
                plan.obligation.id: self._status(plan, state)[1:3]
                if plan.applies(state) is not False
                else _NOT_APPLICABLE
                for plan in self._obligation_plans
            },
            visible=frozenset(visible),
            open_questions=tuple(q for q in visible if q not in normalised),
            unknown_answers=frozenset(p.item for p in problems if p.kind == "unknown_question"),
        )

    def evaluate(
        self,
        context: Context,
        answers: Mapping[str, Any],
        as_of: dt.date,
        skipped: frozenset[str] = frozenset(),
        with_trace: bool = True,
    ) -> Result:
        normalised, inconsistencies = self.normalise(answers)
        state = _State(self, context, normalised, as_of)
        visible = [q.id for q in self.kb.questions if state.visible(q.id) is True]
        open_questions = [q for q in visible if q not in normalised]
        inconsistencies += self._hidden_answers(state)
        inconsistencies += self._contradictions(state)
        explainer = _Explainer(self, state) if with_trace else None
        facts = {
            fact_id: FactResult(
                id=fact_id,
                value=_truth(state.fact(fact_id)),
                trace=explainer.fact(fact_id) if explainer else _EMPTY_TRACE,
            )
            for fact_id in self.fact_order
        }
        obligations = [self._obligation(plan, state, explainer) for plan in self._obligation_plans]
        return Result(
            as_of=as_of,
            context=context,
            packs=[self._pack_used(pack, state) for pack in self.kb.packs],
            classifications=self._classifications(state, explainer),
            scores=self._scores(state),
            obligations=obligations,
            measures=self._measures(obligations, context),
            facts=facts,
            visible_questions=visible,
            open_questions=open_questions,
            next_question=next((q for q in open_questions if q not in skipped), None),
            answered=sum(1 for q in visible if q in normalised),
            inconsistencies=inconsistencies,
            complete=not open_questions,
        )

    def _pack_used(self, pack: Pack, state: _State) -> PackUsed:
        return PackUsed(
            id=pack.meta.id,
            version=pack.meta.version,
            applies=self.pack_applies[pack.meta.id](state),
            legal_version=self._in_force(pack.meta.id, state.as_of),
        )

    def _hidden_answers(self, state: _State) -> list[Inconsistency]:
        return [
            Inconsistency(
                kind="hidden_question",
                item=question_id,
                message=(
                    f"Question {question_id} was answered but does not apply given the other "
                    "answers; its answer is not used."
                ),
                questions=[question_id],
            )
            for question_id in state.answers
            if state.visible(question_id) is False
        ]

    def _contradictions(self, state: _State) -> list[Inconsistency]:
        found = []
        for check, when in self._checks:
            if when(state) is True:
                found.append(
                    Inconsistency(
                        kind=check.severity,
                        item=check.id,
                        message=check.message.get("en"),
                        questions=list(check.questions),
                    )
                )
        return found

    def _scores(self, state: _State) -> list[ScoreResult]:
        results = []
        for score in self.kb.score.values():
            low, high = self.score_range(score.id, state)
            level = next((lv.fact for lv in score.levels if state.fact(lv.fact) is True), None)
            parts = [
                ScorePartResult(id=part_id, value=_truth(holds(state)), points=points)
                for part_id, holds, points in self.score_parts[score.id]
            ]
            results.append(ScoreResult(score.id, low, high, level, parts))
        return results

    def _classifications(
        self, state: _State, explainer: _Explainer | None
    ) -> list[ClassificationResult]:
        results = []
        for classification in self.kb.classification.values():
            holding = [v for v in classification.values if state.fact(v.fact) is True]
            possible = [v for v in classification.values if state.fact(v.fact) is None]
            determined = not possible or (classification.exclusive and bool(holding))
            trace = _EMPTY_TRACE
            if explainer is not None:
                trace = explainer.merge([explainer.fact(v.fact) for v in holding + possible])
            results.append(
                ClassificationResult(
                    id=classification.id,
                    values=[v.id for v in holding],
                    possible=[] if determined else [v.id for v in possible],
                    determined=determined,
                    trace=trace,
                )
            )
        return results

    def _plan(self, obligation: Obligation) -> _ObligationPlan:
        pack_id = self.kb.pack_of[obligation.id].meta.id
        applies = _kleene_all([self.pack_applies[pack_id], self.compile(obligation.applies_when)])
        by_version = [
            (
                version.id,
                [
                    (entry.date, self.compile(entry.when), position)
                    for position, entry in enumerate(obligation.applies_from)
                    if entry.legal_version == version.id
                ],
            )
            for version in self._versions[pack_id]
        ]
        return _ObligationPlan(obligation, pack_id, applies, by_version)

    def _in_force(self, pack_id: str, as_of: dt.date) -> str:
        key = (pack_id, as_of)
        found = self._in_force_cache.get(key)
        if found is None:
            versions = self._versions[pack_id]
            in_force = [v for v in versions if v.in_force_from <= as_of]
            found = (in_force[-1] if in_force else versions[0]).id
            self._in_force_cache[key] = found
        return found

    def _status(
        self, plan: _ObligationPlan, state: _State, explainer: _Explainer | None = None
    ) -> tuple[Tri, ObligationStatus, dt.date | None, str, dict[str, dt.date]]:
        if explainer is None:
            applies = plan.applies(state)
        else:  # the explainer remembers every node's value, so the trace reuses this evaluation
            pack_applies = self.pack_applies[plan.pack_id](state)
            applies = _and(pack_applies, explainer.value(plan.obligation.applies_when))
        in_force = self._in_force(plan.pack_id, state.as_of)
        dates = self._dates_by_version(plan, state)
        start = dates.get(in_force)
        status: ObligationStatus
        if applies is False:
            status = "not_applicable"
        elif applies is None:
            status = "undetermined"
        elif start is None or start <= state.as_of:
            status = "applies_now"
        else:
            status = "applies_from"
        return applies, status, start if applies is not False else None, in_force, dates

    def _obligation(
        self, plan: _ObligationPlan, state: _State, explainer: _Explainer | None
    ) -> ObligationResult:
        obligation = plan.obligation
        applies, status, start, in_force, dates = self._status(plan, state, explainer)
        trace = _EMPTY_TRACE
        if explainer is not None:
            trace = explainer.condition(obligation.applies_when, applies, obligation.citations)
        entry = self._entries(plan, state).get(in_force)
        return ObligationResult(
            id=obligation.id,
            pack=plan.pack_id,
            role=obligation.role,
            status=status,
            applies_from=start,
            legal_version=in_force,
            dates_by_version=dates,
            date_entry=entry[1] if entry is not None and applies is not False else None,
            measures=list(obligation.measures),
            trace=trace,
        )

    @staticmethod
    def _dates_by_version(plan: _ObligationPlan, state: _State) -> dict[str, dt.date]:
        return {version: date for version, (date, _) in Engine._entries(plan, state).items()}

    @staticmethod
    def _entries(plan: _ObligationPlan, state: _State) -> dict[str, tuple[dt.date, int]]:
        """For each legal version: the first `applies_from` entry that holds (date, position),
        else the entry the version before used."""
        chosen: dict[str, tuple[dt.date, int]] = {}
        previous: tuple[dt.date, int] | None = None
        for version_id, entries in plan.by_version:
            found = previous
            for date, when, position in entries:
                if when(state) is True:
                    found = (date, position)
                    break
            if found is not None:
                chosen[version_id] = found
                previous = found
        return chosen

    def _measures(
        self, obligations: list[ObligationResult], context: Context
    ) -> list[MeasureResult]:
        needed: dict[str, list[ObligationResult]] = {}
        for obligation in obligations:
            if obligation.status in ("applies_now", "applies_from"):
                for measure_id in obligation.measures:
                    needed.setdefault(measure_id, []).append(obligation)
        results = []
        for measure_id, sources in needed.items():
            measure = self.kb.measure[measure_id]
            dates = [o.applies_from for o in sources if o.applies_from is not None]
            phase = context.lifecycle_phase
            results.append(
                MeasureResult(
                    id=measure_id,
                    obligations=[o.id for o in sources],
                    due=min(dates) if dates else None,
                    phases=list(measure.phases),
                    in_current_phase=None if phase is None else phase in measure.phases,
                )
            )
        return sorted(results, key=lambda m: (m.due or dt.date.max, m.id))


@dataclass(frozen=True, slots=True)
class _ObligationPlan:
    """An obligation with its conditions compiled, so evaluation never looks them up."""

    obligation: Obligation
    pack_id: str
    applies: Compiled
    by_version: list[tuple[str, list[tuple[dt.date, Compiled, int]]]]


_EMPTY_TRACE = Trace()
_NOT_APPLICABLE: tuple[ObligationStatus, dt.date | None] = ("not_applicable", None)

_COMPARISONS: dict[str, Callable[[float], Callable[[Any], bool]]] = {
    "gte": lambda n: lambda a: a >= n,
    "gt": lambda n: lambda a: a > n,
    "lte": lambda n: lambda a: a <= n,
    "lt": lambda n: lambda a: a < n,
}


def _and(first: Tri, second: Tri) -> Tri:
    if first is False or second is False:
        return False
    if first is None or second is None:
        return None
    return True


def _truth(value: Tri) -> Truth:
    return "unknown" if value is None else "true" if value else "false"


class _Explainer:
    """Builds traces: the answers, facts, context and dates that decided a condition's value."""

    def __init__(self, engine: Engine, state: _State) -> None:
        self.engine = engine
        self.state = state
        self._fact_traces: dict[str, Trace] = {}
        self._values: dict[int, Tri] = {}
        self._leaves = engine._by_identity

    def rule_value(self, rule: Rule) -> Tri:
        pack_id = self.engine.kb.pack_of[rule.id].meta.id
        return _and(self.engine.pack_applies[pack_id](self.state), self.value(rule.when))

    def value(self, condition: Condition) -> Tri:
        """The condition's value, each node evaluated once however often explanations ask."""
        key = id(condition)
        result = self._values.get(key, _MISSING)
        if result is not _MISSING:
            return result  # type: ignore[return-value]
        kind = type(condition)
        if kind is All or kind is AnyOf:
            decisive = kind is AnyOf  # the value that settles it: any true / all false
            unknown = False
            result = not decisive
            for part in condition.items:  # type: ignore[union-attr]
                part_value = self.value(part)
                if part_value is decisive:
                    result = decisive
                    break
                if part_value is None:
                    unknown = True
            else:
                if unknown:
                    result = None
        elif kind is Not:
            inner = self.value(condition.item)  # type: ignore[union-attr]
            result = None if inner is None else not inner
        else:
            leaf = self._leaves.get(key) or self.engine.compile(condition)
            result = leaf(self.state)
        self._values[key] = result
        return result

    def fact(self, fact_id: str) -> Trace:
        cached = self._fact_traces.get(fact_id)
        if cached is not None:
            return cached
        value = self.state.fact(fact_id)
        collected = _Collected()
        score = self.engine.kb.score_of_level.get(fact_id)
        for part in score.parts if score else []:
            # A level rests on the parts that count (and waits on those still open).
            part_value = self.value(part.when)
            if part_value is not False:
                collected.citations.update(dict.fromkeys(part.citations))
                self._collect(part.when, part_value, collected)
        for rule in self.engine.kb.rules_for.get(fact_id, []):
            rule_value = self.rule_value(rule)
            # A true fact is explained by the rules that fired; a false or open one by all its rules.
            if value is True and rule_value is not True:
                continue
            if value is True or rule_value == value:
                collected.rules[rule.id] = None
                collected.citations.update(dict.fromkeys(rule.citations))
                self._collect(rule.when, rule_value, collected)
        trace = collected.trace()
        self._fact_traces[fact_id] = trace
        return trace

    def condition(self, condition: Condition, value: Tri, citations: list[str]) -> Trace:
        collected = _Collected()
        collected.citations.update(dict.fromkeys(citations))
        self._collect(condition, value, collected)
        return collected.trace()

    def merge(self, traces: list[Trace]) -> Trace:
        collected = _Collected()
        for trace in traces:
            collected.absorb(trace)
        return collected.trace()

    def _collect(self, condition: Condition, value: Tri, into: _Collected) -> None:
        kind = type(condition)
        if kind is All or kind is AnyOf:
            # An all-false or any-true is decided by its first such part; an all-true or
            # any-false needs every part; an unknown one waits on its unknown parts.
            items: tuple[Condition, ...] = condition.items  # type: ignore[union-attr]
            if value is None:
                for part in items:
                    if self.value(part) is None:
                        self._collect(part, None, into)
            elif value is (kind is AnyOf):
                for part in items:
                    if self.value(part) is value:
                        self._collect(part, value, into)
                        break
            else:
                for part in items:
                    self._collect(part, value, into)
        elif kind is AtLeast:
            # Explained by the parts that agree with the outcome (or are still open).
            for part in condition.items:  # type: ignore[union-attr]
                part_value = self.value(part)
                if part_value is value:
                    self._collect(part, part_value, into)
        elif kind is Shown:
            question: str = condition.question  # type: ignore[union-attr]
            shown = self.engine.kb.question[question]
            section = self.engine.kb.section[shown.section]
            for rule in (shown.show_if, section.show_if):
                if rule is not None:
                    self._collect(rule, self.value(rule), into)
        elif kind is Not:
            inner: Condition = condition.item  # type: ignore[union-attr]
            self._collect(inner, None if value is None else not value, into)
        elif kind is FactHolds:
            fact: str = condition.fact  # type: ignore[union-attr]
            into.facts[fact] = None
            if value is None:
                into.unanswered.update(dict.fromkeys(self.fact(fact).unanswered))
        elif kind is ContextIn:
            dimension: str = condition.dimension  # type: ignore[union-attr]
            into.context[dimension] = getattr(self.state.context, dimension)
        elif kind is DateFrom:
            into.dates[condition.date] = None  # type: ignore[union-attr]
        elif kind is not Always:
            self._collect_answer(condition.question, value, into)  # type: ignore[union-attr]

    def _collect_answer(self, question_id: str, value: Tri, into: _Collected) -> None:
        state = self.state
        visible = state.visible(question_id)
        answer = state.answers.get(question_id)
        if visible is True and answer is not None:
            into.answers[question_id] = _plain(answer)
        elif visible is False:
            into.answers[question_id] = None
        elif value is None:
            into.unanswered[question_id] = None


class _Collected:
    """What a trace is being built from; dicts with None values keep first-seen order unique."""

    __slots__ = ("answers", "citations", "context", "dates", "facts", "rules", "unanswered")

    def __init__(self) -> None:
        self.rules: dict[str, None] = {}
        self.answers: dict[str, Any] = {}
        self.facts: dict[str, None] = {}
        self.context: dict[str, str | None] = {}
        self.dates: dict[dt.date, None] = {}
        self.citations: dict[str, None] = {}
        self.unanswered: dict[str, None] = {}

    def absorb(self, trace: Trace) -> None:
        self.rules.update(dict.fromkeys(trace.rules))
        self.answers.update(trace.answers)
        self.facts.update(dict.fromkeys(trace.facts))
        self.context.update(trace.context)
        self.dates.update(dict.fromkeys(trace.dates))
        self.citations.update(dict.fromkeys(trace.citations))
        self.unanswered.update(dict.fromkeys(trace.unanswered))

    def trace(self) -> Trace:
        return Trace(
            rules=list(self.rules),
            answers=self.answers,
            facts=list(self.facts),
            context=self.context,
            dates=sorted(self.dates) if self.dates else [],
            citations=list(self.citations),
            unanswered=list(self.unanswered),
        )


def _plain(answer: NormalisedAnswer) -> Any:
    if isinstance(answer, frozenset):
        return sorted(answer)
    return answer


def engine_for(kb: KnowledgeBase) -> Engine:
    """The compiled engine of a knowledge base, created on first use and kept with it."""
    engine: Engine | None = getattr(kb, "_engine", None)
    if engine is None:
        engine = Engine(kb)
        object.__setattr__(kb, "_engine", engine)
    return engine


def evaluate(
    kb: KnowledgeBase,
    context: Context,
    answers: Mapping[str, Any],
    as_of: dt.date,
    skipped: frozenset[str] = frozenset(),
) -> Result:
    """The result of an assessment as of a date. Same inputs, same result."""
    return engine_for(kb).evaluate(context, answers, as_of, skipped)


def visible_questions(
    kb: KnowledgeBase, context: Context, answers: Mapping[str, Any], as_of: dt.date
) -> list[str]:
    return engine_for(kb).visible_questions(context, answers, as_of)
