"""A document as Markdown (GitHub-flavoured: tables, lists)."""

from __future__ import annotations

from tillid.reports.documents.model import Block, Document, Item, ItemList, Table


def to_markdown(document: Document) -> str:
    lines = [f"# {document.title}: {document.system}", ""]
    lines += [f"- **{label}:** {value}" for label, value in document.facts]
    lines += ["", f"*{document.header_note}*", ""]
    for block in document.blocks:
        lines += _block(block)
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if block.kind == "heading":
        return [f"{'#' * (block.level + 1)} {block.text}", ""]
    if block.kind == "paragraph":
        label = f"**{block.label}** " if block.label else ""
        text = f"{label}{block.text}".strip()
        if block.style in ("note", "warning"):
            return [f"> {text}", ""]
        if block.style == "small":
            return [f"*{text}*", ""]
        return [text, ""]
    if block.kind == "list":
        return _list(block)
    if block.kind == "table":
        return _table(block)
    if block.kind == "key_values":
        return [*(f"- **{label}:** {value}" for label, value in block.rows), ""]
    if block.kind == "page_break":
        return ["---", ""]
    return [f"> **[{block.label}]** {block.prompt}", ""]


def _list(block: ItemList) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.numbered else "-"
        lines.append(f"{marker} {_item(item)}")
        indent = " " * (len(marker) + 1)
        lines += [f"{indent}*{d}*" for d in item.details if d]
    return [*lines, ""]


def _item(item: Item) -> str:
    return f"**{item.lead}** {item.text}".strip() if item.label else item.text


def _cell(text: str) -> str:
    first, _, rest = text.partition("\n")
    cell = f"**{first}**<br>{rest}" if rest else first
    return cell.replace("|", "\\|").replace("\n", "<br>")


def _table(block: Table) -> list[str]:
    lines = [
        "| " + " | ".join(_cell(h) for h in block.headers) + " |",
        "|" + "|".join("---" for _ in block.headers) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return [*lines, ""]
