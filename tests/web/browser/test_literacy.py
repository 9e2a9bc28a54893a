"""AI literacy in a real browser: a small company completes the light path and downloads its plan;
the people, training and self-assessment pages and their error states pass axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import follow, log_in
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

AREAS = [
    "basics",
    "limits",
    "bias",
    "data_protection",
    "instructions",
    "oversight",
    "incidents",
    "genai",
    "governance",
]


def test_a_small_company_completes_the_light_path_and_downloads_its_plan(
    page: Any, shots_dir: Path
) -> None:
    log_in(page, "smv")
    page.goto("/o/datavej/literacy/")
    check_page(page, shots_dir, "a11y-literacy-overview")
    follow(page, "main a[href$='/literacy/quick/']")
    check_page(page, shots_dir, "a11y-literacy-light-path")
    follow(page, "main form button[type=submit]")  # nothing ticked
    assert page.locator("main .alert-error[role=alert]").count() == 1
    check_page(page, shots_dir, "a11y-literacy-light-path-error")

    page.check("input[value=genai_assistant]")
    page.check("input[value=customer_chatbot]")
    page.fill("#id_responsible", "Søren SMV")
    follow(page, "main form button[type=submit]")
    assert page.url.endswith("/o/datavej/literacy/plan/")
    assert page.locator("main ul.tillid-needs li").count() >= 3
    check_page(page, shots_dir, "a11y-literacy-plan")

    with page.expect_download(timeout=120_000) as download:
        page.click("main a[href*='report.docx'][href$='lang=da']")
    assert download.value.suggested_filename == "tillid-datavej-ai-literacy-da.docx"
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"


def test_people_training_and_self_assessment_pages_are_accessible(
    page: Any, shots_dir: Path
) -> None:
    log_in(page, "admin")
    page.goto("/o/havbjerg/literacy/people/")
    check_page(page, shots_dir, "a11y-literacy-people")

    follow(page, "main a[href$='/literacy/people/new/']")
    follow(page, "main form button[type=submit]")  # no name
    assert page.locator("main .alert-error[role=alert]").count() == 1
    check_page(page, shots_dir, "a11y-literacy-person-form-error")
    page.fill("#id_name", "Tove Tilsyn")
    page.check("input[value='lit.role_overseer']")
    follow(page, "main form button[type=submit]")
    person = page.url
    check_page(page, shots_dir, "a11y-literacy-person")

    page.goto("/o/havbjerg/literacy/training/new/")
    page.fill("#id_title", "Tilsyn med modellen")
    page.check("input[value='lit.m_oversight_practitioner']")
    page.fill("#id_validity_months", "24")
    check_page(page, shots_dir, "a11y-literacy-training-form")
    follow(page, "main form button[type=submit]")

    page.goto(person + "training/")
    check_page(page, shots_dir, "a11y-literacy-record-form")
    page.select_option("#id_activity", label="Tilsyn med modellen")
    page.fill("#id_completed_on", "2026-01-15")
    page.fill("#id_evidence_reference", "Sag 2026-17")
    follow(page, "main form button[type=submit]")
    assert "Sag 2026-17" in page.inner_text("main")

    page.goto(person + "self-assessment/")
    check_page(page, shots_dir, "a11y-literacy-self-assessment")
    for area in AREAS:
        page.check(f"input[name='lit.area_{area}'][value=aware]")
    follow(page, "main form button[type=submit]")
    assert page.url == person
    check_page(page, shots_dir, "a11y-literacy-person-with-records")
