"""Fixed-window rate limits in the shared cache (Redis in production), keyed by what is limited.

Used where guessing or flooding is possible: login-link requests now, voting codes later. The
cache must be shared by every app server for the limit to hold across them (see CACHES).
"""

from __future__ import annotations

import time

from django.core.cache import cache


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key``; False once more than ``limit`` were made in this window."""
    bucket = f"ratelimit:{key}:{int(time.time()) // window_seconds}"
    cache.add(bucket, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=window_seconds + 5)
        count = 1
    return count <= limit


def client_ip(meta: dict[str, str]) -> str:
    """The client's address as the server saw it (REMOTE_ADDR; a proxy must set it correctly)."""
    return meta.get("REMOTE_ADDR", "") or "unknown"
