"""A ballot form sent twice (a double click, a reload after a failed answer) casts once: the one-time key."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from editions.models import BallotFormat, Edition
from proposals.models import Plan
from tests import factories
from tests.voting.views.resident import cast, make_format_vote, open_ballot, token_of
from voting.models import Ballot, Channel, IdempotentCast, Voter
from voting.services import idempotency
from voting.views.tokens import credential_from_token

Vote = tuple[Edition, list[Plan]]
CAST_KEY = re.compile(r'name="cast_key" value="([^"]+)"')
RECEIPT = re.compile(r'id="receipt-number">([^<]+)<')


def cast_key_of(response: Any) -> str:
    found = CAST_KEY.search(response.content.decode())
    assert found, "the ballot form has no one-time key"
    return found.group(1)


def receipt_of(response: Any) -> str:
    found = RECEIPT.search(response.content.decode())
    assert found, "the page shows no receipt"
    return found.group(1)


def counted(voter: Voter) -> tuple[str, int]:
    voter.refresh_from_db()
    return voter.channel, voter.ballots_cast


@pytest.mark.django_db
def test_every_ballot_form_carries_its_own_random_one_time_key(client: Client, vote: Vote) -> None:
    edition, _ = vote
    _, code = factories.make_voter(edition=edition)
    keys = {cast_key_of(open_ballot(client, edition, code)) for _ in range(3)}
    assert len(keys) == 3 and all(len(key) >= 22 for key in keys)  # 128 random bits each


@pytest.mark.django_db
def test_a_ballot_form_sent_twice_shows_the_first_receipt_and_counts_once(client: Client, vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    data = {"s-main": [str(plans[0].pk)], "cast_key": cast_key_of(page)}

    first = cast(client, edition, token_of(page), data)
    again = cast(client, edition, token_of(page), data)  # the reload after "the server did not answer"

    assert first.status_code == again.status_code == 200
    assert receipt_of(again) == receipt_of(first) == Ballot.objects.get().receipt
    assert "Your vote has been received" in again.content.decode()
    assert "Your vote has been changed" not in again.content.decode()
    assert counted(voter) == (Channel.ONLINE, 1)


@pytest.mark.django_db
def test_changing_the_vote_gets_a_new_key_and_is_a_change(client: Client, vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    first = cast(
        client, edition, token_of(page), {"s-main": [str(plans[0].pk)], "cast_key": cast_key_of(page)}
    )
    change_page = cast(client, edition, token_of(first), {"intent": "change"})
    assert cast_key_of(change_page) != cast_key_of(page)

    data = {"s-main": [str(plans[2].pk)], "cast_key": cast_key_of(change_page)}
    changed = cast(client, edition, token_of(change_page), data)
    assert "Your vote has been changed" in changed.content.decode()
    again = cast(client, edition, token_of(change_page), data)
    assert receipt_of(again) == receipt_of(changed) and "Your vote has been changed" in again.content.decode()
    assert counted(voter) == (Channel.ONLINE, 2)
    assert factories.opened_contents(edition) == [{"main": [plans[2].pk]}]


@pytest.mark.django_db
def test_an_old_form_sent_again_with_other_choices_changes_nothing_and_offers_a_fresh_ballot(
    client: Client, vote: Vote
) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    key = cast_key_of(page)
    cast(client, edition, token_of(page), {"s-main": [str(plans[0].pk)], "cast_key": key})

    refused = cast(client, edition, token_of(page), {"s-main": [str(plans[1].pk)], "cast_key": key})
    text = refused.content.decode()
    assert refused.status_code == 200 and 'id="ballot-notice"' in text
    assert "This page had already cast your vote, with other choices, so nothing was changed." in text
    assert cast_key_of(refused) != key and "You have already voted" in text
    assert counted(voter) == (Channel.ONLINE, 1)
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]


@pytest.mark.django_db
def test_a_refused_ballot_keeps_its_key_and_nothing_is_kept_for_it(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)  # at most two plans
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    key = cast_key_of(page)
    too_many = cast(
        client, edition, token_of(page), {"s-main": [str(p.pk) for p in plans[:3]], "cast_key": key}
    )
    assert "Your vote has not been cast yet." in too_many.content.decode()
    assert cast_key_of(too_many) == key and not IdempotentCast.objects.exists()
    fixed = cast(client, edition, token_of(too_many), {"s-main": [str(plans[3].pk)], "cast_key": key})
    assert "Your vote has been received" in fixed.content.decode()
    assert counted(voter) == (Channel.ONLINE, 1)


@pytest.mark.django_db
def test_a_form_whose_first_submission_is_still_casting_asks_to_press_again(
    client: Client, vote: Vote, settings: Any
) -> None:
    settings.VOTING_IDEMPOTENCY_WAIT_SECONDS = 0.1
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    key = cast_key_of(page)
    slot = credential_from_token(token_of(page), edition=edition).slot
    assert idempotency.claim(edition=edition, key=idempotency.for_slot(edition=edition, slot=slot, key=key))

    waiting = cast(client, edition, token_of(page), {"s-main": [str(plans[0].pk)], "cast_key": key})
    text = waiting.content.decode()
    assert "Your vote is still being sent. Wait a moment, then press the button again." in text
    assert cast_key_of(waiting) == key and counted(voter) == ("", 0)


@pytest.mark.django_db
def test_a_form_without_a_key_still_casts(client: Client, vote: Vote) -> None:
    """A page rendered before keys existed (or with a tampered key) casts as before."""
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code)
    for key in ("", "not a key"):
        response = cast(client, edition, token_of(page), {"s-main": [str(plans[0].pk)], "cast_key": key})
        assert receipt_of(response)
    assert counted(voter) == (Channel.ONLINE, 2) and not IdempotentCast.objects.exists()
