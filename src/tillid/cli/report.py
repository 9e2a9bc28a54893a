"""`tillid report ANSWERS_FILE`: documents from an assessment (report, DPIA, FRIA, procurement
annex) as Markdown, HTML, PDF or Word. Thin: answers in, core, file out."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from tillid.assessment.answers import AnswerFileError, read_answer_set
from tillid.assessment.engine import engine_for
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import PackError, load_builtin_packs, load_packs
from tillid.reports.documents import DocumentError, render_document

_console = Console()
_errors = Console(stderr=True)


class Kind(StrEnum):
    report = "report"
    dpia = "dpia"
    fria = "fria"
    procurement = "procurement"


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


class Lang(StrEnum):
    da = "da"
    en = "en"
    sv = "sv"


_SUFFIXES = {".md": Format.md, ".markdown": Format.md, ".html": Format.html, ".htm": Format.html}
_SUFFIXES |= {".pdf": Format.pdf, ".docx": Format.docx}


def _fail(message: str) -> typer.Exit:
    _errors.print(f"[red]Error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def report_command(
    answers_file: Path = typer.Argument(..., help="A saved answers file (YAML or JSON)."),
    kind: Kind = typer.Option(
        Kind.report,
        "--kind",
        "-k",
        help="report: the assessment; dpia: GDPR Art. 35 draft; fria: AI Act Art. 27 draft; "
        "procurement: requirements for the tender and contract.",
    ),
    output_format: Format | None = typer.Option(
        None, "--format", "-f", help="md, html, pdf or docx (default: from -o's suffix, else md)."
    ),
    language: Lang | None = typer.Option(
        None, "--lang", "-l", help="da, en or sv (default: the answers file's language)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the document here."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Assess as of this date (YYYY-MM-DD; default: the file's, or today)."
    ),
    packs: list[Path] | None = typer.Option(
        None, "--packs", help="Use these pack folders instead of the built-in packs (repeatable)."
    ),
) -> None:
    """Write a document from an assessment: report, DPIA draft, FRIA draft or procurement annex."""
    fmt = output_format or (_SUFFIXES.get(output.suffix.lower()) if output else None) or Format.md
    if fmt in (Format.pdf, Format.docx) and output is None:
        raise _fail(
            f"{fmt.value.upper()} is a binary file and is not printed to the terminal; "
            f"say where to write it, e.g. -o {kind.value}.{fmt.value}"
        )
    try:
        answer_set = read_answer_set(answers_file)
    except AnswerFileError as error:
        raise _fail(str(error)) from None
    except OSError as error:  # a folder, a file without read permission ...
        raise _fail(
            f"cannot read {answers_file}: {error.strerror or error}. Give an answers file "
            "(YAML or JSON), e.g. src/tillid/examples/benefit_fraud_scoring.yaml."
        ) from None
    kb = _knowledge(packs)
    when = _date(as_of) or answer_set.as_of or dt.date.today()
    result = engine_for(kb).evaluate(
        answer_set.context, answer_set.answers, when, frozenset(answer_set.skipped)
    )
    lang = language.value if language else answer_set.language
    try:
        document = render_document(kind.value, kb, result, answer_set, lang, fmt.value)
    except DocumentError as error:
        raise _fail(str(error)) from None
    except OSError as error:  # WeasyPrint could not load Pango/Cairo
        raise _fail(
            f"PDF output needs the Pango library, which could not be loaded ({error}). Install "
            "it (Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0), or choose "
            "--format html or docx."
        ) from None
    _write(document, output)


def _knowledge(folders: list[Path] | None) -> KnowledgeBase:
    try:
        return KnowledgeBase.build(load_packs(folders) if folders else load_builtin_packs())
    except PackError as error:
        raise _fail("the knowledge packs have problems:\n" + str(error)) from None


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f'"{value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-21.') from None


def _write(document: str | bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(document if isinstance(document, str) else document.decode())
        return
    try:
        if isinstance(document, bytes):
            output.write_bytes(document)
        else:
            output.write_text(document, encoding="utf-8")
    except OSError as error:
        raise _fail(f"cannot write {output}: {error.strerror or error}.") from None
    _console.print(f"Wrote {output}")
