"""The procurement requirements annex: numbered requirements an authority pastes into a tender or
contract, chosen by what the assessment concluded (high-risk, personal data, transparency duties).

The clauses are interface texts (wording.py, `proc.req.*`), each switched on by facts and
obligations keyed by id. Measures of any loaded pack that belong to the procure phase and fall to the
procurement officer or the vendor are added after them, so a procurement pack extends the annex
without code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tillid.reports.documents.dpia import personal_data
from tillid.reports.documents.model import Block, Heading, Item, ItemList, Paragraph
from tillid.reports.documents.sources import Sources

Trigger = Callable[[Sources], bool | None]  # True: needed, None: needed if an open point holds


def _high_risk(src: Sources) -> bool | None:
    value = src.fact("aia.hr_obligations_apply")
    return {"true": True, "unknown": None}.get(value or "", False)


def _personal_data(src: Sources) -> bool | None:
    return personal_data(src)  # None: not asked, so the clause comes with an "if"


def _transparency(src: Sources) -> bool:
    # By citation rather than id: the pack splits and renames its Art. 50 duties as it grows.
    return src.applies_citing("aia:art50")


def _dpia_or_fria(src: Sources) -> bool | None:
    if src.fact("aia.fria_required") == "true" or src.applies("aia.o_art26_9_dpia"):
        return True
    return _personal_data(src)


def _always(src: Sources) -> bool:
    return True


@dataclass(frozen=True)
class Clause:
    key: str  # texts: proc.req.<key>.title and proc.req.<key>
    needed: Trigger
    citations: tuple[str, ...]
    condition: str = ""  # wording key of the "if ..." note shown when `needed` returns None


CLAUSES = (
    Clause("instructions", _high_risk, ("aia:art13", "aia:art26(1)"), "proc.if_high_risk"),
    Clause("technical_docs", _high_risk, ("aia:art11", "aia:annex4"), "proc.if_high_risk"),
    Clause("conformity", _high_risk, ("aia:art43", "aia:art47", "aia:art48"), "proc.if_high_risk"),
    Clause("registration", _high_risk, ("aia:art49(1)", "aia:art71"), "proc.if_high_risk"),
    Clause("logs", _high_risk, ("aia:art12", "aia:art19", "aia:art26(6)"), "proc.if_high_risk"),
    Clause("oversight", _high_risk, ("aia:art14", "aia:art26(2)"), "proc.if_high_risk"),
    Clause("accuracy", _high_risk, ("aia:art15",), "proc.if_high_risk"),
    Clause("incidents", _high_risk, ("aia:art26(5)", "aia:art73"), "proc.if_high_risk"),
    Clause(
        "assessment_info",
        _dpia_or_fria,
        ("aia:art26(9)", "aia:art27", "gdpr:art35"),
        "proc.if_personal_data",
    ),
    Clause("transparency", _transparency, ("aia:art50",)),
    Clause("dpa", _personal_data, ("gdpr:art28",), "proc.if_personal_data"),
    Clause("transfers", _personal_data, ("gdpr:art44", "gdpr:art46"), "proc.if_personal_data"),
    Clause("security", _always, ("aia:art15(5)", "gdpr:art32")),
    Clause("own_data_testing", _always, ("aia:art26(4)",)),
    Clause("changes", _always, ("aia:art25(1)", "aia:art3(23)")),
    Clause("audit", _always, ("aia:art26(12)", "gdpr:art28(3)(h)")),
    Clause("publishing", _always, ("aia:art86",)),
    Clause("training", _always, ("aia:art4",)),
    Clause("exit", _always, ("gdpr:art20", "gdpr:art28(3)(g)")),
)
# Measures the clauses above already cover; not repeated among the further requirements.
COVERED_MEASURES = frozenset(
    {"aia.m_procurement_requirements", "aia.m_require_art50_from_provider"}
)


def procurement_blocks(src: Sources) -> list[Block]:
    blocks: list[Block] = [Heading(1, src.say("proc.basis"))]
    basis = [Item(t) for t in src.view.context_text]
    risk_class, _ = src.risk_class()
    if risk_class:
        basis.append(Item(risk_class, label=src.say("doc.risk_class") + ":"))
    if src.role():
        basis.append(Item(src.role(), label=src.say("doc.role") + ":"))
    if src.fact("aia.prohibited") == "true":
        return [*blocks, ItemList(basis)]  # nothing to tender for: see the warning above
    blocks += [Paragraph(src.say("proc.intro")), ItemList(basis)]
    blocks += [Heading(1, src.say("proc.requirements")), ItemList(_clauses(src), numbered=True)]
    further, own = _measures(src)
    if further:
        blocks += [
            Heading(1, src.say("proc.further")),
            Paragraph(src.say("proc.further_intro"), style="small"),
            ItemList(further),
        ]
    if own:
        blocks += [
            Heading(1, src.say("proc.own")),
            Paragraph(src.say("proc.own_intro"), style="small"),
            ItemList(own),
        ]
    blocks += [Heading(1, src.say("proc.documents")), Paragraph(src.say("proc.documents_text"))]
    return blocks


def _clauses(src: Sources) -> list[Item]:
    items = []
    for clause in CLAUSES:
        needed = clause.needed(src)
        if needed is False:
            continue
        text = src.say(f"proc.req.{clause.key}")
        if needed is None and clause.condition:
            text = f"{src.say(clause.condition)} {text}"
        items.append(
            Item(
                text,
                label=src.say(f"proc.req.{clause.key}.title") + ".",
                details=[src.citations(list(clause.citations))],
            )
        )
    return items


def _measures(src: Sources) -> tuple[list[Item], list[Item]]:
    further: list[Item] = []
    own: list[Item] = []
    for result in src.result.measures:
        measure = src.kb.measure[result.id]
        if "procure" not in measure.phases or result.id in COVERED_MEASURES:
            continue
        item = Item(
            measure.text.get(src.language),
            label=measure.title.get(src.language),
            details=[f"{src.say('evidence')}: {measure.evidence.get(src.language)}"],
        )
        if "vendor" in measure.who or "procurement" in measure.who:
            further.append(item)
        else:
            own.append(item)
    return further, own
