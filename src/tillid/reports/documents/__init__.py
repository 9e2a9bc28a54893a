"""Documents an authority files, made from an assessment, in Danish, English or Swedish:

- `report`: the assessment report (conclusions, reasons, sources, obligations, measures, open points)
- `dpia`: a draft data protection impact assessment (GDPR Art. 35(7))
- `fria`: a draft fundamental-rights impact assessment (AI Act Art. 27(1)), or why none is required
- `procurement`: the requirements to put in a tender and contract

each as Markdown, HTML, PDF or DOCX::

    render_document("fria", kb, result, answer_set, "da", "pdf")  # -> bytes

Every document is first built as a list of blocks (`model.Document`), then rendered; the texts come
from the packs and from `tillid.reports.wording`, never from the templates.
"""

from __future__ import annotations

from collections.abc import Callable

from tillid.assessment.answers import AnswerSet
from tillid.assessment.result import Result
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.model import Language
from tillid.reports.documents.dpia import dpia_blocks
from tillid.reports.documents.fria import fria_blocks
from tillid.reports.documents.model import (
    DOCUMENT_FORMATS,
    DOCUMENT_KINDS,
    Block,
    Document,
    DocumentFormat,
    DocumentKind,
    Heading,
    Paragraph,
)
from tillid.reports.documents.procurement import procurement_blocks
from tillid.reports.documents.report import report_blocks
from tillid.reports.documents.sources import Sources
from tillid.reports.view import ReportView, build_view

__all__ = [
    "DOCUMENT_FORMATS",
    "DOCUMENT_KINDS",
    "Document",
    "DocumentError",
    "DocumentFormat",
    "DocumentKind",
    "build_document",
    "render_document",
]

_BUILDERS: dict[DocumentKind, Callable[[Sources], list[Block]]] = {
    "report": report_blocks,
    "dpia": dpia_blocks,
    "fria": fria_blocks,
    "procurement": procurement_blocks,
}


class DocumentError(ValueError):
    """A document cannot be made as asked; the message says what to ask for instead."""


def build_document(
    kind: DocumentKind,
    kb: KnowledgeBase,
    result: Result,
    answers: AnswerSet,
    language: Language,
    view: ReportView | None = None,
) -> Document:
    """The document's content in `language`; `view` may be passed when already built."""
    if kind not in _BUILDERS:
        raise DocumentError(
            f'Unknown document "{kind}"; choose one of {", ".join(DOCUMENT_KINDS)}.'
        )
    if view is None or view.language != language:
        view = build_view(kb, result, language, answers.title)
    src = Sources(kb=kb, result=result, answers=answers, view=view, language=language)
    disclaimers = _disclaimers(src)
    blocks = _BUILDERS[kind](src)
    if kind != "report" and src.fact("aia.prohibited") == "true":
        # A draft must never read as a way to go ahead with a prohibited practice.
        blocks.insert(0, Paragraph(src.say("doc.prohibited"), style="warning"))
    blocks += [Heading(1, src.say("doc.disclaimer"))]
    blocks += [Paragraph(text, style="small") for text in disclaimers]
    return Document(
        kind=kind,
        language=language,
        title=src.say(f"doc.kind.{kind}"),
        system=src.system,
        date=result.as_of,
        facts=_title_facts(src),
        header_note=src.say("doc.header_note"),
        blocks=blocks,
        disclaimers=disclaimers,
    )


def _applying_packs(src: Sources) -> set[str]:
    """Packs that apply to the context (or may: context not yet given)."""
    return {p.id for p in src.result.packs if p.applies is not False}


def _disclaimers(src: Sources) -> list[str]:
    """The disclaimers of the packs that apply to this context (a Danish municipality does not
    need the Swedish pack's)."""
    applying = _applying_packs(src)
    texts = [p.meta.disclaimer.get(src.language) for p in src.kb.packs if p.meta.id in applying]
    return list(dict.fromkeys(texts))


def _title_facts(src: Sources) -> list[tuple[str, str]]:
    facts = [(src.say("doc.system"), src.system)]
    for name, value in src.result.context.model_dump().items():
        if value is not None:
            facts.append((src.say("context." + name), src.say("context." + value)))
    facts.append((src.say("as_of"), src.result.as_of.isoformat()))
    applying = _applying_packs(src)
    packs = [
        f"{p.meta.title.get(src.language)} ({p.meta.version})"
        for p in src.kb.packs
        if p.meta.id in applying
    ]
    facts.append((src.say("doc.packs"), "; ".join(packs) or "–"))
    status = "doc.complete" if src.result.complete else "doc.incomplete"
    facts.append((src.say("doc.status"), src.say(status).format(n=len(src.result.open_questions))))
    return facts


def render_document(
    kind: DocumentKind,
    kb: KnowledgeBase,
    result: Result,
    answers: AnswerSet,
    language: Language,
    fmt: DocumentFormat,
    view: ReportView | None = None,
) -> str | bytes:
    """The document as text (md, html) or bytes (pdf, docx)."""
    document = build_document(kind, kb, result, answers, language, view)
    if fmt == "md":
        from tillid.reports.documents.markdown import to_markdown

        return to_markdown(document)
    if fmt == "html":
        from tillid.reports.documents.html import to_html

        return to_html(document)
    if fmt == "pdf":
        from tillid.reports.documents.html import to_pdf

        return to_pdf(document)
    if fmt == "docx":
        from tillid.reports.documents.word import to_docx

        return to_docx(document)
    raise DocumentError(f'Unknown format "{fmt}"; choose one of {", ".join(DOCUMENT_FORMATS)}.')
