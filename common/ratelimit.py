"""The one rate limiter: fixed-window counters in the shared cache, and the client address they key on.

Every limit of the app goes through here (wrong voting and panel codes, one-time codes, login
links, password logins, comments, co-initiator invitations). The counters live in the default
cache, which must be shared by every app server for a limit to hold across them (Redis in
production, see CACHES); tests use the local-memory cache and one test uses Redis for real.

The client address is REMOTE_ADDR unless ``TRUSTED_PROXY_COUNT`` says how many reverse proxies
append to X-Forwarded-For: then it is the address the outermost of them saw, and whatever a client
wrote into the header itself is ignored. IPv6 clients are counted per /64, the block one
household or server usually holds, so hopping addresses inside it does not escape a limit.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

UNKNOWN_CLIENT = "unknown"


@dataclass(frozen=True)
class Limit:
    """At most ``count`` events per ``window_seconds`` for one key; ``name`` keeps limits apart."""

    name: str
    count: int
    window_seconds: int

    @classmethod
    def of(cls, name: str, setting: tuple[int, int]) -> Limit:
        """A limit from a ``(count, window seconds)`` setting."""
        count, window = setting
        return cls(name=name, count=count, window_seconds=window)


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the n-th from the right of X-Forwarded-For behind n proxies.

    With n trusted proxies the rightmost n entries were written by them; anything left of those
    came from the client and could be anything. A header with fewer entries than that did not
    come through every proxy, so it is ignored, as is one whose entry is not an address.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            seen = _address(forwarded[-proxies])
            if seen:
                return seen
    return remote or UNKNOWN_CLIENT


def _address(text: str) -> str:
    """The canonical form of an IP address ("[::1]" and "1.2.3.4:80" forms allowed), or ""."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""


def client_bucket(address: str) -> str:
    """What one client is counted as: an IPv4 address, or the /64 network of an IPv6 one."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or UNKNOWN_CLIENT
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _cache_key(limit: Limit, key: str, window_index: int) -> str:
    # Hashed: keys may hold e-mail addresses, which need not sit in Redis in the clear.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"ratelimit:{limit.name}:{digest}:{window_index}"


def hit(limit: Limit, key: str) -> bool:
    """Count one event for ``key``; True while at most ``limit.count`` were counted in this window."""
    return count(limit, key) <= limit.count


def count(limit: Limit, key: str) -> int:
    """Count one event for ``key`` and return how many this window holds now (atomic on Redis)."""
    cache_key = _cache_key(limit, key, int(time.time()) // limit.window_seconds)
    cache.add(cache_key, 0, timeout=limit.window_seconds + 5)
    try:
        return int(cache.incr(cache_key))
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=limit.window_seconds + 5)
        return 1


def exceeded(limit: Limit, key: str) -> bool:
    """Whether ``key`` already used up this window (reads, does not count)."""
    cache_key = _cache_key(limit, key, int(time.time()) // limit.window_seconds)
    return int(cache.get(cache_key, 0)) >= limit.count


def hit_client(limit: Limit, address: str) -> bool:
    """``hit`` for a client address, counted per bucket (IPv6 per /64)."""
    return hit(limit, client_bucket(address))


def seconds_left(limit: Limit) -> int:
    """Seconds until this limit's current window ends (for Retry-After)."""
    window = limit.window_seconds
    return window - int(time.time()) % window
