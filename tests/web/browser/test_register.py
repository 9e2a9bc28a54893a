"""The transparency register in a real browser: an editor drafts a public record of an approved
system, the reviewer approves it, the editor publishes it; a visitor without login finds it, reads it
and downloads it in the three structures; the editor withdraws it and it is gone. Every page is checked
by axe-core and photographed.

Elements are found by form field ids, action values and link addresses, not interface texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import follow, log_in, log_out
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

SYSTEM = "Ruteoptimering i hjemmeplejen"  # approved in the demo data
SUMMARY = "Systemet planlægger hjemmeplejens ruter hver dag. En planlægger kan altid ændre ruterne."


def _record_page(page: Any) -> None:
    page.goto("/o/havbjerg/")
    follow(page, f"main a:text-is('{SYSTEM}')")
    follow(page, "main a[href$='/register/']")


def _step(page: Any, action: str) -> None:
    follow(page, f"main form:has(input[name=action][value={action}]) button[type=submit]")
    error = page.locator(".alert-error[role=alert]")  # a message, not the "before publishing" list
    assert error.count() == 0, error.inner_text()


def test_a_record_goes_from_draft_to_the_public_register_and_back_out(
    page: Any, shots_dir: Path
) -> None:
    def shot(step: str) -> None:
        check_page(page, shots_dir, f"register-{step}")

    # Given the project leader on the approved system's record page
    page.goto("/login/")
    log_in(page, "projektleder")
    _record_page(page)
    shot("01-no-record")

    # When she drafts the record and writes the texts citizens will read
    _step(page, "start")
    shot("02-draft")
    assert page.input_value("#id_name") == SYSTEM  # pre-filled from the inventory
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_contact", "ai@havbjerg.example")
    page.fill("#id_human_involvement", "En planlægger ser ruterne igennem og kan ændre dem.")
    page.fill("#id_data_used", "Adresser, besøgstider og medarbejdernes vagter.")
    follow(page, "main form:has(#id_summary) button[type=submit]")
    shot("03-saved")
    assert page.locator("form:has(input[name=action][value=publish])").count() == 0
    log_out(page)

    # Then the reviewer approves, and she publishes
    log_in(page, "jurist")
    _record_page(page)
    _step(page, "approve")
    shot("04-approved")
    log_out(page)
    log_in(page, "projektleder")
    _record_page(page)
    _step(page, "publish")
    shot("05-published")
    public_link = page.locator("main a[href^='/register/']").first.get_attribute("href")
    log_out(page)

    # A visitor without login finds it by searching, reads it and downloads it
    page.goto("/register/")
    shot("06-public-list")
    page.fill("#register-q", "hjemmeplejen")
    follow(page, "main form[role=search] button[type=submit]")
    follow(page, f"main a[href='{public_link}']")
    shot("07-public-record")
    assert page.inner_text("main h1") == SYSTEM
    assert SUMMARY in page.inner_text("main")
    for standard in ("algoritmeregister", "atrs", "eu_database"):
        response = page.request.get(f"{public_link}{standard}.json")
        assert response.status == 200 and SYSTEM in response.text()
    api = page.request.get("/register/api/records.json").json()
    assert SYSTEM in [r["name"] for r in api["records"]]

    # When she withdraws it, it is gone from the list, and its page says so
    log_in(page, "projektleder")
    _record_page(page)
    _step(page, "withdraw")
    shot("08-withdrawn-own-page")
    log_out(page)
    page.goto("/register/")
    assert page.locator(f"main a[href='{public_link}']").count() == 0
    response = page.goto(public_link)
    assert response.status == 410
    assert SYSTEM not in page.inner_text("main")
    shot("09-withdrawn-public")
