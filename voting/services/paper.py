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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.services import record, record_each
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import ballot_sections
from common import codes
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..errors import EligibilityError, PaperError, VoteStateError, malformed_code
from ..models import Channel, PaperEntry, PaperEntryStatus, Voter
from ..sealing import open_reading, seal_reading
from .casting import refuse_unless_open, store_counted_ballot


def voter_for_code(*, edition: Edition, code: str) -> tuple[Voter, str]:
    """The voter a letter's code names, and their ballot slot (officials are not rate-limited)."""
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode as bad:
        raise malformed_code(bad) from None
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


def _contents(edition: Edition, ballots: Sequence[Any]) -> list[Content]:
    sections, rules = ballot_sections(edition), BallotRules.of(edition)
    return [validate_ballot(ballot, sections=sections, rules=rules) for ballot in ballots]


READING_FIELDS = ("second_content", "second_by", "second_at", "content_hash", "status", "first_content")


@dataclass(frozen=True)
class PaperBallot:
    """One paper ballot to enter: its voter, the slot its counted ballot will take, what it reads."""

    voter: Voter
    slot: str
    ballot: Any


def enter_paper_ballot(*, edition: Edition, voter: Voter, slot: str, ballot: Any, by: User) -> PaperEntry:
    """First entry of a paper ballot: claims the voter for paper and waits for a second official."""
    refuse_unless_open(edition)
    return _enter(edition, [PaperBallot(voter=voter, slot=slot, ballot=ballot)], by=by, at=None)[0]


def enter_paper_ballots(
    *, edition: Edition, ballots: Sequence[PaperBallot], by: User, at: datetime | None = None
) -> list[PaperEntry]:
    """First entries of many paper ballots at ``at`` (default now), as ``enter_paper_ballot`` makes
    one; all or none: a voter who voted already refuses the whole batch."""
    refuse_unless_open(edition, at=at)
    if not can(by, Action.ENTER_PAPER_BALLOT, edition, at=at):
        raise PaperError("not_allowed")
    return _enter(edition, ballots, by=by, at=at)


def _enter(
    edition: Edition, ballots: Sequence[PaperBallot], *, by: User, at: datetime | None
) -> list[PaperEntry]:
    contents = _contents(edition, [paper.ballot for paper in ballots])
    voters = [paper.voter.pk for paper in ballots]
    with transaction.atomic():
        claimed = sum(
            Voter.objects.filter(
                pk__in=voters[i : i + 500], edition=edition, channel="", revoked_at__isnull=True
            ).update(channel=Channel.PAPER)
            for i in range(0, len(voters), 500)
        )
        if claimed != len(set(voters)) or len(set(voters)) != len(voters):
            taken = Voter.objects.filter(pk__in=voters).exclude(channel="").exclude(channel=Channel.PAPER)
            raise VoteStateError("voted_online" if taken.exists() else "voted_on_paper")
        entries = PaperEntry.objects.bulk_create(
            PaperEntry(
                edition=edition,
                voter=paper.voter,
                first_content=seal_reading(content, edition_id=edition.pk),
                first_by=by,
                pending_slot=paper.slot,
                **({} if at is None else {"first_at": at}),
            )
            for paper, content in zip(ballots, contents, strict=True)
        )
        record_each(
            actor=by,
            action="voting.paper_entered",
            changes=[(entry, {"entry": entry.pk}) for entry in entries],
            edition=edition,
            at=at,
        )
    return entries


def confirm_paper_ballot(*, entry: PaperEntry, ballot: Any, by: User) -> PaperEntry:
    """Second, independent entry: a match is counted, a difference is flagged for review."""
    refuse_unless_open(entry.edition)
    return _confirm(entry.edition, [(entry, ballot)], by=by, at=timezone.now())[0]


def confirm_paper_ballots(
    *,
    edition: Edition,
    readings: Sequence[tuple[PaperEntry, Any]],
    by: User,
    at: datetime | None = None,
) -> list[PaperEntry]:
    """Second entries of many paper ballots at ``at`` (default now), as ``confirm_paper_ballot``
    makes one: matches are counted, differences flagged; all or none."""
    refuse_unless_open(edition, at=at)
    if not can(by, Action.ENTER_PAPER_BALLOT, edition, at=at):
        raise PaperError("not_allowed")
    return _confirm(edition, readings, by=by, at=at or timezone.now())


def _confirm(
    edition: Edition, readings: Sequence[tuple[PaperEntry, Any]], *, by: User, at: datetime
) -> list[PaperEntry]:
    contents = _contents(edition, [ballot for _entry, ballot in readings])
    with transaction.atomic():
        locked = PaperEntry.objects.select_for_update().in_bulk([entry.pk for entry, _ballot in readings])
        confirmed: list[PaperEntry] = []
        for (entry, _ballot), content in zip(readings, contents, strict=True):
            confirmed.append(_second_entry(edition, locked[entry.pk], content, by=by, at=at))
        for entry in confirmed:  # one UPDATE each: cheaper than bulk_update's CASE per field and row
            entry.save(update_fields=[*READING_FIELDS, "voter", "pending_slot"])
        record_each(
            actor=by,
            action="voting.paper_confirmed",
            changes=[(e, {"status": e.status}) for e in confirmed if e.status == PaperEntryStatus.CONFIRMED],
            edition=edition,
            at=at,
        )
        record_each(
            actor=by,
            action="voting.paper_mismatch",
            changes=[(e, {"status": e.status}) for e in confirmed if e.status != PaperEntryStatus.CONFIRMED],
            edition=edition,
            at=at,
        )
    return confirmed


def _second_entry(
    edition: Edition, locked: PaperEntry, content: Content, *, by: User, at: datetime
) -> PaperEntry:
    if locked.status != PaperEntryStatus.AWAITING_SECOND:
        raise PaperError("not_awaiting")
    if locked.first_by_id == by.pk:
        raise PaperError("same_official")
    sealed = seal_reading(content, edition_id=edition.pk)
    locked.second_content, locked.second_by, locked.second_at = sealed, by, at
    if content == open_reading(locked.first_content, edition_id=edition.pk):
        locked.content_hash = store_counted_ballot(edition=edition, slot=locked.pending_slot, content=content)
        locked.status = PaperEntryStatus.CONFIRMED
        _forget_reading(locked)
    else:
        locked.status = PaperEntryStatus.MISMATCH
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
