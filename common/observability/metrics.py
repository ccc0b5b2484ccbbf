"""The app's Prometheus metrics that requests and casts count; ``/metrics`` (operations.metrics) shows them.

Labels hold route names, methods, status codes, channels and refusal codes: bounded sets with no
personal data (never a path, an address or a code). Under gunicorn the counters live in
``PROMETHEUS_MULTIPROC_DIR`` (one file per worker process) so a scrape sums every worker; without
it (runserver, tests) they live in the process. The names are listed in docs/observability.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from prometheus_client import Counter, Histogram

from common.errors import ServiceError

P = ParamSpec("P")
R = TypeVar("R")

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Seconds; a cast takes ~3 ms on an idle node, a page 5–20 ms, the targets are p95 300 ms and
# p99 1 s, and anything past 10 s has long lost its client.
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter(
    "buurtbudget_http_requests",
    "Requests answered, by route name (the URL pattern's name, never the path), method and status.",
    ["route", "method", "status"],
)
REQUEST_DURATION = Histogram(
    "buurtbudget_http_request_duration_seconds",
    "Time from the request reaching the app to its response leaving it, by route name.",
    ["route"],
    buckets=DURATION_BUCKETS,
)
BALLOTS_CAST = Counter(
    "buurtbudget_ballots_cast",
    "Ballots stored online, by channel (web, kiosk, api) and whether it replaced the voter's earlier one.",
    ["channel", "replaced"],
)
CAST_REFUSALS = Counter(
    "buurtbudget_cast_refusals",
    "Code checks and casts refused, by channel and the refusal's error code (unknown_code, "
    "malformed_code, too_many_attempts, vote_not_open, …).",
    ["channel", "reason"],
)


def observe_request(*, route: str, method: str, status: int, seconds: float) -> None:
    """Count one answered request and its duration."""
    REQUESTS.labels(route=route, method=method if method in METHODS else "other", status=str(status)).inc()
    REQUEST_DURATION.labels(route=route).observe(seconds)


def record_cast(*, channel: str, replaced: bool) -> None:
    """Count one ballot stored through ``channel``."""
    BALLOTS_CAST.labels(channel=channel, replaced="true" if replaced else "false").inc()


def record_refusal(*, channel: str, error: ServiceError) -> None:
    """Count one refused code check or cast by its error code."""
    CAST_REFUSALS.labels(channel=channel, reason=error.code).inc()


def refusals_counted(*, channel: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """For a view that lets its ServiceError propagate (the API's): each one is counted, then re-raised."""

    def decorate(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return view(*args, **kwargs)
            except ServiceError as error:
                record_refusal(channel=channel, error=error)
                raise

        return counted

    return decorate
