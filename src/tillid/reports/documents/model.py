"""A document as a list of blocks: what every format (Markdown, HTML, PDF, DOCX) renders.

Builders (`report.py`, `dpia.py`, `fria.py`, `procurement.py`) decide *what* a document says, in one
language; renderers decide how it looks. So the four documents look alike in every format, and a new
format is one renderer, not four.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from tillid.knowledge.model import Language

# "literacy" is the organisation's AI-literacy report (tillid.reports.literacy), not made from one
# assessment, so it is not among the DOCUMENT_KINDS an assessment offers.
DocumentKind = Literal["report", "dpia", "fria", "procurement", "literacy"]
DocumentFormat = Literal["md", "html", "pdf", "docx"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("report", "dpia", "fria", "procurement")
DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = ("md", "html", "pdf", "docx")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1: a section of the document, 2: a part of a section, 3: one item
    text: str
    kind: Literal["heading"] = "heading"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    label: str | None = None  # shown in bold before the text, e.g. "Why:"
    style: Literal["normal", "note", "warning", "small"] = "normal"
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    label: str | None = None  # bold lead-in, e.g. a measure's title
    details: list[str] = field(default_factory=list)  # further lines, e.g. evidence, sources

    @property
    def lead(self) -> str:
        """The label as shown: a title gets a colon, a question keeps its question mark."""
        if not self.label:
            return ""
        return self.label if self.label[-1] in ".:?!" else self.label + ":"


@dataclass(frozen=True, slots=True)
class ItemList:
    items: list[Item]
    numbered: bool = False
    kind: Literal["list"] = "list"


@dataclass(frozen=True, slots=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[int] | None = None  # relative column widths
    kind: Literal["table"] = "table"


@dataclass(frozen=True, slots=True)
class ToComplete:
    """A field the assessment cannot know: the authority fills it in (marked in every format)."""

    label: str  # e.g. "To be completed"
    prompt: str  # what to write here
    kind: Literal["to_complete"] = "to_complete"


@dataclass(frozen=True, slots=True)
class KeyValues:
    """Label and value rows without a grid, like the title block: read at a glance."""

    rows: list[tuple[str, str]]
    kind: Literal["key_values"] = "key_values"


@dataclass(frozen=True, slots=True)
class PageBreak:
    """What follows starts on a new page in PDF and DOCX (a rule in Markdown and on screen)."""

    kind: Literal["page_break"] = "page_break"


Block = Heading | Paragraph | ItemList | Table | ToComplete | KeyValues | PageBreak


@dataclass(frozen=True, slots=True)
class Document:
    kind: DocumentKind
    language: Language
    title: str  # what the document is, e.g. "Draft data protection impact assessment"
    system: str  # the AI system it is about
    date: dt.date  # the assessment's as-of date
    facts: list[tuple[str, str]]  # the title block: label, value
    header_note: str  # short disclaimer in every page's header
    blocks: list[Block]
    disclaimers: list[str]  # also the last blocks, under their own heading
    labels: dict[str, str] = field(default_factory=dict)  # words renderers need: "page", ...
