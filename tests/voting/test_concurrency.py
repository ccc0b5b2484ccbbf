"""Concurrency: many casts with one code, and an online vote racing a paper entry, on the real database.

On PostgreSQL the threads really run at once and queue on the voter's row lock. The in-memory
SQLite test database answers "table is locked" where a database file would wait (busy_timeout),
so there each thread waits and retries, as the file database does by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from accounts.models import Role
from tests import factories
from tests.concurrency import run_at_once
from voting.models import Ballot, Channel, PaperEntry, Voter
from voting.services import idempotency
from voting.services.casting import Receipt, cast_ballot, code_credential, credential_for_code
from voting.services.paper import enter_paper_ballot, voter_for_code


@pytest.mark.django_db(transaction=True)
def test_32_casts_with_the_same_code_at_once_leave_exactly_one_ballot() -> None:
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)

    def cast(i: int) -> Callable[[], Any]:
        def call() -> None:
            credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
            cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[i % len(plans)].pk]})

        return call

    outcomes = run_at_once([cast(i) for i in range(32)])
    assert outcomes == ["ok"] * 32
    assert Ballot.objects.filter(edition=edition).count() == 1
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 32)


@pytest.mark.django_db(transaction=True)
def test_32_casts_with_the_same_idempotency_key_at_once_store_one_ballot_and_give_one_answer() -> None:
    """A client sending one cast many times at once (retries racing the first): one ballot, counted
    once, and every request gets the same answer, the first ballot's (not "replaced")."""
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)
    key = idempotency.for_code(edition=edition, code=code, key="one-cast")
    receipts: list[Receipt] = []

    def call() -> None:
        credential = code_credential(code=code, client_ip="192.0.2.1")
        receipts.append(
            cast_ballot(
                edition=edition, credential=credential, ballot={"main": [plans[1].pk]}, idempotency=key
            )
        )

    outcomes = run_at_once([call] * 32)
    assert outcomes == ["ok"] * 32
    assert len({(r.receipt, r.replaced, r.cast_at, str(r.content)) for r in receipts}) == 1
    assert receipts[0].replaced is False
    assert sum(not r.replayed for r in receipts) == 1
    assert Ballot.objects.filter(edition=edition).count() == 1
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)
    assert factories.opened_contents(edition) == [{"main": [plans[1].pk]}]


@pytest.mark.django_db(transaction=True)
def test_an_online_vote_racing_a_paper_entry_counts_only_one_of_them() -> None:
    edition, plans = factories.make_vote()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    for _round in range(5):
        voter, code = factories.make_voter(edition=edition)

        def online(code: str = code) -> None:
            credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
            cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})

        def paper(code: str = code) -> None:
            found, slot = voter_for_code(edition=edition, code=code)
            enter_paper_ballot(
                edition=edition, voter=found, slot=slot, ballot={"main": [plans[1].pk]}, by=official
            )

        outcomes = run_at_once([online, paper])
        voter.refresh_from_db()
        assert sorted(outcomes) in (["ok", "voted_on_paper"], ["ok", "voted_online"]), outcomes
        online_won = "voted_online" in outcomes
        assert voter.channel == (Channel.ONLINE if online_won else Channel.PAPER)
        assert PaperEntry.objects.filter(voter=voter).exists() is not online_won
    assert Voter.objects.filter(edition=edition, channel="").count() == 0
