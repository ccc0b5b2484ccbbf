"""``cast_ballot`` takes a ballot only where the decision model lets residents vote, in the vote's phase."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests import factories
from tests.refusals import refused
from voting.errors import VoteStateError
from voting.models import Ballot, Channel
from voting.services.casting import cast_ballot, credential_for_code

pytestmark = pytest.mark.django_db

PUBLIC_VOTES = [
    pytest.param({"decision_model": "online_vote"}, id="online_vote"),
    pytest.param({"decision_model": "hybrid", "hybrid_order": "panel_then_vote"}, id="panel_then_vote"),
    pytest.param({"decision_model": "hybrid", "hybrid_order": "vote_then_panel"}, id="vote_then_panel"),
]


def _cast(edition: Any, code: str, plan: Any) -> None:
    credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plan.pk]})


def test_a_panel_edition_refuses_a_cast_in_its_decision_phase_and_stores_nothing() -> None:
    edition, plans = factories.make_vote(decision_model="panel")
    voter, code = factories.make_voter(edition=edition)
    refused(lambda: _cast(edition, code, plans[0]), "vote_not_open", error=VoteStateError)
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == ("", 0)
    assert not Ballot.objects.filter(edition=edition).exists()


def test_a_panel_edition_has_no_ballot_page() -> None:
    edition, _ = factories.make_vote(decision_model="panel")
    assert Client().get(f"/stemmen/{edition.slug}/").status_code == 404


@pytest.mark.parametrize("fields", PUBLIC_VOTES)
def test_residents_vote_in_the_decision_phase_of_every_model_where_they_vote(fields: dict[str, Any]) -> None:
    edition, plans = factories.make_vote(**fields)
    voter, code = factories.make_voter(edition=edition)
    _cast(edition, code, plans[0])
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)


def test_in_a_vote_then_panel_edition_the_panel_phase_takes_no_ballots() -> None:
    edition, plans = factories.make_vote(
        phase="panel", decision_model="hybrid", hybrid_order="vote_then_panel"
    )
    _, code = factories.make_voter(edition=edition)
    refused(lambda: _cast(edition, code, plans[0]), "vote_not_open", error=VoteStateError)
