"""The ballot format and counting rule are fixed before the vote and locked once a ballot exists."""

from __future__ import annotations

from editions.models import Edition

from ..errors import VoteStateError
from ..models import Ballot, PaperEntry


def ballot_rules_locked(edition: Edition) -> bool:
    return (
        Ballot.objects.filter(edition=edition).exists() or PaperEntry.objects.filter(edition=edition).exists()
    )


def refuse_if_rules_locked(edition: Edition) -> None:
    """VoteStateError("rules_locked") once the edition has a ballot (the database refuses too)."""
    if ballot_rules_locked(edition):
        raise VoteStateError("rules_locked")
