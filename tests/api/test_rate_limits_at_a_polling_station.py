"""Rate limits at a polling station, under load (issue 19 §6): a live server on PostgreSQL, the real Redis.

A kiosk behind NAT casts valid codes while wrong codes arrive from its own address and from 120
others × 22 (bench/reliability/ratelimits.py sends the traffic; it runs the same against any server).
Every request says its address in X-Forwarded-For, which the app trusts from one proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from pytest_django import Settings

from bench.reliability import ratelimits
from common import codes
from tests import factories
from tests.helpers import REDIS
from voting.models import Voter, VoterKind

REDIS_DB_6 = {"default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{REDIS}/6"}}


@pytest.fixture
def behind_one_proxy_with_redis(settings: Settings) -> Iterator[None]:
    """Production's cache (Redis, database 6 of this job: emptied) and one trusted proxy."""
    settings.CACHES = REDIS_DB_6
    settings.TRUSTED_PROXY_COUNT = 1
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.mark.under_load  # CI's machine runs two passes at once: the limits may not trip in time
def test_a_kiosk_behind_nat_keeps_casting_valid_codes_while_wrong_codes_flood_in(
    live_server: Any, transactional_db: None, behind_one_proxy_with_redis: None
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("a live server under load needs PostgreSQL (the SQLite pass runs tests/voting's races)")
    shape = ratelimits.Shape()
    edition, plans = factories.make_vote(plan_costs=(100_000,) * 4, total_budget_cents=400_000)
    valid = [codes.new_code() for _ in range(shape.valid_codes_needed)]
    Voter.objects.bulk_create(
        Voter(edition=edition, kind=VoterKind.CODE, credential_hash=codes.credential_hash(codes.normalise(c)))
        for c in valid
    )

    report = ratelimits.run(
        base_url=live_server.url,
        slug=edition.slug,
        valid_codes=valid,
        ballot={"main": [plans[0].pk]},
        shape=shape,
        elsewhere=ratelimits.ELSEWHERE,  # other nodes' wrong codes: the global limit trips at any speed
    )

    assert report.problems(shape) == [], report.table(shape)
    # Every valid cast answered 201, the station's wrong codes were refused as over its limit …
    assert report.count("kiosk cast", 201) == report.count("kiosk cast") == 60
    assert report.count("bystander cast", 201) == report.count("bystander cast") == 60
    assert report.count("kiosk wrong code", 429) > 0 and report.kiosk_casts_after_its_first_429 >= 30
    # … and everyone together went over the global limit while bystanders still cast.
    assert report.bystander_casts_after_the_global_limit > 0
    assert ratelimits.database_check(edition.pk, shape.valid_codes_needed) == []
