"""Charts as SVG text, drawn on the server: no JavaScript, readable by screen readers.

Every chart carries its title and a one-sentence description as `<title>` and `<desc>`, referenced by
`aria-labelledby`, so a screen reader announces what the picture shows; the web page puts the same
numbers in a table beside it (the data-table alternative WCAG asks for). A value of `None` is a cell
hidden by small-cell suppression: it is drawn as text, never as a zero-length bar, so no reader
mistakes "hidden" for "none".

Colours have at least 3:1 contrast against white (WCAG 1.4.11) and series also differ in marker
shape, so colour is never the only difference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

SERIES_COLOURS = ("#0059b3", "#a35200", "#2e7d32", "#6a1b9a", "#37474f", "#b0003a")
MARKERS = ("circle", "square", "diamond", "triangle", "triangle-down", "cross")
FONT = "font-family=\"'IBM Plex Sans', Arial, sans-serif\""
WIDTH = 640
LABEL_WIDTH = 240
VALUE_ROOM = 90
BAR_HEIGHT = 18
BAR_GAP = 4
ROW_GAP = 12
MAX_LABEL_CHARS = 30


def _plain_number(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class ChartRow:
    label: str
    values: tuple[float | None, ...]  # one per series; None = hidden by small-cell suppression


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    series: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    hidden_label: str = "hidden"
    label_heading: str = ""  # heading of the label column in the table alternative
    value_format: Callable[[float], str] = field(default=_plain_number)
    value_range: tuple[float, float] | None = None  # fixed axis, e.g. (1, 5) for a 1-5 scale

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.values) != len(self.series):
                raise ValueError(
                    f"Row {row.label!r} has {len(row.values)} values for {len(self.series)} series."
                )

    def shown_values(self) -> list[float]:
        return [v for row in self.rows for v in row.values if v is not None]

    def cell_text(self, value: float | None) -> str:
        return self.hidden_label if value is None else self.value_format(value)


def _short(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(v)}" for name, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def _open_svg(chart: Chart, chart_id: str, height: float) -> list[str]:
    ident = quoteattr(chart_id)
    title_id = quoteattr(f"{chart_id}-title")
    desc_id = quoteattr(f"{chart_id}-desc")
    labelled = quoteattr(f"{chart_id}-title {chart_id}-desc")
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" id={ident} role="img" '
        f'aria-labelledby={labelled} viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" style="max-width:{WIDTH}px" {FONT} font-size="14">',
        f"<title id={title_id}>{escape(chart.title)}</title>",
        f"<desc id={desc_id}>{escape(chart.description)}</desc>",
    ]


def _legend(chart: Chart) -> tuple[list[str], float]:
    """The series names with their marker, wrapped onto as many lines as needed; and its height."""
    if len(chart.series) < 2:
        return [], 0.0
    parts, x, y = [], 0.0, 16.0
    for index, name in enumerate(chart.series):
        shown = _short(name, 2 * MAX_LABEL_CHARS)
        width = 30 + 7.5 * len(shown)
        if x > 0 and x + width > WIDTH:
            x, y = 0.0, y + 22
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(_marker(MARKERS[index % len(MARKERS)], x + 7, y - 5, colour))
        parts.append(_text(x + 18, y, shown, fill="#1a1a1a"))
        x += width
    return parts, y + 12


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "triangle-down":
        points = f"{x:.1f},{y + 6:.1f} {x + 6:.1f},{y - 5:.1f} {x - 6:.1f},{y - 5:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "cross":
        return (
            f'<path d="M{x - 5:.1f},{y - 5:.1f}L{x + 5:.1f},{y + 5:.1f}'
            f'M{x + 5:.1f},{y - 5:.1f}L{x - 5:.1f},{y + 5:.1f}" stroke="{colour}" '
            'stroke-width="3"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'


def bar_chart_svg(chart: Chart, *, chart_id: str) -> str:
    """Horizontal bars, one group per row and one bar per series; hidden values are written out."""
    legend, legend_height = _legend(chart)
    group_height = len(chart.series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    height = legend_height + max(1, len(chart.rows)) * (group_height + ROW_GAP) + 4
    low, high = chart.value_range or (0.0, max(chart.shown_values(), default=0.0))
    span = high - low if high > low else 1.0
    bar_room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    parts = _open_svg(chart, chart_id, height) + legend
    y = legend_height
    for row in chart.rows:
        label_y = y + group_height / 2 + 5
        parts.append(
            f"<g><title>{escape(row.label)}</title>"
            + _text(LABEL_WIDTH - 8, label_y, _short(row.label), text_anchor="end", fill="#1a1a1a")
            + "</g>"
        )
        for index, value in enumerate(row.values):
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            text_y = bar_y + BAR_HEIGHT - 4
            if value is None:
                parts.append(
                    _text(
                        LABEL_WIDTH, text_y, chart.hidden_label, fill="#545454", font_style="italic"
                    )
                )
                continue
            length = max(0.0, (value - low) / span * bar_room)
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y:.1f}" width="{length:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{colour}"/>'
            )
            parts.append(
                _text(LABEL_WIDTH + length + 6, text_y, chart.value_format(value), fill="#1a1a1a")
            )
        y += group_height + ROW_GAP
    parts.append("</svg>")
    return "".join(parts)


def line_chart_svg(chart: Chart, *, chart_id: str) -> str:
    """Rows are positions on the x axis (rounds, dates); one line per series; None breaks the line."""
    legend, legend_height = _legend(chart)
    top = legend_height + 14
    left, right, bottom = 70.0, 60.0, 44.0
    height = top + 242 + bottom
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    low, high = chart.value_range or (0.0, max(chart.shown_values(), default=1.0))
    span = high - low if high > low else 1.0
    steps = max(1, len(chart.rows) - 1)

    def x_at(index: int) -> float:
        return left + (plot_width * index / steps if len(chart.rows) > 1 else plot_width / 2)

    def y_at(value: float) -> float:
        return top + plot_height - (value - low) / span * plot_height

    parts = _open_svg(chart, chart_id, height) + legend
    for tick in range(5):
        value = low + span * tick / 4
        y = y_at(value)
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d0d0"/>'
        )
        parts.append(
            _text(left - 6, y + 5, chart.value_format(value), text_anchor="end", fill="#545454")
        )
    for index, row in enumerate(chart.rows):
        # The outermost labels grow inwards, so they are never cut off at the edge.
        first, last = index == 0, index == len(chart.rows) - 1 and len(chart.rows) > 1
        anchor = "start" if first and len(chart.rows) > 1 else "end" if last else "middle"
        x = x_at(index) - (20 if anchor == "start" else -20 if anchor == "end" else 0)
        parts.append(_text(x, height - bottom + 20, _short(row.label), text_anchor=anchor))
        if all(v is None for v in row.values):
            parts.append(
                _text(
                    x,
                    height - bottom + 36,
                    chart.hidden_label,
                    text_anchor=anchor,
                    fill="#545454",
                    font_style="italic",
                )
            )
    for series_index in range(len(chart.series)):
        colour = SERIES_COLOURS[series_index % len(SERIES_COLOURS)]
        shape = MARKERS[series_index % len(MARKERS)]
        points = [
            (x_at(i), y_at(v))
            for i, row in enumerate(chart.rows)
            if (v := row.values[series_index]) is not None
        ]
        parts.extend(_line_segments(chart, series_index, x_at, y_at, colour))
        parts.extend(_marker(shape, x, y, colour) for x, y in points)
    parts.append("</svg>")
    return "".join(parts)


def _line_segments(
    chart: Chart,
    series_index: int,
    x_at: Callable[[int], float],
    y_at: Callable[[float], float],
    colour: str,
) -> list[str]:
    segments: list[list[tuple[float, float]]] = [[]]
    for index, row in enumerate(chart.rows):
        value = row.values[series_index]
        if value is None:
            segments.append([])
        else:
            segments[-1].append((x_at(index), y_at(value)))
    return [
        f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
        + '"/>'
        for segment in segments
        if len(segment) > 1
    ]


def table_rows(chart: Chart) -> Sequence[tuple[str, list[str]]]:
    """The same numbers as text, row by row, for the table alternative."""
    return [(row.label, [chart.cell_text(v) for v in row.values]) for row in chart.rows]
