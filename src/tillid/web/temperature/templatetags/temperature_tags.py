"""`{% temperature_notice %}`: the organisation's open survey invitations, for its own pages."""

from __future__ import annotations

from typing import Any

from django import template

from tillid.web.temperature.selectors import open_invitations

register = template.Library()


@register.inclusion_tag("temperature/_notice.html", takes_context=True)
def temperature_notice(context: dict[str, Any]) -> dict[str, Any]:
    membership = context.get("membership")
    if membership is None:
        return {"waiting": 0}
    waiting = [i for i in open_invitations(membership.organisation) if not hasattr(i, "response")]
    return {
        "waiting": len(waiting),
        "organisation": membership.organisation,
        "can_answer": membership.allows("editor"),
    }
