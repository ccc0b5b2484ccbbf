"""Who may read /metrics: client addresses inside ``METRICS_ALLOWED_ADDRESSES`` (CIDR), or anyone when None.

The address is the one the rate limits use (``common.ratelimit.client_ip``): REMOTE_ADDR, or what the
outermost trusted proxy saw, so a client cannot claim an allowed address in X-Forwarded-For.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from common.ratelimit import client_ip

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """The networks an allow-list names (``10.0.0.0/8``, ``::1``: a bare address is a /32 or /128).

    ImproperlyConfigured names the first entry that is not a network, so a typo fails at start-up
    (``manage.py check``) instead of locking the scraper out or letting everyone in.
    """
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"METRICS_ALLOWED_ADDRESSES: {entry!r} is not an address or a network in CIDR form"
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


def may_scrape(request: HttpRequest) -> bool:
    """Whether this request's client may read the metrics."""
    allowed = getattr(settings, "METRICS_ALLOWED_ADDRESSES", None)
    if allowed is None:
        return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:  # "unknown": no usable address
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in _networks(tuple(allowed)))
