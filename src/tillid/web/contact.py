"""Contacts that pages link to (the register, the catalogue): an e-mail address or a web address.

A contact is only ever linked as `mailto:` or `http(s)://`; anything else is shown as text, so a
typed "javascript:..." can never become a link on a public page.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# No ':' or '/': "javascript://%0a...//@x.com" is a script link, not an e-mail address.
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")


def contact_href(value: str) -> str | None:
    """The link for a contact: mailto: for an e-mail address, the address itself for an http(s)
    address, None for anything else (shown as text, never linked)."""
    value = value.strip()
    if value.startswith(("https://", "http://")):
        return value
    if _EMAIL.match(value):
        return "mailto:" + value
    return None


def is_contact(value: str) -> bool:
    """Empty, an e-mail address or a web address."""
    value = value.strip()
    return not value or contact_href(value) is not None


NOT_A_CONTACT = _(
    "Write an e-mail address (name@example.org) or a web address starting with https://."
)


def cleaned_contact(value: str) -> str:
    """A form's contact field: stripped, or refused with a message saying what to write."""
    value = value.strip()
    if not is_contact(value):
        raise forms.ValidationError(NOT_A_CONTACT)
    return value
