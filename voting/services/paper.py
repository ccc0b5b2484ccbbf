"""Paper ballots: entered by one official, entered again by a second; a match is counted.

The first entry claims the voter's participation record for paper with a conditional update, so
a voter who voted online cannot also vote on paper, and the reverse (see ``casting``). Entries
that differ wait for a review. While they wait, the readings are stored encrypted under a key
derived from the environment's ``VOTING_CODE_KEY`` (``sealing.seal_reading``): officials can
compare and review them, a database holder cannot read them. Every step is written to the audit
log, without the ballot's content (the log names the official, and must not show what a voter
chose). Once an entry is
confirmed, resolved or voided, its readings and its voter are dropped: the counted ballot is sealed
in its slot like an online one, and the entry keeps only the hash of that sealed ballot.
"""

from __future__ import annotations

import secrets
from typing import Any, Literal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.services import record
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import ballot_sections
from common import codes
from editions.models import Edition

from ..errors import EligibilityError, PaperError, VoteStateError
from ..models import Channel, PaperEntry, PaperEntryStatus, Voter
from ..sealing import open_reading, seal_reading
from .casting import refuse_unless_open, store_counted_ballot


def voter_for_code(*, edition: Edition, code: str) -> tuple[Voter, str]:
    """The voter a letter's code names, and their ballot slot (officials are not rate-limited)."""
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode:
        raise EligibilityError("malformed_code") from None
    voter = Voter.objects.filter(edition=edition, credential_hash=codes.credential_hash(normalised)).first()
    if voter is None:
        raise EligibilityError("unknown_code")
    if voter.revoked_at is not None:
        raise EligibilityError("revoked_code")
    return voter, codes.ballot_slot(normalised)


def voter_for_register(*, edition: Edition, name: str, birth_date: str, postcode: str) -> tuple[Voter, str]:
    """The register voter with this name, birth date (ISO) and postcode, and a slot for their ballot.

    The slot is random: a paper voter cannot vote online, so their ballot needs no slot they could
    find again, and none that the stored register hash would name.
    """
    identity = codes.register_identity(name=name, birth_date=birth_date, postcode=postcode)
    voter = Voter.objects.filter(edition=edition, credential_hash=codes.register_hash(identity)).first()
    if voter is None:
        raise EligibilityError("not_on_register")
    return voter, codes.ballot_slot(f"paper:{secrets.token_hex(32)}")


def _content(edition: Edition, ballot: Any) -> Content:
    return validate_ballot(ballot, sections=ballot_sections(edition), rules=BallotRules.of(edition))


def enter_paper_ballot(*, edition: Edition, voter: Voter, slot: str, ballot: Any, by: User) -> PaperEntry:
    """First entry of a paper ballot: claims the voter for paper and waits for a second official."""
    refuse_unless_open(edition)
    content = _content(edition, ballot)
    with transaction.atomic():
        claimed = Voter.objects.filter(
            pk=voter.pk, edition=edition, channel="", revoked_at__isnull=True
        ).update(channel=Channel.PAPER)
        if claimed != 1:
            current = Voter.objects.only("channel").get(pk=voter.pk)
            raise VoteStateError("voted_online" if current.channel == Channel.ONLINE else "voted_on_paper")
        entry = PaperEntry.objects.create(
            edition=edition,
            voter=voter,
            first_content=seal_reading(content, edition_id=edition.pk),
            first_by=by,
            pending_slot=slot,
        )
        record(
            actor=by, action="voting.paper_entered", target=entry, edition=edition, after={"entry": entry.pk}
        )
    return entry


def confirm_paper_ballot(*, entry: PaperEntry, ballot: Any, by: User) -> PaperEntry:
    """Second, independent entry: a match is counted, a difference is flagged for review."""
    edition = entry.edition
    refuse_unless_open(edition)
    content = _content(edition, ballot)
    with transaction.atomic():
        locked = PaperEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.status != PaperEntryStatus.AWAITING_SECOND:
            raise PaperError("not_awaiting")
        if locked.first_by_id == by.pk:
            raise PaperError("same_official")
        sealed = seal_reading(content, edition_id=edition.pk)
        locked.second_content, locked.second_by, locked.second_at = sealed, by, timezone.now()
        if content == open_reading(locked.first_content, edition_id=edition.pk):
            locked.content_hash = store_counted_ballot(
                edition=edition, slot=locked.pending_slot, content=content
            )
            locked.status = PaperEntryStatus.CONFIRMED
            _forget_reading(locked)
        else:
            locked.status = PaperEntryStatus.MISMATCH
        locked.save()
        record(
            actor=by,
            action="voting.paper_confirmed"
            if locked.status == PaperEntryStatus.CONFIRMED
            else "voting.paper_mismatch",
            target=locked,
            edition=edition,
            after={"status": locked.status},
        )
    return locked


Decision = Literal["first", "second", "void"]


def resolve_paper_entry(*, entry: PaperEntry, decision: Decision, note: str, by: User) -> PaperEntry:
    """Review of differing entries: count the first or the second reading, or void the entry.

    A voided entry gives the voter their participation back: they may vote again.
    """
    if not note.strip():
        raise PaperError("note_required")
    edition = entry.edition
    with transaction.atomic():
        locked = PaperEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.status != PaperEntryStatus.MISMATCH and not (
            decision == "void" and locked.status == PaperEntryStatus.AWAITING_SECOND
        ):
            raise PaperError("not_in_review")
        if decision == "void":
            locked.status = PaperEntryStatus.VOID
            Voter.objects.filter(paper_entries=locked, channel=Channel.PAPER).update(channel="")
        else:
            reading = open_reading(
                locked.first_content if decision == "first" else locked.second_content, edition_id=edition.pk
            )
            if not reading:  # a missing reading is never counted as an empty ballot
                raise PaperError("missing_reading")
            locked.content_hash = store_counted_ballot(
                edition=edition, slot=locked.pending_slot, content=reading
            )
            locked.status = PaperEntryStatus.RESOLVED
        _forget_reading(locked)
        locked.resolved_by, locked.resolution_note = by, note.strip()
        locked.save()
        record(
            actor=by,
            action="voting.paper_resolved",
            target=locked,
            edition=edition,
            after={"decision": decision, "note": locked.resolution_note},
        )
    return locked


def _forget_reading(entry: PaperEntry) -> None:
    """Drop what the entry read and whose ballot it was: the sealed ballot in its slot is all that counts."""
    entry.first_content = entry.second_content = None
    entry.voter = None
    entry.pending_slot = ""


def unresolved_paper_entries(edition: Edition) -> int:
    """Entries still waiting for a second entry or a review; the count waits until there are none."""
    return (
        PaperEntry.objects.filter(edition=edition)
        .filter(Q(status=PaperEntryStatus.AWAITING_SECOND) | Q(status=PaperEntryStatus.MISMATCH))
        .count()
    )
