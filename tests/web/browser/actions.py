"""What a person does in the app, as Playwright steps: log in, change language, answer questions.

Elements are found by what the pages promise (form field ids, the question's fieldset id, links by
their address), not by interface texts, which differ per language.
"""

from __future__ import annotations

from typing import Any

PASSWORD = "tillid-demo"  # every demo login (src/tillid/examples/demo/organisations.yaml)

# Counts finished htmx swaps, so a test can wait for the answer it gave to come back from the
# server; a full page load would reset it, so it also proves there was none.
COUNT_HTMX_SWAPS = """
window.tillidSwaps = 0;
document.addEventListener("htmx:afterSettle", () => { window.tillidSwaps += 1; });
"""


def dom_id(question_id: str) -> str:
    """The id of a question's fieldset, as the questionnaire template makes it."""
    return "q-" + question_id.replace(".", "-")


def follow(page: Any, selector: str) -> None:
    """Clicks a link or submit button and waits for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)


def log_in(page: Any, username: str) -> None:
    if "/login/" not in page.url:
        page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    follow(page, "main form button[type=submit]")
    assert "/login/" not in page.url, f"{username} could not log in"


def log_out(page: Any) -> None:
    page.click("header form[action$='/logout/'] button[type=submit]")
    page.wait_for_url("**/login/**")


def switch_language(page: Any, code: str) -> None:
    """With the language selector in the page header, as a person would."""
    page.select_option("#language-select", code)
    follow(page, ".tillid-language button[type=submit]")
    assert page.get_attribute("html", "lang") == code


def swaps(page: Any) -> int:
    return int(page.evaluate("window.tillidSwaps ?? -1"))


def wait_for_swap(page: Any, before: int) -> None:
    page.wait_for_function("n => window.tillidSwaps > n", arg=before)


def option_ids(value: Any) -> list[str]:
    """The option ids a planned answer ticks: yes/no, one option, or several."""
    if value is True:
        return ["yes"]
    if value is False:
        return ["no"]
    return list(value) if isinstance(value, list) else [value]


def answer(page: Any, question_id: str, value: Any) -> None:
    """Clicks the labels of the answer's options (as a mouse user does); each click is saved by
    htmx, and the section form comes back with the questions the answer makes visible."""
    for option in option_ids(value):
        box = f"#{dom_id(question_id)}-{option}"
        if page.is_checked(box):
            continue
        before = swaps(page)
        page.click(f"label[for='{box[1:]}']")
        wait_for_swap(page, before)
        assert page.is_checked(box), f"{question_id}: {option} was not kept after saving"


def questions_shown(page: Any) -> list[str]:
    return list(
        page.eval_on_selector_all(
            "#section-form fieldset.tillid-question", "els => els.map(e => e.id)"
        )
    )


def answer_section(page: Any, plan: dict[str, Any]) -> list[str]:
    """Answers the planned questions on this section page, including those that only appear after
    an earlier answer; returns the question ids answered."""
    answered: list[str] = []
    while True:
        shown = questions_shown(page)
        todo = [q for q in plan if dom_id(q) in shown and q not in answered]
        if not todo:
            return answered
        answer(page, todo[0], plan[todo[0]])
        answered.append(todo[0])


def save_and_continue(page: Any) -> None:
    follow(page, "#section-form button[name=go][value=next]")


def open_system(page: Any, organisation: str, name: str) -> None:
    page.goto(f"/o/{organisation}/")
    follow(page, f"main table a:text-is('{name}')")


def start_assessment(page: Any) -> str:
    """On a system's page: starts a new assessment and opens its first section; returns the
    assessment's address."""
    follow(page, "main form[action*='/assessments/start/'] button[type=submit]")
    address = str(page.url)
    follow(page, "main a.button-primary[href*='/questions/']")
    return address
