"""The experience catalogue in a real browser, on the demo data: a visitor without login searches with
an inflected Danish word and finds the municipal chatbot; an editor of another organisation starts
an assessment from that entry and lands in a draft that says where its answers came from. Every page
is checked by axe-core and photographed.

Elements are found by form field ids and link addresses; texts only where they are the demo data's.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import follow, log_in
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

CHATBOT = "Chatbot på kommunens hjemmeside"  # Havbjerg's entry; others may start from it
SWEDISH = "Chattbot för frågor om bygglov"


def _search(page: Any, words: str) -> None:
    page.goto("/catalogue/")
    page.fill("#catalogue-q", words)
    follow(page, "main form[role=search] button[type=submit]")


def test_a_visitor_finds_the_chatbot_by_an_inflected_word(page: Any, shots_dir: Path) -> None:
    # Given a visitor without login on the public catalogue
    page.goto("/catalogue/")
    check_page(page, shots_dir, "catalogue-01-list")

    # When they search for "chatbotten" (Danish: "the chatbot")
    _search(page, "chatbotten")

    # Then the municipal chatbot is found, and the Swedish one by its own inflected word
    results = page.locator("main ul a[href^='/catalogue/']")
    assert CHATBOT in results.all_inner_texts()
    check_page(page, shots_dir, "catalogue-02-search")
    _search(page, "chattbotarna")
    assert SWEDISH in page.locator("main ul a[href^='/catalogue/']").all_inner_texts()

    # And the entry's page shows similar projects, but no way to start from it without login
    _search(page, "chatbotten")
    follow(page, f"main ul a:text-is('{CHATBOT}')")
    assert page.locator("form[action$='/start/']").count() == 0
    assert page.locator("main ul a[href^='/catalogue/']").count() >= 1  # similar projects
    check_page(page, shots_dir, "catalogue-03-entry")


def test_an_editor_starts_an_assessment_from_a_shared_entry(page: Any, shots_dir: Path) -> None:
    # Given the administrator of Region Nordvig on Havbjerg's chatbot entry
    log_in(page, "region")
    _search(page, "chatbotten")
    follow(page, f"main ul a:text-is('{CHATBOT}')")
    check_page(page, shots_dir, "catalogue-04-entry-signed-in")

    # When she starts her own assessment from it under a name of her own
    name = f"Chatbot fra kataloget {uuid.uuid4().hex[:6]}"
    page.fill("#start-name", name)
    page.select_option("#start-organisation", "region-nordvig")
    follow(page, "form[action$='/start/'] button[type=submit]")

    # Then she is on a new draft assessment in her own organisation, with answers already given
    assert "/o/region-nordvig/assessments/" in page.url
    assert page.locator(".alert-success").count() == 1
    assert name in page.inner_text("main")
    check_page(page, shots_dir, "catalogue-05-started")

    # And its history says where the answers came from
    follow(page, "main a[href$='/history/']")
    history = page.inner_text("main")
    assert CHATBOT in history and "Havbjerg Kommune" in history
    check_page(page, shots_dir, "catalogue-06-history")


def test_the_organisations_pages_and_form_errors_are_accessible(page: Any, shots_dir: Path) -> None:
    log_in(page, "projektleder")
    page.goto("/o/havbjerg/catalogue/")
    assert page.locator("main table a[href^='/catalogue/']").count() >= 3
    check_page(page, shots_dir, "catalogue-07-ours")
    follow(page, "main a[href$='/catalogue/new/']")
    page.fill("#id_title", "Et stoppet projekt")
    page.select_option("#id_status", "stopped")
    page.fill("#id_contact", "javascript:alert(1)")
    follow(page, "main form button[type=submit]")
    assert page.locator("main .alert-error a[href='#id_stop_reason']").count() == 1
    assert page.locator("main .alert-error a[href='#id_contact']").count() == 1
    assert page.input_value("#id_title") == "Et stoppet projekt"  # kept
    check_page(page, shots_dir, "catalogue-08-form-errors")
