"""The procurement requirements annex: numbered requirements an authority pastes into a tender or
contract, read off the `procurement` pack's result.

The pack holds the legal content: each of its obligations is the buyer's duty to demand something,
switched on by facts of the AI Act and GDPR packs, and its clause measure (the one the vendor acts on)
holds the words of the requirement and, as evidence, the document to demand. This module only lays them
out. A requirement whose condition is still open is shown with an "if ..." qualifier naming the open
facts, so a draft tender never silently loses a clause. Measures of the other packs that belong to
the procure phase follow, unless a requirement already covers them.
"""

from __future__ import annotations

from tillid.assessment.result import ObligationResult
from tillid.knowledge.conditions import All, AnyOf, AtLeast, Condition, FactHolds, Not
from tillid.knowledge.model import Measure, Obligation
from tillid.reports.documents.model import Block, Heading, Item, ItemList, Paragraph
from tillid.reports.documents.sources import Sources

PACK = "procurement"
SHOWN = ("applies_now", "applies_from", "undetermined")


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
    requirements = _requirements(src)
    blocks.append(Heading(1, src.say("proc.requirements")))
    if requirements:
        blocks.append(ItemList([item for _, item in requirements], numbered=True))
    else:
        blocks.append(Paragraph(src.say("proc.none"), style="note"))
    further, own = _measures(src, _covered(src))
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
    blocks.append(Heading(1, src.say("proc.documents")))
    documents = _documents(src, [clause for clause, _ in requirements])
    if documents:
        blocks += [Paragraph(src.say("proc.documents_text")), ItemList(documents)]
    else:
        blocks.append(Paragraph(src.say("proc.none"), style="note"))
    return blocks


def _shown_obligations(src: Sources) -> list[tuple[ObligationResult, Obligation]]:
    """The pack's requirements that apply or may apply, in the pack's order."""
    return [
        (result, src.kb.obligation[result.id])
        for result in src.result.obligations
        if result.pack == PACK and result.status in SHOWN
    ]


def _clauses(src: Sources, obligation: Obligation) -> list[Measure]:
    """The obligation's clause measures: its own pack's measures that the vendor acts on."""
    measures = [src.kb.measure[m] for m in obligation.measures]
    return [m for m in measures if src.kb.pack_of[m.id].meta.id == PACK and "vendor" in m.who]


def _requirements(src: Sources) -> list[tuple[Measure, Item]]:
    items = []
    for result, obligation in _shown_obligations(src):
        qualifier = _qualifier(src, obligation) if result.status == "undetermined" else ""
        for clause in _clauses(src, obligation):
            text = clause.text.get(src.language)
            items.append(
                (
                    clause,
                    Item(
                        f"{qualifier} {text}" if qualifier else text,
                        label=clause.title.get(src.language) + ".",
                        details=[src.citations(list(obligation.citations))],
                    ),
                )
            )
    return items


def _qualifier(src: Sources, obligation: Obligation) -> str:
    """'(If the system is high-risk — not yet settled:)' from the facts still open."""
    titles = [_as_clause(src.fact_title(f)) for f in _open_facts(src, obligation.applies_when)]
    if not titles:
        return src.say("proc.if_open_questions")
    condition = src.say("proc.if_open_and").join(titles)
    return src.say("proc.if_open").format(condition=condition)


def _open_facts(src: Sources, condition: Condition) -> list[str]:
    """Facts the condition needs to hold (not under a `not`) whose value is still unknown."""
    found: list[str] = []

    def visit(node: Condition, positive: bool) -> None:
        if isinstance(node, FactHolds):
            if positive and src.fact(node.fact) == "unknown":
                found.append(node.fact)
        elif isinstance(node, Not):
            visit(node.item, not positive)
        elif isinstance(node, All | AnyOf | AtLeast):
            for item in node.items:
                visit(item, positive)

    visit(condition, True)
    return list(dict.fromkeys(found))


def _as_clause(title: str) -> str:
    """A fact title fit to follow "if": lower-case its first letter, except the Danish pronoun "I"
    ("you") and acronyms."""
    first = title.split(" ", 1)[0]
    if first == "I" or (len(first) > 1 and first[:2].isupper()):
        return title
    return title[:1].lower() + title[1:]


def _covered(src: Sources) -> set[str]:
    """Measures a numbered requirement stands for: its clauses and the other packs' measures it lists."""
    covered: set[str] = set()
    for _, obligation in _shown_obligations(src):
        clauses = {m.id for m in _clauses(src, obligation)}
        if clauses:
            covered |= clauses
            covered |= {m for m in obligation.measures if src.kb.pack_of[m].meta.id != PACK}
    return covered


def _measures(src: Sources, covered: set[str]) -> tuple[list[Item], list[Item]]:
    further: list[Item] = []
    own: list[Item] = []
    for result in src.result.measures:
        measure = src.kb.measure[result.id]
        if "procure" not in measure.phases or result.id in covered:
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


def _documents(src: Sources, clauses: list[Measure]) -> list[Item]:
    """Each requirement's evidence: the document the supplier must hand over."""
    unique = {clause.id: clause for clause in clauses}
    return [
        Item(clause.evidence.get(src.language), label=clause.title.get(src.language) + ":")
        for clause in unique.values()
    ]
