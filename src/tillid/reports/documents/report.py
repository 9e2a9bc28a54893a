"""The assessment report: a one-page summary for management first, then every conclusion with its
reasons and sources, the obligations with their dates (per legal version where they differ) and
uncertainty, the measures, and what is still open."""

from __future__ import annotations

import datetime as dt

from tillid.reports.documents.model import (
    Block,
    Heading,
    Item,
    ItemList,
    KeyValues,
    PageBreak,
    Paragraph,
    Table,
)
from tillid.reports.documents.sources import Sources
from tillid.reports.view import ClassificationView, ObligationView, ScoreView

IMPACT_SCORE = "impact.level"
DPIA_CLASSIFICATION = "gdpr.dpia"
FRIA_FACT = "aia.fria_required"
DEADLINES_SHOWN = 3  # dates on the summary page
TITLES_PER_DEADLINE = 2


def report_blocks(src: Sources) -> list[Block]:
    blocks: list[Block] = _summary(src)
    blocks += _points_to_check(src)
    blocks += _conclusions(src)
    blocks += _obligations(src)
    blocks += _measures(src)
    if src.view.open_questions:
        blocks.append(Heading(1, src.say("open")))
        blocks.append(Paragraph(src.say("doc.open_intro")))
        blocks.append(ItemList([Item(q.text) for q in src.view.open_questions]))
    return blocks


def _summary(src: Sources) -> list[Block]:
    """One page for management: the headline conclusions and counts, each detailed further on.
    A row is left out when no loaded pack assesses it."""
    view = src.view
    rows: list[tuple[str, str]] = []
    role, (risk_class, _) = src.role(), src.risk_class()
    if role:
        rows.append((src.say("doc.role"), role))
    if risk_class:
        rows.append((src.say("doc.risk_class"), risk_class))
    for score in view.scores:
        if score.id == IMPACT_SCORE:
            rows.append((score.title, _score_value(src, score)))
    for item in view.classifications:
        if item.id == DPIA_CLASSIFICATION:
            rows.append((item.title, ", ".join(item.value_titles) or _undetermined(src, item)))
    fria = src.fact(FRIA_FACT)
    if fria is not None:
        words = {"true": "doc.summary.required", "false": "doc.summary.not_required"}
        rows.append((src.say("doc.summary.fria"), src.say(words.get(fria, "undetermined_class"))))
    later = [o for o in view.obligations if o.status == "applies_from"]
    counts = src.say("doc.summary.obligation_counts").format(
        now=len(view.obligations) - len(later),
        later=len(later),
        open=len(view.undetermined_obligations),
    )
    rows.append((src.say("obligations"), counts))
    rows.append((src.say("doc.summary.deadlines"), _deadlines(src, later, view.as_of)))
    rows.append((src.say("open"), str(len(view.open_questions))))
    if view.inconsistencies:
        rows.append((src.say("inconsistent"), str(len(view.inconsistencies))))
    return [
        Heading(1, src.say("doc.summary")),
        KeyValues(rows),
        Paragraph(src.say("doc.summary.note"), style="note"),
        PageBreak(),
    ]


def _undetermined(src: Sources, item: ClassificationView) -> str:
    text = src.say("undetermined_class")
    return f"{text} ({' / '.join(item.possible_titles)})" if item.possible_titles else text


def _score_value(src: Sources, score: ScoreView) -> str:
    level = score.level or (
        f"{src.say('undetermined_class')} ({' / '.join(score.possible_levels)})"
    )
    points = (
        str(score.minimum) if score.minimum == score.maximum else f"{score.minimum}–{score.maximum}"
    )
    return f"{level} ({points} {src.say('points')})"


def _deadlines(src: Sources, later: list[ObligationView], as_of: dt.date) -> str:
    """The nearest dates on which obligations start to apply, one line each, e.g.
    '2027-12-02: Registration; Human oversight and 4 more'."""
    by_date: dict[dt.date, list[str]] = {}
    for obligation in later:
        if obligation.applies_from and obligation.applies_from > as_of:
            by_date.setdefault(obligation.applies_from, []).append(obligation.title)
    if not by_date:
        return src.say("doc.summary.no_deadlines")
    lines = []
    for date in sorted(by_date)[:DEADLINES_SHOWN]:
        titles = by_date[date]
        text = "; ".join(titles[:TITLES_PER_DEADLINE])
        if len(titles) > TITLES_PER_DEADLINE:
            more = src.say("doc.summary.more").format(n=len(titles) - TITLES_PER_DEADLINE)
            text += f" {more}"
        lines.append(f"{date.isoformat()}: {text}")
    return "\n".join(lines)


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
    rows = [
        [f"{part.points:+d}", part.explanation + (" (?)" if part.counts == "unknown" else "")]
        for part in score.parts
    ]
    blocks: list[Block] = [
        Heading(2, f"{score.title}: {_score_value(src, score)}"),
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
