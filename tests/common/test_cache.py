"""The Redis cache backend (a real Redis, tests.helpers.REDIS): one client per pool, the voting guard."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.core.cache import caches
from django.test import override_settings
from pytest_django import Settings

from common import code_guard
from tests.helpers import REDIS as MACHINE_REDIS
from voting.errors import EligibilityError

REDIS = {"default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{MACHINE_REDIS}/7"}}


@pytest.fixture
def redis_cache() -> Iterator[None]:
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        yield
        caches["default"].clear()


def test_the_client_is_built_once_and_reused(redis_cache: None) -> None:
    backend = caches["default"]
    backend.set("probe", 41)
    assert backend.incr("probe") == 42
    client = backend._cache  # type: ignore[attr-defined]
    assert client.get_client() is client.get_client(write=True)


def test_failed_code_entries_are_counted_across_threads_and_then_refused(
    redis_cache: None, settings: Settings
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (40, 600)

    def fail_ten_times() -> None:
        for _ in range(10):
            code_guard.count_failure("192.0.2.7")

    threads = [threading.Thread(target=fail_ten_times) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with pytest.raises(EligibilityError) as refused:
        code_guard.refuse_wrong_code("192.0.2.7", EligibilityError("unknown_code"))
    assert refused.value.code == "too_many_attempts"
    with pytest.raises(EligibilityError) as other:
        code_guard.refuse_wrong_code("192.0.2.8", EligibilityError("unknown_code"))
    assert other.value.code == "unknown_code"
