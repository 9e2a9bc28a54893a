"""A document as Word (DOCX): real headings (Word's navigation pane), list styles and tables, A4,
the system's title and date in the header, the tillid note and page numbers in the footer."""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from tillid.reports.documents.model import Block, Document, Item, ItemList, KeyValues, Table

_TEXT_WIDTH = Mm(170)  # A4 less the margins below
_MUTED = RGBColor(0x4A, 0x4A, 0x4A)
_ACCENT = RGBColor(0x00, 0x59, 0xB3)


def to_docx(document: Document) -> bytes:
    docx = new_docx()
    _page(docx, document)
    docx.core_properties.title = f"{document.title}: {document.system}"
    docx.core_properties.subject = document.title
    docx.core_properties.language = document.language
    docx.core_properties.author = "tillid"
    _title_block(docx, document)
    for block in document.blocks:
        _block(docx, block)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _page(docx: Any, document: Document) -> None:
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(22), Mm(18)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    styles = docx.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10)
    header = section.header.paragraphs[0]
    header.text = f"{document.system}\t{document.date.isoformat()}"
    footer = section.footer.paragraphs[0]
    footer.text = f"{document.header_note}\t"
    _page_number(footer)
    for paragraph in (header, footer):
        # Word's default stops are for US Letter; one right-aligned stop at the text's edge.
        # Clear the style's own stops too: a title ending just before its centre stop would
        # pull the date onto the title.
        stops = paragraph.paragraph_format.tab_stops
        for inherited in paragraph.style.paragraph_format.tab_stops:
            stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(_TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        _small(paragraph)


def _small(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = _MUTED


def _page_number(paragraph: Any) -> None:
    """Word fills in PAGE / NUMPAGES fields when the document is opened."""
    for code in ("PAGE", None, "NUMPAGES"):
        if code is None:
            paragraph.add_run(" / ")
            continue
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), code)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)


def _title_block(docx: Any, document: Document) -> None:
    kind = docx.add_paragraph()
    run = kind.add_run(document.title.upper())
    run.bold = True
    run.font.color.rgb = _ACCENT
    docx.add_heading(document.system, level=0)
    table = docx.add_table(rows=0, cols=2)
    for label, value in document.facts:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    _set_widths(table, [1, 3])
    note = docx.add_paragraph()
    run = note.add_run(document.header_note)
    run.italic = True
    run.font.size = Pt(9)
    run.font.color.rgb = _MUTED


def _block(docx: Any, block: Block) -> None:
    if block.kind == "heading":
        docx.add_heading(block.text, level=min(block.level, 9))
    elif block.kind == "paragraph":
        paragraph = docx.add_paragraph(style="Intense Quote" if block.style == "warning" else None)
        if block.label:
            paragraph.add_run(block.label + " ").bold = True
        run = paragraph.add_run(block.text)
        if block.style == "small":
            run.italic = True
            run.font.color.rgb = _MUTED
        elif block.style == "note":
            run.italic = True
    elif block.kind == "list":
        _list(docx, block)
    elif block.kind == "table":
        _table(docx, block)
    elif block.kind == "key_values":
        _key_values(docx, block)
    elif block.kind == "page_break":
        docx.add_page_break()
    else:
        paragraph = docx.add_paragraph()
        label = paragraph.add_run(f"[{block.label}] ")
        label.bold = True
        label.font.highlight_color = WD_COLOR_INDEX.YELLOW
        prompt = paragraph.add_run(block.prompt)
        prompt.font.highlight_color = WD_COLOR_INDEX.YELLOW
        docx.add_paragraph("…")


def _key_values(docx: Any, block: KeyValues) -> None:
    table = docx.add_table(rows=0, cols=2)
    for label, value in block.rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        lines = value.split("\n")
        cells[1].paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            cells[1].add_paragraph(line)
    _set_widths(table, [2, 3])
    docx.add_paragraph()


def _list(docx: Any, block: ItemList) -> None:
    style = "List Number" if block.numbered else "List Bullet"
    first = None
    for item in block.items:
        paragraph = docx.add_paragraph(style=style)
        first = first or paragraph
        _item(paragraph, item)
    if block.numbered and first is not None:
        _restart_numbering(docx, first)


def _item(paragraph: Any, item: Item) -> None:
    if item.label:
        paragraph.add_run(item.lead + " ").bold = True
    paragraph.add_run(item.text)
    for detail in item.details:
        if detail:
            paragraph.add_run().add_break()
            run = paragraph.add_run(detail)
            run.font.size = Pt(8.5)
            run.font.color.rgb = _MUTED


def _restart_numbering(docx: Any, paragraph: Any) -> None:
    """'List Number' continues across lists in Word; give this list its own numbering from 1."""
    numbering = docx.part.numbering_part.numbering_definitions._numbering
    style_num = paragraph.style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num.numId
    for sibling in _following_list_paragraphs(paragraph):
        sibling_pr = sibling._p.get_or_add_pPr().get_or_add_numPr()
        sibling_pr.get_or_add_ilvl().val = 0
        sibling_pr.get_or_add_numId().val = num.numId


def _following_list_paragraphs(paragraph: Any) -> list[Any]:
    from docx.text.paragraph import Paragraph

    found = []
    element = paragraph._p.getnext()
    while element is not None and element.tag == qn("w:p"):
        sibling = Paragraph(element, paragraph._parent)
        if sibling.style is None or sibling.style.name != paragraph.style.name:
            break
        found.append(sibling)
        element = element.getnext()
    return found


def _table(docx: Any, block: Table) -> None:
    table = docx.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, block.headers, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        _shade(cell, "E8EEF5")
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            first, _, rest = text.partition("\n")
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(first)
            run.bold = bool(rest)
            for line in rest.split("\n") if rest else []:
                cell.add_paragraph(line)
    _set_widths(table, block.widths or [1] * len(block.headers))
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    docx.add_paragraph()


def _set_widths(table: Any, weights: list[int]) -> None:
    """Fixed column widths over the text width: Word and LibreOffice honour cell widths only
    with autofit off, and LibreOffice reads the grid columns."""
    table.autofit = False
    widths = [int(_TEXT_WIDTH * w / sum(weights)) for w in weights]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
