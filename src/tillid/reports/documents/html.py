"""A document as HTML (Jinja2, autoescaped: texts may come from users) and as PDF (WeasyPrint)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from tillid.reports.documents.model import Document


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tillid.reports.documents", "templates"),
        autoescape=True,  # every template here is HTML; user-typed titles must stay text
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )


def _css(name: str) -> str:
    return (
        resources.files("tillid.reports.documents").joinpath("templates", name).read_text("utf-8")
    )


def to_html(document: Document, print_css: bool = False) -> str:
    css = _css("document.css") + ("\n" + _css("print.css") if print_css else "")
    template = _environment().get_template("document.html.j2")
    # The CSS is ours (package data), never user input; Markup stops autoescape from mangling ">".
    return template.render(doc=document, css=Markup(css))


def to_pdf(document: Document) -> bytes:
    """A4 with the system's title and date in the header and page numbers in the footer."""
    from weasyprint import HTML  # imported here: it loads system libraries (Pango)

    pdf: bytes = HTML(string=to_html(document, print_css=True)).write_pdf()
    return pdf
