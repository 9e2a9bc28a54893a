"""The questionnaire as pages: which sections and questions to show now, in the reader's language.

Only presentation is decided here; which questions are visible is the engine's answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language, Question
from tillid.web.assessments.knowledge import engine, knowledge_base
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.services import answers_of, context_of


@dataclass
class OptionView:
    id: str
    label: str
    help: str
    checked: bool


@dataclass
class GlossaryView:
    term: str
    definition: str


@dataclass
class QuestionView:
    id: str
    dom_id: str
    kind: str
    text: str
    help: str
    examples: list[str]
    citations: list[str]
    glossary: list[GlossaryView]
    options: list[OptionView]
    value: Any
    version: int | None
    answered: bool
    comments: list[Any] = field(default_factory=list)
    error: str = ""
    conflict: Any = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass
class SectionView:
    id: str
    title: str
    intro: str
    questions: list[QuestionView]

    @property
    def answered(self) -> int:
        return sum(1 for q in self.questions if q.answered)


def _dom_id(question_id: str) -> str:
    return "q-" + question_id.replace(".", "-")


def _question_view(
    question: Question, value: Any, version: int | None, lang: Language
) -> QuestionView:
    kb = knowledge_base()
    chosen = set(value) if isinstance(value, list) else {value}
    return QuestionView(
        id=question.id,
        dom_id=_dom_id(question.id),
        kind=question.kind,
        text=question.text.get(lang),
        help=question.help.get(lang) if question.help else "",
        examples=[e.get(lang) for e in question.examples],
        citations=[readable(c, lang) for c in question.citations],
        glossary=[
            GlossaryView(kb.glossary[g].term.get(lang), kb.glossary[g].definition.get(lang))
            for g in question.glossary
            if g in kb.glossary
        ],
        options=[
            OptionView(o.id, o.label.get(lang), o.help.get(lang) if o.help else "", o.id in chosen)
            for o in question.options
        ],
        value=value,
        version=version,
        answered=value is not None,
        minimum=question.minimum,
        maximum=question.maximum,
    )


def show_typed(question: QuestionView, typed: Any) -> None:
    """Shows a refused input instead of the stored answer (which is unchanged)."""
    chosen = set(typed) if isinstance(typed, list) else {typed}
    if question.kind == "yes_no":
        typed = {"yes": True, "no": False}.get(typed)
    question.value = typed
    for option in question.options:
        option.checked = option.id in chosen


def sections(assessment: Assessment, lang: Language) -> list[SectionView]:
    """The sections with at least one question to show now, each with its visible questions."""
    kb = knowledge_base()
    answers = answers_of(assessment)
    versions = dict(assessment.answers.values_list("question_id", "version"))
    visible = engine().visible_questions(context_of(assessment), answers, timezone.localdate())
    comments: dict[str, list[Any]] = {}
    for comment in assessment.comments.select_related("author"):
        comments.setdefault(comment.question_id, []).append(comment)
    by_section: dict[str, list[QuestionView]] = {}
    for question_id in visible:
        question = kb.question[question_id]
        view = _question_view(question, answers.get(question_id), versions.get(question_id), lang)
        view.comments = comments.get(question_id, [])
        by_section.setdefault(question.section, []).append(view)
    return [
        SectionView(
            id=section_id,
            title=kb.section[section_id].title.get(lang),
            intro=kb.section[section_id].intro.get(lang) if kb.section[section_id].intro else "",  # type: ignore[union-attr]
            questions=questions,
        )
        for section_id, questions in by_section.items()
    ]
