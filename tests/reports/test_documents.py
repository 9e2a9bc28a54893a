"""Documents as an authority would file them: every kind, language and format, with the headings and
prefilled facts a DPO or procurement officer expects to find."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from tests.reports.conftest import CHATBOT, DEMO, SCENARIOS, WATER, Assessed
from tillid.assessment.answers import AnswerSet, read_answer_set
from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.loading import builtin_pack_folders, load_pack
from tillid.knowledge.model import Language
from tillid.reports.documents import (
    DOCUMENT_FORMATS,
    DOCUMENT_KINDS,
    DocumentError,
    build_document,
    render_document,
)
from tillid.reports.wording import say

LANGUAGES: tuple[Language, ...] = ("da", "en", "sv")
Assess = Callable[[KnowledgeBase, Path | AnswerSet], Assessed]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def docx_headings(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def flat(text: str) -> str:
    """PDF text extraction breaks lines where the page did; compare on words only."""
    return " ".join(text.split())


def render(assessed: Assessed, kind: Any, language: Language, fmt: Any) -> Any:
    kb, result, answers = assessed
    return render_document(kind, kb, result, answers, language, fmt)


@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_every_document_renders_in_every_language_and_format(
    kind: Any, language: Language, fmt: Any, aia_kb: KnowledgeBase, assess: Assess, request: Any
) -> None:
    if fmt == "pdf":
        request.getfixturevalue("pdf_engine")
    output = render(assess(aia_kb, DEMO), kind, language, fmt)
    title = say(f"doc.kind.{kind}", language)
    system = "Risikoscoring af ydelsesmodtagere"
    if fmt == "pdf":
        assert output.startswith(b"%PDF")
        text = flat(pdf_text(output))
    elif fmt == "docx":
        text = docx_text(output)
    else:
        text = output
    assert system in text
    assert (title.upper() if fmt in ("pdf", "docx") else title) in text
    assert say("doc.disclaimer", language) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_fria_of_the_demo_case_has_art27_1_a_to_f_as_headings(
    language: Language, aia_kb: KnowledgeBase, assess: Assess, pdf_engine: None
) -> None:
    # Given a municipality buying a high-risk benefit-fraud scoring system (FRIA required)
    assessed = assess(aia_kb, DEMO)
    # When the FRIA draft is made as PDF and as Word
    pdf = flat(pdf_text(render(assessed, "fria", language, "pdf")))
    headings = docx_headings(render(assessed, "fria", language, "docx"))
    # Then both carry the six points of Art. 27(1), the notification, and the system's title
    for point in "abcdef":
        heading = say(f"fria.{point}", language)
        assert flat(heading) in pdf
        assert heading in headings
    assert say("fria.notify", language) in headings
    assert "Risikoscoring af ydelsesmodtagere (kontrol af fejludbetalinger)" in pdf
    assert flat(say("fria.reuse_dpia", language)) in pdf  # Art. 27(4)
    assert "2027-12-02" in pdf  # first use from the Omnibus date


def test_fria_is_not_drafted_for_critical_infrastructure_and_says_why(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    # Annex III point 2 is carved out of Art. 27(1)
    markdown = render(assess(aia_kb, WATER), "fria", "en", "md")
    assert say("fria.not_required", "en") in markdown
    point_2 = aia_kb.fact["aia.annex3_listed_excl2"].title.en
    assert f"| {point_2} | {say('doc.truth.false', 'en')} |" in markdown
    assert say("fria.a", "en") not in markdown


def test_fria_without_the_ai_act_pack_says_not_assessed(assess: Assess) -> None:
    from tests.reports.conftest import GDPR_MINI
    from tillid.knowledge.loading import load_pack

    kb = KnowledgeBase.build([load_pack(GDPR_MINI)])
    answers = AnswerSet(title="Journal search", answers={"gdpr.q_personal_data": True})
    markdown = render(assess(kb, answers), "fria", "da", "md")
    assert say("fria.not_assessed", "da") in markdown


@pytest.mark.parametrize("language", LANGUAGES)
def test_dpia_of_a_case_without_personal_data_says_so(
    language: Language, aia_kb: KnowledgeBase, assess: Assess, pdf_engine: None
) -> None:
    assessed = assess(aia_kb, WATER)
    expected = flat(say("dpia.no_personal_data", language))
    assert expected in flat(pdf_text(render(assessed, "dpia", language, "pdf")))
    assert expected in docx_text(render(assessed, "dpia", language, "docx"))
    assert say("dpia.a", language) not in docx_text(render(assessed, "dpia", language, "docx"))


def test_dpia_of_the_demo_case_follows_art35_7_and_is_prefilled(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    data = render(assess(aia_kb, DEMO), "dpia", "en", "docx")
    headings = docx_headings(data)
    text = docx_text(data)
    for point in "abcd":
        assert say(f"dpia.{point}", "en") in headings
    # prefilled from the assessment
    assert "Risikoscoring af ydelsesmodtagere" in text
    assert "High-risk" in text
    assert say("dpia.signal.profiling", "en") in text
    assert "Monitoring in operation" in text  # a measure from the assessment
    # what only the authority knows is marked, not guessed
    assert say("dpia.field.retention", "en") in text
    assert f"[{say('doc.to_complete', 'en')}]" in text
    assert say("dpia.b.legal_basis.prompt", "en") in text
    # without the gdpr pack the draft says GDPR was not assessed, but still knows Art. 26(9)
    assert say("dpia.gdpr_not_assessed", "en") in text
    assert say("dpia.required_by_aia", "en") in text


def test_dpia_uses_the_gdpr_packs_facts_when_it_is_loaded(
    aia_gdpr_kb: KnowledgeBase, assess: Assess
) -> None:
    answers = read_answer_set(DEMO).model_copy(deep=True)
    answers.answers |= {
        "gdpr.q_personal_data": True,
        "gdpr.q_special": True,
        "gdpr.q_data_subjects": ["children"],
    }
    markdown = render(assess(aia_gdpr_kb, answers), "dpia", "en", "md")
    assert say("dpia.required", "en") in markdown
    assert "Special categories on a large scale need a DPIA." in markdown  # the pack's reason
    assert "Special categories of data (Art. 9)" in markdown  # the pack's fact, by title
    assert "**Carry out a DPIA:** Before the processing starts." in markdown  # its obligation
    assert say("dpia.gdpr_not_assessed", "en") not in markdown
    assert f"| {say('dpia.field.subjects', 'en')} | Children |" in markdown  # prefilled
    assert f"| {say('dpia.field.retention', 'en')} | [{say('doc.to_complete', 'en')}] |" in markdown


def test_dpia_says_when_the_gdpr_pack_finds_no_personal_data(
    aia_gdpr_kb: KnowledgeBase, assess: Assess
) -> None:
    answers = AnswerSet(title="Pump control", answers={"gdpr.q_personal_data": False})
    markdown = render(assess(aia_gdpr_kb, answers), "dpia", "sv", "md")
    assert say("dpia.no_personal_data", "sv") in markdown


def clause_title(measure_id: str, kb: KnowledgeBase, language: Language = "en") -> str:
    return kb.measure[measure_id].title.get(language)


def test_procurement_annex_for_a_high_risk_purchase_is_a_numbered_list_of_requirements(
    proc_kb: KnowledgeBase, assess: Assess
) -> None:
    # Given a Danish municipality buying a high-risk benefit-fraud score (Annex III 5(a))
    data = render(assess(proc_kb, DEMO), "procurement", "en", "docx")
    document = docx.Document(io.BytesIO(data))
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    # then the Art. 13, registration and log clauses are there, with the GDPR and general ones
    for key in (
        "instructions",
        "conformity",
        "dpa",
        "logs",
        "audit",
        "exit",
        "registration",
        "own_data_testing",
        "archive",
    ):
        title = clause_title(f"proc.m_clause_{key}", proc_kb)
        assert any(line.startswith(title) for line in numbered), title
    # but no Art. 50 clause, and nothing is qualified: every condition is settled
    assert clause_title("proc.m_clause_transparency", proc_kb) not in "\n".join(numbered)
    assert not any(line.count("not yet settled") for line in numbered)
    # and each requirement's document is listed to demand
    text = docx_text(data)
    assert "The EU declaration of conformity." in text
    assert "Signed data processing agreement." in text


def test_procurement_annex_for_a_chatbot_asks_for_art50_not_ce_marking(
    proc_kb: KnowledgeBase, assess: Assess
) -> None:
    markdown = render(assess(proc_kb, CHATBOT), "procurement", "en", "md")
    assert clause_title("proc.m_clause_transparency", proc_kb) in markdown
    assert clause_title("proc.m_clause_conformity", proc_kb) not in markdown
    assert clause_title("proc.m_clause_exit", proc_kb) in markdown
    # personal data is not yet answered for this limited-risk system: the DPA clause says "if"
    qualifier = say("proc.if_open", "en").format(
        condition="a supplier processes personal data for you"
    )
    dpa = next(line for line in markdown.splitlines() if "Data processing agreement." in line)
    assert qualifier in dpa


def test_procurement_annex_qualifies_the_high_risk_clauses_while_the_class_is_open(
    proc_kb: KnowledgeBase, assess: Assess
) -> None:
    # Given the demo purchase before the profiling question is answered (Art. 6(3) still open)
    answers = read_answer_set(DEMO).model_copy(deep=True)
    del answers.answers["aia.q_profiling"]
    markdown = render(assess(proc_kb, answers), "procurement", "en", "md")
    # then the Art. 13 clause is still in the annex, with its "if the system is high-risk" qualifier
    qualifier = say("proc.if_open", "en").format(condition="the system is high-risk")
    line = next(line for line in markdown.splitlines() if "Instructions for use." in line)
    assert qualifier in line


def test_procurement_annex_takes_every_requirement_from_the_pack_and_repeats_none(
    proc_kb: KnowledgeBase, assess: Assess
) -> None:
    # Given the demo purchase, when the annex is rendered
    data = render(assess(proc_kb, DEMO), "procurement", "en", "docx")
    document = docx.Document(io.BytesIO(data))
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    # then every numbered requirement is a clause of the procurement pack (one source of truth)
    clauses = {
        m.title.get("en")
        for pack in proc_kb.packs
        if pack.meta.id == "procurement"
        for m in pack.measures
        if "vendor" in m.who
    }
    assert numbered
    assert all(line.split(". ", 1)[0] in clauses for line in numbered), numbered
    # and the GDPR and AI Act measures the clauses cover are not listed again as further requirements
    text = docx_text(data)
    for covered in ("gdpr.m_processor_agreement", "aia.m_procurement_requirements"):
        assert clause_title(covered, proc_kb) not in text, covered


def test_procurement_annex_without_the_procurement_pack_says_so(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    markdown = render(assess(aia_kb, DEMO), "procurement", "en", "md")
    assert say("proc.none", "en") in markdown


def test_report_shows_dates_per_legal_version_uncertainty_and_open_questions(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    markdown = render(assess(aia_kb, DEMO), "report", "en", "md")
    assert "| AI Act as adopted (Regulation (EU) 2024/1689) | 2026-08-02 |" in markdown
    assert "| AI Act as amended by the Digital Omnibus on AI (2026) | 2027-12-02 |" in markdown
    assert f"> **{say('uncertain', 'en')}:**" in markdown
    assert "AI Act Annex III 5(a)" in markdown  # a citation behind the high-risk class
    assert say("doc.measure", "en") in markdown


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        ("en", "AI Act Annex III 5(a)"),
        ("da", "AI-forordningens bilag III, punkt 5, litra a"),
        ("sv", "AI-förordningen bilaga III punkt 5 a"),
    ],
)
def test_report_cites_the_law_in_the_readers_language(
    lang: Any, cited: str, aia_kb: KnowledgeBase, assess: Assess
) -> None:
    markdown = render(assess(aia_kb, DEMO), "report", lang, "md")
    assert cited in markdown


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_hostile_text_stays_text(fmt: Any, aia_kb: KnowledgeBase, assess: Assess) -> None:
    answers = read_answer_set(DEMO).model_copy(update={"title": '<script>alert("x")</script>'})
    output = render(assess(aia_kb, answers), "report", "en", fmt)
    if fmt == "html":
        assert "<script>" not in output
        assert "&lt;script&gt;" in output
    elif fmt == "docx":
        assert '<script>alert("x")</script>' in docx_text(output)


def test_pdf_pages_carry_the_system_title_date_and_page_numbers(
    aia_kb: KnowledgeBase, assess: Assess, pdf_engine: None
) -> None:
    data = render(assess(aia_kb, DEMO), "report", "da", "pdf")
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages > 2
    second = flat(reader.pages[1].extract_text())
    assert "Risikoscoring af ydelsesmodtagere" in second
    assert "2026-11-21" in second
    assert f"2 / {pages}" in second
    assert flat(say("doc.header_note", "da")) in second
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_unknown_kind_or_format_is_refused_with_the_choices(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    kb, result, answers = assess(aia_kb, DEMO)
    with pytest.raises(DocumentError, match="report, dpia, fria, procurement"):
        build_document("memo", kb, result, answers, "en")  # type: ignore[arg-type]
    with pytest.raises(DocumentError, match="md, html, pdf, docx"):
        render_document("report", kb, result, answers, "en", "odt")  # type: ignore[arg-type]


def test_untitled_system_gets_a_placeholder_title(aia_kb: KnowledgeBase, assess: Assess) -> None:
    answers = read_answer_set(DEMO).model_copy(update={"title": None})
    markdown = render(assess(aia_kb, answers), "fria", "sv", "md")
    assert markdown.startswith(f"# {say('doc.kind.fria', 'sv')}: {say('doc.untitled', 'sv')}")


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_an_empty_assessment_still_gives_every_document(
    kind: Any, aia_kb: KnowledgeBase, assess: Assess
) -> None:
    # Given nothing answered and no context: the documents say what is open, they do not fail
    assessed = assess(aia_kb, AnswerSet())
    markdown = render(assessed, kind, "da", "md")
    assert markdown.startswith(f"# {say(f'doc.kind.{kind}', 'da')}: {say('doc.untitled', 'da')}")
    assert docx_text(render(assessed, kind, "da", "docx"))


def test_word_pages_carry_the_system_title_and_date_in_the_header(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    data = render(assess(aia_kb, DEMO), "procurement", "sv", "docx")
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.header.paragraphs[0].text == (
        "Risikoscoring af ydelsesmodtagere (kontrol af fejludbetalinger)\t2026-11-21"
    )
    assert say("doc.header_note", "sv") in section.footer.paragraphs[0].text
    assert "NUMPAGES" in section.footer.paragraphs[0]._p.xml  # page x / y
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


@pytest.mark.parametrize("scenario", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_golden_scenario_gives_every_document(
    scenario: Path, aia_kb: KnowledgeBase, assess: Assess
) -> None:
    assessed = assess(aia_kb, scenario)
    for kind in DOCUMENT_KINDS:
        markdown = render(assessed, kind, "en", "md")
        assert say(f"doc.kind.{kind}", "en") in markdown
        assert "[[" not in markdown and "None" not in markdown.split("\n", 1)[0]


def test_fria_of_an_unfinished_assessment_lists_what_decides_it(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    markdown = render(assess(aia_kb, SCENARIOS / "41_incomplete_draft.yaml"), "fria", "en", "md")
    assert say("fria.maybe", "en") in markdown
    assert "- Does the system profile people?" in markdown
    assert say("fria.deadline", "en") not in markdown  # no date for a duty not yet settled
    assert say("fria.a", "en") in markdown  # the draft is there to start on


def test_report_puts_answers_to_check_before_the_conclusions(
    aia_kb: KnowledgeBase, assess: Assess
) -> None:
    answers = read_answer_set(DEMO).model_copy(deep=True)
    answers.answers |= {"aia.q_nonexistent": True, "aia.q_technique": "banana"}
    markdown = render(assess(aia_kb, answers), "report", "en", "md")
    check = markdown.index(f"## {say('inconsistent', 'en')}")
    assert check < markdown.index(f"## {say('doc.conclusions', 'en')}")
    assert "aia.q_nonexistent" in markdown[check:]


@pytest.mark.parametrize("kind", ["dpia", "fria", "procurement"])
def test_drafts_for_a_prohibited_practice_say_so_first(
    kind: Any, aia_kb: KnowledgeBase, assess: Assess
) -> None:
    # Social scoring of benefit recipients is prohibited (Art. 5(1)(c))
    scenario = SCENARIOS / "04_benefit_fraud_social_scoring.yaml"
    markdown = render(assess(aia_kb, scenario), kind, "en", "md")
    warning = markdown.index(say("doc.prohibited", "en"))
    assert warning < markdown.index("\n## ")  # before any section
    if kind == "procurement":
        assert say("proc.requirements", "en") not in markdown


def test_fria_names_the_affected_groups_the_gdpr_answers_give(
    aia_gdpr_kb: KnowledgeBase, assess: Assess
) -> None:
    answers = read_answer_set(DEMO).model_copy(deep=True)
    answers.answers |= {"gdpr.q_personal_data": True, "gdpr.q_data_subjects": ["children"]}
    markdown = render(assess(aia_gdpr_kb, answers), "fria", "en", "md")
    section_c = markdown[markdown.index(say("fria.c", "en")) : markdown.index(say("fria.d", "en"))]
    assert "**Who is the data about?** Children" in section_c
    assert "to grant, reduce, revoke or reclaim them" in section_c  # the Annex III 5(a) answer


@pytest.fixture(scope="module")
def core_kb() -> KnowledgeBase:
    """The packs behind every line of the summary (AI Act, GDPR, Danish law, impact level)."""
    names = ("eu-ai-act", "gdpr", "dk-public-law", "impact")
    folders = {f.name: f for f in builtin_pack_folders()}
    return KnowledgeBase.build([load_pack(folders[n]) for n in names])


def test_report_opens_with_a_one_page_summary_for_management(
    core_kb: KnowledgeBase, assess: Assess, pdf_engine: None
) -> None:
    pdf = render(assess(core_kb, DEMO), "report", "en", "pdf")
    pages = [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    first = pages[0]
    assert say("doc.summary", "en") in first
    assert "Role (AI Act) Deployer" in first
    assert "Risk class (AI Act) High-risk" in first
    assert "Impact level Level III" in first
    assert "Data protection impact assessment (DPIA) Required" in first
    assert f"{say('doc.summary.fria', 'en')} Required" in first
    assert "Nearest deadlines 2027-12-02:" in first  # Annex III duties under the Omnibus
    assert "Open questions 0" in first
    assert flat(say("doc.summary.note", "en")) in first
    # the details start on the next page
    assert say("doc.conclusions", "en") not in first
    assert say("doc.conclusions", "en") in pages[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_counts_the_obligations_the_report_details(
    language: Language, core_kb: KnowledgeBase, assess: Assess
) -> None:
    kb, result, answers = assess(core_kb, DEMO)
    document = build_document("report", kb, result, answers, language)
    heading, summary = document.blocks[0], document.blocks[1]
    assert heading.kind == "heading" and heading.text == say("doc.summary", language)
    assert summary.kind == "key_values"
    rows = dict(summary.rows)
    now = sum(o.status == "applies_now" for o in result.obligations)
    later = sum(o.status == "applies_from" for o in result.obligations)
    undetermined = sum(o.status == "undetermined" for o in result.obligations)
    assert rows[say("obligations", language)] == say(
        "doc.summary.obligation_counts", language
    ).format(now=now, later=later, open=undetermined)
    assert rows[say("open", language)] == "0"
    assert any(b.kind == "page_break" for b in document.blocks[:4])


def test_summary_of_an_unfinished_assessment_shows_the_nearest_dates_and_what_is_open(
    core_kb: KnowledgeBase, assess: Assess
) -> None:
    answers = read_answer_set(DEMO).model_copy(deep=True)
    answers.as_of = dt.date(2026, 3, 1)
    del answers.answers["gdpr.q_large_scale"]
    kb, result, _ = assess(core_kb, answers)
    document = build_document("report", kb, result, answers, "da")
    rows = dict(document.blocks[1].rows)  # type: ignore[union-attr]
    assert rows[say("doc.summary.deadlines", "da")].startswith("2026-08-02: ")
    more = say("doc.summary.more", "da").replace("{n}", r"\d+")
    assert re.search(more, rows[say("doc.summary.deadlines", "da")])
    assert rows[say("open", "da")] == str(len(result.open_questions)) != "0"


def test_word_report_starts_the_details_on_a_new_page(
    core_kb: KnowledgeBase, assess: Assess
) -> None:
    data = render(assess(core_kb, DEMO), "report", "sv", "docx")
    body = docx.Document(io.BytesIO(data)).element.body.xml
    summary_at = body.index(say("doc.summary", "sv"))
    assert summary_at < body.index('w:type="page"') < body.index(say("doc.conclusions", "sv"))
