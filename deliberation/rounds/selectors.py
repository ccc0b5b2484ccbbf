"""Reads for the ballot-round pages: the open round, how many cards are used, who has not voted yet."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from editions.models import Edition

from ..models import BallotCard, PanelVote


@dataclass(frozen=True)
class RoundProgress:
    cards: int
    used: int

    @property
    def waiting(self) -> int:
        return self.cards - self.used


def open_round_of(edition: Edition) -> PanelVote | None:
    return (
        PanelVote.objects.select_related("edition", "session")
        .filter(edition=edition, closed_at__isnull=True)
        .first()
    )


def past_rounds(edition: Edition) -> list[PanelVote]:
    """Closed rounds, newest first, with their number of cards and ballots."""
    return list(
        PanelVote.objects.filter(edition=edition, closed_at__isnull=False)
        .select_related("session")
        .annotate(card_count=Count("cards", distinct=True), ballot_count=Count("ballots", distinct=True))
    )


def round_progress(vote: PanelVote) -> RoundProgress:
    counts = BallotCard.objects.filter(vote=vote).aggregate(
        cards=Count("pk"), used=Count("pk", filter=Q(used_at__isnull=False))
    )
    return RoundProgress(cards=counts["cards"], used=counts["used"])


def cards_of(vote: PanelVote) -> list[BallotCard]:
    """Every card of the round, by pool id (the facilitator's list: used or not, never a code)."""
    return list(BallotCard.objects.filter(vote=vote).select_related("member").order_by("member__pool_id"))


def waiting_cards(vote: PanelVote) -> list[BallotCard]:
    """The cards not used yet: the members who have not voted (the shared tablet's buttons)."""
    return [card for card in cards_of(vote) if card.used_at is None]
