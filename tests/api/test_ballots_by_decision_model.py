"""The ballot API refuses a cast where the citizens' panel alone decides, as ``cast_ballot`` does."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories
from voting.models import Ballot

from .conftest import Post, ballot_url

pytestmark = pytest.mark.django_db


def test_a_cast_in_a_panel_editions_decision_phase_answers_409_and_stores_nothing(post: Post) -> None:
    edition, plans = factories.make_vote(decision_model="panel")
    voter, code = factories.make_voter(edition=edition)
    response = post(edition, code, {"main": [plans[0].pk]})
    assert (response.status_code, response.json()["error"]) == (409, "vote_not_open")
    voter.refresh_from_db()
    assert voter.ballots_cast == 0
    assert not Ballot.objects.filter(edition=edition).exists()


def test_a_panel_edition_shows_no_ballot_through_the_api() -> None:
    edition, _ = factories.make_vote(decision_model="panel")
    response = Client().get(ballot_url(edition))
    assert (response.status_code, response.json()["error"]) == (409, "vote_not_open")


def test_a_hybrid_editions_vote_takes_a_cast_through_the_api(post: Post) -> None:
    edition, plans = factories.make_vote(decision_model="hybrid", hybrid_order="panel_then_vote")
    _, code = factories.make_voter(edition=edition)
    assert post(edition, code, {"main": [plans[0].pk]}).status_code == 201
