"""Open a ballot with a credential and cast it: the one path the web form, kiosks and the API share.

Exactly one counted ballot per voter holds in the database, under any concurrency:

1. a conditional UPDATE marks the voter as voting online only if they have not voted on paper
   (on PostgreSQL it also locks the voter's row, so casts with the same code queue up here);
2. the ballot is replaced in place if the voter's slot already has one, else inserted; the unique
   (edition, slot) constraint turns any remaining race into an update, never a second ballot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action

from .. import codes, guard
from ..ballots import BallotRules, Content, validate_ballot
from ..errors import EligibilityError, VoteStateError
from ..models import Ballot, Channel, Voter, VoterKind
from ..sections import ballot_sections_cached


@dataclass(frozen=True)
class Credential:
    """Proof that the holder may cast the ballot of one voter: the voter row and the ballot's slot."""

    voter_id: int
    slot: str


@dataclass(frozen=True)
class Receipt:
    receipt: str
    replaced: bool
    cast_at: datetime
    content: Content


def credential_for_code(*, edition: Edition, code: str, client_ip: str) -> Credential:
    """The credential a voting code opens, or EligibilityError (failures count towards the limits)."""
    guard.refuse_if_blocked(client_ip)
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode:
        guard.count_failure(client_ip)
        raise EligibilityError("malformed_code") from None
    voter = (
        Voter.objects.filter(edition=edition, credential_hash=codes.credential_hash(normalised))
        .only("pk", "revoked_at")
        .first()
    )
    if voter is None:
        guard.count_failure(client_ip)
        raise EligibilityError("unknown_code")
    if voter.revoked_at is not None:
        raise EligibilityError("revoked_code")
    return Credential(voter_id=voter.pk, slot=codes.ballot_slot(normalised))


def credential_for_register_voter(voter: Voter) -> Credential:
    """A register voter's credential; their slot comes from the stored identity hash (docs/voting.md)."""
    if voter.kind != VoterKind.REGISTER:
        raise EligibilityError("unknown_code")
    return Credential(voter_id=voter.pk, slot=codes.ballot_slot(f"register:{voter.credential_hash}"))


def refuse_unless_open(edition: Edition, *, at: datetime | None = None) -> None:
    if not is_open(edition, Action.VOTE, at=at):
        raise VoteStateError("vote_not_open")


def cast_ballot(*, edition: Edition, credential: Credential, ballot: Any) -> Receipt:
    """Validate ``ballot`` and store it as the voter's one counted ballot, replacing an earlier one."""
    refuse_unless_open(edition)
    content = validate_ballot(ballot, sections=ballot_sections_cached(edition), rules=BallotRules.of(edition))
    receipt = codes.new_receipt()
    with transaction.atomic():
        marked = (
            Voter.objects.filter(pk=credential.voter_id, edition=edition, revoked_at__isnull=True)
            .filter(Q(channel="") | Q(channel=Channel.ONLINE))
            .update(channel=Channel.ONLINE, ballots_cast=F("ballots_cast") + 1)
        )
        if marked != 1:
            _refuse_cast(credential)
        replaced = _store(edition=edition, slot=credential.slot, content=content, receipt=receipt)
    return Receipt(receipt=receipt, replaced=replaced, cast_at=timezone.now(), content=content)


def _store(*, edition: Edition, slot: str, content: Content, receipt: str) -> bool:
    """Put ``content`` in the slot; True if it replaced a ballot already there."""
    ballots = Ballot.objects.filter(edition=edition, slot=slot)
    if ballots.update(content=content, receipt=receipt):
        return True
    try:
        with transaction.atomic():
            Ballot.objects.create(edition=edition, slot=slot, content=content, receipt=receipt)
    except IntegrityError:  # a concurrent first ballot for this slot won the insert: replace it
        ballots.update(content=content, receipt=receipt)
        return True
    return False


def _refuse_cast(credential: Credential) -> None:
    voter = Voter.objects.filter(pk=credential.voter_id).only("channel", "revoked_at").first()
    if voter is None:
        raise EligibilityError("unknown_code")
    if voter.revoked_at is not None:
        raise EligibilityError("revoked_code")
    raise VoteStateError("voted_on_paper")


def store_counted_ballot(*, edition: Edition, slot: str, content: Content) -> bool:
    """Paper path: store a confirmed paper ballot in its slot (inside the caller's transaction)."""
    return _store(edition=edition, slot=slot, content=content, receipt=codes.new_receipt())
