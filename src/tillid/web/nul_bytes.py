"""Refuses text containing NUL characters before any view sees it.

PostgreSQL cannot store NUL in text or JSON, and no real input needs one; without this, such input
would fail deep inside a save with a server error. File uploads (multipart) are binary and exempt.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

_RAW_AND_JSON = (b"\x00", b"\\u0000")


class RefuseNulBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            message = _("The request contains a NUL character, which cannot be stored; remove it.")
            if request.path.startswith("/api/"):
                # 422 with `errors`, as the API documents for every operation's bad input.
                return JsonResponse({"detail": message, "errors": {"request": message}}, status=422)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
            return True
        if b"\x00" in unquote_to_bytes(request.path_info):
            return True
        content_type = request.META.get("CONTENT_TYPE", "")
        if request.method in ("GET", "HEAD") or content_type.startswith("multipart/"):
            return False
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return False  # too large: the view refuses it with its own message
        body = request.body
        if content_type.startswith("application/x-www-form-urlencoded"):
            body = unquote_to_bytes(body.replace(b"+", b" "))
        return any(mark in body for mark in _RAW_AND_JSON)
