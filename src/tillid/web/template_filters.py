"""Filters every template may use (registered as builtins in settings)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, key) if mapping else key


@register.filter(name="contact_href")
def contact_href_filter(value: str) -> str | None:
    """The mailto:/http(s) link for a contact, or None: then it is shown as text."""
    from tillid.web.contact import contact_href

    return contact_href(value or "")


@register.simple_tag
def icon(name: str) -> str:
    """A DKFDS icon from its sprite, hidden from screen readers (the text beside it says it)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<svg class="icon-svg" focusable="false" aria-hidden="true"><use href="{}#{}"></use></svg>',
        static("vendor/dkfds/img/all-svg-icons.svg"),
        name,
    )


@register.simple_tag
def field_widget(field: Any) -> str:
    """The field's control, pointing screen readers at its hint and its error message."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return str(field.as_widget(attrs=attrs))


@register.simple_tag
def chart(figure: Any, kind: str, chart_id: str) -> str:
    """A chart as SVG with its numbers in a table beside it (tillid.reports.charts.Chart)."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from tillid.reports import charts

    draw = {"bar": charts.bar_chart_svg, "line": charts.line_chart_svg}[kind]
    return render_to_string(
        "_chart.html",
        {
            "chart": figure,
            "chart_id": chart_id,
            # Built from escaped text only (see tillid.reports.charts).
            "svg": mark_safe(draw(figure, chart_id=chart_id)),
            "table_rows": charts.table_rows(figure),
        },
    )
