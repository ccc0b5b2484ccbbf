"""Reads of the vote: whether a voter has voted, the officials' turnout overview, paper entries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from editions.models import Edition, Phase
from editions.phases import Action
from editions.selectors import published_editions
from editions.timeline import timeline_of
from outreach.models import Address

from .models import Ballot, BallotBox, Channel, LetterBatch, PaperEntry, PaperEntryStatus, Voter


def voter_channel(*, edition: Edition, credential_hash: str) -> str | None:
    """How the voter with this credential voted ("online", "paper", "" if not yet); None if unknown.

    What they chose cannot be read back: their ballot is sealed (docs/voting.md).
    """
    channel: str | None = (
        Voter.objects.filter(edition=edition, credential_hash=credential_hash)
        .values_list("channel", flat=True)
        .first()
    )
    return channel


def ballot_box_of(edition: Edition) -> BallotBox | None:
    """The edition's sealed ballot box (public key, shares, who set it up), if it has one."""
    return BallotBox.objects.filter(edition=edition).select_related("created_by").first()


def ballot_box_locked(edition: Edition) -> bool:
    """Whether ballots (online or paper) exist, so the box's key can no longer be set up again."""
    return (
        Ballot.objects.filter(edition=edition).exists() or PaperEntry.objects.filter(edition=edition).exists()
    )


@dataclass(frozen=True)
class NeighbourhoodRow:
    name: str
    addresses: int
    eligible: int
    voters: int
    online: int
    paper: int

    @property
    def voted(self) -> int:
        return self.online + self.paper

    @property
    def turnout_percent(self) -> float | None:
        return round(100 * self.voted / self.voters, 1) if self.voters else None


@dataclass(frozen=True)
class Overview:
    rows: tuple[NeighbourhoodRow, ...]
    total: NeighbourhoodRow
    addresses_without_codes: int
    awaiting_second: int
    mismatches: int


def overview(edition: Edition) -> Overview:
    """Per neighbourhood: the address list, the live voters and how many voted, by channel."""
    addresses = {
        row["neighbourhood__name"]: row
        for row in Address.objects.filter(edition=edition)
        .values("neighbourhood__name")
        .annotate(count=Count("pk"), eligible=Sum("eligible_count"))
    }
    voters = {
        row["neighbourhood__name"]: row
        for row in Voter.objects.filter(edition=edition, revoked_at__isnull=True)
        .values("neighbourhood__name")
        .annotate(
            count=Count("pk"),
            online=Count("pk", filter=Q(channel=Channel.ONLINE)),
            paper=Count("pk", filter=Q(channel=Channel.PAPER)),
        )
    }
    names = sorted(set(addresses) | set(voters), key=lambda n: (n is None, n or ""))
    rows = tuple(
        NeighbourhoodRow(
            name=name or "",
            addresses=addresses.get(name, {}).get("count", 0),
            eligible=addresses.get(name, {}).get("eligible", 0) or 0,
            voters=voters.get(name, {}).get("count", 0),
            online=voters.get(name, {}).get("online", 0),
            paper=voters.get(name, {}).get("paper", 0),
        )
        for name in names
    )
    total = NeighbourhoodRow(
        name="",
        addresses=sum(r.addresses for r in rows),
        eligible=sum(r.eligible for r in rows),
        voters=sum(r.voters for r in rows),
        online=sum(r.online for r in rows),
        paper=sum(r.paper for r in rows),
    )
    entries = PaperEntry.objects.filter(edition=edition).aggregate(
        awaiting=Count("pk", filter=Q(status=PaperEntryStatus.AWAITING_SECOND)),
        mismatches=Count("pk", filter=Q(status=PaperEntryStatus.MISMATCH)),
    )
    return Overview(
        rows=rows,
        total=total,
        addresses_without_codes=Address.objects.filter(edition=edition, codes_issued=False).count(),
        awaiting_second=entries["awaiting"],
        mismatches=entries["mismatches"],
    )


def letter_batches(edition: Edition) -> QuerySet[LetterBatch]:
    return LetterBatch.objects.filter(edition=edition).select_related("created_by")


def paper_entries(edition: Edition, status: str) -> QuerySet[PaperEntry]:
    return (
        PaperEntry.objects.filter(edition=edition, status=status)
        .select_related("first_by", "second_by", "voter__neighbourhood")
        .order_by("first_at", "pk")
    )


@dataclass(frozen=True)
class VoteInView:
    edition: Edition
    phase: Phase  # the phase in which residents vote


def votes_open_and_coming(municipality_slug: str) -> tuple[list[VoteInView], list[VoteInView]]:
    """The municipality's published editions whose vote is open now, and those whose vote is still to come."""
    open_now: list[VoteInView] = []
    coming: list[VoteInView] = []
    editions = published_editions().filter(district__municipality__slug=municipality_slug)
    for edition in editions.order_by("district__name", "-year"):
        timeline = timeline_of(edition)
        entry = timeline.entry_opening(Action.VOTE)
        if entry is None or entry.state == "past":
            continue
        listed = open_now if entry.state == "current" else coming
        listed.append(VoteInView(edition=edition, phase=entry.phase))
    return open_now, coming
