"""Charts drawn on the server: valid SVG, named for screen readers, hidden cells never drawn as zero."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tillid.reports.charts import Chart, ChartRow, bar_chart_svg, line_chart_svg, table_rows

SVG = "{http://www.w3.org/2000/svg}"


def risk_chart(**overrides: object) -> Chart:
    values: dict[str, object] = {
        "title": "Systems by risk class",
        "description": "Most systems are minimal risk; high risk is hidden.",
        "series": ("Systems",),
        "rows": (
            ChartRow("Minimal risk", (12,)),
            ChartRow("High risk", (None,)),
            ChartRow("Limited risk", (0,)),
        ),
        "hidden_label": "fewer than 5",
        "label_heading": "Risk class",
    }
    values.update(overrides)
    return Chart(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("draw", [bar_chart_svg, line_chart_svg])
def test_a_chart_is_an_image_named_by_its_title_and_description(draw: object) -> None:
    svg = ET.fromstring(draw(risk_chart(), chart_id="risk"))  # type: ignore[operator]

    assert svg.get("role") == "img"
    named_by = svg.get("aria-labelledby", "").split()
    ids = {element.get("id"): element for element in svg.iter()}
    assert [ids[name].text for name in named_by] == [
        "Systems by risk class",
        "Most systems are minimal risk; high risk is hidden.",
    ]


def test_a_hidden_cell_is_written_out_and_never_drawn_as_a_bar() -> None:
    svg = ET.fromstring(bar_chart_svg(risk_chart(), chart_id="risk"))

    texts = [t.text for t in svg.iter(f"{SVG}text")]
    bars = list(svg.iter(f"{SVG}rect"))
    assert "fewer than 5" in texts
    assert len(bars) == 2  # minimal (12) and limited (0); nothing for the hidden row
    assert max(float(b.get("width", 0)) for b in bars) > 0
    assert min(float(b.get("width", 0)) for b in bars) == 0


def test_the_table_alternative_holds_the_same_numbers() -> None:
    assert table_rows(risk_chart()) == [
        ("Minimal risk", ["12"]),
        ("High risk", ["fewer than 5"]),
        ("Limited risk", ["0"]),
    ]


def test_hostile_text_stays_text() -> None:
    hostile = '<script>alert("x")</script> & "quotes"'
    chart = risk_chart(title=hostile, rows=(ChartRow(hostile, (3,)),))

    for draw in (bar_chart_svg, line_chart_svg):
        svg = draw(chart, chart_id='x" onload="alert(1)')
        root = ET.fromstring(svg)  # still well-formed XML
        assert "<script>" not in svg
        assert not list(root.iter(f"{SVG}script"))
        assert root.get("onload") is None


def test_a_line_breaks_where_a_round_is_hidden() -> None:
    chart = Chart(
        title="On track",
        description="Mean answer per round.",
        series=("On track", "Data"),
        rows=(
            ChartRow("Q1", (3.0, 2.0)),
            ChartRow("Q2", (None, 2.5)),
            ChartRow("Q3", (3.5, 3.0)),
            ChartRow("Q4", (4.0, None)),
        ),
        value_range=(1, 5),
    )
    svg = ET.fromstring(line_chart_svg(chart, chart_id="trend"))

    lines = [p.get("points", "").split() for p in svg.iter(f"{SVG}polyline")]
    # "On track": Q1 alone, then Q3-Q4; "Data": Q1-Q3. A single point is a marker, not a line.
    assert sorted(len(points) for points in lines) == [2, 3]


def test_rows_must_have_one_value_per_series() -> None:
    with pytest.raises(ValueError, match="Row 'Minimal risk' has 2 values for 1 series"):
        risk_chart(rows=(ChartRow("Minimal risk", (1, 2)),))


def test_an_empty_chart_still_draws() -> None:
    for draw in (bar_chart_svg, line_chart_svg):
        ET.fromstring(draw(risk_chart(rows=()), chart_id="empty"))
