"""Idempotency-Key on the ballot API: a retry gets the first answer back and counts nothing (issue 19 §5)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import Settings

from accounts.models import Role
from api.editions import forget_editions
from common import codes
from editions.models import Edition
from proposals.models import Plan
from tests import factories
from voting.models import Ballot, Channel, IdempotentCast, Voter
from voting.services import casting, idempotency
from voting.services.closing import close_vote_early

from .conftest import ballots_url

Vote = tuple[Edition, list[Plan]]
KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324"


def send(edition: Edition, code: str, ballot: Any, key: str | None = KEY, **headers: Any) -> Any:
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    body = json.dumps({"code": code, "ballot": ballot})
    return Client().post(ballots_url(edition), body, content_type="application/json", **headers)


def counted(voter: Voter) -> tuple[str, int]:
    voter.refresh_from_db()
    return voter.channel, voter.ballots_cast


def test_a_retry_with_the_same_key_gets_the_first_answer_and_counts_nothing(vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    first = send(edition, code, {"main": [plans[0].pk]})
    retry = send(edition, code, {"main": [plans[0].pk]})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json() == first.json() and retry.json()["replaced"] is False
    assert first.get("Idempotent-Replayed") is None and retry["Idempotent-Replayed"] == "true"
    assert counted(voter) == (Channel.ONLINE, 1)
    assert Ballot.objects.get().receipt == first.json()["receipt"]
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]


def test_a_ballot_stored_while_the_client_saw_an_error_is_answered_on_retry_not_replaced(vote: Vote) -> None:
    """The issue's crash: the node stored the ballot and died before answering. The retry says 201."""
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    # What the dying node did: the whole cast, its answer never sent.
    lost = casting.cast_ballot(
        edition=edition,
        credential=casting.code_credential(code=code, client_ip="192.0.2.1"),
        ballot={"main": [plans[1].pk]},
        idempotency=idempotency.for_code(edition=edition, code=code, key=KEY),
    )
    retry = send(edition, code.lower().replace("-", " "), {"main": [plans[1].pk]})

    assert retry.status_code == 201
    assert retry.json()["receipt"] == lost.receipt and retry.json()["replaced"] is False
    assert retry.json()["cast_at"] == lost.cast_at.isoformat()
    assert counted(voter) == (Channel.ONLINE, 1)


def test_a_new_key_is_a_new_vote_and_its_retry_answers_200_again(vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    assert send(edition, code, {"main": [plans[0].pk]}, key="first-cast").status_code == 201
    change = send(edition, code, {"main": [plans[2].pk]}, key="second-cast")
    retry = send(edition, code, {"main": [plans[2].pk]}, key="second-cast")

    assert (change.status_code, retry.status_code) == (200, 200)
    assert retry.json() == change.json() and retry.json()["replaced"] is True
    assert counted(voter) == (Channel.ONLINE, 2)
    assert factories.opened_contents(edition) == [{"main": [plans[2].pk]}]


def test_the_same_key_with_a_different_ballot_is_refused_and_changes_nothing(vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    first = send(edition, code, {"main": [plans[0].pk]})
    for other in ({"main": [plans[2].pk]}, {"main": [plans[0].pk, plans[1].pk]}, {"main": ["nonsense"]}):
        refused = send(edition, code, other, HTTP_ACCEPT_LANGUAGE="en")
        assert refused.status_code == 422
        assert refused.json()["error"] == "idempotency_key_reused"
        assert "different ballot" in refused.json()["message"]
    assert counted(voter) == (Channel.ONLINE, 1)
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]
    assert Ballot.objects.get().receipt == first.json()["receipt"]


def test_the_same_ballot_written_differently_is_the_same_ballot(vote: Vote) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    first = send(edition, code, {"main": [plans[0].pk, plans[3].pk]})
    retry = send(edition, code, {"main": [str(plans[3].pk), plans[0].pk]})
    assert (retry.status_code, retry.json()) == (201, first.json())


def test_two_voters_with_the_same_key_each_get_their_own_answer(vote: Vote) -> None:
    edition, plans = vote
    anna, anna_code = factories.make_voter(edition=edition)
    bram, bram_code = factories.make_voter(edition=edition)
    first_anna = send(edition, anna_code, {"main": [plans[0].pk]})
    first_bram = send(edition, bram_code, {"main": [plans[1].pk]})
    assert (first_anna.status_code, first_bram.status_code) == (201, 201)
    assert first_anna.json()["receipt"] != first_bram.json()["receipt"]

    assert send(edition, anna_code, {"main": [plans[0].pk]}).json() == first_anna.json()
    assert send(edition, bram_code, {"main": [plans[1].pk]}).json() == first_bram.json()
    # Bram cannot read Anna's answer with her key: with his own code he only meets his own.
    assert send(edition, bram_code, {"main": [plans[0].pk]}).json()["error"] == "idempotency_key_reused"
    assert counted(anna) == counted(bram) == (Channel.ONLINE, 1)
    assert IdempotentCast.objects.filter(edition=edition).count() == 2


@pytest.mark.parametrize("key", ["", " ", "x" * 256, "sleutel met spaties", "sleutél", "tab\tkey"])
def test_a_malformed_key_answers_400_and_changes_nothing(vote: Vote, key: str) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    response = send(edition, code, {"main": [plans[0].pk]}, key=key, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["error"] == "bad_idempotency_key"
    assert "255 visible ASCII characters" in response.json()["message"]
    assert counted(voter) == ("", 0)
    assert not Ballot.objects.exists() and not IdempotentCast.objects.exists()


def test_a_quoted_key_is_the_same_key(vote: Vote) -> None:
    """The IETF draft sends the key as a structured-field string: "…"."""
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    first = send(edition, code, {"main": [plans[0].pk]}, key=f'"{KEY}"')
    retry = send(edition, code, {"main": [plans[0].pk]}, key=KEY)
    assert retry["Idempotent-Replayed"] == "true" and retry.json() == first.json()


def test_a_refused_cast_keeps_nothing_so_its_key_can_cast_after_the_fix(vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    unknown = send(edition, code, {"main": [plans[0].pk, 999_999]})
    assert (unknown.status_code, unknown.json()["error"]) == (422, "unknown_plan")
    assert not IdempotentCast.objects.exists()
    fixed = send(edition, code, {"main": [plans[0].pk]})
    assert fixed.status_code == 201 and fixed.get("Idempotent-Replayed") is None
    assert counted(voter) == (Channel.ONLINE, 1)


def test_a_wrong_code_with_a_key_writes_nothing(vote: Vote) -> None:
    edition, plans = vote
    factories.make_voter(edition=edition)
    response = send(edition, codes.new_code(), {"main": [plans[0].pk]})
    assert (response.status_code, response.json()["error"]) == (403, "unknown_code")
    assert not IdempotentCast.objects.exists()


def test_a_retry_after_the_vote_closed_still_gets_the_first_answer(vote: Vote) -> None:
    """The ballot was stored while the vote was open; the lost answer stays true after it closes."""
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    first = send(edition, code, {"main": [plans[0].pk]})
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    close_vote_early(edition=edition, by=official, reason="Storm")
    forget_editions()
    retry = send(edition, code, {"main": [plans[0].pk]})
    assert (retry.status_code, retry.json()) == (201, first.json())
    new_key = send(edition, code, {"main": [plans[0].pk]}, key="after-closing")
    assert (new_key.status_code, new_key.json()["error"]) == (409, "vote_not_open")


def test_a_claim_whose_request_died_is_taken_over_after_its_lease(vote: Vote) -> None:
    """A node died after claiming the key, before marking the voter: the retry casts, counted once."""
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    key = idempotency.for_code(edition=edition, code=code, key=KEY)
    assert idempotency.claim(edition=edition, key=key) is not None
    IdempotentCast.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))

    retry = send(edition, code, {"main": [plans[0].pk]})
    assert retry.status_code == 201 and retry.get("Idempotent-Replayed") is None
    assert counted(voter) == (Channel.ONLINE, 1)
    record = IdempotentCast.objects.get()
    assert record.answer is not None and record.claimed_until is None and record.attempt == ""


def test_a_key_another_request_is_still_casting_with_answers_409_with_retry_after(
    vote: Vote, settings: Settings
) -> None:
    settings.VOTING_IDEMPOTENCY_WAIT_SECONDS = 0.2
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    key = idempotency.for_code(edition=edition, code=code, key=KEY)
    assert idempotency.claim(edition=edition, key=key) is not None  # a live request holds it

    response = send(edition, code, {"main": [plans[0].pk]}, HTTP_ACCEPT_LANGUAGE="en")
    assert (response.status_code, response.json()["error"]) == (409, "idempotency_key_in_use")
    assert 1 <= int(response["Retry-After"]) <= settings.VOTING_IDEMPOTENCY_LEASE_SECONDS
    assert counted(voter) == ("", 0) and not Ballot.objects.exists()


def test_a_request_whose_claim_was_taken_over_stores_nothing_and_returns_the_taker_s_answer(
    vote: Vote,
) -> None:
    """Fencing: a slow request outlived its lease and a retry took the key; the slow one's ballot is
    not written (one ballot, one answer for both)."""
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    key = idempotency.for_code(edition=edition, code=code, key=KEY)
    slow = idempotency.claim(edition=edition, key=key)
    assert slow is not None
    IdempotentCast.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    taker = send(edition, code, {"main": [plans[1].pk]})
    assert taker.status_code == 201

    credential = casting.code_credential(code=code, client_ip="192.0.2.1")
    public_key, content = casting._checked_ballot(edition, credential, {"main": [plans[1].pk]})
    with pytest.raises(casting._ClaimLost):
        casting._mark_and_store(
            edition, credential, content, public_key, claim=casting._Claim(key=key, attempt=slow)
        )
    assert Ballot.objects.get().receipt == taker.json()["receipt"]
    assert counted(voter) == (Channel.ONLINE, 2)  # the slow one's mark counted (docs/api.md says so)
    late = casting.cast_ballot(edition=edition, credential=credential, ballot=content, idempotency=key)
    assert late.replayed and late.receipt == taker.json()["receipt"]
