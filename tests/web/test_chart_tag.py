"""The {% chart %} tag: an SVG chart and a table with the same figures, in one figure."""

from __future__ import annotations

from django.template import Context, Template

from tillid.reports.charts import Chart, ChartRow


def test_the_chart_tag_gives_the_picture_and_a_table_of_the_same_numbers() -> None:
    figure = Chart(
        title="Systems by phase",
        description="Two systems are in operation.",
        series=("Systems",),
        rows=(ChartRow("In operation", (2,)), ChartRow("Retired", (None,))),
        hidden_label="fewer than 5",
        label_heading="Phase",
    )

    html = Template('{% chart figure "bar" "phases" %}').render(Context({"figure": figure}))

    assert 'role="img"' in html and 'aria-labelledby="phases-title phases-desc"' in html
    assert '<th scope="row">In operation</th>' in html
    assert '<td class="text-align-right">2</td>' in html
    assert '<td class="text-align-right">fewer than 5</td>' in html
    assert "Show the figures as a table" in html
