"""Optional error reporting (Sentry or a compatible service such as GlitchTip): off unless a DSN is set.

``init_error_reporting`` is called by production settings with ``ERROR_REPORTING_DSN``; without one
nothing is imported or started. With one, an event leaves without personal data: no default PII
(no user, cookies or client address), no request body (a voting code or a ballot is posted), no
local variables of the stack frames (a view's ``code`` is one), no query string, no headers but the
request id, and every remaining string (the URL, messages, breadcrumbs of log lines) scrubbed like
the log lines.
"""

from __future__ import annotations

from typing import Any, cast

from .scrub import scrub_value

# The only request headers an event keeps: enough to find the request's log lines.
KEPT_HEADERS = frozenset({"x-request-id", "content-type", "accept-language"})


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """``event`` without request body, cookies, query string or user, and with every string scrubbed."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS}
    event.pop("user", None)
    scrubbed: dict[str, Any] = scrub_value(event)
    return scrubbed


def init_error_reporting(*, dsn: str, environment: str = "production", release: str = "") -> bool:
    """Start reporting errors to ``dsn``; False (and nothing imported) when ``dsn`` is empty."""
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0.0,
        before_send=cast(Any, scrub_event),
        before_breadcrumb=cast(Any, _scrub_breadcrumb),
    )
    return True


def _scrub_breadcrumb(crumb: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    scrubbed: dict[str, Any] = scrub_value(crumb)
    return scrubbed
