"""A draft data protection impact assessment in the structure of GDPR Art. 35(7)(a)–(d).

Prefilled from the assessment where it knows the answer; "to be completed" where only the authority
can know (data categories, retention, legal basis ...). GDPR facts are used when the gdpr pack is
loaded; without it the draft says the GDPR questions were not assessed.
"""

from __future__ import annotations

from tillid.reports.documents.model import Block, Heading, Item, ItemList, Paragraph, Table
from tillid.reports.documents.sources import Sources

# Asked by the gdpr pack where loaded, else by the AI Act pack (Art. 26(9) cites it).
PERSONAL_DATA_QUESTIONS = ("gdpr.q_personal_data", "aia.q_personal_data")
PERSONAL_DATA_FACTS = ("gdpr.personal_data",)
DPIA_REQUIRED_FACTS = ("gdpr.dpia_required",)
# Answers that describe what the system does and for what; shown where the DPIA asks for purposes.
PURPOSE_QUESTIONS = (
    "aia.q_technique",
    "aia.q_annex3_areas",
    "aia.q_annex3_services",
    "aia.q_annex3_employment",
    "aia.q_annex3_education",
    "aia.q_annex3_law_enforcement",
    "aia.q_annex3_migration",
    "aia.q_annex3_justice",
    "aia.q_annex3_biometrics",
    "aia.q_annex3_critical_infrastructure",
    "aia.q_art50",
    "gdpr.q_training",
)
RISK_QUESTIONS = (
    "aia.q_profiling",
    "aia.q_decisions",
    "aia.q_workplace",
    "gdpr.q_decisions",
    "gdpr.q_automation",
    "gdpr.q_art22_exception",
)
LEGAL_BASIS_QUESTIONS = ("gdpr.q_legal_basis", "gdpr.q_training")
# The rows of the data table and the gdpr pack's questions that prefill them where answered.
DATA_ROWS: tuple[tuple[str, str | None], ...] = (
    ("subjects", "gdpr.q_data_subjects"),
    ("categories", None),
    ("special", "gdpr.q_special_data"),
    ("sources", None),
    ("recipients", None),
    ("processors", "gdpr.q_supplier"),
    ("transfers", None),
    ("retention", None),
    ("volume", "gdpr.q_large_scale"),
)


def personal_data(src: Sources) -> bool | None:
    """True/False when the assessment knows whether personal data is processed, else None."""
    for fact_id in PERSONAL_DATA_FACTS:
        value = src.fact(fact_id)
        if value in ("true", "false"):
            return value == "true"
    for question_id in PERSONAL_DATA_QUESTIONS:
        answer = src.answer(question_id)
        if isinstance(answer, bool):
            return answer
    return None


def dpia_blocks(src: Sources) -> list[Block]:
    blocks: list[Block] = [Heading(1, src.say("dpia.need")), *_need(src)]
    if personal_data(src) is False:
        return blocks
    blocks += _description(src)
    blocks += _necessity(src)
    blocks += _risks(src)
    blocks += _measures(src)
    blocks += _sign_off(src)
    return blocks


def _need(src: Sources) -> list[Block]:
    blocks: list[Block] = []
    processes = personal_data(src)
    if processes is False:
        answered = [i for q in PERSONAL_DATA_QUESTIONS if (i := src.answered_item(q))]
        return [
            Paragraph(src.say("dpia.no_personal_data"), style="note"),
            *([ItemList(answered)] if answered else []),
        ]
    if processes is None:
        blocks.append(Paragraph(src.say("dpia.personal_data_unknown"), style="warning"))
    required = [(f, v) for f in DPIA_REQUIRED_FACTS if (v := src.fact(f)) is not None]
    if required:
        fact_id, value = required[0]
        key = {"true": "dpia.required", "false": "dpia.not_required", "unknown": "dpia.maybe"}
        blocks.append(Paragraph(src.say(key[value])))
        blocks += _gdpr_reasons(src, fact_id)
    elif src.applies("aia.o_art26_9_dpia"):
        blocks.append(Paragraph(src.say("dpia.required_by_aia")))
    else:
        blocks.append(Paragraph(src.say("dpia.gdpr_not_assessed"), style="warning"))
    if src.applies("aia.o_art26_9_dpia"):
        blocks.append(
            Paragraph(src.say("dpia.aia_art26_9"), label=src.when("aia.o_art26_9_dpia") + ":")
        )
    return blocks


def _gdpr_reasons(src: Sources, fact_id: str) -> list[Block]:
    fact = src.result.facts[fact_id]
    blocks: list[Block] = []
    reasons = [src.kb.rule[r] for r in fact.trace.rules]
    if reasons:
        blocks.append(Paragraph(label=src.say("why") + ":", text=""))
        blocks.append(
            ItemList(
                [
                    Item(r.explanation.get(src.language), details=[src.citations(r.citations)])
                    for r in reasons
                ]
            )
        )
    return blocks


def _description(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("dpia.a")),
        Paragraph(src.say("dpia.a_intro"), style="small"),
        Heading(2, src.say("dpia.system")),
        ItemList(
            [
                Item(src.system, label=src.say("doc.system") + ":"),
                *[Item(t) for t in src.view.context_text],
            ]
        ),
    ]
    purpose = [i for q in PURPOSE_QUESTIONS if (i := src.answered_item(q)) is not None]
    blocks.append(Heading(2, src.say("dpia.purposes")))
    if purpose:
        blocks.append(Paragraph(src.say("dpia.from_answers"), style="small"))
        blocks.append(ItemList(purpose))
    blocks.append(src.to_complete("dpia.purpose_prompt"))
    risk_class, reasons = src.risk_class()
    if risk_class:
        blocks.append(Heading(2, src.say("dpia.ai_act")))
        blocks.append(Paragraph(risk_class, label=src.say("doc.risk_class") + ":"))
        if src.role():
            blocks.append(Paragraph(src.role(), label=src.say("doc.role") + ":"))
        blocks += reasons
    blocks.append(Heading(2, src.say("dpia.data")))
    blocks.append(Paragraph(src.say("dpia.data_intro"), style="small"))
    rows = []
    for name, question_id in DATA_ROWS:
        answered = src.answer_words(question_id) if question_id else None
        rows.append([src.say(f"dpia.field.{name}"), answered or f"[{src.say('doc.to_complete')}]"])
    blocks.append(
        Table(headers=[src.say("dpia.field"), src.say("dpia.entry")], rows=rows, widths=[2, 3])
    )
    gdpr_facts = src.pack_facts("gdpr")
    if gdpr_facts:
        blocks.append(Heading(2, src.say("dpia.gdpr_facts")))
        blocks.append(ItemList(gdpr_facts))
    return blocks


def _necessity(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("dpia.b")),
        Paragraph(src.say("dpia.b_intro"), style="small"),
    ]
    gdpr = [o for o in src.view.obligations if o.id.startswith("gdpr.")]
    if gdpr:
        blocks.append(Paragraph(src.say("dpia.gdpr_duties")))
        blocks.append(
            ItemList([Item(o.text, label=o.title, details=[", ".join(o.citations)]) for o in gdpr])
        )
    elif not src.has_pack("gdpr"):
        blocks.append(Paragraph(src.say("dpia.gdpr_not_assessed"), style="warning"))
    for prompt in ("legal_basis", "necessity", "minimisation", "retention_b", "rights"):
        blocks.append(Heading(2, src.say(f"dpia.b.{prompt}")))
        if prompt == "legal_basis":
            answered = [i for q in LEGAL_BASIS_QUESTIONS if (i := src.answered_item(q))]
            blocks += [ItemList(answered)] if answered else []
        blocks.append(src.to_complete(f"dpia.b.{prompt}.prompt"))
    return blocks


def _risks(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("dpia.c")),
        Paragraph(src.say("dpia.c_intro"), style="small"),
    ]
    known = [i for q in RISK_QUESTIONS if (i := src.answered_item(q)) is not None]
    signals = risk_signals(src)
    if known or signals:
        blocks.append(Heading(2, src.say("dpia.known_risks")))
        blocks.append(ItemList(signals + known))
    blocks.append(Heading(2, src.say("dpia.risk_table")))
    blocks.append(
        Table(
            headers=[
                src.say("dpia.risk"),
                src.say("dpia.likelihood"),
                src.say("dpia.severity"),
                src.say("dpia.risk_measure"),
            ],
            rows=[
                [src.say(f"dpia.risk.{name}"), "", "", ""]
                for name in ("discrimination", "error", "opacity", "security", "function_creep")
            ],
            widths=[7, 3, 3, 5],
        )
    )
    blocks.append(src.to_complete("dpia.c.prompt"))
    return blocks


def risk_signals(src: Sources) -> list[Item]:
    """What the assessment already says about risks to people, keyed by AI Act facts."""
    keys = {
        "aia.profiling": "dpia.signal.profiling",
        "aia.decisions_significant": "dpia.signal.art22",
        "aia.high_risk": "dpia.signal.high_risk",
    }
    return [Item(src.say(key)) for fact, key in keys.items() if src.fact(fact) == "true"]


def _measures(src: Sources) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, src.say("dpia.d")),
        Paragraph(src.say("dpia.d_intro"), style="small"),
    ]
    if src.view.measures:
        blocks.append(
            Table(
                headers=[src.say("doc.measure"), src.say("due"), src.say("doc.who")],
                rows=[
                    [
                        f"{m.title}\n{m.text}",
                        src.date(m.due),
                        ", ".join(src.say("who." + w) for w in m.who),
                    ]
                    for m in src.view.measures
                ],
                widths=[6, 2, 2],
            )
        )
    blocks.append(src.to_complete("dpia.d.prompt"))
    return blocks


def _sign_off(src: Sources) -> list[Block]:
    blocks: list[Block] = [Heading(1, src.say("dpia.sign_off"))]
    for name in ("dpo", "subjects_views", "prior_consultation", "review", "approval"):
        blocks.append(Heading(2, src.say(f"dpia.sign.{name}")))
        blocks.append(src.to_complete(f"dpia.sign.{name}.prompt"))
    return blocks
