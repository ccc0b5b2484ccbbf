"""Live turnout: voters per neighbourhood against the eligible, the lagging neighbourhoods, and the cache."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluation.participation.live import ADDRESSES, POPULATION, REGISTER, compute_turnout, live_turnout
from outreach.models import Address
from places.models import District
from tests import factories

from .conftest import Place
from .voters import add_voters


def test_turnout_per_neighbourhood_with_the_population_figures_and_the_laggards(place: Place) -> None:
    add_voters(place.edition, place.aker, online=100, paper=19, not_yet=5)  # 119 / 1190 = 10 %
    add_voters(place.edition, place.bos, online=30, paper=5)  # 35 / 700 = 5 %
    add_voters(place.edition, None, paper=2)
    live = compute_turnout(place.edition)
    assert live.eligible_from == POPULATION
    assert [(r.name, r.online, r.paper, r.eligible, r.lags) for r in live.rows] == [
        ("Aker", 100, 19, 1190, False),
        ("Bos", 30, 5, 700, True),  # overall 154 / 1890 = 8.1 %; three quarters of it 6.1 % > 5 %
        (None, 0, 2, None, False),  # voters without a known neighbourhood
    ]
    assert live.rows[0].percent == pytest.approx(10.0) and live.rows[1].percent == pytest.approx(5.0)
    assert live.overall_percent == pytest.approx(100 * 154 / 1890)
    assert (live.total.online, live.total.paper, live.total.eligible) == (130, 26, 1890)


def test_without_population_figures_the_addresses_count_and_else_the_register(district: District) -> None:
    north, south = (factories.make_neighbourhood(district=district, name=n) for n in ("Noord", "Zuid"))
    edition = factories.make_edition_in_phase("decision", district=district)
    add_voters(edition, north, online=4, not_yet=6)
    add_voters(edition, south, online=1, not_yet=1)
    live = compute_turnout(edition)
    assert live.eligible_from == REGISTER
    assert [(r.name, r.voted, r.eligible, r.lags) for r in live.rows] == [
        ("Noord", 4, 10, False),
        ("Zuid", 1, 2, False),
    ]
    Address.objects.create(
        edition=edition, street_address="Dijk 1", postcode="1000AA", neighbourhood=north, eligible_count=8
    )
    Address.objects.create(
        edition=edition, street_address="Dijk 2", postcode="1000AA", neighbourhood=north, eligible_count=12
    )
    Address.objects.create(
        edition=edition, street_address="Laan 1", postcode="1000AB", neighbourhood=south, eligible_count=10
    )
    live = compute_turnout(edition)
    assert live.eligible_from == ADDRESSES
    # Noord 4/20 = 20 %, Zuid 1/10 = 10 %; overall 5/30 = 16.7 %, three quarters 12.5 %: Zuid lags
    assert [(r.name, r.eligible, r.lags) for r in live.rows] == [("Noord", 20, False), ("Zuid", 10, True)]


def test_the_voter_table_is_read_once_and_the_figures_are_kept_thirty_seconds(
    place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_voters(place.edition, place.aker, online=3)
    with CaptureQueriesContext(connection) as queries:
        first = live_turnout(place.edition)
    assert sum("voting_voter" in q["sql"] for q in queries.captured_queries) == 1
    add_voters(place.edition, place.aker, online=2)
    start = time.time()  # the local-memory cache dates its entries by time.time()
    monkeypatch.setattr(time, "time", lambda: start + 29)
    with CaptureQueriesContext(connection) as queries:
        again = live_turnout(place.edition)
    assert len(queries.captured_queries) == 0 and again.total.online == 3 == first.total.online
    assert again.computed_at == first.computed_at
    monkeypatch.setattr(time, "time", lambda: start + 31)
    assert live_turnout(place.edition).total.online == 5
