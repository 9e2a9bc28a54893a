"""Text with a NUL character is refused with a message before it can reach PostgreSQL."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "path", "body", "content_type"),
    [
        ("get", "/login/?next=%00", None, None),
        ("post", "/login/", "username=a%00b&password=x", "application/x-www-form-urlencoded"),
        ("post", "/api/v1/systems", '{"name": "a\\u0000b"}', "application/json"),
    ],
)
def test_a_nul_character_is_refused_with_a_message(
    method: str, path: str, body: str | None, content_type: str | None
) -> None:
    client = Client()
    if method == "get":
        response = client.get(path)
    else:
        response = client.generic("POST", path, body or "", content_type=content_type)
    assert response.status_code == (422 if path.startswith("/api/") else 400)
    assert b"NUL character" in response.content


def test_ordinary_form_posts_pass() -> None:
    response = Client().post("/login/", {"username": "someone", "password": "wrong"})
    assert response.status_code == 200  # the login page again, with its own message
