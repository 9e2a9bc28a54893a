"""The organisation's AI-literacy report (AI Act Art. 4): the measures taken — training given, to whom,
with what evidence — and, per AI system, which competence needs are met and which are still open.

For supervisors and management. Framework-free: the web app (or a script) passes plain records;
the law's words come from the `ai-literacy` pack, the layout from the shared document renderers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language
from tillid.reports.documents.model import (
    Block,
    Document,
    DocumentFormat,
    Heading,
    Item,
    ItemList,
    Paragraph,
    Table,
)

PACK = "ai-literacy"


@dataclass(frozen=True)
class TrainingEntry:
    person: str
    training: str
    completed_on: dt.date
    valid_until: dt.date | None
    evidence: str


@dataclass(frozen=True)
class ActivityEntry:
    title: str
    competences: list[str]  # measure ids
    validity_months: int | None
    people_trained: int


@dataclass(frozen=True)
class NeedEntry:
    system: str
    role: str  # glossary id
    competence: str  # measure id
    obligations: list[str]
    citations: list[str]
    trained: list[str] = field(default_factory=list)  # people holding the role with valid training
    untrained: list[str] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return bool(self.trained) and not self.untrained


@dataclass(frozen=True)
class LiteracyRecords:
    organisation: str
    as_of: dt.date
    people: int
    activities: list[ActivityEntry]
    trainings: list[TrainingEntry]
    needs: list[NeedEntry]


_WORDS: dict[str, dict[Language, str]] = {
    "title": {
        "da": "Rapport om AI-færdigheder",
        "en": "AI literacy report",
        "sv": "Rapport om AI-kunnighet",
    },
    "organisation": {"da": "Organisation", "en": "Organisation", "sv": "Organisation"},
    "as_of": {"da": "Opgjort pr.", "en": "As of", "sv": "Per"},
    "people": {
        "da": "Registrerede personer",
        "en": "People registered",
        "sv": "Registrerade personer",
    },
    "coverage": {"da": "Behov dækket", "en": "Needs met", "sv": "Behov täckta"},
    "of": {"da": "af", "en": "of", "sv": "av"},
    "header_note": {
        "da": "Dokumenterer de foranstaltninger, organisationen har truffet efter AI-forordningens artikel 4.",
        "en": "Documents the measures the organisation has taken under Article 4 of the AI Act.",
        "sv": "Dokumenterar de åtgärder organisationen har vidtagit enligt artikel 4 i AI-förordningen.",
    },
    "basis": {"da": "Retsgrundlag", "en": "Legal basis", "sv": "Rättslig grund"},
    "activities": {"da": "Uddannelsestilbud", "en": "Training offered", "sv": "Utbildningar"},
    "training": {"da": "Uddannelse", "en": "Training", "sv": "Utbildning"},
    "competences": {"da": "Kompetencer", "en": "Competences", "sv": "Kompetenser"},
    "validity": {"da": "Gyldig (måneder)", "en": "Valid (months)", "sv": "Giltig (månader)"},
    "trained": {"da": "Uddannede", "en": "Trained", "sv": "Utbildade"},
    "records": {
        "da": "Gennemført uddannelse",
        "en": "Training completed",
        "sv": "Genomförd utbildning",
    },
    "person": {"da": "Person", "en": "Person", "sv": "Person"},
    "completed": {"da": "Gennemført", "en": "Completed", "sv": "Genomförd"},
    "valid_until": {"da": "Gyldig til", "en": "Valid until", "sv": "Giltig till"},
    "no_expiry": {"da": "Udløber ikke", "en": "Does not expire", "sv": "Upphör inte"},
    "evidence": {"da": "Dokumentation", "en": "Evidence", "sv": "Underlag"},
    "needs": {
        "da": "Behov pr. AI-system",
        "en": "Needs per AI system",
        "sv": "Behov per AI-system",
    },
    "needs_intro": {
        "da": "Et behov er dækket, når alle, der har rollen for systemet, har gyldig uddannelse i kompetencen.",
        "en": "A need is met when everyone holding the role for the system has valid training in the competence.",
        "sv": "Ett behov är täckt när alla som har rollen för systemet har giltig utbildning i kompetensen.",
    },
    "met": {"da": "Dækket", "en": "Met", "sv": "Täckt"},
    "open": {"da": "Åbent", "en": "Open", "sv": "Öppet"},
    "nobody": {
        "da": "Ingen har rollen for systemet endnu",
        "en": "Nobody holds the role for the system yet",
        "sv": "Ingen har rollen för systemet ännu",
    },
    "missing": {"da": "Mangler", "en": "Missing", "sv": "Saknas"},
    "why": {"da": "Hvorfor", "en": "Why", "sv": "Varför"},
    "sources": {"da": "Kilder", "en": "Sources", "sv": "Källor"},
    "none": {"da": "Intet registreret.", "en": "Nothing recorded.", "sv": "Inget registrerat."},
    "disclaimer": {"da": "Forbehold", "en": "Disclaimer", "sv": "Förbehåll"},
    "plan": {"da": "Det skal gøres", "en": "What to do next", "sv": "Det här ska göras"},
    "plan_intro": {
        "da": "De åbne behov, samlet pr. rolle: hvad medarbejderne skal lære, og hvad der viser det.",
        "en": "The open needs, by role: what staff need to learn, and what shows it was done.",
        "sv": "De öppna behoven, per roll: vad medarbetarna behöver lära sig, och vad som visar det.",
    },
    "systems": {"da": "AI-systemer", "en": "AI systems", "sv": "AI-system"},
}


def _say(key: str, language: Language) -> str:
    return _WORDS[key][language]


def literacy_document(kb: KnowledgeBase, records: LiteracyRecords, language: Language) -> Document:
    pack = kb.pack(PACK)
    word = _namer(kb, language)
    met = sum(n.met for n in records.needs)
    blocks: list[Block] = [Heading(1, _say("basis", language))]
    for version in pack.meta.legal_versions:
        note = version.note.get(language) if version.note else ""
        blocks.append(Paragraph(note, label=version.title.get(language)))
    blocks += _plan(kb, records, language)
    blocks.append(Heading(1, _say("activities", language)))
    if records.activities:
        blocks.append(
            Table(
                [
                    _say("training", language),
                    _say("competences", language),
                    _say("validity", language),
                    _say("trained", language),
                ],
                [
                    [
                        a.title,
                        "; ".join(word(c) for c in a.competences),
                        str(a.validity_months or "–"),
                        str(a.people_trained),
                    ]
                    for a in records.activities
                ],
                widths=[3, 5, 1, 1],
            )
        )
    else:
        blocks.append(Paragraph(_say("none", language), style="note"))
    blocks.append(Heading(1, _say("records", language)))
    if records.trainings:
        blocks.append(
            Table(
                [
                    _say("person", language),
                    _say("training", language),
                    _say("completed", language),
                    _say("valid_until", language),
                    _say("evidence", language),
                ],
                [
                    [
                        t.person,
                        t.training,
                        t.completed_on.isoformat(),
                        t.valid_until.isoformat() if t.valid_until else _say("no_expiry", language),
                        t.evidence or "–",
                    ]
                    for t in records.trainings
                ],
                widths=[2, 3, 1, 1, 3],
            )
        )
    else:
        blocks.append(Paragraph(_say("none", language), style="note"))
    blocks += [
        Heading(1, _say("needs", language)),
        Paragraph(_say("needs_intro", language), style="small"),
    ]
    systems = list(dict.fromkeys(n.system for n in records.needs))
    for system in systems:
        items = []
        for need in (n for n in records.needs if n.system == system):
            status = _say("met", language) if need.met else _say("open", language)
            details = []
            if not need.trained and not need.untrained:
                details.append(_say("nobody", language))
            elif need.untrained:
                details.append(f"{_say('missing', language)}: {', '.join(need.untrained)}")
            details.append(
                f"{_say('why', language)}: " + "; ".join(word(o) for o in need.obligations)
            )
            details.append(
                f"{_say('sources', language)}: "
                + "; ".join(readable(c, language) for c in need.citations)
            )
            items.append(
                Item(f"{word(need.competence)} — {status}", label=word(need.role), details=details)
            )
        blocks += [Heading(2, system), ItemList(items)]
    if not systems:
        blocks.append(Paragraph(_say("none", language), style="note"))
    disclaimer = pack.meta.disclaimer.get(language)
    blocks += [Heading(1, _say("disclaimer", language)), Paragraph(disclaimer, style="small")]
    return Document(
        kind="literacy",
        language=language,
        title=_say("title", language),
        system=records.organisation,
        date=records.as_of,
        facts=[
            (_say("organisation", language), records.organisation),
            (_say("as_of", language), records.as_of.isoformat()),
            (_say("people", language), str(records.people)),
            (_say("coverage", language), f"{met} {_say('of', language)} {len(records.needs)}"),
        ],
        header_note=_say("header_note", language),
        blocks=blocks,
        disclaimers=[disclaimer],
    )


def _plan(kb: KnowledgeBase, records: LiteracyRecords, language: Language) -> list[Block]:
    """Open needs by role: the competence's own text (what to do) and evidence, once per role."""
    open_needs = [n for n in records.needs if not n.met]
    if not open_needs:
        return []
    word = _namer(kb, language)
    blocks: list[Block] = [
        Heading(1, _say("plan", language)),
        Paragraph(_say("plan_intro", language), style="small"),
    ]
    for role in dict.fromkeys(n.role for n in open_needs):
        items = []
        for competence in dict.fromkeys(n.competence for n in open_needs if n.role == role):
            measure = kb.measure[competence]
            systems = dict.fromkeys(
                n.system for n in open_needs if n.role == role and n.competence == competence
            )
            items.append(
                Item(
                    measure.text.get(language),
                    label=measure.title.get(language),
                    details=[
                        f"{_say('evidence', language)}: {measure.evidence.get(language)}",
                        f"{_say('systems', language)}: {', '.join(systems)}",
                    ],
                )
            )
        blocks += [Heading(2, word(role)), ItemList(items)]
    return blocks


def _namer(kb: KnowledgeBase, language: Language) -> Callable[[str], str]:
    def word(item_id: str) -> str:
        if item_id in kb.glossary:
            return kb.glossary[item_id].term.get(language)
        if item_id in kb.measure:
            return kb.measure[item_id].title.get(language)
        if item_id in kb.obligation:
            return kb.obligation[item_id].title.get(language)
        return item_id

    return word


def render_literacy_report(
    kb: KnowledgeBase, records: LiteracyRecords, language: Language, fmt: DocumentFormat
) -> str | bytes:
    document = literacy_document(kb, records, language)
    if fmt == "md":
        from tillid.reports.documents.markdown import to_markdown

        return to_markdown(document)
    if fmt == "html":
        from tillid.reports.documents.html import to_html

        return to_html(document)
    if fmt == "pdf":
        from tillid.reports.documents.html import to_pdf

        return to_pdf(document)
    from tillid.reports.documents.word import to_docx

    return to_docx(document)
