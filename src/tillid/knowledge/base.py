"""A knowledge base: several packs joined, indexed, and checked for broken references and cycles.

The engine and the linter both read a `KnowledgeBase`. Building one fails with `PackError` when an
id is unknown or repeated or when facts and question visibility depend on each other in a cycle, so
the engine never meets content it cannot evaluate. Softer checks (translations, reachability,
exclusivity) are the linter's job.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from typing import Any

from tillid.knowledge.conditions import (
    AnswerCompare,
    AnswerIn,
    AnswerIncludes,
    Condition,
    referenced_facts,
    referenced_questions,
    walk,
)
from tillid.knowledge.loading import PackError, PackProblem
from tillid.knowledge.model import (
    ITEM_KINDS,
    Check,
    Classification,
    Fact,
    GlossaryTerm,
    LegalVersion,
    Measure,
    Obligation,
    Pack,
    Question,
    Rule,
    Score,
    Section,
)


@dataclass
class KnowledgeBase:
    packs: list[Pack]
    questions: list[Question] = field(default_factory=list)  # in the order they are asked
    question: dict[str, Question] = field(default_factory=dict)
    section: dict[str, Section] = field(default_factory=dict)
    fact: dict[str, Fact] = field(default_factory=dict)
    rule: dict[str, Rule] = field(default_factory=dict)
    rules_for: dict[str, list[Rule]] = field(default_factory=dict)
    classification: dict[str, Classification] = field(default_factory=dict)
    obligation: dict[str, Obligation] = field(default_factory=dict)
    measure: dict[str, Measure] = field(default_factory=dict)
    check: dict[str, Check] = field(default_factory=dict)
    score: dict[str, Score] = field(default_factory=dict)
    score_of_level: dict[str, Score] = field(default_factory=dict)  # level fact -> its score
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    legal_version: dict[str, LegalVersion] = field(default_factory=dict)
    pack_of: dict[str, Pack] = field(default_factory=dict)  # item id -> its pack

    @classmethod
    def build(cls, packs: Sequence[Pack]) -> KnowledgeBase:
        kb = cls(packs=_required_first(packs))
        problems = kb._index()
        problems += kb.reference_problems()
        if not problems:
            problems += kb.cycle_problems()
        if problems:
            raise PackError(problems)
        return kb

    def where(self, item_id: str) -> str:
        pack = self.pack_of.get(item_id)
        if pack is None:
            owners = [p for p in self.packs if p.meta.id == item_id]
            return f"{owners[0].meta.id}/pack.yaml" if owners else item_id
        return pack.source_lines.get(item_id, pack.meta.id)

    def pack(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.meta.id == pack_id:
                return pack
        raise KeyError(pack_id)

    def _index(self) -> list[PackProblem]:
        problems: list[PackProblem] = []
        seen_packs: set[str] = set()
        for pack in self.packs:
            if pack.meta.id in seen_packs:
                problems.append(PackProblem(pack.meta.id, "this pack is loaded twice"))
            seen_packs.add(pack.meta.id)
            for version in pack.meta.legal_versions:
                problems += self._add(pack, version.id, self.legal_version, version)
            for kind in ITEM_KINDS:
                target: dict[str, Any] = getattr(self, _INDEX_OF[kind])
                for item in getattr(pack, kind):
                    problems += self._add(pack, item.id, target, item)
            order = {s.id: n for n, s in enumerate(pack.sections)}
            self.questions += sorted(pack.questions, key=lambda q: order.get(q.section, len(order)))
        self.question = {q.id: q for q in self.questions}
        for rule in self.rule.values():
            self.rules_for.setdefault(rule.derives, []).append(rule)
        for score in self.score.values():
            for part in score.parts:
                problems += self._add(self.pack_of[score.id], part.id, {}, part)
            for level in score.levels:
                if level.fact in self.score_of_level or level.fact in self.rules_for:
                    problems.append(
                        PackProblem(
                            self.where(score.id),
                            f"fact {level.fact} is a level of {score.id} and so cannot also be "
                            "derived by a rule or another score",
                        )
                    )
                self.score_of_level[level.fact] = score
        return problems

    def _add(
        self, pack: Pack, item_id: str, target: dict[str, Any], item: object
    ) -> list[PackProblem]:
        problems = []
        namespace = pack.meta.namespace + "."
        where = pack.source_lines.get(item_id, pack.meta.id)
        if not item_id.startswith(namespace):
            problems.append(PackProblem(where, f'id "{item_id}" must start with "{namespace}"'))
        if item_id in self.pack_of:
            first = self.where(item_id)
            problems.append(PackProblem(where, f'id "{item_id}" is already used at {first}'))
        else:
            self.pack_of[item_id] = pack
        target[item_id] = item
        return problems

    def conditions(self) -> Iterator[tuple[str, Condition]]:
        """Every condition in the knowledge base with the id of the item that holds it."""
        for pack in self.packs:
            if pack.meta.applies_when is not None:
                yield pack.meta.id, pack.meta.applies_when
        for section in self.section.values():
            if section.show_if is not None:
                yield section.id, section.show_if
        for question in self.questions:
            if question.show_if is not None:
                yield question.id, question.show_if
        for rule in self.rule.values():
            yield rule.id, rule.when
        for obligation in self.obligation.values():
            yield obligation.id, obligation.applies_when
            for entry in obligation.applies_from:
                if entry.when is not None:
                    yield obligation.id, entry.when
        for check in self.check.values():
            yield check.id, check.when
        for score in self.score.values():
            for part in score.parts:
                yield score.id, part.when

    def reference_problems(self) -> list[PackProblem]:
        problems: list[PackProblem] = []

        def unknown(owner: str, what: str, ref: str, known: Mapping[str, object]) -> None:
            if ref not in known:
                hint = _closest(ref, known)
                problems.append(
                    PackProblem(self.where(owner), f'{what} "{ref}" does not exist{hint}')
                )

        for owner, condition in self.conditions():
            for ref in referenced_facts(condition):
                unknown(owner, "fact", ref, self.fact)
            for ref in referenced_questions(condition):
                unknown(owner, "question", ref, self.question)
            problems += self._answer_value_problems(owner, condition)
        for question in self.questions:
            unknown(question.id, "section", question.section, self.section)
            for term in question.glossary:
                unknown(question.id, "glossary term", term, self.glossary)
        for rule in self.rule.values():
            unknown(rule.id, "fact", rule.derives, self.fact)
        for classification in self.classification.values():
            for value in classification.values:
                unknown(classification.id, "fact", value.fact, self.fact)
        for obligation in self.obligation.values():
            for ref in obligation.measures:
                unknown(obligation.id, "measure", ref, self.measure)
            for entry in obligation.applies_from:
                unknown(obligation.id, "legal version", entry.legal_version, self.legal_version)
            if obligation.audience:
                unknown(obligation.id, "glossary term", obligation.audience, self.glossary)
        for measure in self.measure.values():
            if measure.competence:
                unknown(measure.id, "glossary term", measure.competence.area, self.glossary)
        for check in self.check.values():
            for ref in check.questions:
                unknown(check.id, "question", ref, self.question)
        for score in self.score.values():
            for level in score.levels:
                unknown(score.id, "fact", level.fact, self.fact)
        for pack in self.packs:
            for group in pack.meta.exclusive:
                for ref in group:
                    unknown(pack.meta.id, "fact", ref, self.fact)
            loaded = {p.meta.id for p in self.packs}
            for required in pack.meta.requires:
                if required not in loaded:
                    problems.append(
                        PackProblem(pack.meta.id, f'requires pack "{required}", not loaded')
                    )
        return problems

    def _answer_value_problems(self, owner: str, condition: Condition) -> list[PackProblem]:
        """Conditions must compare answers with values the question can actually have."""
        problems = []
        for node in walk(condition):
            if not isinstance(node, AnswerIn | AnswerIncludes | AnswerCompare):
                continue
            question = self.question.get(node.question)
            if question is None:
                continue
            message = _value_mismatch(question, node)
            if message:
                problems.append(PackProblem(self.where(owner), message))
        return problems

    def dependency_graph(self) -> dict[str, set[str]]:
        """What each fact and each question's visibility depends on ('q:' and 'f:' prefixed)."""
        graph: dict[str, set[str]] = {}
        for question in self.questions:
            deps: set[str] = set()
            section = self.section.get(question.section)
            for condition in (question.show_if, section.show_if if section else None):
                if condition is not None:
                    deps |= _dependencies(condition)
            graph[f"q:{question.id}"] = deps
        for fact_id in self.fact:
            deps = set()
            for rule in self.rules_for.get(fact_id, []):
                deps |= _dependencies(rule.when)
            score = self.score_of_level.get(fact_id)
            for part in score.parts if score else []:
                deps |= _dependencies(part.when)
            graph[f"f:{fact_id}"] = deps
        return graph

    def fact_order(self) -> list[str]:
        """Facts in an order where every fact comes after the facts it depends on."""
        order = TopologicalSorter(self.dependency_graph()).static_order()
        return [node[2:] for node in order if node.startswith("f:")]

    def cycle_problems(self) -> list[PackProblem]:
        try:
            self.fact_order()
        except CycleError as error:
            cycle = [node[2:] for node in error.args[1]]
            return [
                PackProblem(
                    self.where(cycle[0]),
                    "these depend on each other in a circle: " + " -> ".join(cycle),
                )
            ]
        return []

    def legal_version_in_force(self, pack: Pack, as_of: dt.date) -> LegalVersion:
        """The newest legal version of the pack that is in force on `as_of` (else the oldest)."""
        versions = sorted(pack.meta.legal_versions, key=lambda v: v.in_force_from)
        in_force = [v for v in versions if v.in_force_from <= as_of]
        return in_force[-1] if in_force else versions[0]


def _required_first(packs: Sequence[Pack]) -> list[Pack]:
    """Packs ordered so that each comes after the packs it requires (otherwise as given), so the
    questionnaire asks the questions other packs build on first."""
    by_id = {pack.meta.id: pack for pack in packs}
    ordered: list[Pack] = []
    visiting: set[str] = set()

    def place(pack: Pack) -> None:
        if pack in ordered or pack.meta.id in visiting:
            return  # a cycle of requires is reported by reference_problems, not here
        visiting.add(pack.meta.id)
        for required in pack.meta.requires:
            if required in by_id:
                place(by_id[required])
        visiting.discard(pack.meta.id)
        ordered.append(pack)

    for pack in packs:
        place(pack)
    return ordered


_INDEX_OF = {
    "sections": "section",
    "questions": "question",
    "facts": "fact",
    "rules": "rule",
    "classifications": "classification",
    "obligations": "obligation",
    "measures": "measure",
    "checks": "check",
    "scores": "score",
    "glossary": "glossary",
}


def _dependencies(condition: Condition) -> set[str]:
    # An answer condition depends on the question being visible, hence on the question node.
    return {f"q:{q}" for q in referenced_questions(condition)} | {
        f"f:{f}" for f in referenced_facts(condition)
    }


def _value_mismatch(question: Question, node: AnswerIn | AnswerIncludes | AnswerCompare) -> str:
    kind = question.kind
    if isinstance(node, AnswerCompare):
        return "" if kind == "number" else f'"{node.op}" used on {kind} question {question.id}'
    if isinstance(node, AnswerIncludes):
        if kind != "multi":
            return f'"includes" used on {kind} question {question.id}; use "is" or "in"'
        values: tuple[object, ...] = node.values
    elif kind == "yes_no":
        bad = [v for v in node.values if not isinstance(v, bool)]
        return (
            f"yes/no question {question.id} compared with {bad}; use true or false" if bad else ""
        )
    elif kind == "single":
        values = node.values
    elif kind == "multi":
        return f'"is"/"in" used on multi-choice question {question.id}; use "includes"'
    else:
        return f"{kind} question {question.id} can only be tested with answered"
    options = question.option_ids()
    bad = [str(v) for v in values if v not in options]
    if bad:
        return f"question {question.id} has no option {bad}; options are: {', '.join(options)}"
    return ""


def _closest(ref: str, known: Mapping[str, object]) -> str:
    match = difflib.get_close_matches(ref, list(known), n=1)
    return f' (did you mean "{match[0]}"?)' if match else ""
