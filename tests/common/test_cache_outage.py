"""The production cache without Redis: short timeouts, the breaker, the process's memory, the way back.

Real services only: an address where nothing listens, and a private redis-server that is frozen with
SIGSTOP (tests/outages.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from common import code_guard
from common.breaker import CircuitBreaker
from common.cache import ResilientRedisCache, cache_state, forget_outages
from tests.outages import DEAD_REDIS_URL, PrivateRedis, private_redis, resilient_caches
from voting.errors import EligibilityError

BOUND_SECONDS = 1.0


@pytest.fixture(autouse=True)
def _healthy_breakers() -> Iterator[None]:
    forget_outages()
    yield
    forget_outages()


@pytest.fixture
def frozen_redis_server(tmp_path: Path) -> Iterator[PrivateRedis]:
    with private_redis(tmp_path) as server:
        yield server


def resilient() -> ResilientRedisCache:
    backend = caches["default"]
    assert isinstance(backend, ResilientRedisCache)
    return backend


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_the_breaker_refuses_while_open_then_lets_one_probe_through() -> None:
    breaker = CircuitBreaker()
    assert breaker.allows()
    assert breaker.failed(open_seconds=0.2) is True
    assert breaker.failed(open_seconds=0.2) is False  # already open
    assert not breaker.allows()
    time.sleep(0.25)
    assert breaker.allows()  # the probe
    assert not breaker.allows()  # everyone else waits for the probe's answer
    assert breaker.succeeded() is True
    assert breaker.allows() and not breaker.is_open


def test_a_failed_probe_opens_the_breaker_again() -> None:
    breaker = CircuitBreaker()
    breaker.failed(open_seconds=0.1)
    time.sleep(0.15)
    assert breaker.allows()
    breaker.failed(open_seconds=5)
    assert not breaker.allows()


def test_with_nothing_listening_every_operation_answers_at_once_from_memory() -> None:
    with override_settings(CACHES=resilient_caches(DEAD_REDIS_URL)):
        backend = resilient()
        value, seconds = timed(lambda: backend.get("sections", "missing"))
        assert value == "missing" and seconds < BOUND_SECONDS
        assert backend.using_fallback
        backend.set("sections", ("a", "b"), 30)
        assert backend.get("sections") == ("a", "b")
        assert backend.add("counter", 0, 60) is True
        assert backend.incr("counter") == 1
        assert backend.get_many(["sections", "counter"]) == {"sections": ("a", "b"), "counter": 1}
        with pytest.raises(ValueError):
            backend.incr("never-set")
        backend.delete("sections")
        assert backend.get("sections") is None
        assert cache_state() == "fallback"


def test_the_guessing_guard_counts_per_process_while_redis_is_away(settings: Any) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (3, 600)
    with override_settings(CACHES=resilient_caches(DEAD_REDIS_URL)):
        for _ in range(3):
            with pytest.raises(EligibilityError) as refused:
                code_guard.refuse_wrong_code("192.0.2.9", EligibilityError("unknown_code"))
            assert refused.value.code == "unknown_code"
        with pytest.raises(EligibilityError) as refused:
            code_guard.refuse_wrong_code("192.0.2.9", EligibilityError("unknown_code"))
        assert refused.value.code == "too_many_attempts"


def test_a_frozen_redis_costs_one_short_timeout_then_nothing(frozen_redis_server: PrivateRedis) -> None:
    with override_settings(CACHES=resilient_caches(frozen_redis_server.url(), breaker_seconds=30)):
        backend = resilient()
        backend.set("plan", "from redis", 60)
        assert backend.get("plan") == "from redis" and cache_state() == "redis"
        frozen_redis_server.freeze()
        first, first_seconds = timed(lambda: backend.get("plan", "missing"))
        assert first == "missing"  # Redis did not answer: this process's memory did
        assert first_seconds < BOUND_SECONDS
        durations = [timed(lambda: backend.get("plan"))[1] for _ in range(50)]
        # The breaker is open: Redis is not asked again, so no call waits out the 250 ms read timeout.
        assert sum(durations) < 0.25, durations


def test_when_redis_is_back_keys_written_meanwhile_are_dropped_from_it(
    frozen_redis_server: PrivateRedis,
) -> None:
    with override_settings(CACHES=resilient_caches(frozen_redis_server.url(), breaker_seconds=0.3)):
        backend = resilient()
        backend.set("version", 1, 600)
        backend.set("untouched", "kept", 600)
        frozen_redis_server.freeze()
        backend.set("version", 2, 600)  # a write (say, a bumped version) Redis never saw
        assert backend.get("version") == 2 and backend.using_fallback
        frozen_redis_server.thaw()
        deadline = time.monotonic() + 10
        while backend.using_fallback:  # a probe every 0.3 s (one may still time out on a busy machine)
            assert time.monotonic() < deadline, "Redis was not used again"
            time.sleep(0.35)
            backend.get("probe")
        assert backend.get("untouched") == "kept"  # Redis again
        direct = redis.Redis.from_url(frozen_redis_server.url())
        assert direct.exists(backend.make_key("version")) == 0, "the stale value must not be served"
        assert direct.exists(backend.make_key("untouched")) == 1
        assert backend.get("version") is None  # and this process's memory is emptied too


def test_other_redis_errors_are_raised_not_hidden(frozen_redis_server: PrivateRedis) -> None:
    with override_settings(CACHES=resilient_caches(frozen_redis_server.url())):
        backend = resilient()
        backend.set("text", "not a number", 60)
        with pytest.raises(redis.exceptions.ResponseError):
            backend.incr("text")
        assert not backend.using_fallback
