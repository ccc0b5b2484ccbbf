"""Guessing protection for code entry: failed attempts are limited per client address and globally.

Only failures count, so a polling station's kiosks (one address, many voters) are not slowed by
correct codes. The limits hold across app servers when the cache is shared (Redis; see CACHES).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from .errors import EligibilityError


def _buckets(client_ip: str) -> tuple[tuple[str, int, int], ...]:
    now = int(time.time())
    per_ip_window = settings.VOTING_FAILURES_PER_CLIENT[1]
    global_window = settings.VOTING_FAILURES_GLOBAL[1]
    return (
        (
            f"voting:fail:ip:{client_ip}:{now // per_ip_window}",
            settings.VOTING_FAILURES_PER_CLIENT[0],
            per_ip_window,
        ),
        (f"voting:fail:all:{now // global_window}", settings.VOTING_FAILURES_GLOBAL[0], global_window),
    )


def refuse_if_blocked(client_ip: str) -> None:
    """EligibilityError("too_many_attempts") when this client, or everyone together, failed too often."""
    buckets = _buckets(client_ip)
    counts = cache.get_many([key for key, _, _ in buckets])
    if any(counts.get(key, 0) >= limit for key, limit, _ in buckets):
        raise EligibilityError("too_many_attempts")


def count_failure(client_ip: str) -> None:
    for key, _, window in _buckets(client_ip):
        cache.add(key, 0, timeout=window + 5)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 5)
