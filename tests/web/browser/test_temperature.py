"""The temperature measurement in a real browser: the platform operator sends a round of the demo
survey, the project leader answers it for five of her municipality's projects, and the operator closes
the round and sees its results (shown only for a closed round with at least five responses). Every page is checked by
axe-core and photographed, including the send form's error state.

Elements are found by form field ids, data attributes and link addresses, not interface texts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import follow, log_in, log_out
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser

ANSWERS = 5  # the demo survey's minimum of responses shown


def _survey_page(page: Any) -> None:
    page.goto("/temperature/")
    follow(page, "main table a[href^='/temperature/']")


def _newest_round(page: Any) -> int:
    numbers = page.locator("#rounds tbody tr").evaluate_all(
        "rows => rows.map(r => Number(r.dataset.round))"
    )
    return max(numbers)


def _answer(page: Any, shot: Any, first: bool) -> None:
    for radio in page.locator("main input[type=radio][value='4']").all():
        radio.check()
    page.locator("main input[type=checkbox][value='vendor_lock_in']").check()
    page.locator("main textarea").fill("Vi er i gang med at afklare exit-vilkårene i kontrakten.")
    if first:
        shot("05-answer-form")
    follow(page, "main form button[type=submit]")
    assert page.locator(".alert-error[role=alert]").count() == 0


def test_operator_sends_a_round_editors_answer_and_the_operator_sees_the_result(
    page: Any, shots_dir: Path
) -> None:
    def shot(step: str) -> None:
        check_page(page, shots_dir, f"temperature-{step}")

    # Given the platform operator on the demo survey with its three answered rounds
    log_in(page, "platform")
    shot("01-operator-home")
    _survey_page(page)
    shot("02-results")
    before = _newest_round(page)
    assert page.locator("#temperature-trend-title").count() == 1

    # When she sends a new round, first without a deadline, then with one
    follow(page, "main a[href$='/send/']")
    assert page.input_value("#id_deadline")  # proposed: today plus the survey's days to answer
    page.fill("#id_deadline", "")
    follow(page, "main form button[type=submit]")
    assert page.locator("main .alert-error[role=alert]").count() == 1
    shot("03-send-error")
    deadline = dt.date.today() + dt.timedelta(days=14)
    page.fill("#id_deadline", deadline.isoformat())
    follow(page, "main form button[type=submit]")
    new = _newest_round(page)
    assert new == before + 1
    assert page.locator(f"#rounds tr[data-round='{new}'][data-shown='0']").count() == 1
    log_out(page)

    # Then the project leader sees the notice and answers for five of the municipality's projects
    log_in(page, "projektleder")
    page.goto("/o/havbjerg/")
    assert page.locator("#temperature-notice").count() == 1
    follow(page, "#temperature-notice a")
    shot("04-invitations")
    for number in range(ANSWERS):
        row = page.locator(f"#open-invitations tr[data-round='{new}'][data-answered='0'] a").first
        with page.expect_navigation():
            row.click()
        _answer(page, shot, first=number == 0)
    assert (
        page.locator(f"#open-invitations tr[data-round='{new}'][data-answered='1']").count()
        == ANSWERS
    )
    shot("06-answered")
    log_out(page)

    # And the operator sees how many answered, closes the round, and sees its results, still
    # without any project's name (while it is open, results are never shown)
    log_in(page, "platform")
    _survey_page(page)
    assert page.locator(f"#rounds tr[data-round='{new}'][data-shown='0']").count() == 1
    follow(page, f"#rounds tr[data-round='{new}'] form[action$='/close/'] button[type=submit]")
    assert page.locator(f"#rounds tr[data-round='{new}'][data-shown='1']").count() == 1
    page.select_option("#by", "lifecycle_phase")
    follow(page, "main form[method=get] button[type=submit]")
    shot("07-results-with-new-round")
    main = page.locator("main").inner_text()
    assert re.search(r"\b4[.,]00\b", main)  # every statement answered 4 by all five
    assert "Havbjerg" not in main and "Ruteoptimering" not in main
    assert "exit-vilkårene" in main  # the comments, without project or organisation
