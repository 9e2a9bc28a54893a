"""What the builders read: the assessment, its answers and its words, looked up by id.

Packs are optional: a document asks for facts, questions and obligations by id and gets None when the
pack that would define them is not loaded, so a section can say "not assessed" instead of failing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tillid.assessment.answers import AnswerSet
from tillid.assessment.result import ObligationResult, Result, Truth
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language
from tillid.reports.documents.model import Block, Item, ItemList, Paragraph, ToComplete
from tillid.reports.view import ReportView, Why, answer_text
from tillid.reports.wording import say


@dataclass(frozen=True)
class Sources:
    kb: KnowledgeBase
    result: Result
    answers: AnswerSet
    view: ReportView
    language: Language

    # -- looking things up ------------------------------------------------------------------------
    def say(self, key: str) -> str:
        return say(key, self.language)

    @property
    def system(self) -> str:
        return self.view.title or self.answers.title or self.say("doc.untitled")

    def has_pack(self, pack_id: str) -> bool:
        return any(p.meta.id == pack_id for p in self.kb.packs)

    def fact(self, fact_id: str) -> Truth | None:
        """The fact's value, or None when no loaded pack defines it."""
        found = self.result.facts.get(fact_id)
        return found.value if found is not None else None

    def fact_title(self, fact_id: str) -> str:
        return self.kb.fact[fact_id].title.get(self.language)

    def obligation(self, obligation_id: str) -> ObligationResult | None:
        for item in self.result.obligations:
            if item.id == obligation_id:
                return item
        return None

    def applies(self, obligation_id: str) -> bool:
        item = self.obligation(obligation_id)
        return item is not None and item.status in ("applies_now", "applies_from")

    def applies_citing(self, prefix: str) -> bool:
        """Whether any applicable obligation cites a provision starting with `prefix`."""
        return any(
            c.startswith(prefix)
            for o in self.result.applicable_obligations()
            for c in self.kb.obligation[o.id].citations
        )

    def answer(self, question_id: str) -> Any:
        """The raw answer, or None when not answered or the question is unknown."""
        if question_id not in self.kb.question:
            return None
        return self.answers.answers.get(question_id)

    def answer_words(self, question_id: str) -> str | None:
        value = self.answer(question_id)
        if value is None:
            return None
        return answer_text(self.kb.question[question_id], value, self.language)

    def question_text(self, question_id: str) -> str:
        return self.kb.question[question_id].text.get(self.language)

    def answered_item(self, question_id: str) -> Item | None:
        """The question and its answer, or None when unanswered or answered "none of these"."""
        words = self.answer_words(question_id)
        if words is None:
            return None
        value = self.answer(question_id)
        question = self.kb.question[question_id]
        alone = {o.id for o in question.options if o.exclusive}
        if isinstance(value, list) and alone and set(value) <= alone:
            return None
        return Item(text=words, label=self.question_text(question_id))

    def measure_title(self, measure_id: str) -> str:
        return self.kb.measure[measure_id].title.get(self.language)

    def date(self, value: dt.date | None) -> str:
        return value.isoformat() if value else "–"

    def when(self, obligation_id: str) -> str:
        """'Applies now' / 'Applies from 2027-12-02' for an obligation, or '' when unknown."""
        item = self.obligation(obligation_id)
        if item is None:
            return ""
        text = self.say(item.status)
        if item.status == "applies_from" and item.applies_from:
            text += f" {item.applies_from.isoformat()}"
        return text

    def citations(self, keys: list[str]) -> str:
        return ", ".join(readable(k, self.language) for k in keys)

    # -- blocks used by several documents -----------------------------------------------------------
    def to_complete(self, prompt_key: str) -> ToComplete:
        return ToComplete(label=self.say("doc.to_complete"), prompt=self.say(prompt_key))

    def why_blocks(self, why: Why) -> list[Block]:
        blocks: list[Block] = []
        if why.reasons:
            blocks.append(Paragraph(label=self.say("why") + ":", text=""))
            items = [
                Item(text=r.explanation, details=[", ".join(r.citations)] if r.citations else [])
                for r in why.reasons
            ]
            blocks.append(ItemList(items))
        elif why.because:
            blocks.append(Paragraph(label=self.say("why") + ":", text="; ".join(why.because)))
        if why.answers:
            blocks.append(Paragraph(label=self.say("answers") + ":", text=""))
            blocks.append(ItemList([Item(text=a.answer, label=a.text) for a in why.answers]))
        return blocks

    def risk_class(self) -> tuple[str, list[Block]]:
        """The AI Act risk class in words and the reasons for it ('' when not assessed)."""
        for item in self.view.classifications:
            if item.id == "aia.risk_class":
                value = ", ".join(item.value_titles) or self.say("undetermined_class")
                if not item.determined and item.possible_titles:
                    value += f" ({', '.join(item.possible_titles)}?)"
                return value, self.why_blocks(item.why)
        return "", []

    def role(self) -> str:
        for item in self.view.classifications:
            if item.id == "aia.role":
                return ", ".join(item.value_titles) or self.say("undetermined_class")
        return ""

    def pack_facts(self, namespace: str) -> list[Item]:
        """The true facts of one pack (e.g. all GDPR conclusions), with the reasons' sources."""
        items = []
        for fact_id, fact in self.result.facts.items():
            if fact_id.startswith(namespace + ".") and fact.value == "true":
                sources = self.citations(list(dict.fromkeys(fact.trace.citations)))
                items.append(
                    Item(text=self.fact_title(fact_id), details=[sources] if sources else [])
                )
        return items
