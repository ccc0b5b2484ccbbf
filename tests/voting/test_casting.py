"""Casting a ballot with a voting code: first ballot, replacement, refusals that change nothing."""

from __future__ import annotations

from functools import partial

import pytest
from pytest_django import Settings

from ballots.errors import BallotError
from common import codes
from editions.models import BallotFormat, Edition
from proposals.models import Plan
from tests import factories
from tests.refusals import refused
from voting.errors import EligibilityError, VoteStateError
from voting.models import Ballot, Channel, Voter
from voting.services.casting import cast_ballot, credential_for_code

IP = "192.0.2.10"


@pytest.fixture
def vote(db: None) -> tuple[Edition, list[Plan]]:
    return factories.make_vote()


def test_first_ballot_is_stored_and_marks_the_voter_online(vote: tuple[Edition, list[Plan]]) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    receipt = cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[1].pk, plans[0].pk]})
    assert not receipt.replaced
    assert receipt.content == {"main": sorted([plans[0].pk, plans[1].pk])}
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)
    assert factories.opened_contents(edition) == [receipt.content]


def test_a_second_ballot_with_the_same_code_replaces_the_first(vote: tuple[Edition, list[Plan]]) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    again = credential_for_code(edition=edition, code=code.lower().replace("-", " "), client_ip=IP)
    receipt = cast_ballot(edition=edition, credential=again, ballot={"main": [plans[2].pk]})
    assert receipt.replaced
    assert factories.opened_contents(edition) == [{"main": [plans[2].pk]}]


def test_the_ballot_row_holds_no_link_to_the_voter(vote: tuple[Edition, list[Plan]]) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    cast_ballot(
        edition=edition,
        credential=credential_for_code(edition=edition, code=code, client_ip=IP),
        ballot={"main": [plans[0].pk]},
    )
    ballot = Ballot.objects.get()
    stored = {f.attname for f in Ballot._meta.concrete_fields}
    assert stored == {"id", "edition_id", "slot", "sealed", "receipt"}
    assert ballot.slot != voter.credential_hash
    assert codes.normalise(code) not in ballot.slot


@pytest.mark.parametrize(
    ("text", "error"),
    [("", "malformed_code"), ("ABCD-EFGH", "malformed_code")],
)
def test_malformed_codes_are_refused_before_lookup(
    vote: tuple[Edition, list[Plan]], text: str, error: str
) -> None:
    edition, _ = vote
    refused(
        lambda: credential_for_code(edition=edition, code=text, client_ip=IP), error, error=EligibilityError
    )


def test_a_single_mistyped_character_fails_the_check_symbol(vote: tuple[Edition, list[Plan]]) -> None:
    edition, _ = vote
    _, code = factories.make_voter(edition=edition)
    normalised = codes.normalise(code)
    for position in range(len(normalised)):
        for replacement in codes.ALPHABET:
            if replacement == normalised[position]:
                continue
            typo = normalised[:position] + replacement + normalised[position + 1 :]
            with pytest.raises(codes.MalformedCode):
                codes.normalise(typo)


def test_swapping_two_neighbouring_characters_fails_the_check_symbol() -> None:
    for _ in range(200):
        normalised = codes.normalise(codes.new_code())
        for i in range(len(normalised) - 1):
            if normalised[i] == normalised[i + 1]:
                continue
            swapped = normalised[:i] + normalised[i + 1] + normalised[i] + normalised[i + 2 :]
            with pytest.raises(codes.MalformedCode):
                codes.normalise(swapped)


def test_an_unknown_code_is_refused_and_a_code_of_another_edition_too(
    vote: tuple[Edition, list[Plan]],
) -> None:
    edition, _ = vote
    other, _ = factories.make_vote()
    _, code = factories.make_voter(edition=other)
    for text in (codes.new_code(), code):
        refused(
            partial(credential_for_code, edition=edition, code=text, client_ip=IP),
            "unknown_code",
            error=EligibilityError,
        )


def test_wrong_codes_from_one_address_are_refused_as_too_many_but_a_valid_code_still_casts(
    vote: tuple[Edition, list[Plan]], settings: Settings
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (3, 600)
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    refusals = []
    for _ in range(10):
        error = refused(
            lambda: credential_for_code(edition=edition, code=codes.new_code(), client_ip=IP),
            error=EligibilityError,
        )
        refusals.append(error.code)
    assert refusals == ["unknown_code"] * 3 + ["too_many_attempts"] * 7
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    voter.refresh_from_db()
    assert voter.ballots_cast == 1


def test_a_flood_of_wrong_codes_from_many_addresses_does_not_stop_the_vote(
    vote: tuple[Edition, list[Plan]], settings: Settings
) -> None:
    settings.VOTING_FAILURES_GLOBAL = (5, 60)
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    for i in range(20):
        refused(
            partial(credential_for_code, edition=edition, code=codes.new_code(), client_ip=f"198.51.100.{i}"),
            error=EligibilityError,
        )
    refused(
        lambda: credential_for_code(edition=edition, code=codes.new_code(), client_ip="203.0.113.1"),
        "too_many_attempts",
        error=EligibilityError,
    )
    credential = credential_for_code(edition=edition, code=code, client_ip="198.51.100.3")
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    voter.refresh_from_db()
    assert voter.ballots_cast == 1


def test_malformed_codes_count_as_wrong_codes(vote: tuple[Edition, list[Plan]], settings: Settings) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, _ = vote
    seen = []
    for _ in range(3):
        error = refused(
            lambda: credential_for_code(edition=edition, code="nonsense", client_ip=IP),
            error=EligibilityError,
        )
        seen.append(error.code)
    assert seen == ["malformed_code", "malformed_code", "too_many_attempts"]


def test_ipv6_clients_in_one_64_share_their_wrong_code_count(
    vote: tuple[Edition, list[Plan]], settings: Settings
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (3, 600)
    edition, _ = vote
    for n in range(3):
        refused(
            partial(
                credential_for_code,
                edition=edition,
                code=codes.new_code(),
                client_ip=f"2001:db8:7:7::{n + 1}",
            ),
            error=EligibilityError,
        )
    refused(
        lambda: credential_for_code(edition=edition, code=codes.new_code(), client_ip="2001:db8:7:7:abcd::1"),
        "too_many_attempts",
        error=EligibilityError,
    )
    refused(
        lambda: credential_for_code(edition=edition, code=codes.new_code(), client_ip="2001:db8:7:8::1"),
        "unknown_code",
        error=EligibilityError,
    )


def test_a_revoked_code_is_refused(vote: tuple[Edition, list[Plan]]) -> None:
    edition, _ = vote
    voter, code = factories.make_voter(edition=edition)
    Voter.objects.filter(pk=voter.pk).update(revoked_at="2026-01-01T00:00:00Z")
    refused(
        lambda: credential_for_code(edition=edition, code=code, client_ip=IP),
        "revoked_code",
        error=EligibilityError,
    )


@pytest.mark.parametrize("phase", ["shortlist", "result"])
def test_casting_outside_the_decision_phase_is_refused(db: None, phase: str) -> None:
    edition, plans = factories.make_vote(phase=phase)
    voter, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    refused(
        lambda: cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]}),
        "vote_not_open",
        error=VoteStateError,
    )
    voter.refresh_from_db()
    assert (voter.channel, Ballot.objects.count()) == ("", 0)


def test_an_invalid_ballot_changes_nothing_even_after_a_valid_one(vote: tuple[Edition, list[Plan]]) -> None:
    edition, plans = vote
    edition.ballot_format = BallotFormat.KNAPSACK
    edition.save()
    voter, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    refused(
        lambda: cast_ballot(
            edition=edition, credential=credential, ballot={"main": [plans[0].pk, plans[1].pk]}
        ),
        "over_budget",
        error=BallotError,
    )
    voter.refresh_from_db()
    assert voter.ballots_cast == 1
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]
