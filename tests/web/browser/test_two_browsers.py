"""Two people answering the same question in two browsers: the second is told, shown the first
answer, and can then give theirs; nothing is overwritten unseen and the history keeps both."""

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
    start_assessment,
    swaps,
    wait_for_swap,
)
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

TECHNIQUE = dom_id("aia.q_technique")


def test_second_editor_sees_the_first_answer_instead_of_overwriting_it(
    page: Any, browser: Any, live_url: str, shots_dir: Path
) -> None:
    # Given the project leader's new assessment, open in her browser and in the administrator's
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    log_in(page, "projektleder")
    open_system(page, "havbjerg", "Billedgenkendelse af skader på veje")
    start_assessment(page)
    section = page.url
    other_context = browser.new_context(base_url=live_url, locale="da-DK")
    other_context.add_init_script(COUNT_HTMX_SWAPS)
    other = other_context.new_page()
    try:
        log_in(other, "admin")
        other.goto(section)
        assert not other.is_checked(f"#{TECHNIQUE}-machine_learning")

        # When she answers first, and he answers the same question from his older page
        answer(page, "aia.q_technique", "machine_learning")
        before = swaps(other)
        other.click(f"label[for='{TECHNIQUE}-rules_by_people']")
        wait_for_swap(other, before)

        # Then his answer is not saved: he is told by whom it was changed and sees her answer
        warning = other.locator(f"#{TECHNIQUE} .alert-warning[role=alert]")
        assert "Mette Projektleder" in warning.inner_text()
        assert other.is_checked(f"#{TECHNIQUE}-machine_learning")
        assert not other.is_checked(f"#{TECHNIQUE}-rules_by_people")
        check_page(other, shots_dir, "two-browsers-conflict")

        # And when he gives his answer again, knowing hers, it is saved
        answer(other, "aia.q_technique", "rules_by_people")
        assert other.locator(f"#{TECHNIQUE} .alert-warning").count() == 0
    finally:
        other_context.close()

    # She sees his answer on her next visit, and the history keeps both, with who gave them
    page.goto(section)
    assert page.is_checked(f"#{TECHNIQUE}-rules_by_people")
    follow(page, "nav.tillid-tabs a[href$='/history/']")
    history = page.locator("main table").first.inner_text()
    assert "Mette Projektleder" in history and "Anne Administrator" in history
