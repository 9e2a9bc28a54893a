"""axe-core finds no WCAG 2.1 A/AA violation on the app's pages, including their error states.

The journeys check every page they pass; these tests add the pages and states they do not reach:
a failed login, filtered and empty lists, a form with errors, people and roles, a complete result,
a returned assessment, the reviewer's form, and a question with an error message. The app is in its
default language, Danish.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import (
    COUNT_HTMX_SWAPS,
    answer,
    dom_id,
    follow,
    log_in,
    open_system,
    save_and_continue,
    start_assessment,
    swaps,
    wait_for_swap,
)
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

APPROVED = "Risikoscoring af kontrolsager (ydelsessvindel)"
SUBMITTED = "Chatbot på kommunens hjemmeside"
RETURNED = "Regelbaseret beregner af kontanthjælp"
NOT_ASSESSED = "Chatbot til interne it-spørgsmål"


def test_login_page_and_its_error_are_accessible(page: Any, shots_dir: Path) -> None:
    page.goto("/login/")
    assert page.get_attribute("html", "lang") == "da"
    check_page(page, shots_dir, "a11y-login")
    page.fill("#id_username", "nobody-at-all")
    page.fill("#id_password", "wrong password")
    follow(page, "main form button[type=submit]")
    assert page.locator("main .alert-error[role=alert]").count() == 1
    check_page(page, shots_dir, "a11y-login-error")


def test_inventory_pages_are_accessible_also_filtered_and_with_form_errors(
    page: Any, shots_dir: Path
) -> None:
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    log_in(page, "projektleder")
    check_page(page, shots_dir, "a11y-organisations")
    page.goto("/o/havbjerg/")
    rows = page.locator("#system-table tbody tr").count()
    check_page(page, shots_dir, "a11y-systems")

    # Filtering through the form replaces only the table (htmx) and keeps the address shareable
    before = swaps(page)
    page.select_option("#filter-risk", "high_risk")
    wait_for_swap(page, before)
    assert "risk=high_risk" in page.url
    filtered = page.locator("#system-table tbody tr").count()
    assert 0 < filtered < rows
    check_page(page, shots_dir, "a11y-systems-filtered")
    page.goto("/o/havbjerg/?q=no-such-system-anywhere&phase=operate&open=1")
    assert page.locator("#system-table table").count() == 0
    check_page(page, shots_dir, "a11y-systems-none")

    open_system(page, "havbjerg", APPROVED)
    check_page(page, shots_dir, "a11y-system")

    page.goto("/o/havbjerg/systems/new/")
    page.fill("#id_links", "ftp://example.org/not-a-web-address")
    follow(page, "main form button[type=submit]")
    assert page.locator("main .form-error-message").count() >= 2  # name, purpose, link
    assert page.locator("main .alert-error a[href='#id_name']").count() == 1
    check_page(page, shots_dir, "a11y-system-form-errors")


def test_people_and_roles_page_is_accessible_for_an_administrator(
    page: Any, shots_dir: Path
) -> None:
    log_in(page, "admin")
    page.goto("/o/havbjerg/members/")
    assert page.locator("main select[name=role]").count() >= 4
    check_page(page, shots_dir, "a11y-members")


def test_assessment_pages_are_accessible_in_every_review_state(page: Any, shots_dir: Path) -> None:
    log_in(page, "projektleder")
    open_system(page, "havbjerg", APPROVED)
    follow(page, "main table a[href*='/assessments/']")
    check_page(page, shots_dir, "a11y-assessment-approved")
    follow(page, "nav.tillid-tabs a[href$='/result/']")
    check_page(page, shots_dir, "a11y-result-complete")
    follow(page, "nav.tillid-tabs a[href$='/history/']")
    check_page(page, shots_dir, "a11y-history")
    open_system(page, "havbjerg", RETURNED)
    follow(page, "main table a[href*='/assessments/']")
    check_page(page, shots_dir, "a11y-assessment-returned")


def test_reviewers_form_is_accessible(page: Any, shots_dir: Path) -> None:
    log_in(page, "jurist")
    open_system(page, "havbjerg", SUBMITTED)
    follow(page, "main table a[href*='/assessments/']")
    assert page.locator("main button[name=action][value=approve]").count() == 1
    check_page(page, shots_dir, "a11y-assessment-review")


def test_question_with_an_error_message_is_accessible(page: Any, shots_dir: Path) -> None:
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    log_in(page, "projektleder")
    open_system(page, "havbjerg", NOT_ASSESSED)
    start_assessment(page)
    answer(page, "aia.q_technique", "machine_learning")
    save_and_continue(page)

    # "None of these" cannot be combined with another exclusion: the server says so in place
    answer(page, "aia.q_exclusions", ["military"])
    before = swaps(page)
    page.click(f"label[for='{dom_id('aia.q_exclusions')}-none']")
    wait_for_swap(page, before)
    error = page.locator(f"#{dom_id('aia.q_exclusions')} .form-error-message[role=alert]")
    none_label = page.inner_text(f"label[for='{dom_id('aia.q_exclusions')}-none']")
    assert none_label in error.inner_text()  # the message names the option, in the page's language
    assert page.is_checked(f"#{dom_id('aia.q_exclusions')}-military")  # the saved answer stays
    check_page(page, shots_dir, "a11y-section-error")


def test_every_main_menu_page_and_the_action_plan_are_accessible(
    page: Any, shots_dir: Path
) -> None:
    """The main menu is read from the page, so a page added to it is checked without a new test."""
    log_in(page, "admin")
    page.goto("/o/havbjerg/")
    menu = [a.get_attribute("href") for a in page.locator("header nav.navigation-menu a").all()]
    assert len(menu) >= 3
    forms = [
        "/o/havbjerg/audits/new/",
        "/o/havbjerg/audits/connections/new/",
        "/o/havbjerg/api-tokens/",
        "/o/havbjerg/catalogue/",
        "/o/havbjerg/catalogue/new/",
        "/catalogue/",
        "/catalogue/?q=chatbotten&challenge=data_quality",
        "/catalogue/?q=og",
        "/dashboards/",
        "/dashboards/?view=country:XX",
    ]
    for address in menu + forms:
        page.goto(address)
        check_page(
            page, shots_dir, "a11y" + address.removeprefix("/o").replace("/", "-").rstrip("-")
        )
    open_system(page, "havbjerg", APPROVED)
    follow(page, "main table a[href*='/assessments/']")
    follow(page, "nav.tillid-tabs a[href$='/actions/']")
    check_page(page, shots_dir, "a11y-action-plan")


def test_narrow_screen_keeps_the_menu_and_log_out_within_reach(page: Any, shots_dir: Path) -> None:
    # 320 CSS pixels: a phone, or 400 % zoom on a 1280 px screen (WCAG 1.4.10 Reflow)
    page.set_viewport_size({"width": 320, "height": 800})
    log_in(page, "projektleder")
    page.goto("/o/havbjerg/")
    assert page.is_visible("header form[action$='/logout/'] button[type=submit]")
    for link in page.locator("header nav.navigation-menu a").all():
        assert link.is_visible(), link.get_attribute("href")
    assert page.locator("header nav.navigation-menu a").count() >= 3
    # The wide table scrolls in its own box; the page itself does not get wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    check_page(page, shots_dir, "a11y-narrow-systems")
    follow(page, "header nav.navigation-menu a[href$='/members/']")
    assert page.url.endswith("/members/")


def test_temperature_operator_pages_are_accessible_also_with_form_errors(
    page: Any, shots_dir: Path
) -> None:
    log_in(page, "platform")
    page.goto("/temperature/")
    check_page(page, shots_dir, "a11y-temperature-surveys")
    follow(page, "main table a[href^='/temperature/']")
    page.select_option("#by", "lifecycle_phase")
    follow(page, "main form[method=get] button[type=submit]")
    check_page(page, shots_dir, "a11y-temperature-results")
    follow(page, "main a[href$='/edit/']")
    check_page(page, shots_dir, "a11y-temperature-edit")
    page.goto("/temperature/new/")
    page.fill("#id_title", "")
    for box in page.locator("main input[name=statements]").all():
        box.uncheck()
    follow(page, "main form button[type=submit]")
    assert page.locator("main .alert-error[role=alert]").count() == 1
    check_page(page, shots_dir, "a11y-temperature-new-errors")
