"""A result put into words: one language, texts from the packs, reasons spelled out.

`build_view` turns an engine `Result` into a `ReportView` that every renderer (terminal, Markdown,
JSON, later PDF/DOCX and the web app) reads, so all of them say the same thing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from tillid.assessment.result import Inconsistency, Result, ScoreResult, Trace
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language, Obligation, Question
from tillid.reports.wording import say


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    explanation: str
    citations: list[str]


class AnswerLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    text: str
    answer: str


class Why(BaseModel):
    """The reasons for one conclusion: rule explanations, the answers behind them, the sources."""

    model_config = ConfigDict(frozen=True)

    reasons: list[Reason]
    because: list[str]  # titles of the derived facts it rests on directly (true ones)
    answers: list[AnswerLine]
    context: dict[str, str | None]
    citations: list[str]
    open_questions: list[AnswerLine]


class ClassificationView(BaseModel):
    id: str
    title: str
    values: list[str]
    value_titles: list[str]
    value_descriptions: list[str]
    determined: bool
    possible_titles: list[str]
    why: Why


class ScorePartView(BaseModel):
    explanation: str
    points: int
    counts: str  # "true", "false" or "unknown"


class ScoreView(BaseModel):
    """A score in words: the level (or the levels still possible) and every part with its points."""

    id: str
    title: str
    description: str | None  # how the points and thresholds work
    level: str | None
    possible_levels: list[str]
    minimum: int
    maximum: int
    parts: list[ScorePartView]


class ObligationView(BaseModel):
    id: str
    title: str
    text: str
    role: str
    status: str
    status_text: str
    applies_from: dt.date | None
    dates_by_version: dict[str, dt.date]
    citations: list[str]
    uncertainty: str | None
    date_note: str | None
    measures: list[str]
    why: Why


class MeasureView(BaseModel):
    id: str
    title: str
    text: str
    due: dt.date | None
    phases: list[str]
    who: list[str]
    evidence: str
    obligations: list[str]


class ReportView(BaseModel):
    language: Language
    title: str | None
    as_of: dt.date
    context: dict[str, str | None]
    context_text: list[str]  # e.g. "Organisation type: Municipality", in the report's language
    legal_versions: dict[str, str]  # id -> title, so dates by version read as words
    packs: list[dict[str, Any]]
    disclaimers: list[str]
    classifications: list[ClassificationView]
    scores: list[ScoreView]
    obligations: list[ObligationView]
    undetermined_obligations: list[ObligationView]
    measures: list[MeasureView]
    open_questions: list[AnswerLine]
    inconsistencies: list[str]
    answered: int
    complete: bool


def answer_text(question: Question, value: Any, language: Language) -> str:
    if value is None:
        return say("not_asked", language)
    if question.kind == "yes_no":
        return say("yes", language) if value else say("no", language)
    labels = {o.id: o.label.get(language) for o in question.options}
    if question.kind == "multi":
        return "; ".join(labels.get(v, str(v)) for v in value) or say("none", language)
    if question.kind == "single":
        return labels.get(value, str(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Words:
    def __init__(self, kb: KnowledgeBase, result: Result, language: Language) -> None:
        self.kb = kb
        self.result = result
        self.language = language

    def why(self, trace: Trace, follow_facts: bool = True) -> Why:
        """The reasons; with `follow_facts`, also the reasons of the facts it rests on, all the
        way down (for the headline conclusions); without, only its own (for each obligation)."""
        reasons: dict[str, Reason] = {}
        answers: dict[str, Any] = {}
        context: dict[str, str | None] = dict(trace.context)
        citations: list[str] = list(trace.citations)
        unanswered: list[str] = list(trace.unanswered)
        if follow_facts:
            self._follow(trace, reasons, answers, context, citations, set())
        else:
            answers.update(trace.answers)
        true_facts = [f for f in trace.facts if self.result.facts[f].value == "true"]
        return Why(
            reasons=list(reasons.values()),
            because=[self.kb.fact[f].title.get(self.language) for f in true_facts],
            answers=[self.answer_line(q, v) for q, v in answers.items()],
            context=context,
            citations=[readable(c, self.language) for c in dict.fromkeys(citations)],
            open_questions=[self.answer_line(q, None) for q in dict.fromkeys(unanswered)],
        )

    def _follow(
        self,
        trace: Trace,
        reasons: dict[str, Reason],
        answers: dict[str, Any],
        context: dict[str, str | None],
        citations: list[str],
        seen: set[str],
    ) -> None:
        for rule_id in trace.rules:
            rule = self.kb.rule[rule_id]
            reasons[rule_id] = Reason(
                explanation=rule.explanation.get(self.language),
                citations=[readable(c, self.language) for c in rule.citations],
            )
            citations += rule.citations
        answers.update(trace.answers)
        context.update(trace.context)
        for fact_id in trace.facts:
            if fact_id in seen:
                continue
            seen.add(fact_id)
            fact = self.result.facts.get(fact_id)
            if fact is not None and fact.value == "true":
                self._follow(fact.trace, reasons, answers, context, citations, seen)

    def answer_line(self, question_id: str, value: Any) -> AnswerLine:
        question = self.kb.question[question_id]
        return AnswerLine(
            question=question_id,
            text=question.text.get(self.language),
            answer=answer_text(question, value, self.language) if value is not None else "",
        )


def build_view(
    kb: KnowledgeBase, result: Result, language: Language, title: str | None = None
) -> ReportView:
    words = _Words(kb, result, language)
    classifications = []
    for item in result.classifications:
        classification = kb.classification[item.id]
        titles = {v.id: v.title.get(language) for v in classification.values}
        descriptions = {
            v.id: v.description.get(language) if v.description else ""
            for v in classification.values
        }
        classifications.append(
            ClassificationView(
                id=item.id,
                title=classification.title.get(language),
                values=item.values,
                value_titles=[titles[v] for v in item.values],
                value_descriptions=[descriptions[v] for v in item.values if descriptions[v]],
                determined=item.determined,
                possible_titles=[titles[v] for v in item.possible],
                why=words.why(item.trace),
            )
        )
    obligations = [_obligation_view(kb, o, words) for o in result.obligations]
    measures = []
    for measure_result in result.measures:
        measure = kb.measure[measure_result.id]
        measures.append(
            MeasureView(
                id=measure_result.id,
                title=measure.title.get(language),
                text=measure.text.get(language),
                due=measure_result.due,
                phases=list(measure.phases),
                who=list(measure.who),
                evidence=measure.evidence.get(language),
                obligations=[
                    kb.obligation[o].title.get(language) for o in measure_result.obligations
                ],
            )
        )
    return ReportView(
        language=language,
        title=title,
        as_of=result.as_of,
        context=result.context.model_dump(),
        context_text=[
            f"{say('context.' + name, language)}: {say('context.' + value, language)}"
            for name, value in result.context.model_dump().items()
            if value is not None
        ],
        legal_versions={
            version.id: version.title.get(language)
            for pack in kb.packs
            for version in pack.meta.legal_versions
        },
        packs=[dataclasses.asdict(p) for p in result.packs],
        disclaimers=[
            pack.meta.disclaimer.get(language)
            for pack, used in zip(kb.packs, result.packs, strict=True)
            if used.applies is not False
        ],
        classifications=classifications,
        scores=[_score_view(kb, item, result, language) for item in result.scores],
        obligations=[o for o in obligations if o.status in ("applies_now", "applies_from")],
        undetermined_obligations=[o for o in obligations if o.status == "undetermined"],
        measures=measures,
        open_questions=[words.answer_line(q, None) for q in result.open_questions],
        inconsistencies=[_inconsistency_text(kb, i, words) for i in result.inconsistencies],
        answered=result.answered,
        complete=result.complete,
    )


def _inconsistency_text(kb: KnowledgeBase, item: Inconsistency, words: _Words) -> str:
    language = words.language
    if item.kind in ("contradiction", "warning"):
        return kb.check[item.item].message.get(language)
    question = kb.question.get(item.item)
    name = question.text.get(language) if question else item.item
    text = say(item.kind, language).format(question=name)
    if item.kind == "invalid_answer" and question is not None and question.options:
        allowed = "; ".join(o.label.get(language) for o in question.options)
        text += f" ({say('allowed', language)}: {allowed})"
    return text


def _score_view(
    kb: KnowledgeBase, item: ScoreResult, result: Result, language: Language
) -> ScoreView:
    score = kb.score[item.id]
    explanations = {part.id: part.explanation.get(language) for part in score.parts}
    return ScoreView(
        id=item.id,
        title=score.title.get(language),
        description=score.description.get(language) if score.description else None,
        level=next((lv.title.get(language) for lv in score.levels if lv.fact == item.level), None),
        possible_levels=[
            lv.title.get(language) for lv in score.levels if result.facts[lv.fact].value != "false"
        ],
        minimum=item.minimum,
        maximum=item.maximum,
        parts=[
            ScorePartView(explanation=explanations[p.id], points=p.points, counts=p.value)
            for p in item.parts
            if p.value != "false"
        ],
    )


def _date_note(obligation: Obligation, entry: int | None, language: Language) -> str | None:
    if entry is None:
        return None
    note = obligation.applies_from[entry].note
    return note.get(language) if note else None


def _obligation_view(kb: KnowledgeBase, item: Any, words: _Words) -> ObligationView:
    language = words.language
    obligation = kb.obligation[item.id]
    return ObligationView(
        id=item.id,
        title=obligation.title.get(language),
        text=obligation.text.get(language),
        role=obligation.role,
        status=item.status,
        status_text=say(item.status, language),
        applies_from=item.applies_from,
        dates_by_version=item.dates_by_version,
        citations=[readable(c, language) for c in obligation.citations],
        uncertainty=obligation.uncertainty.get(language) if obligation.uncertainty else None,
        date_note=_date_note(obligation, item.date_entry, language),
        measures=[kb.measure[m].title.get(language) for m in obligation.measures],
        why=words.why(item.trace, follow_facts=False),
    )
