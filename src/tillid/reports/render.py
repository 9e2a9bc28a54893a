"""Render a `ReportView` as Markdown or JSON."""

from __future__ import annotations

import json

from tillid.assessment.result import Result
from tillid.knowledge.model import Language
from tillid.reports.view import ObligationView, ReportView, ScoreView, Why
from tillid.reports.wording import say


def to_json(view: ReportView, result: Result) -> str:
    """Both the worded report and the raw result, so machines get ids and people get words."""
    payload = {"report": view.model_dump(mode="json"), "result": result.to_dict()}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def to_markdown(view: ReportView) -> str:
    lang = view.language
    lines = [f"# {say('report', lang)}{': ' + view.title if view.title else ''}", ""]
    lines.append(f"*{say('as_of', lang)} {view.as_of.isoformat()}*")
    lines.append("")
    lines += [f"- {item}" for item in view.context_text]
    lines.append("")
    if view.inconsistencies:
        lines += [f"> **{say('inconsistent', lang)}:**", ">"]
        lines += [f"> - {message}" for message in view.inconsistencies]
        lines.append("")
    for classification in view.classifications:
        value = ", ".join(classification.value_titles) or "–"
        if not classification.determined:
            value += f" ({', '.join(classification.possible_titles)}?)"
        lines.append(f"**{classification.title}:** {value}")
        lines.append("")
        lines += [f"*{d}*\n" for d in classification.value_descriptions]
        lines += _why(classification.why, lang)
    for score in view.scores:
        lines += _score(score, lang)
    lines += [f"## {say('obligations', lang)}", ""]
    if not view.obligations:
        lines += [say("none_sentence", lang), ""]
    for obligation in view.obligations:
        lines += _obligation(obligation, view)
    if view.undetermined_obligations:
        lines += [f"## {say('may_apply', lang)}", ""]
        for obligation in view.undetermined_obligations:
            lines.append(f"- **{obligation.title}** ({', '.join(obligation.citations)})")
        lines.append("")
    lines += [f"## {say('measures', lang)}", ""]
    if not view.measures:
        lines += [say("none_sentence", lang), ""]
    for measure in view.measures:
        due = ""
        if measure.due is not None:
            due = f" — {say('due', lang)} " + (
                say("already", lang) if measure.due <= view.as_of else measure.due.isoformat()
            )
        lines.append(f"- **{measure.title}**{due}: {measure.text}")
        lines.append(f"  *{say('evidence', lang)}:* {measure.evidence}")
    lines.append("")
    if view.open_questions:
        lines += [f"## {say('open', lang)}", ""]
        lines += [f"- {q.text}" for q in view.open_questions]
        lines.append("")
    lines += ["---", ""]
    lines += [f"*{text}*" for text in view.disclaimers]
    return "\n".join(lines) + "\n"


def _obligation(obligation: ObligationView, view: ReportView) -> list[str]:
    lang = view.language
    when = obligation.status_text
    if obligation.status == "applies_from" and obligation.applies_from:
        when = f"{when} {obligation.applies_from.isoformat()}"
    lines = [f"### {obligation.title}", "", f"*{when}* — {', '.join(obligation.citations)}", ""]
    lines += [obligation.text, ""]
    versions = "; ".join(
        f"{view.legal_versions.get(k, k)}: {v.isoformat()}"
        for k, v in obligation.dates_by_version.items()
    )
    if len(set(obligation.dates_by_version.values())) > 1:
        lines += [f"{say('by_version', lang)}: {versions}", ""]
    if obligation.date_note:
        lines += [f"*{obligation.date_note}*", ""]
    if obligation.uncertainty:
        lines += [f"> **{say('uncertain', lang)}:** {obligation.uncertainty}", ""]
    lines += _why(obligation.why, lang)
    return lines


def _score(score: ScoreView, lang: Language) -> list[str]:
    level = (
        score.level or f"{say('undetermined_class', lang)} ({' / '.join(score.possible_levels)})"
    )
    points = (
        str(score.minimum) if score.minimum == score.maximum else f"{score.minimum}–{score.maximum}"
    )
    lines = [f"**{score.title}:** {level} — {points} {say('points', lang)}", ""]
    if score.description:
        lines += [f"*{score.description}*", ""]
    for part in score.parts:
        open_mark = f" ({say('open_part', lang)})" if part.counts == "unknown" else ""
        lines.append(f"- {part.points:+d} {part.explanation}{open_mark}")
    return [*lines, ""]


def _why(why: Why, lang: Language) -> list[str]:
    # Each list gets its own paragraph label with blank lines around it, or Markdown would merge
    # the label into the list before it.
    lines: list[str] = []
    if why.reasons:
        lines += [f"**{say('why', lang)}:**", ""]
        lines += [f"- {r.explanation} ({', '.join(r.citations)})" for r in why.reasons]
        lines.append("")
    elif why.because:
        lines += [f"**{say('why', lang)}:** {'; '.join(why.because)}", ""]
    if why.answers:
        lines += [f"**{say('answers', lang)}:**", ""]
        lines += [f"- {a.text} **{a.answer}**" for a in why.answers]
        lines.append("")
    return lines
