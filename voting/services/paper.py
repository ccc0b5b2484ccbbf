"""Paper ballots: entered by one official, entered again by a second; a match is counted.

The first entry claims the voter's participation record for paper with a conditional update, so
a voter who voted online cannot also vote on paper, and the reverse (see ``casting``). Entries
that differ wait for a review. Every step is written to the audit log, without the ballot's
content (the log names the official, and must not show what a voter chose).
"""

from __future__ import annotations

from typing import Any, Literal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition

from .. import codes
from ..ballots import BallotRules, Content, validate_ballot
from ..errors import EligibilityError, PaperError, VoteStateError
from ..models import Channel, PaperEntry, PaperEntryStatus, Voter
from ..sections import ballot_sections
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
    """The register voter with this name, birth date (ISO) and postcode, and their ballot slot."""
    identity = codes.register_identity(name=name, birth_date=birth_date, postcode=postcode)
    voter = Voter.objects.filter(edition=edition, credential_hash=codes.register_hash(identity)).first()
    if voter is None:
        raise EligibilityError("not_on_register")
    return voter, codes.ballot_slot(f"register:{voter.credential_hash}")


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
            edition=edition, voter=voter, first_content=content, first_by=by, pending_slot=slot
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
        locked.second_content, locked.second_by, locked.second_at = content, by, timezone.now()
        if content == locked.first_content:
            store_counted_ballot(edition=edition, slot=locked.pending_slot, content=content)
            locked.status, locked.pending_slot = PaperEntryStatus.CONFIRMED, ""
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
            Voter.objects.filter(pk=locked.voter_id, channel=Channel.PAPER).update(channel="")
        else:
            content: Content = locked.first_content if decision == "first" else locked.second_content or {}
            store_counted_ballot(edition=edition, slot=locked.pending_slot, content=content)
            locked.status = PaperEntryStatus.RESOLVED
        locked.pending_slot, locked.resolved_by, locked.resolution_note = "", by, note.strip()
        locked.save()
        record(
            actor=by,
            action="voting.paper_resolved",
            target=locked,
            edition=edition,
            after={"decision": decision, "note": locked.resolution_note},
        )
    return locked


def unresolved_paper_entries(edition: Edition) -> int:
    """Entries still waiting for a second entry or a review; the count waits until there are none."""
    return (
        PaperEntry.objects.filter(edition=edition)
        .filter(Q(status=PaperEntryStatus.AWAITING_SECOND) | Q(status=PaperEntryStatus.MISMATCH))
        .count()
    )
