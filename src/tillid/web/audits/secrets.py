"""Encryption at rest for database credentials (Fernet: AES-128-CBC with HMAC-SHA256).

The key comes from TILLID_ENCRYPTION_KEY, or is generated once into the data folder (readable only by
its owner). Losing the key means the stored connections must be entered again; nothing else is lost.
"""

from __future__ import annotations

import os
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


class SecretUnreadable(Exception):
    """A stored secret cannot be decrypted, e.g. because the key changed."""


@cache
def _fernet() -> Fernet:
    key = os.environ.get("TILLID_ENCRYPTION_KEY")
    if not key:
        key_file = settings.DATA_DIR / "encryption_key"
        if not key_file.exists():
            key_file.write_bytes(Fernet.generate_key())
            key_file.chmod(0o600)
        key = key_file.read_text().strip()
    return Fernet(key.encode())


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise SecretUnreadable(
            "The stored connection cannot be decrypted: the encryption key has changed. "
            "Enter the connection again."
        ) from None
