"""/readyz with the production cache and Redis gone: "fallback", and the node stays ready (issue 19 §1)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client, override_settings
from pytest_django import Settings

from common.cache import forget_outages
from tests.outages import DEAD_REDIS_URL, resilient_caches


@pytest.fixture
def redis_gone(settings: Settings) -> Iterator[None]:
    settings.READYZ_REQUIRED = ("database", "cache", "migrations")
    forget_outages()
    with override_settings(CACHES=resilient_caches(DEAD_REDIS_URL)):
        yield
    forget_outages()


@pytest.mark.django_db
def test_a_node_whose_redis_is_gone_reports_fallback_and_stays_ready(redis_gone: None) -> None:
    answer = Client().get("/readyz")
    assert answer.status_code == 200, answer.content
    cache = answer.json()["checks"]["cache"]
    assert cache["state"] == "fallback" and cache["required"] is True
