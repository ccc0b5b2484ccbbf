"""What differs per visitor in a page that is otherwise the same for all: the CSRF token, the CSP nonce.

A cached page must carry neither another visitor's CSRF token (it would leak their secret and fail
the form) nor an old nonce (its inline scripts would not run). Before a page is stored both are
replaced by placeholders holding a NUL byte — which no page can contain otherwise (the request guard
refuses NUL in input, PostgreSQL in text) — and filled in again for each visitor who gets the page.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from django.middleware.csrf import _unmask_cipher_token, get_token  # type: ignore[attr-defined]

CSRF_MARK = b"\x00csrf\x00"
NONCE_MARK = b"\x00nonce\x00"
# Django's {% csrf_token %} (and a hand-written input of the same name).
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def to_placeholders(request: HttpRequest, body: bytes) -> bytes | None:
    """``body`` with this visitor's values as placeholders, or None if one is left that can't be.

    The check after the replacement is exact: any 64-character token in the page that unmasks to this
    visitor's CSRF secret, or the secret itself, makes the page unfit for anyone else.
    """
    body = CSRF_INPUT.sub(rb"\1" + CSRF_MARK + rb"\2", body)
    nonce = getattr(request, "csp_nonce", None)
    if nonce:
        body = body.replace(nonce.encode(), NONCE_MARK)
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        if secret.encode() in body:
            return None
        for token in MASKED_TOKEN.findall(body):
            if _unmask_cipher_token(token.decode()) == secret:
                return None
    return body


def has_placeholders(body: bytes) -> bool:
    return CSRF_MARK in body or NONCE_MARK in body


def from_placeholders(request: HttpRequest, body: bytes) -> bytes:
    """``body`` with this visitor's own CSRF token (which also sets their cookie) and nonce."""
    if CSRF_MARK in body:
        body = body.replace(CSRF_MARK, get_token(request).encode())
    if NONCE_MARK in body:
        body = body.replace(NONCE_MARK, getattr(request, "csp_nonce", "").encode())
    return body
