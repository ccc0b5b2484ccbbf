"""The one rate limiter: counting per window, the client address behind trusted proxies, IPv6 per /64."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from django.core.cache import caches
from django.http import HttpRequest
from django.test import RequestFactory, override_settings
from pytest_django import Settings

from common import ratelimit
from common.ratelimit import Limit, client_bucket, client_ip, exceeded, hit, hit_client
from tests.helpers import REDIS

LIMIT = Limit("test", 3, 600)


def request(remote: str = "192.0.2.1", forwarded: str | None = None) -> HttpRequest:
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = remote
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def test_a_key_is_allowed_up_to_its_limit_and_then_refused() -> None:
    assert [hit(LIMIT, "k") for _ in range(5)] == [True, True, True, False, False]
    assert hit(LIMIT, "other")


def test_limits_with_different_names_count_apart() -> None:
    for _ in range(3):
        hit(LIMIT, "k")
    assert exceeded(LIMIT, "k")
    assert not exceeded(Limit("another", 3, 600), "k")


def test_a_new_window_starts_from_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: 1_000_000.0)
    for _ in range(3):
        hit(LIMIT, "k")
    assert not hit(LIMIT, "k")
    monkeypatch.setattr(time, "time", lambda: 1_000_000.0 + 600)
    assert hit(LIMIT, "k")


def test_keys_are_stored_hashed_so_addresses_are_not_in_the_cache_in_the_clear() -> None:
    hit(LIMIT, "anna@example.org")
    key = ratelimit._cache_key(LIMIT, "anna@example.org", 0)
    assert "anna" not in key and "example" not in key


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings: Settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("192.0.2.1", "203.0.113.9")) == "192.0.2.1"
    assert client_bucket(client_ip(request("192.0.2.1", "203.0.113.9, 198.51.100.1"))) == "192.0.2.1"


def test_behind_one_proxy_the_address_it_appended_counts_not_what_the_client_wrote(
    settings: Settings,
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 203.0.113.9"; the proxy appended the address it saw.
    assert client_ip(request("10.0.0.2", "203.0.113.9, 198.51.100.7")) == "198.51.100.7"
    assert client_ip(request("10.0.0.2", "198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_second_address_from_the_right_counts(settings: Settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2")) == "198.51.100.7"


def test_a_header_that_did_not_pass_every_proxy_or_is_not_an_address_falls_back_to_remote_addr(
    settings: Settings,
) -> None:
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.3", "198.51.100.7")) == "10.0.0.3"
    assert client_ip(request("10.0.0.3")) == "10.0.0.3"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.3", "not-an-address")) == "10.0.0.3"
    assert client_ip(request("10.0.0.3", "[2001:db8::1]:443")) == "2001:db8::1"


def test_ipv6_addresses_in_one_64_share_a_bucket_and_other_64s_do_not() -> None:
    assert client_bucket("2001:db8:1:2::1") == client_bucket("2001:db8:1:2:ffff:ffff:ffff:ffff")
    assert client_bucket("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert client_bucket("2001:db8:1:3::1") != client_bucket("2001:db8:1:2::1")
    assert client_bucket("::ffff:192.0.2.5") == "192.0.2.5"
    assert client_bucket("192.0.2.5") != client_bucket("192.0.2.6")


def test_hopping_addresses_inside_one_64_does_not_escape_a_limit() -> None:
    results = [hit_client(LIMIT, f"2001:db8:aa:bb::{n:x}") for n in range(1, 6)]
    assert results == [True, True, True, False, False]
    assert hit_client(LIMIT, "2001:db8:aa:bc::1")


@pytest.fixture
def redis_cache() -> Iterator[None]:
    """The real Redis (db 3), as production runs it across app servers."""
    location = {"default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{REDIS}/3"}}
    with override_settings(CACHES=location):
        caches["default"].clear()
        yield
        caches["default"].clear()


def test_on_redis_concurrent_hits_never_let_more_than_the_limit_through(redis_cache: None) -> None:
    limit = Limit("redis-test", 25, 600)
    allowed: list[bool] = []
    lock = threading.Lock()

    def hammer() -> None:
        for _ in range(20):
            result = hit_client(limit, "2001:db8:5::1")
            with lock:
                allowed.append(result)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 25
    assert exceeded(limit, client_bucket("2001:db8:5:0:1::9"))
    assert not exceeded(limit, client_bucket("2001:db8:6::1"))
