"""Text a user types is shown as text: markup in a system's name or purpose never runs in another
person's browser, on the pages and in the htmx-filtered list."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.actions import COUNT_HTMX_SWAPS, follow, log_in, swaps, wait_for_swap

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


def test_markup_in_a_system_name_is_shown_not_run(page: Any) -> None:
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, "projektleder")
    page.goto("/o/havbjerg/systems/new/")
    page.fill("#id_name", "Skadeanalyse " + HOSTILE)
    page.fill("#id_purpose", HOSTILE)
    follow(page, "main form button[type=submit]")

    assert page.inner_text("main h1") == "Skadeanalyse " + HOSTILE
    assert HOSTILE in page.inner_text("main dl")
    assert page.locator("main img[src=x], main script").count() == 0

    # The list, filtered by htmx as the user types, shows it as text too
    page.goto("/o/havbjerg/")
    before = swaps(page)
    page.locator("#filter-q").press_sequentially("Skadeanalyse")
    wait_for_swap(page, before)
    page.wait_for_function("document.querySelectorAll('#system-table tbody tr').length === 1")
    assert HOSTILE in page.inner_text("#system-table")
    assert page.locator("#system-table img, #system-table script").count() == 0
    assert "pwned" not in page.title() and not dialogs
