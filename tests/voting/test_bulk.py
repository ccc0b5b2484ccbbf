"""Bulk voting services: voters imported with their codes, many casts, many paper entries, at a moment."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from accounts.models import Role
from audit.models import AuditEntry
from common import codes
from outreach.errors import CsvImportError
from outreach.models import Address
from tests import factories
from tests.concurrency import run_at_once
from tests.refusals import refused
from voting.errors import PaperError, VoteStateError
from voting.models import Ballot, Channel, LetterBatch, PaperEntry, PaperEntryStatus, Voter
from voting.services.bulk import VoterRow, cast_ballots, import_voters
from voting.services.casting import Credential, cast_ballot, credential_for_code
from voting.services.eligibility import import_addresses
from voting.services.paper import PaperBallot, confirm_paper_ballots, enter_paper_ballots

IP = "192.0.2.30"


def credential(code: str) -> Credential:
    normalised = codes.normalise(code)
    return Credential(credential_hash=codes.credential_hash(normalised), slot=codes.ballot_slot(normalised))


def counts() -> tuple[int, ...]:
    return (
        Voter.objects.count(),
        Ballot.objects.count(),
        PaperEntry.objects.count(),
        LetterBatch.objects.count(),
        AuditEntry.objects.count(),
        Voter.objects.exclude(channel="").count(),
    )


def address_list(edition: Any, official: Any, *, at: Any) -> None:
    factories.make_neighbourhood(district=edition.district, name="Slotervaart")
    data = b"address,postcode,neighbourhood,eligible\nA 1,1058 HE,Slotervaart,2\nA 3,1058 HE,Slotervaart,1\n"
    import_addresses(edition=edition, file=data, by=official, at=at)


@pytest.mark.django_db
def test_voters_imported_before_the_vote_can_vote_with_their_codes() -> None:
    edition, plans = factories.make_vote()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    before_vote = factories.phase_of(edition, "decision").starts_at - timedelta(days=20)
    address_list(edition, official, at=before_vote)
    plain = [codes.new_code() for _ in range(3)]
    rows = [VoterRow("1058 HE", "A 1", plain[0]), VoterRow("1058 HE", "A 1", plain[1])]
    rows.append(VoterRow("1058 HE", "A 3", plain[2]))

    batch = import_voters(edition=edition, rows=rows, by=official, at=before_vote)

    assert Voter.objects.filter(edition=edition).count() == 3
    assert all(a.codes_issued for a in Address.objects.filter(edition=edition))
    assert batch.created_at == before_vote and batch.destroyed_at == before_vote and batch.letter_count == 3
    entry = AuditEntry.objects.get(action="voting.codes_issued")
    assert entry.at == before_vote and entry.after["letters"] == 3
    found = credential_for_code(edition=edition, code=plain[2], client_ip=IP)
    assert cast_ballot(edition=edition, credential=found, ballot={"main": [plans[0].pk]})


@pytest.mark.django_db
def test_a_bad_row_refuses_the_whole_import_and_changes_nothing() -> None:
    edition, _ = factories.make_vote()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    resident = factories.make_user()
    before_vote = factories.phase_of(edition, "decision").starts_at - timedelta(days=20)
    address_list(edition, official, at=before_vote)
    good, taken = codes.new_code(), codes.new_code()
    import_voters(edition=edition, rows=[VoterRow("1058 HE", "A 3", taken)], by=official, at=before_vote)
    issued = lambda: (counts(), list(Address.objects.values_list("codes_issued", flat=True)))  # noqa: E731

    for rows, code in (
        ([VoterRow("1058 HE", "A 1", good), VoterRow("1058 HE", "B 9", codes.new_code())], "bad_row"),
        ([VoterRow("1058 HE", "A 1", good), VoterRow("1058 HE", "A 1", "nonsense")], "bad_row"),
        ([VoterRow("1058 HE", "A 1", good), VoterRow("1058 HE", "A 1", good)], "bad_row"),
        ([VoterRow("1058 HE", "A 1", taken)], "bad_row"),
    ):
        call = lambda rows=rows: import_voters(edition=edition, rows=rows, by=official, at=before_vote)  # noqa: E731
        refused(call, code, error=CsvImportError, unchanged=issued)
    rows = [VoterRow("1058 HE", "A 1", good)]
    refused(
        lambda: import_voters(edition=edition, rows=rows, by=official),
        "vote_started",
        error=CsvImportError,
        unchanged=issued,
    )
    elsewhere = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district())
    for stranger in (resident, elsewhere):
        refused(
            functools.partial(import_voters, edition=edition, rows=rows, by=stranger, at=before_vote),
            "not_an_official",
            error=CsvImportError,
            unchanged=issued,
        )


@pytest.mark.django_db
def test_ballots_cast_in_bulk_count_once_per_voter_and_a_second_one_replaces_the_first() -> None:
    edition, plans = factories.make_vote(phase="result")
    decision = factories.phase_of(edition, "decision")
    during = decision.starts_at + timedelta(hours=5)
    made = [factories.make_voter(edition=edition) for _ in range(4)]
    ballots = [(credential(code), {"main": [plans[i].pk]}) for i, (_voter, code) in enumerate(made)]
    ballots.append((credential(made[0][1]), {"main": [plans[3].pk]}))

    receipts = cast_ballots(edition=edition, ballots=ballots, at=during)

    assert [r.replaced for r in receipts] == [False, False, False, False, True]
    assert all(r.cast_at == during for r in receipts)
    assert Ballot.objects.filter(edition=edition).count() == 4
    assert sorted(Voter.objects.values_list("ballots_cast", flat=True)) == [1, 1, 1, 2]
    assert set(Voter.objects.values_list("channel", flat=True)) == {Channel.ONLINE}
    assert sorted(c["main"][0] for c in factories.opened_contents(edition)) == sorted(
        [plans[1].pk, plans[2].pk, plans[3].pk, plans[3].pk]
    )


@pytest.mark.django_db
def test_a_bulk_cast_with_one_paper_voter_or_outside_the_vote_is_refused_whole() -> None:
    edition, plans = factories.make_vote(phase="result")
    during = factories.phase_of(edition, "decision").starts_at + timedelta(hours=5)
    made = [factories.make_voter(edition=edition) for _ in range(3)]
    Voter.objects.filter(pk=made[2][0].pk).update(channel=Channel.PAPER)
    ballots = [(credential(code), {"main": [plans[0].pk]}) for _voter, code in made]

    refused(
        lambda: cast_ballots(edition=edition, ballots=ballots, at=during),
        "voted_on_paper",
        error=VoteStateError,
        unchanged=counts,
    )
    refused(
        lambda: cast_ballots(edition=edition, ballots=ballots[:2]),
        "vote_not_open",
        error=VoteStateError,
        unchanged=counts,
    )


@pytest.mark.django_db
def test_paper_ballots_entered_and_confirmed_in_bulk_are_counted_and_audited_at_their_moments() -> None:
    edition, plans = factories.make_vote(phase="result")
    first = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    second = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    entered_at = factories.phase_of(edition, "decision").starts_at + timedelta(hours=3)
    made = [factories.make_voter(edition=edition) for _ in range(3)]
    papers = [
        PaperBallot(voter=voter, slot=credential(code).slot, ballot={"main": [plans[i].pk]})
        for i, (voter, code) in enumerate(made)
    ]

    entries = enter_paper_ballots(edition=edition, ballots=papers, by=first, at=entered_at)
    readings = [(entries[0], {"main": [plans[0].pk]}), (entries[1], {"main": [plans[2].pk]})]
    later = entered_at + timedelta(hours=1)
    confirmed = confirm_paper_ballots(edition=edition, readings=readings, by=second, at=later)

    assert [e.status for e in confirmed] == [PaperEntryStatus.CONFIRMED, PaperEntryStatus.MISMATCH]
    assert PaperEntry.objects.filter(status=PaperEntryStatus.AWAITING_SECOND).count() == 1
    assert all(e.first_at == entered_at for e in PaperEntry.objects.all())
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]
    assert set(Voter.objects.values_list("channel", flat=True)) == {Channel.PAPER}
    log = AuditEntry.objects.filter(edition=edition, action__startswith="voting.paper")
    assert sorted((e.action, e.at) for e in log) == sorted(
        [("voting.paper_entered", entered_at)] * 3
        + [("voting.paper_confirmed", later), ("voting.paper_mismatch", later)]
    )


@pytest.mark.django_db
def test_bulk_paper_entries_are_refused_whole_for_one_online_voter_or_a_resident() -> None:
    edition, plans = factories.make_vote(phase="result")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    entered_at = factories.phase_of(edition, "decision").starts_at + timedelta(hours=3)
    made = [factories.make_voter(edition=edition) for _ in range(3)]
    Voter.objects.filter(pk=made[1][0].pk).update(channel=Channel.ONLINE, ballots_cast=1)
    papers = [
        PaperBallot(voter=voter, slot=credential(code).slot, ballot={"main": [plans[0].pk]})
        for voter, code in made
    ]
    channels = lambda: (counts(), sorted(Voter.objects.values_list("channel", flat=True)))  # noqa: E731

    refused(
        lambda: enter_paper_ballots(edition=edition, ballots=papers, by=official, at=entered_at),
        "voted_online",
        error=VoteStateError,
        unchanged=channels,
    )
    refused(
        lambda: enter_paper_ballots(
            edition=edition, ballots=papers[:1], by=factories.make_user(), at=entered_at
        ),
        "not_allowed",
        error=PaperError,
        unchanged=channels,
    )
    entries = enter_paper_ballots(edition=edition, ballots=papers[2:], by=official, at=entered_at)
    refused(
        lambda: confirm_paper_ballots(
            edition=edition, readings=[(entries[0], {"main": [plans[0].pk]})], by=official, at=entered_at
        ),
        "same_official",
        error=PaperError,
        unchanged=channels,
    )


@pytest.mark.django_db(transaction=True)
def test_a_bulk_cast_racing_single_casts_of_the_same_voters_leaves_one_ballot_each() -> None:
    edition, plans = factories.make_vote()
    made = [factories.make_voter(edition=edition) for _ in range(5)]
    ballots = [(credential(code), {"main": [plans[0].pk]}) for _voter, code in made]

    def single(code: str) -> Callable[[], Any]:
        def call() -> None:
            found = credential_for_code(edition=edition, code=code, client_ip=IP)
            cast_ballot(edition=edition, credential=found, ballot={"main": [plans[1].pk]})

        return call

    calls = [lambda: cast_ballots(edition=edition, ballots=ballots), *(single(code) for _voter, code in made)]
    outcomes = run_at_once(calls)

    assert outcomes == ["ok"] * 6
    assert Ballot.objects.filter(edition=edition).count() == 5
    assert list(Voter.objects.values_list("ballots_cast", flat=True)) == [2] * 5
