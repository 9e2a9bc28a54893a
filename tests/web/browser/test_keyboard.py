"""A questionnaire section can be completed with the keyboard alone, and the focus stays visible and
where it was when htmx swaps the form after each answer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.actions import (
    COUNT_HTMX_SWAPS,
    dom_id,
    log_in,
    open_system,
    start_assessment,
    swaps,
    wait_for_swap,
)

pytestmark = pytest.mark.browser

# What has the focus, whether it is inside the section form, and whether it can be seen: DKFDS
# draws the focus of a radio button or checkbox on its label's box, of anything else on itself.
FOCUS = """() => {
  const element = document.activeElement;
  const choice = element.matches(".form-radio, .form-checkbox") && element.labels.length;
  const style = choice ? getComputedStyle(element.labels[0], "::before") : getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== "none";
  return {
    id: element.id, tag: element.tagName, text: element.innerText || "",
    inForm: element.closest("#section-form form") !== null,
    visible: outline || shadow,
  };
}"""


def focus(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(FOCUS))


def tab_to(page: Any, wanted: str, limit: int = 80) -> dict[str, Any]:
    """Presses Tab until the element with id `wanted` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focus(page)
        if now["id"] == wanted:
            return now
    pytest.fail(f"Tab never reached #{wanted}")


def press_and_wait_for_swap(page: Any, key: str) -> dict[str, Any]:
    before = swaps(page)
    page.keyboard.press(key)
    wait_for_swap(page, before)
    return focus(page)


def test_section_is_answered_by_keyboard_and_focus_survives_each_save(page: Any) -> None:
    page.context.add_init_script(COUNT_HTMX_SWAPS)
    log_in(page, "projektleder")
    open_system(page, "havbjerg", "Tale-til-tekst til journalnotater")
    start_assessment(page)
    technique = dom_id("aia.q_technique")

    # Tab reaches the first option from the top of the page; Space chooses it and it is saved
    first = tab_to(page, f"{technique}-machine_learning")
    assert first["visible"], first
    now = press_and_wait_for_swap(page, "Space")
    assert now["id"] == f"{technique}-machine_learning" and now["inForm"], now
    assert now["visible"], now
    assert page.is_checked(f"#{technique}-machine_learning")

    # The arrow key moves to the next option, chooses it, and it is saved; the focus follows
    now = press_and_wait_for_swap(page, "ArrowDown")
    assert now["id"] == f"{technique}-general_purpose_model" and now["inForm"], now
    assert now["visible"], now
    assert page.is_checked(f"#{technique}-general_purpose_model")
    now = press_and_wait_for_swap(page, "ArrowUp")
    assert now["id"] == f"{technique}-machine_learning", now

    # Tab leaves the group and reaches the save button; Enter saves and opens the next section
    for _ in range(20):
        page.keyboard.press("Tab")
        now = focus(page)
        if now["tag"] == "BUTTON" and page.evaluate("document.activeElement.value") == "next":
            break
    else:
        pytest.fail("Tab never reached the save button")
    assert now["visible"], now
    with page.expect_navigation():
        page.keyboard.press("Enter")
    exclusions = dom_id("aia.q_exclusions")
    assert page.locator(f"#{exclusions}").count() == 1

    # A checkbox is ticked with Space, and the focus stays on it after the save
    tab_to(page, f"{exclusions}-none")
    now = press_and_wait_for_swap(page, "Space")
    assert now["id"] == f"{exclusions}-none" and now["inForm"] and now["visible"], now
    assert page.is_checked(f"#{exclusions}-none")
