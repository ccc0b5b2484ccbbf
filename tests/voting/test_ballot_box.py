"""The ballot box's key: set up by an official in shares, only hashes stored; opened with k valid shares."""

from __future__ import annotations

from functools import partial

import pytest

from accounts.models import Role
from audit.models import AuditEntry
from tests import factories
from tests.refusals import refused
from voting import sealing
from voting.errors import BallotBoxError, VoteStateError
from voting.models import Ballot, BallotBox, IdempotentCast
from voting.services import idempotency
from voting.services.ballot_box import destroy_sealed_ballots, open_ballots, set_up_ballot_box
from voting.services.casting import cast_ballot, credential_for_code

pytestmark = pytest.mark.django_db
IP = "192.0.2.7"


def test_setting_up_stores_the_public_key_and_share_hashes_only_and_is_audited() -> None:
    edition, _ = factories.make_vote()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)

    issued = set_up_ballot_box(edition=edition, by=official, threshold=3, shares=5)

    box = BallotBox.objects.get(edition=edition)
    assert (box.threshold, box.share_count, len(issued.shares)) == (3, 5, 5)
    stored = repr(list(BallotBox.objects.filter(edition=edition).values()))
    for share in issued.shares:
        _, y = sealing.parse_share(share)
        assert share not in stored and y.hex() not in stored
    private = sealing.combine_shares([sealing.parse_share(s) for s in issued.shares[:3]])
    assert private.hex() not in stored and sealing.public_key_of(private) == bytes(box.public_key)
    entry = AuditEntry.objects.get(action="voting.ballot_box_set_up", object_id=str(box.pk))
    assert entry.after["fingerprint"] == issued.fingerprint and entry.after["replaced"] is True
    assert not any(share in repr(entry.after) for share in issued.shares)


def test_only_an_official_of_the_district_sets_up_the_box() -> None:
    edition, _ = factories.make_vote()
    other = factories.make_district(name="Elders")

    refused(
        lambda: set_up_ballot_box(
            edition=edition, by=factories.make_staff(role=Role.OFFICIAL, district=other)
        ),
        "not_an_official",
        error=BallotBoxError,
    )


@pytest.mark.parametrize(("threshold", "shares"), [(0, 3), (4, 3), (1, 1), (2, 10)])
def test_an_impossible_threshold_is_refused(threshold: int, shares: int) -> None:
    edition, _ = factories.make_vote()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)

    refused(
        lambda: set_up_ballot_box(edition=edition, by=official, threshold=threshold, shares=shares),
        "bad_threshold",
        error=BallotBoxError,
    )


def test_the_key_cannot_be_replaced_once_a_ballot_was_cast() -> None:
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]})
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)

    refused(lambda: set_up_ballot_box(edition=edition, by=official), "ballots_exist", error=BallotBoxError)


def test_casting_refuses_until_the_box_is_set_up() -> None:
    edition, plans = factories.make_vote()
    BallotBox.objects.filter(edition=edition).delete()
    from voting.services.ballot_box import forget_public_keys

    forget_public_keys()
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)

    refused(
        lambda: cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[0].pk]}),
        "no_ballot_box",
        error=VoteStateError,
    )
    assert not Ballot.objects.exists()


def test_a_ballot_cast_under_a_key_set_up_again_is_sealed_to_the_new_key() -> None:
    """A process that remembers the old key cannot seal a ballot the new shares would not open."""
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=IP)
    from voting.services.ballot_box import public_key_for

    public_key_for(edition)  # remembered in this process
    new_shares = factories.make_ballot_box(edition=edition)  # the memo is not told (another process)
    from voting.services import ballot_box

    ballot_box._public_keys[edition.pk] = sealing.public_key_of(sealing.new_private_key())  # stale

    cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[1].pk]})

    assert open_ballots(edition=edition, shares=new_shares[:2]) == [{"main": [plans[1].pk]}]


def test_opening_needs_threshold_valid_distinct_shares_and_shuffles() -> None:
    edition, plans = factories.make_vote()
    for plan in plans:
        _, code = factories.make_voter(edition=edition)
        credential = credential_for_code(edition=edition, code=code, client_ip=IP)
        cast_ballot(edition=edition, credential=credential, ballot={"main": [plan.pk]})
    shares = factories.ballot_box_shares(edition)

    opened = open_ballots(edition=edition, shares=[shares[2], shares[0]])

    assert sorted(c["main"][0] for c in opened) == sorted(p.pk for p in plans)
    refusals = {
        "too_few_shares": [shares[0]],
        "duplicate_share": [shares[1], shares[1]],
        "malformed_share": ["nonsense", shares[1]],
        "invalid_share": [shares[0], "3-" + "0000-" * 12 + "0001"],
    }
    for code, given in refusals.items():
        refused(partial(open_ballots, edition=edition, shares=given), code, error=BallotBoxError)


def test_a_ballot_not_sealed_to_the_key_stops_the_opening() -> None:
    edition, _ = factories.make_vote()
    other = sealing.public_key_of(sealing.new_private_key())
    Ballot.objects.create(
        edition=edition,
        slot="forged",
        sealed=sealing.seal({"main": [1]}, public_key=other, context=sealing.ballot_context(edition.pk)),
        receipt="R",
    )

    refused(
        lambda: open_ballots(edition=edition, shares=factories.ballot_box_shares(edition)[:2]),
        "unreadable_ballot",
        error=BallotBoxError,
    )


def test_destroying_the_sealed_ballots_also_destroys_the_answers_kept_for_retries() -> None:
    edition, plans = factories.make_vote()
    other, other_plans = factories.make_vote()
    for vote, choice in ((edition, plans[0].pk), (other, other_plans[0].pk)):
        _, code = factories.make_voter(edition=vote)
        cast_ballot(
            edition=vote,
            credential=credential_for_code(edition=vote, code=code, client_ip="192.0.2.1"),
            ballot={"main": [choice]},
            idempotency=idempotency.for_code(edition=vote, code=code, key="k-1"),
        )
    assert IdempotentCast.objects.filter(edition=edition).count() == 1

    assert destroy_sealed_ballots(edition=edition) == 1

    assert not IdempotentCast.objects.filter(edition=edition).exists()
    assert IdempotentCast.objects.filter(edition=other).count() == 1  # another vote's retries stay
