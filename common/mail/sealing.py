"""Sealing a queued mail: Fernet under a key derived from SECRET_KEY, so the queue row alone reveals nothing.

Whoever reads the task table (a database dump, a backup, a replica) sees a token, not the login
link or voting code in the mail; opening it takes the application's SECRET_KEY too. The key is
derived with HKDF for this purpose only, so it is not the key Django signs cookies with. Keys from
SECRET_KEY_FALLBACKS still open mails sealed before a key rotation.
"""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

__all__ = ["InvalidToken", "open_sealed", "seal"]


def _fernet_key(secret: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"buurtbudget", info=b"mail-queue").derive(
        secret.encode("utf-8")
    )
    return base64.urlsafe_b64encode(derived)


@lru_cache(maxsize=4)
def _fernet(secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(secret)) for secret in secrets])


def _current() -> MultiFernet:
    return _fernet((settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])))


def seal(message: dict[str, Any]) -> str:
    """The message as an opaque token (JSON inside, encrypted and authenticated)."""
    return _current().encrypt(json.dumps(message).encode("utf-8")).decode("ascii")


def open_sealed(token: str) -> dict[str, Any]:
    """The message sealed in ``token``; InvalidToken when it was altered or the key is gone."""
    data: dict[str, Any] = json.loads(_current().decrypt(token.encode("ascii")))
    return data
