"""The main journey in a real browser, in Danish, English and Swedish: an editor registers a system,
answers the AI Act questions through the htmx form, sees the result and submits; the reviewer approves;
the report comes out as a PDF. Every page on the way is checked by axe-core and photographed.

Interface texts are checked through the knowledge packs (question texts, conclusions, reasons), which
are translated, and through the page's language; gettext catalogues may still be incomplete.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.web.browser.actions import (
    COUNT_HTMX_SWAPS,
    answer,
    answer_section,
    dom_id,
    follow,
    log_in,
    log_out,
    questions_shown,
    save_and_continue,
    swaps,
    switch_language,
)
from tests.web.browser.checks import check_page
from tillid.knowledge.base import KnowledgeBase

pytestmark = pytest.mark.browser

# A benefits authority's bought-in scoring system: high-risk under Annex III 5(a) because it
# profiles people. Two questions only appear after an earlier answer (marked), in the same section.
PLAN: dict[str, Any] = {
    "aia.q_technique": "machine_learning",
    "aia.q_exclusions": ["none"],
    "aia.q_provides": "supplier",
    "aia.q_art25": ["none"],  # appears after "supplier"
    "aia.q_uses": True,
    "aia.q_supply_chain": ["none"],
    "aia.q_prohibited": ["none"],
    "aia.q_annex1": "no",
    "aia.q_annex3_areas": ["essential_services"],
    "aia.q_annex3_services": ["public_benefits"],  # appears after "essential_services"
    "aia.q_profiling": True,  # appears after "public_benefits"
    "aia.q_art50": ["none"],
    "aia.q_gpai_model_provider": False,
}
PDF_SECONDS = 120
REVEALED_BY = {"aia.q_art25": "aia.q_provides", "aia.q_annex3_services": "aia.q_annex3_areas"}


def _text(kb: KnowledgeBase, question_id: str, lang: str) -> str:
    return kb.question[question_id].text.get(lang)  # type: ignore[arg-type]


def _register_system(page: Any, name: str, shot: Any) -> None:
    follow(page, "main a[href$='/systems/new/']")
    shot("04-register")
    page.fill("#id_name", name)
    page.fill(
        "#id_purpose", "Udvælger ansøgninger om boligstøtte til kontrol efter en risikoscore."
    )
    page.fill("#id_vendor", "Analytica A/S")
    page.select_option("#id_lifecycle_phase", "procure")
    page.fill("#id_affected_groups", "Ansøgere om boligstøtte")
    follow(page, "main form button[type=submit]")
    assert page.inner_text("main h1") == name
    assert page.locator(".alert-success").count() == 1


def _answer_questions(page: Any, kb: KnowledgeBase, lang: str, shot: Any) -> None:
    """Section by section until every planned answer is given; checks the answers that reveal a
    question do so in place, without a page load."""
    follow(page, "main a.button-primary[href*='/questions/']")
    first = page.locator(f"#{dom_id('aia.q_technique')} legend")
    assert first.inner_text() == _text(kb, "aia.q_technique", lang)
    done: set[str] = set()
    for number in range(1, 15):
        shot(f"07-section-{number:02d}")
        for revealed, by in REVEALED_BY.items():
            if dom_id(by) in questions_shown(page) and by not in done:
                assert dom_id(revealed) not in questions_shown(page)
                before = swaps(page)
                answer(page, by, PLAN[by])
                assert swaps(page) > before >= 0  # the counter survived: no page load
                legend = page.locator(f"#{dom_id(revealed)} legend")
                assert legend.inner_text() == _text(kb, revealed, lang)
                done.add(by)
        done.update(answer_section(page, PLAN))
        if done >= PLAN.keys():
            return
        save_and_continue(page)
        assert "/result/" not in page.url, f"the questionnaire ended before {PLAN.keys() - done}"
    pytest.fail(f"not all planned questions were shown: {PLAN.keys() - done}")


def _check_result(page: Any, kb: KnowledgeBase, lang: str) -> None:
    risk = kb.classification["aia.risk_class"]
    high = next(v for v in risk.values if v.id == "high_risk")
    conclusion = page.locator("section.tillid-conclusion").filter(
        has=page.locator("h3", has_text=risk.title.get(lang))  # type: ignore[arg-type]
    )
    assert conclusion.locator(".tillid-big").inner_text() == high.title.get(lang)  # type: ignore[arg-type]
    conclusion.locator("summary").click()  # "Why?"
    why = conclusion.locator(".details-text").inner_text()
    explanations = [r.explanation.get(lang) for r in kb.rule.values() if r.derives == high.fact]  # type: ignore[arg-type]
    assert any(e.strip() in why for e in explanations), why
    assert _text(kb, "aia.q_profiling", lang) in why  # the answer behind it


@pytest.mark.parametrize("lang", ["da", "en", "sv"])
def test_system_goes_from_registration_to_an_approved_pdf_report(
    page: Any, lang: str, builtin_kb: KnowledgeBase, shots_dir: Path
) -> None:
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    name = f"Boligstøtte-screening ({lang})"

    def shot(step: str) -> None:
        check_page(page, shots_dir, f"journey-{lang}-{step}")

    # Given the demo's project leader, who chooses her language on the login page
    page.goto("/login/")
    switch_language(page, lang)
    shot("01-login")
    log_in(page, "projektleder")
    shot("02-organisations")  # she is in two organisations
    follow(page, "main a[href='/o/havbjerg/']")
    shot("03-systems")

    # When she registers a system, starts an assessment and answers the AI Act's questions
    _register_system(page, name, shot)
    shot("05-system")
    follow(page, "main form[action*='/assessments/start/'] button[type=submit]")
    shot("06-assessment")
    assessment_url = page.url
    _answer_questions(page, builtin_kb, lang, shot)

    # Then the result shows the risk class with its reasons, in her language
    follow(page, "nav.tillid-tabs a[href$='/result/']")
    shot("08-result")
    _check_result(page, builtin_kb, lang)

    # When she submits it for review
    page.goto(assessment_url)
    follow(page, "main form[action$='/review/'] button[type=submit]")
    assert page.locator(".alert-success").count() == 1
    shot("09-submitted")
    log_out(page)

    # And the reviewer approves it
    log_in(page, "jurist")
    page.goto(assessment_url)
    assert page.get_attribute("html", "lang") == lang  # the language stayed with the browser
    shot("10-review")
    page.fill("#review-comment", "Godkendt.")
    follow(page, "main button[name=action][value=approve]")
    assert page.locator(".alert-success").count() == 1
    assert page.locator("main form button[name=action][value=approve]").count() == 0
    shot("11-approved")

    # Then the report downloads as a PDF that names the system
    follow(page, "nav.tillid-tabs a[href$='/result/']")
    # WeasyPrint takes seconds per report, many more on a busy CI machine.
    with page.expect_download(timeout=PDF_SECONDS * 1000) as download:
        page.click("main a[href$='/documents/report.pdf']", timeout=PDF_SECONDS * 1000)
    path = download.value.path()
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert name in text

    # And the history shows who did what
    follow(page, "nav.tillid-tabs a[href$='/history/']")
    shot("12-history")
    assert page.locator("main table tbody tr").count() >= len(PLAN) + 2
