"""The dashboards in a real browser: an organisation's own dashboard and the anonymised page across
organisations draw their charts as SVG images with a name for screen readers and the same figures in
a table; the platform operator downloads the research dataset. Every page is checked by axe-core.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser.actions import log_in, log_out
from tests.web.browser.checks import check_page

pytestmark = pytest.mark.browser


def _charts_are_images_with_tables(page: Any, at_least: int) -> None:
    charts = page.locator("main figure.tillid-chart")
    assert charts.count() >= at_least
    for figure in charts.all():
        svg = figure.locator("svg[role=img]")
        assert svg.count() == 1
        for label_id in (svg.get_attribute("aria-labelledby") or "").split():
            assert figure.locator(f"[id='{label_id}']").count() == 1  # title and description
        figure.locator("details summary").click()  # the table alternative opens by keyboard/mouse
        table = figure.locator("details table")
        assert table.is_visible()
        assert table.locator("th[scope=col]").count() >= 2
        assert table.locator("th[scope=row]").count() >= 1


def test_both_dashboards_draw_accessible_charts_with_tables(page: Any, shots_dir: Path) -> None:
    # Given a member of Havbjerg on the organisation's dashboard
    log_in(page, "laeser")
    page.goto("/o/havbjerg/dashboard/")
    _charts_are_images_with_tables(page, 5)
    check_page(page, shots_dir, "dashboards-01-organisation")

    # When she compares with all organisations
    page.locator("main a[href='/dashboards/']").first.click()
    page.wait_for_load_state()
    _charts_are_images_with_tables(page, 5)
    # Then small groups are written out as hidden, never drawn as a zero bar
    tables = page.locator("main figure.tillid-chart details table").all_inner_texts()
    assert any("vises ikke" in t or "hidden" in t for t in tables)  # Danish by default
    check_page(page, shots_dir, "dashboards-02-across")
    # and she has no research download
    assert page.locator("main a[href$='research.csv']").count() == 0
    log_out(page)


def test_the_platform_operator_downloads_the_research_dataset(page: Any, shots_dir: Path) -> None:
    log_in(page, "platform")
    page.goto("/dashboards/")
    check_page(page, shots_dir, "dashboards-03-operator")
    with page.expect_download() as download:
        page.locator("main a[href$='research.csv']").click()
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert download.value.suggested_filename.startswith("tillid-research-")
    for row in rows:
        assert int(row["systems"]) >= 5 and int(row["organisations"]) >= 3
