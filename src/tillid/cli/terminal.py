"""Rich rendering of a report view for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tillid.knowledge.model import Language
from tillid.reports.view import ReportView, Why
from tillid.reports.wording import say

STATUS_STYLE = {
    "applies_now": "bold red",
    "applies_from": "yellow",
    "undetermined": "cyan",
    "not_applicable": "dim",
}


def print_report(console: Console, view: ReportView) -> None:
    lang = view.language
    title = say("report", lang) + (f": {view.title}" if view.title else "")
    console.rule(f"[bold]{title}[/bold]")
    console.print(f"{say('as_of', lang)} {view.as_of.isoformat()}", style="dim")
    console.print(Text(" · ".join(view.context_text), style="dim"))
    for classification in view.classifications:
        value = ", ".join(classification.value_titles) or "–"
        if not classification.determined:
            value += f"  ({', '.join(classification.possible_titles)}?)"
        descriptions = [Text(d, style="italic") for d in classification.value_descriptions]
        console.print(
            Panel(
                Group(Text(value, style="bold"), *descriptions, *_why(classification.why, lang)),
                title=classification.title,
                title_align="left",
            )
        )
    for score in view.scores:
        level = score.level or " / ".join(score.possible_levels) + "?"
        points = (
            str(score.minimum)
            if score.minimum == score.maximum
            else f"{score.minimum}–{score.maximum}"
        )
        lines = [Text(f"{level} — {points} {say('points', lang)}", style="bold")]
        lines += [
            Text(f"{p.points:+d}  {p.explanation}" + ("  ?" if p.counts == "unknown" else ""))
            for p in score.parts
        ]
        console.print(Panel(Group(*lines), title=score.title, title_align="left"))
    if view.inconsistencies:
        console.print(f"[bold yellow]{say('inconsistent', lang)}:[/bold yellow]")
        for message in view.inconsistencies:
            console.print(Text(f"  • {message}"))
    table = Table(title=say("obligations", lang), show_lines=True, expand=True, show_header=False)
    table.add_column("", ratio=3)
    table.add_column("", ratio=1)
    # The same uncertainty note often applies to many duties: print each once, as a numbered note.
    notes: dict[str, int] = {}
    for obligation in view.obligations:
        when = obligation.status_text
        if obligation.status == "applies_from" and obligation.applies_from:
            when += f" {obligation.applies_from.isoformat()}"
        body = Group(
            Text(obligation.title, style="bold"),
            Text(obligation.text),
            Text(", ".join(obligation.citations), style="dim"),
            *([Text(obligation.date_note, style="italic")] if obligation.date_note else []),
            *(
                [
                    Text(
                        f"{say('uncertain', lang)}: [{_note(notes, obligation.uncertainty)}]",
                        style="italic",
                    )
                ]
                if obligation.uncertainty
                else []
            ),
        )
        table.add_row(body, Text(when, style=STATUS_STYLE[obligation.status]))
    if view.obligations:
        console.print(table)
    else:
        console.print(f"{say('obligations', lang)}: {say('none_sentence', lang)}")
    for text, number in notes.items():
        console.print(Text(f"[{number}] {text}", style="italic"))
    if view.undetermined_obligations:
        console.print(f"[cyan]{say('may_apply', lang)}:[/cyan]")
        for obligation in view.undetermined_obligations:
            console.print(Text(f"  • {obligation.title} ({', '.join(obligation.citations)})"))
    if view.measures:
        measures = Table(title=say("measures", lang), expand=True)
        measures.add_column("")
        measures.add_column(say("due", lang))
        for measure in view.measures:
            measures.add_row(
                Group(Text(measure.title, style="bold"), Text(measure.text)),
                ""
                if measure.due is None
                else say("already", lang)
                if measure.due <= view.as_of
                else measure.due.isoformat(),
            )
        console.print(measures)
    if view.open_questions:
        console.print(f"[cyan]{say('open', lang)} ({len(view.open_questions)}):[/cyan]")
        for question in view.open_questions[:10]:
            console.print(Text(f"  • {question.text}"))
    for disclaimer in view.disclaimers:
        console.print(Text(disclaimer, style="dim italic"))


def _why(why: Why, lang: Language) -> list[Text]:
    lines = []
    for reason in why.reasons:
        lines.append(Text(f"• {reason.explanation} ({', '.join(reason.citations)})"))
    for answer in why.answers:
        lines.append(Text(f"  {answer.text} → {answer.answer}", style="dim"))
    if why.open_questions:
        lines.append(Text(f"{say('open', lang)}: {len(why.open_questions)}", style="cyan"))
    return lines


def _note(notes: dict[str, int], text: str) -> int:
    return notes.setdefault(text, len(notes) + 1)
