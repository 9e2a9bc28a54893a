"""What the browser tests check on every page: axe-core finds no WCAG 2.1 A/AA violation, and a
full-page screenshot is saved for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({html: n.html, target: n.target.join(" "), why: n.failureSummary})),
  }));
}"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now (the app serves axe itself)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url="/static/vendor/axe.min.js")
    return list(page.evaluate(_RUN_AXE, WCAG_21_AA))


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}: {node['html'][:300]}")
            lines.append("      " + node["why"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {where} ({page.url}):\n{describe(violations)}"


def save_screenshot(page: Any, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_page(page: Any, folder: Path, name: str) -> None:
    """The checks every page the tests visit gets: a screenshot first (so a failing page can be
    looked at), then axe-core."""
    save_screenshot(page, folder, name)
    assert_accessible(page, name)
