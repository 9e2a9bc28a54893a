"""The assessment report: every conclusion with its reasons and sources, the obligations with their
dates (per legal version where they differ) and uncertainty, the measures, and what is still open."""

from __future__ import annotations

from tillid.reports.documents.model import Block, Heading, Item, ItemList, Paragraph, Table
from tillid.reports.documents.sources import Sources
from tillid.reports.view import ObligationView, ScoreView


def report_blocks(src: Sources) -> list[Block]:
    blocks: list[Block] = []
    blocks += _points_to_check(src)
    blocks += _conclusions(src)
    blocks += _obligations(src)
    blocks += _measures(src)
    if src.view.open_questions:
        blocks.append(Heading(1, src.say("open")))
        blocks.append(Paragraph(src.say("doc.open_intro")))
        blocks.append(ItemList([Item(q.text) for q in src.view.open_questions]))
    return blocks


def _points_to_check(src: Sources) -> list[Block]:
    if not src.view.inconsistencies:
        return []
    return [
        Heading(1, src.say("inconsistent")),
        ItemList([Item(text) for text in src.view.inconsistencies]),
    ]


def _conclusions(src: Sources) -> list[Block]:
    blocks: list[Block] = [Heading(1, src.say("doc.conclusions"))]
    if not src.view.classifications:
        blocks.append(Paragraph(src.say("doc.not_assessed")))
    for item in src.view.classifications:
        value = ", ".join(item.value_titles) or src.say("undetermined_class")
        if not item.determined and item.possible_titles:
            value += f" ({', '.join(item.possible_titles)}?)"
        blocks.append(Heading(2, f"{item.title}: {value}"))
        blocks += [Paragraph(d) for d in item.value_descriptions]
        blocks += src.why_blocks(item.why)
        if item.why.open_questions:
            blocks.append(Paragraph(label=src.say("open") + ":", text=""))
            blocks.append(ItemList([Item(q.text) for q in item.why.open_questions]))
    for score in src.view.scores:
        blocks += _score(src, score)
    return blocks


def _score(src: Sources, score: ScoreView) -> list[Block]:
    """A score with every part and its points, so the level is never a bare number."""
    level = score.level or (
        f"{src.say('undetermined_class')} ({' / '.join(score.possible_levels)})"
    )
    points = (
        str(score.minimum) if score.minimum == score.maximum else f"{score.minimum}–{score.maximum}"
    )
    rows = [
        [f"{part.points:+d}", part.explanation + (" (?)" if part.counts == "unknown" else "")]
        for part in score.parts
    ]
    blocks: list[Block] = [
        Heading(2, f"{score.title}: {level} — {points} {src.say('points')}"),
        Table([src.say("points"), src.say("why")], rows, widths=[1, 9]),
    ]
    if score.description:
        blocks.append(Paragraph(score.description, style="small"))
    return blocks


def _obligations(src: Sources) -> list[Block]:
    view = src.view
    blocks: list[Block] = [Heading(1, src.say("obligations"))]
    if not view.obligations:
        blocks.append(Paragraph(src.say("none_sentence")))
    else:
        blocks.append(
            Table(
                headers=[src.say("doc.obligation"), src.say("doc.when"), src.say("sources")],
                rows=[[o.title, _when(src, o), ", ".join(o.citations)] for o in view.obligations],
                widths=[5, 2, 3],
            )
        )
    for obligation in view.obligations:
        blocks += _obligation(src, obligation)
    if view.undetermined_obligations:
        blocks.append(Heading(2, src.say("may_apply")))
        blocks.append(
            ItemList(
                [
                    Item(
                        text=", ".join(o.citations),
                        label=o.title,
                        details=[q.text for q in o.why.open_questions],
                    )
                    for o in view.undetermined_obligations
                ]
            )
        )
    return blocks


def _when(src: Sources, obligation: ObligationView) -> str:
    if obligation.status == "applies_from" and obligation.applies_from:
        return f"{obligation.status_text} {obligation.applies_from.isoformat()}"
    return obligation.status_text


def _obligation(src: Sources, obligation: ObligationView) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, obligation.title),
        Paragraph(label=f"{_when(src, obligation)} — {', '.join(obligation.citations)}.", text=""),
        Paragraph(obligation.text),
    ]
    if len(set(obligation.dates_by_version.values())) > 1:
        blocks.append(
            Table(
                headers=[src.say("doc.legal_version"), src.say("doc.date")],
                rows=[
                    [src.view.legal_versions.get(k, k), v.isoformat()]
                    for k, v in obligation.dates_by_version.items()
                ],
                widths=[4, 1],
            )
        )
    if obligation.date_note:
        blocks.append(Paragraph(obligation.date_note, style="small"))
    if obligation.uncertainty:
        blocks.append(
            Paragraph(obligation.uncertainty, label=src.say("uncertain") + ":", style="warning")
        )
    blocks += src.why_blocks(obligation.why)
    if obligation.measures:
        blocks.append(Paragraph("; ".join(obligation.measures), label=src.say("measures") + ":"))
    return blocks


def _measures(src: Sources) -> list[Block]:
    blocks: list[Block] = [Heading(1, src.say("measures"))]
    if not src.view.measures:
        return [*blocks, Paragraph(src.say("none_sentence"))]
    current = {m.id for m in src.result.measures if m.in_current_phase}
    if current:
        blocks.append(Paragraph(src.say("doc.measures_now_intro")))
    rows = []
    for measure in src.view.measures:
        title = measure.title + (" ●" if measure.id in current else "")
        rows.append(
            [
                f"{title}\n{measure.text}",
                src.date(measure.due),
                ", ".join(src.say("who." + w) for w in measure.who),
                measure.evidence,
            ]
        )
    blocks.append(
        Table(
            headers=[
                src.say("doc.measure"),
                src.say("due"),
                src.say("doc.who"),
                src.say("evidence"),
            ],
            rows=rows,
            widths=[6, 2, 2, 3],
        )
    )
    return blocks
