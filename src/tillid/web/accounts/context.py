"""Template context: the signed-in person's organisations and their role in the current one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"sso_enabled": settings.SSO_ENABLED}
    current = getattr(request, "membership", None)
    return {
        "my_memberships": list(user.memberships.select_related("organisation")),
        "membership": current,
        "organisation": current.organisation if current else None,
    }
