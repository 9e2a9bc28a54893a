"""A draft fundamental-rights impact assessment in the structure of AI Act Art. 27(1)(a)–(f).

Only drafted when the assessment concludes one is required (fact aia.fria_required); otherwise the
document says why not, or which open questions decide it, so nobody files a FRIA by mistake.
"""

from __future__ import annotations

from tillid.reports.documents.dpia import PURPOSE_QUESTIONS, risk_signals
from tillid.reports.documents.model import Block, Heading, Item, ItemList, Paragraph, Table
from tillid.reports.documents.sources import Sources

FRIA_FACT = "aia.fria_required"
FRIA_OBLIGATION = "aia.o_art27_fria"
# The conditions of Art. 27(1) as the eu-ai-act pack derives them: shown when no FRIA is required.
FRIA_CONDITIONS = (
    "aia.role_deployer",
    "aia.high_risk",
    "aia.hr_obligations_apply",
    "aia.annex3_high_risk",
    "aia.annex3_listed_excl2",
    "aia.public_service_deployer",
    "aia.annex3_credit_insurance",
)
# Obligations whose measures answer (e) and (f); any loaded pack may add more by id.
OVERSIGHT_OBLIGATIONS = ("aia.o_art26_2_human_oversight", "aia.o_art26_1_use_per_instructions")
REMEDY_OBLIGATIONS = (
    "aia.o_art26_5_monitor_and_report",
    "aia.o_art26_11_inform_persons",
    "aia.o_art86_explanation",
    "aia.o_art26_6_keep_logs",
)
# Answers that say who is affected and how; any loaded pack's question ids may be added here.
AFFECTED_QUESTIONS = (
    "aia.q_annex3_services",
    "aia.q_annex3_employment",
    "aia.q_annex3_education",
    "aia.q_annex3_migration",
    "aia.q_annex3_law_enforcement",
    "aia.q_annex3_justice",
    "aia.q_decisions",
    "aia.q_workplace",
    "aia.q_profiling",
    "gdpr.q_data_subjects",
)
HARM_QUESTIONS = ("gdpr.q_special_data", "gdpr.q_automation", "gdpr.q_large_scale")
RIGHTS = ("dignity", "privacy", "data", "equality", "good_administration", "remedy", "social")


def fria_blocks(src: Sources) -> list[Block]:
    required = src.fact(FRIA_FACT)
    if required is None:
        return [Heading(1, src.say("fria.need")), Paragraph(src.say("fria.not_assessed"))]
    if required == "false":
        return _not_required(src)
    blocks: list[Block] = [Heading(1, src.say("fria.need"))]
    if required == "unknown":
        blocks.append(Paragraph(src.say("fria.maybe"), style="warning"))
        open_questions = src.result.facts[FRIA_FACT].trace.unanswered
        blocks.append(ItemList([Item(src.question_text(q)) for q in dict.fromkeys(open_questions)]))
    else:
        blocks.append(Paragraph(src.say("fria.required")))
        fact = src.result.facts[FRIA_FACT]
        reasons = [src.kb.rule[r] for r in fact.trace.rules]
        blocks.append(
            ItemList(
                [
                    Item(r.explanation.get(src.language), details=[src.citations(r.citations)])
                    for r in reasons
                ]
            )
        )
    obligation = src.obligation(FRIA_OBLIGATION)
    if obligation is not None and obligation.status in ("applies_now", "applies_from"):
        key = "fria.deadline" if obligation.status == "applies_from" else "fria.deadline_now"
        blocks.append(Paragraph(src.say(key), label=src.when(FRIA_OBLIGATION) + ":"))
    blocks.append(
        Paragraph(
            src.say("fria.reuse_dpia"), label=src.citations(["aia:art27(4)"]) + ":", style="note"
        )
    )
    blocks += _a_processes(src)
    blocks += _b_period(src)
    blocks += _c_persons(src)
    blocks += _d_risks(src)
    blocks += _e_oversight(src)
    blocks += _f_remedies(src)
    blocks += _notification(src)
    return blocks


def _not_required(src: Sources) -> list[Block]:
    rows = [
        [src.fact_title(f), src.say(f"doc.truth.{src.fact(f)}")]
        for f in FRIA_CONDITIONS
        if src.fact(f) is not None
    ]
    return [
        Heading(1, src.say("fria.need")),
        Paragraph(src.say("fria.not_required")),
        Table(
            headers=[src.say("doc.condition"), src.say("doc.assessed")], rows=rows, widths=[4, 1]
        ),
        Paragraph(src.say("fria.not_required_hint"), style="small"),
    ]


def _measures_of(src: Sources, obligation_ids: tuple[str, ...]) -> list[Item]:
    items: dict[str, Item] = {}
    for obligation_id in obligation_ids:
        if not src.applies(obligation_id):
            continue
        for measure_id in src.kb.obligation[obligation_id].measures:
            measure = src.kb.measure[measure_id]
            if list(measure.phases) == ["procure"]:
                continue  # tender clauses belong in the procurement annex, not here
            items[measure_id] = Item(
                measure.text.get(src.language), label=measure.title.get(src.language)
            )
    return list(items.values())


def _a_processes(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("fria.a")),
        Paragraph(src.say("fria.a_intro"), style="small"),
    ]
    purpose = [i for q in PURPOSE_QUESTIONS if (i := src.answered_item(q)) is not None]
    if purpose:
        blocks.append(ItemList([Item(src.system, label=src.say("doc.system") + ":"), *purpose]))
    risk_class, _ = src.risk_class()
    if risk_class:
        blocks.append(Paragraph(risk_class, label=src.say("doc.risk_class") + ":"))
    blocks.append(src.to_complete("fria.a.prompt"))
    return blocks


def _b_period(src: Sources) -> list[Block]:
    return [
        Heading(1, src.say("fria.b")),
        Paragraph(src.say("fria.b_intro"), style="small"),
        src.to_complete("fria.b.prompt"),
    ]


def _c_persons(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("fria.c")),
        Paragraph(src.say("fria.c_intro"), style="small"),
    ]
    known = [i for q in AFFECTED_QUESTIONS if (i := src.answered_item(q)) is not None]
    if known:
        blocks.append(ItemList(known))
    blocks.append(src.to_complete("fria.c.prompt"))
    return blocks


def _d_risks(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("fria.d")),
        Paragraph(src.say("fria.d_intro"), style="small"),
    ]
    signals = risk_signals(src)
    signals += [i for q in HARM_QUESTIONS if (i := src.answered_item(q)) is not None]
    if signals:
        blocks.append(ItemList(signals))
    blocks.append(
        Table(
            headers=[
                src.say("fria.right"),
                src.say("fria.harm"),
                src.say("dpia.likelihood"),
                src.say("dpia.severity"),
            ],
            rows=[[src.say(f"fria.right.{r}"), "", "", ""] for r in RIGHTS],
            widths=[6, 6, 3, 3],
        )
    )
    blocks.append(src.to_complete("fria.d.prompt"))
    return blocks


def _measures_section(src: Sources, key: str, obligations: tuple[str, ...]) -> list[Block]:
    """A FRIA point: its heading and intro, then the measures the assessment already names."""
    blocks: list[Block] = [
        Heading(1, src.say(key)),
        Paragraph(src.say(f"{key}_intro"), style="small"),
    ]
    measures = _measures_of(src, obligations)
    if measures:
        blocks.append(ItemList(measures))
    return blocks


def _e_oversight(src: Sources) -> list[Block]:
    blocks = _measures_section(src, "fria.e", OVERSIGHT_OBLIGATIONS)
    blocks.append(src.to_complete("fria.e.prompt"))
    return blocks


def _f_remedies(src: Sources) -> list[Block]:
    blocks = _measures_section(src, "fria.f", REMEDY_OBLIGATIONS)
    for name in ("governance", "complaints", "stop"):
        blocks.append(Heading(2, src.say(f"fria.f.{name}")))
        blocks.append(src.to_complete(f"fria.f.{name}.prompt"))
    return blocks


def _notification(src: Sources) -> list[Block]:
    return [
        Heading(1, src.say("fria.notify")),
        Paragraph(src.say("fria.notify_text")),
        src.to_complete("fria.notify.prompt"),
        Heading(1, src.say("dpia.sign.approval")),
        src.to_complete("doc.approval.prompt"),
    ]
