"""Reports: text, Markdown and HTML with SVG charts, showing only what may be shown."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import numpy as np
import pandas as pd

from tillid.audit import AuditSpec, DriftSpec, render_html, render_markdown, render_text, run_audit


def _audited():
    rng = np.random.default_rng(9)
    rows = 3000
    frame = pd.DataFrame(
        {
            "label": rng.integers(0, 2, rows),
            "prediction": rng.integers(0, 2, rows),
            "score": rng.random(rows).round(3),
            "region": rng.choice(["Nord", "Syd", "Midt"], rows),
            "period": rng.choice(["2024", "2025"], rows),
        }
    )
    frame.loc[:4, "region"] = "Bornholm <script>"
    spec = AuditSpec(
        target="label",
        prediction="prediction",
        score="score",
        protected=["region"],
        drift=DriftSpec(split_column="period", reference_value="2024", columns=["score"]),
    )
    return run_audit(frame, spec)


def test_html_report_has_a_chart_per_section_and_escapes_names() -> None:
    result = _audited()
    page = render_html(result)
    assert page.count("<svg") == 3  # rates by region, disparities by region, drift
    assert page.count("<title>") >= 4  # the page and every chart have a title
    assert "<script>" not in page  # group names are escaped
    # The suppressed group is named (in the suppressed table) but has no rates anywhere.
    assert "region=Bornholm &lt;script&gt;" in page
    assert "Bornholm &lt;script&gt;: " not in page
    for svg in page.split("<svg")[1:]:
        ElementTree.fromstring("<svg" + svg.split("</svg>")[0] + "</svg>")  # well-formed


def test_text_and_markdown_show_the_same_groups() -> None:
    result = _audited()
    text, markdown = render_text(result), render_markdown(result)
    for group in result.grouping("region").groups:
        assert group.label in text and group.label in markdown
    assert "Suppressed groups" in text and "fewer than k" in markdown
