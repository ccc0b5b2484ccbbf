"""Voters in bulk for the participation tests: who voted how, per neighbourhood (no ballots needed)."""

from __future__ import annotations

import itertools

from editions.models import Edition
from places.models import Neighbourhood
from voting.models import Voter, VoterKind

_numbers = itertools.count(1)


def add_voters(
    edition: Edition,
    neighbourhood: Neighbourhood | None,
    *,
    online: int = 0,
    paper: int = 0,
    not_yet: int = 0,
) -> None:
    """``online`` and ``paper`` voters who cast, and ``not_yet`` who have not, in ``neighbourhood``."""
    channels = ["online"] * online + ["paper"] * paper + [""] * not_yet
    Voter.objects.bulk_create(
        Voter(
            edition=edition,
            kind=VoterKind.CODE,
            neighbourhood=neighbourhood,
            credential_hash=f"test-{next(_numbers)}",
            channel=channel,
            ballots_cast=1 if channel else 0,
        )
        for channel in channels
    )
