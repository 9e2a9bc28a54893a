"""The content linter behind `tillid content check`.

It reads packs, reports schema errors with file and line, then proves properties of the content by
SAT analysis (see `logic.py`): every question can be shown, every fact, obligation and classification
value can be derived, and declared-exclusive outcomes can never hold together. When a proof fails the
finding shows an example context and answer set, so an author sees the case to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import ACTS, split_key
from tillid.knowledge.conditions import referenced_questions
from tillid.knowledge.loading import PackError, load_builtin_packs, load_packs
from tillid.knowledge.logic import Logic
from tillid.knowledge.model import Pack, Text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


@dataclass
class LintReport:
    findings: list[Finding]
    packs: list[str]
    counts: dict[str, int]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def lint_folders(folders: Sequence[Path] | None = None) -> LintReport:
    """Lint the given pack folders, or the built-in packs when none are given."""
    try:
        packs = load_packs(folders) if folders else load_builtin_packs()
    except PackError as error:
        return LintReport([Finding("error", p.where, p.message) for p in error.problems], [], {})
    return lint_packs(packs)


def lint_packs(packs: Sequence[Pack]) -> LintReport:
    names = [f"{p.meta.id} {p.meta.version}" for p in packs]
    try:
        kb = KnowledgeBase.build(packs)
    except PackError as error:
        return LintReport([Finding("error", p.where, p.message) for p in error.problems], names, {})
    findings = list(_translation_findings(kb))
    findings += _citation_findings(kb)
    findings += _order_findings(kb)
    findings += _usage_findings(kb)
    findings += _logic_findings(kb)
    counts = {
        "questions": len(kb.questions),
        "facts": len(kb.fact),
        "rules": len(kb.rule),
        "obligations": len(kb.obligation),
        "measures": len(kb.measure),
        "glossary": len(kb.glossary),
    }
    return LintReport(findings, names, counts)


def _texts(value: Any, path: str) -> Iterator[tuple[str, Text]]:
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _texts(item, f"{path}[{position}]")


def _translation_findings(kb: KnowledgeBase) -> Iterator[Finding]:
    for pack in kb.packs:
        for path, text in _texts(pack.meta, ""):
            for language in text.missing():
                yield Finding("error", pack.meta.id, f"{path} has no {language} text")
        for kind in (
            "sections",
            "questions",
            "facts",
            "rules",
            "classifications",
            "obligations",
            "measures",
            "checks",
            "scores",
            "glossary",
        ):
            for item in getattr(pack, kind):
                for path, text in _texts(item, ""):
                    for language in text.missing():
                        yield Finding(
                            "error", kb.where(item.id), f"{item.id}: {path} has no {language} text"
                        )


def _citation_findings(kb: KnowledgeBase) -> Iterator[Finding]:
    for item_id, citations in _all_citations(kb):
        for key in citations:
            prefix, _ = split_key(key)
            if prefix not in ACTS:
                yield Finding(
                    "error",
                    kb.where(item_id),
                    f'{item_id} cites "{key}": unknown act "{prefix}". Known: {", ".join(ACTS)}',
                )


def _all_citations(kb: KnowledgeBase) -> Iterator[tuple[str, list[str]]]:
    for question in kb.questions:
        yield question.id, question.citations
        for option in question.options:
            yield question.id, option.citations
    for rule in kb.rule.values():
        yield rule.id, rule.citations
    for obligation in kb.obligation.values():
        yield obligation.id, obligation.citations
    for term in kb.glossary.values():
        yield term.id, term.citations
    for score in kb.score.values():
        for part in score.parts:
            yield score.id, part.citations


def _order_findings(kb: KnowledgeBase) -> Iterator[Finding]:
    """A question may only depend on answers to questions asked before it."""
    position = {q.id: n for n, q in enumerate(kb.questions)}
    for question in kb.questions:
        section = kb.section[question.section]
        needed: set[str] = set()
        for condition in (question.show_if, section.show_if):
            if condition is not None:
                needed |= referenced_questions(condition)
        later = sorted(q for q in needed if position[q] >= position[question.id])
        if later:
            yield Finding(
                "error",
                kb.where(question.id),
                f"{question.id} is shown depending on {', '.join(later)}, which is asked later; "
                "move it after them",
            )


def _usage_findings(kb: KnowledgeBase) -> Iterator[Finding]:
    used_measures = {m for o in kb.obligation.values() for m in o.measures}
    for measure_id in kb.measure:
        if measure_id not in used_measures:
            yield Finding(
                "warning", kb.where(measure_id), f"measure {measure_id} is used by no obligation"
            )
    for fact_id in kb.fact:
        if fact_id not in kb.rules_for and fact_id not in kb.score_of_level:
            yield Finding("error", kb.where(fact_id), f"fact {fact_id} has no rule deriving it")
    for obligation in kb.obligation.values():
        pack = kb.pack_of[obligation.id]
        first = min(pack.meta.legal_versions, key=lambda v: v.in_force_from)
        if not any(e.legal_version == first.id and e.when is None for e in obligation.applies_from):
            yield Finding(
                "error",
                kb.where(obligation.id),
                f"obligation {obligation.id} needs an applies_from entry without 'when' for the "
                f"first legal version {first.id}, so it has a date under every version",
            )
    sections_used = {q.section for q in kb.questions}
    for section_id in kb.section:
        if section_id not in sections_used:
            yield Finding("warning", kb.where(section_id), f"section {section_id} has no questions")


def _logic_findings(kb: KnowledgeBase) -> list[Finding]:
    logic = Logic(kb)
    try:
        findings = list(_reachability(kb, logic))
        findings += _exclusivity(kb, logic)
    finally:
        logic.close()
    return findings


def _reachability(kb: KnowledgeBase, logic: Logic) -> Iterator[Finding]:
    for question in kb.questions:
        if not logic.satisfiable([logic.visible[question.id]]):
            yield Finding(
                "error", kb.where(question.id), f"question {question.id} can never be shown"
            )
    for fact_id, variable in logic.fact.items():
        derived = fact_id in kb.rules_for or fact_id in kb.score_of_level
        if derived and not logic.satisfiable([variable]):
            yield Finding("error", kb.where(fact_id), f"fact {fact_id} can never be derived")
    for rule in kb.rule.values():
        pack = kb.pack_of[rule.id].meta.id
        if not logic.satisfiable([logic.pack_applies[pack], logic.literal(rule.when)]):
            yield Finding("warning", kb.where(rule.id), f"rule {rule.id} can never fire")
    for obligation in kb.obligation.values():
        pack = kb.pack_of[obligation.id].meta.id
        if not logic.satisfiable(
            [logic.pack_applies[pack], logic.literal(obligation.applies_when)]
        ):
            yield Finding(
                "error", kb.where(obligation.id), f"obligation {obligation.id} can never apply"
            )
    for check in kb.check.values():
        if not logic.satisfiable([logic.literal(check.when)]):
            yield Finding("warning", kb.where(check.id), f"check {check.id} can never trigger")


def _exclusivity(kb: KnowledgeBase, logic: Logic) -> Iterator[Finding]:
    groups: list[tuple[str, list[str]]] = []
    for pack in kb.packs:
        groups += [(pack.meta.id, group) for group in pack.meta.exclusive]
    for classification in kb.classification.values():
        if classification.exclusive:
            groups.append((classification.id, [v.fact for v in classification.values]))
    for owner, group in groups:
        for first, second in combinations(group, 2):
            if logic.satisfiable([logic.fact[first], logic.fact[second]]):
                example = logic.witness()
                yield Finding(
                    "error",
                    kb.where(owner),
                    f"{first} and {second} are declared mutually exclusive but can hold together, "
                    f"e.g. with {_describe(example)}",
                )


def _describe(example: dict[str, Any]) -> str:
    answers = example.pop("answers", {})
    parts = [f"{k}={v}" for k, v in example.items()]
    parts += [f"{k}={v}" for k, v in answers.items()]
    return ", ".join(parts) or "any answers"


def format_report(report: LintReport) -> Iterable[str]:
    for finding in report.findings:
        yield str(finding)
