"""Guessing protection for code entry: failed attempts are limited per client address and globally.

Only failures count, so a polling station's kiosks (one address, many voters) are not slowed by
correct codes. The counts live in the shared cache (Redis in production; see CACHES), so the
limits hold across app servers. A correct code costs no cache round trip: each process remembers
which clients (or everyone) went over a limit, learnt when it counts a failure. So another process
lets at most one more wrong code through before it blocks that client too.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from .errors import EligibilityError

# Limit key ("ip:<address>" or "all") → the end of the window in which it went over its limit.
_blocked: dict[str, float] = {}


def _buckets(client_ip: str) -> tuple[tuple[str, str, int, int], ...]:
    """(limit key, cache key of this window, limit, window seconds) per limit."""
    now = int(time.time())
    per_client, client_window = settings.VOTING_FAILURES_PER_CLIENT
    everyone, global_window = settings.VOTING_FAILURES_GLOBAL
    return (
        (f"ip:{client_ip}", f"voting:fail:ip:{client_ip}:{now // client_window}", per_client, client_window),
        ("all", f"voting:fail:all:{now // global_window}", everyone, global_window),
    )


def refuse_if_blocked(client_ip: str) -> None:
    """EligibilityError("too_many_attempts") when this client, or everyone together, failed too often."""
    if not _blocked:
        return
    now = time.time()
    for limit_key in (f"ip:{client_ip}", "all"):
        until = _blocked.get(limit_key)
        if until is not None:
            if until > now:
                raise EligibilityError("too_many_attempts")
            _blocked.pop(limit_key, None)


def count_failure(client_ip: str) -> None:
    """Count one wrong code for this client and for everyone; remember a limit reached."""
    now = int(time.time())
    for limit_key, key, limit, window in _buckets(client_ip):
        cache.add(key, 0, timeout=window + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 5)
            count = 1
        if count >= limit:
            if len(_blocked) > 10_000:  # a flood from many addresses: keep memory bounded
                _blocked.clear()
            _blocked[limit_key] = float((now // window + 1) * window)


def forget_blocks() -> None:
    """Forget this process's blocks (tests start each with empty counters)."""
    _blocked.clear()
