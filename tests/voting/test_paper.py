"""Paper ballots entered twice: a match is counted, a difference is reviewed, online and paper exclude."""

from __future__ import annotations

import hashlib
import json

import pytest

from accounts.models import Role, User
from editions.models import Edition
from proposals.models import Plan
from tests import factories
from tests.refusals import refused
from voting.errors import EligibilityError, PaperError, VoteStateError
from voting.models import Ballot, Channel, PaperEntry, PaperEntryStatus, Voter
from voting.sealing import open_reading
from voting.services.casting import cast_ballot, credential_for_code
from voting.services.paper import (
    confirm_paper_ballot,
    enter_paper_ballot,
    resolve_paper_entry,
    unresolved_paper_entries,
    voter_for_code,
    voter_for_register,
)

IP = "192.0.2.20"


@pytest.fixture
def vote(db: None) -> tuple[Edition, list[Plan], User, User]:
    edition, plans = factories.make_vote()
    first = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    second = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    return edition, plans, first, second


def test_matching_entries_are_counted_as_one_ballot(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, second = vote
    voter, code = factories.make_voter(edition=edition)
    found, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=found, slot=slot, ballot={"main": [plans[1].pk]}, by=first
    )
    assert not Ballot.objects.exists() and unresolved_paper_entries(edition) == 1
    confirmed = confirm_paper_ballot(entry=entry, ballot={"main": [str(plans[1].pk)]}, by=second)
    assert confirmed.status == PaperEntryStatus.CONFIRMED and confirmed.pending_slot == ""
    assert factories.opened_contents(edition) == [{"main": [plans[1].pk]}]
    voter.refresh_from_db()
    assert voter.channel == Channel.PAPER and unresolved_paper_entries(edition) == 0


def test_differing_entries_are_flagged_then_resolved(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, second = vote
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first
    )
    flagged = confirm_paper_ballot(entry=entry, ballot={"main": [plans[2].pk]}, by=second)
    assert flagged.status == PaperEntryStatus.MISMATCH and not Ballot.objects.exists()
    refused(
        lambda: resolve_paper_entry(entry=flagged, decision="second", note="  ", by=first),
        "note_required",
        error=PaperError,
    )
    resolved = resolve_paper_entry(entry=flagged, decision="second", note="Kruisje bij plan 3.", by=first)
    assert resolved.status == PaperEntryStatus.RESOLVED
    assert factories.opened_contents(edition) == [{"main": [plans[2].pk]}]


def test_a_voided_entry_lets_the_voter_vote_again(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, second = vote
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first
    )
    flagged = confirm_paper_ballot(entry=entry, ballot={"main": [plans[2].pk]}, by=second)
    resolve_paper_entry(entry=flagged, decision="void", note="Onleesbaar.", by=first)
    voter.refresh_from_db()
    assert voter.channel == "" and not Ballot.objects.exists()


def test_the_same_official_cannot_make_both_entries(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, _ = vote
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first
    )
    refused(
        lambda: confirm_paper_ballot(entry=entry, ballot={"main": [plans[1].pk]}, by=first),
        "same_official",
        error=PaperError,
    )
    entry.refresh_from_db()
    assert entry.status == PaperEntryStatus.AWAITING_SECOND and not Ballot.objects.exists()


def test_a_paper_ballot_after_an_online_vote_is_refused(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, _ = vote
    voter, code = factories.make_voter(edition=edition)
    cast_ballot(
        edition=edition,
        credential=credential_for_code(edition=edition, code=code, client_ip=IP),
        ballot={"main": [plans[0].pk]},
    )
    _, slot = voter_for_code(edition=edition, code=code)
    refused(
        lambda: enter_paper_ballot(
            edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first
        ),
        "voted_online",
        error=VoteStateError,
    )
    assert factories.opened_contents(edition) == [{"main": [plans[0].pk]}]


def test_an_online_vote_after_a_paper_entry_is_refused(vote: tuple[Edition, list[Plan], User, User]) -> None:
    edition, plans, first, _ = vote
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    enter_paper_ballot(edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first)
    refused(
        lambda: cast_ballot(
            edition=edition,
            credential=credential_for_code(edition=edition, code=code, client_ip=IP),
            ballot={"main": [plans[0].pk]},
        ),
        "voted_on_paper",
        error=VoteStateError,
    )
    assert not Ballot.objects.exists()


def test_register_voters_are_found_by_name_birth_date_and_postcode(
    vote: tuple[Edition, list[Plan], User, User],
) -> None:
    edition, plans, first, second = vote
    register = factories.make_register_voter(edition=edition, email="s@example.org")
    found, slot = voter_for_register(
        edition=edition, name="SANNE DE VRIES", birth_date="1990-04-01", postcode="1061ab"
    )
    assert found == register
    entry = enter_paper_ballot(
        edition=edition, voter=found, slot=slot, ballot={"main": [plans[3].pk]}, by=first
    )
    confirm_paper_ballot(entry=entry, ballot={"main": [plans[3].pk]}, by=second)
    assert Ballot.objects.count() == 1
    refused(
        lambda: voter_for_register(
            edition=edition, name="Sanne de Vries", birth_date="1990-04-02", postcode="1061 AB"
        ),
        error=EligibilityError,
    )


def test_paper_entry_is_refused_outside_the_vote(db: None) -> None:
    edition, plans = factories.make_vote(phase="result")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    refused(
        lambda: enter_paper_ballot(
            edition=edition, voter=voter, slot=slot, ballot={"main": [plans[0].pk]}, by=official
        ),
        "vote_not_open",
        error=VoteStateError,
    )
    assert Voter.objects.get().channel == ""


def test_a_counted_entry_forgets_its_readings_and_its_voter_and_keeps_a_hash(
    vote: tuple[Edition, list[Plan], User, User],
) -> None:
    edition, plans, first, second = vote
    for decision in ("confirm", "first", "void"):
        voter, code = factories.make_voter(edition=edition)
        _, slot = voter_for_code(edition=edition, code=code)
        entry = enter_paper_ballot(
            edition=edition, voter=voter, slot=slot, ballot={"main": [plans[0].pk]}, by=first
        )
        assert entry.voter_id == voter.pk  # while pending, with its reading sealed under the server's key
        assert open_reading(entry.first_content, edition_id=edition.pk) == {"main": [plans[0].pk]}
        stored_reading = PaperEntry.objects.filter(pk=entry.pk).values("first_content").get()
        assert '"main"' not in json.dumps(stored_reading) and set(stored_reading["first_content"] or {}) == {
            "sealed"
        }
        if decision == "confirm":
            entry = confirm_paper_ballot(entry=entry, ballot={"main": [plans[0].pk]}, by=second)
        else:
            entry = confirm_paper_ballot(entry=entry, ballot={"main": [plans[3].pk]}, by=second)
            entry = resolve_paper_entry(entry=entry, decision=decision, note="Gecontroleerd.", by=first)  # type: ignore[arg-type]

        stored = PaperEntry.objects.filter(pk=entry.pk).values().get()
        assert stored["voter_id"] is None and stored["pending_slot"] == ""
        assert stored["first_content"] is None and stored["second_content"] is None
        assert (len(stored["content_hash"]) == 64) is (decision != "void")
        assert (stored["first_by_id"], stored["second_by_id"]) == (first.pk, second.pk)  # who, for the audit
    assert sorted(c["main"] for c in factories.opened_contents(edition)) == [[plans[0].pk], [plans[0].pk]]
    hashes = {hashlib.sha256(bytes(s)).hexdigest() for s in Ballot.objects.values_list("sealed", flat=True)}
    assert set(PaperEntry.objects.exclude(content_hash="").values_list("content_hash", flat=True)) == hashes


def test_a_missing_reading_is_refused_not_counted_as_an_empty_ballot(
    vote: tuple[Edition, list[Plan], User, User],
) -> None:
    edition, plans, first, second = vote
    voter, code = factories.make_voter(edition=edition)
    _, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=voter, slot=slot, ballot={"main": [plans[1].pk]}, by=first
    )
    flagged = confirm_paper_ballot(entry=entry, ballot={"main": [plans[2].pk]}, by=second)
    PaperEntry.objects.filter(pk=flagged.pk).update(second_content=None)

    refused(
        lambda: resolve_paper_entry(entry=flagged, decision="second", note="Tweede lezing kwijt.", by=first),
        "missing_reading",
        error=PaperError,
    )
    assert not Ballot.objects.exists()
    assert PaperEntry.objects.get(pk=flagged.pk).status == PaperEntryStatus.MISMATCH
