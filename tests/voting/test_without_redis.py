"""Voting without Redis (issue 19 §1): cast through the web form and the API with Redis dead or frozen.

Before, every cast, the start page and the ballot API answered 500 with Redis dead (unknown and
malformed codes too), and a frozen Redis held each request for redis-py's 5 s. Now each request
finishes within a second, nothing answers 500, and the ballots are stored exactly once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from common import codes
from common.cache import forget_outages
from tests import factories
from tests.outages import DEAD_REDIS_URL, private_redis, resilient_caches
from tests.voting.views.resident import TOKEN, cast, message, open_ballot, token_of, url
from voting.errors import EligibilityError
from voting.models import Ballot, Channel

BOUND_SECONDS = 1.0


@pytest.fixture(params=["dead", "frozen"])
def take_redis_away(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Call to point the production cache at a Redis nothing answers on: no server, or a SIGSTOPped one.

    A test first warms its pages up (a process's first render compiles templates and loads
    translations, which is not what is measured here), then takes Redis away.
    """
    forget_outages()
    with ExitStack() as stack:
        if request.param == "dead":
            caches = resilient_caches(DEAD_REDIS_URL)
            freeze = None
        else:
            server = stack.enter_context(private_redis(tmp_path))
            caches, freeze = resilient_caches(server.url()), server.freeze

        def take_away() -> None:
            stack.enter_context(override_settings(CACHES=caches))
            if freeze is not None:
                freeze()

        yield take_away
    forget_outages()


class Timed:
    """A test client that records how long each request took."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.seconds: list[float] = []

    def __getattr__(self, method: str) -> Any:
        call = getattr(self.client, method)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.monotonic()
            response = call(*args, **kwargs)
            self.seconds.append(time.monotonic() - started)
            assert response.status_code < 500, response.content[:500]
            return response

        return timed


def test_a_resident_votes_through_the_web_form(take_redis_away: Callable[[], None], db: None) -> None:
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)
    warm_up, (other, other_plans) = Client(), factories.make_vote()
    _, other_code = factories.make_voter(edition=other)
    cast(
        warm_up,
        other,
        token_of(open_ballot(warm_up, other, other_code)),
        {"s-main": [str(other_plans[0].pk)]},
    )
    take_redis_away()
    client = Timed(Client())
    assert client.get(url("start", edition)).status_code == 200
    unknown = client.post(url("start", edition), {"code": codes.new_code()}).content.decode()
    assert message(EligibilityError, "unknown_code") in unknown and not TOKEN.search(unknown)
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    mistyped = client.post(url("start", edition), {"code": typo})
    assert mistyped.status_code == 200 and not TOKEN.search(mistyped.content.decode())
    ballot_page = open_ballot(client, edition, code)  # type: ignore[arg-type]
    receipt = cast(client, edition, token_of(ballot_page), {"s-main": [str(plans[0].pk)]})  # type: ignore[arg-type]
    assert "Your vote has been received" in receipt.content.decode()
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)
    assert max(client.seconds) < BOUND_SECONDS, client.seconds


def test_a_kiosk_votes_through_the_api(take_redis_away: Callable[[], None], db: None) -> None:
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)
    base = f"/api/v1/editions/{edition.slug}"
    Client().get(f"{base}/ballot")  # warm up
    take_redis_away()
    client = Timed(Client())

    def post(path: str, body: dict[str, Any]) -> Any:
        return client.post(f"{base}/{path}", json.dumps(body), content_type="application/json")

    definition = client.get(f"{base}/ballot")
    assert definition.status_code == 200
    assert [p["id"] for p in definition.json()["sections"][0]["plans"]] == sorted(
        (p.pk for p in plans), key=lambda pk: next(p.title for p in plans if p.pk == pk)
    )
    assert post("voter", {"code": code}).json() == {"has_voted": False}
    unknown = post("ballots", {"code": codes.new_code(), "ballot": {"main": [plans[0].pk]}})
    assert (unknown.status_code, unknown.json()["error"]) == (403, "unknown_code")
    malformed = post("ballots", {"code": "ABCD", "ballot": {"main": [plans[0].pk]}})
    assert (malformed.status_code, malformed.json()["error"]) == (403, "malformed_code")
    cast = post("ballots", {"code": code, "ballot": {"main": [plans[1].pk]}})
    assert cast.status_code == 201, cast.content
    again = post("ballots", {"code": code, "ballot": {"main": [plans[2].pk]}})
    assert again.status_code == 200 and again.json()["replaced"] is True
    assert Ballot.objects.filter(edition=edition).count() == 1
    assert factories.opened_contents(edition) == [{"main": [plans[2].pk]}]
    voter.refresh_from_db()
    assert voter.ballots_cast == 2
    assert max(client.seconds) < BOUND_SECONDS, client.seconds
