"""Errors as JSON: `{"detail": "..."}` with the message a person can act on, and the right 4xx.

Malformed JSON, a body too large, a value of the wrong type: each gets a 4xx naming the problem.
Only a fault of ours may give a 500.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from tillid.web.api.schemas import NOT_BLANK


class InputProblems(Exception):
    """Bad input, field by field (422)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


class BodyProblem(Exception):
    """The request body cannot be read as JSON (400); the message says why."""


class JsonBody(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        try:
            data = json.loads(request.body)
        except (UnicodeDecodeError, ValueError) as error:
            raise BodyProblem(
                _("The request body is not valid JSON: %(error)s") % {"error": error}
            ) from None
        try:
            # JSON may escape a lone surrogate (\ud800), which no database can store as text.
            json.dumps(data, ensure_ascii=False).encode()
        except UnicodeEncodeError:
            raise BodyProblem(
                _(
                    "The request body holds a character that is not valid Unicode (a lone surrogate)."
                )
            ) from None
        return data


def _location(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path", "filters")]
    return ".".join(parts) or "request"


def readable(errors: list[dict[str, Any]]) -> dict[str, str]:
    """Pydantic's errors as field -> message."""
    found: dict[str, str] = {}
    for error in errors:
        where = _location(error.get("loc", ()))
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        if (
            error.get("type") == "string_pattern_mismatch"
            and error.get("ctx", {}).get("pattern") == NOT_BLANK
        ):
            message = str(forms.Field.default_error_messages["required"])  # as the page says it
        found[where] = f"{found[where]} {message}" if where in found else message
    return found


def _summary(errors: dict[str, str]) -> str:
    return "; ".join(f"{where}: {message}" for where, message in errors.items())


def install_error_handlers(api: NinjaAPI) -> None:
    def problem(request: HttpRequest, status: int, detail: str, **more: Any) -> HttpResponse:
        return api.create_response(request, {"detail": detail, **more}, status=status)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = readable(exc.errors)
        return problem(request, 422, _summary(errors), errors=errors)

    @api.exception_handler(InputProblems)
    def bad_input(request: HttpRequest, exc: InputProblems) -> HttpResponse:
        return problem(request, 422, _summary(exc.errors), errors=exc.errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = problem(request, 401, exc.message)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, BodyProblem):  # ninja wraps the parser's error
            return problem(request, 400, str(exc.__cause__))
        return problem(request, exc.status_code, exc.message)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        return problem(
            request, 413, _("The request body is too large; send at most %(n)s MB.") % {"n": limit}
        )
