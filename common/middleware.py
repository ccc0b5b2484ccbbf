"""Transport middleware: junk requests answered 400 before any view, and the browser's security headers.

``RequestGuardMiddleware`` (just inside Django's SecurityMiddleware) refuses, with a 400, what no form
or filter of ours accepts and what otherwise reaches the database raw: a NUL byte anywhere in the path,
the query string, a cookie (the session key is looked up) or a submitted form (PostgreSQL refuses NUL
in text, so such input was a 500), a query value longer than ``REQUEST_QUERY_VALUE_MAX_LENGTH`` and a
body announced larger than ``REQUEST_BODY_MAX_BYTES`` (refused from its Content-Length, unread).

``SecurityHeadersMiddleware`` (outermost, so error pages get the headers too) gives every response a
Content-Security-Policy without ``unsafe-inline`` (a per-request nonce is in ``request.csp_nonce`` for
the rare inline script), a Permissions-Policy, and ``Cache-Control: no-store`` on every response to a
request that carries a session (a logged-in user, or a voter between entering a code and casting) unless
the view set its own Cache-Control: no personal or staff page stays in a browser's or proxy's cache.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpRequest, HttpResponseBase

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(items: Iterable[tuple[str, list[str]]]) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in items)


class RequestGuardMiddleware:
    """Answers 400 to NUL bytes and over-long query values, 413 to an announced body over the limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        self.check(request)
        return self.get_response(request)

    @staticmethod
    def check(request: HttpRequest) -> None:
        length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            announced = int(length)
        except ValueError:
            raise BadRequest("Content-Length is not a number") from None
        if announced > settings.REQUEST_BODY_MAX_BYTES:
            # Django answers RequestDataTooBig (a SuspiciousOperation) with a 400, unread.
            raise RequestDataTooBig("The request body is larger than REQUEST_BODY_MAX_BYTES")
        if NUL in request.path_info:
            raise BadRequest("NUL byte in the path")
        # Django unquotes cookie values ("\000" becomes NUL), and the session key goes to the database.
        if any(NUL in name or NUL in value for name, value in request.COOKIES.items()):
            raise BadRequest("NUL byte in a cookie")
        limit = settings.REQUEST_QUERY_VALUE_MAX_LENGTH
        for key, values in request.GET.lists():
            if NUL in key or len(key) > limit or any(NUL in value or len(value) > limit for value in values):
                raise BadRequest("NUL byte or over-long value in the query string")
        # Parsing the form here, not later: CsrfViewMiddleware reads it anyway, and file uploads are
        # streamed to disk, so this costs nothing a view would not spend.
        if request.method == "POST" and request.content_type in FORM_TYPES and _has_nul(request.POST.lists()):
            raise BadRequest("NUL byte in the form")


def content_security_policy(nonce: str) -> str:
    """The policy: our own origin only, scripts by origin or nonce, no inline styles, no framing."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            # The NL Design System's CSS draws checkbox ticks and arrows as data: SVGs.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


def carries_session(request: HttpRequest) -> bool:
    """Whether the request belongs to someone: a logged-in user or any session (a voter's code)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    return session is not None and not session.is_empty()


class SecurityHeadersMiddleware:
    """CSP with a per-request nonce, Permissions-Policy, and no-store for every personal response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        nonce = secrets.token_urlsafe(18)
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(nonce))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "Cache-Control" not in response.headers and carries_session(request):
            response.headers["Cache-Control"] = "no-store"
        return response
