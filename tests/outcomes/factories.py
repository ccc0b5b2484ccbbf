"""Factories for counts: a closed vote with ballots inserted directly, and a finished count of it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from accounts.models import Role, User
from editions.models import Edition
from outcomes.models import Count
from outcomes.services import compute_outcome, start_count
from proposals.models import Plan
from tests.factories import make_staff, make_vote
from voting.models import Ballot

_slots = itertools.count(1)


def add_ballots(*, edition: Edition, contents: Sequence[dict[str, Any]]) -> list[Ballot]:
    """Counted ballots with the given canonical contents (as ``voting.ballots`` stores them)."""
    return Ballot.objects.bulk_create(
        Ballot(edition=edition, slot=f"slot-{next(_slots)}", content=content, receipt="R")
        for content in contents
    )


def make_closed_vote(
    *,
    plan_costs: Sequence[int] = (4_000_000, 3_000_000, 2_000_000, 1_000_000),
    total_budget_cents: int = 6_000_000,
    choices: Sequence[Sequence[int]] = (),
    **fields: Any,
) -> tuple[Edition, list[Plan]]:
    """An edition in its result phase whose "main" section got one ballot per entry of ``choices``.

    Each entry lists plan positions (0 = the first plan); for cumulative editions pass
    ``points`` per entry via ``cumulative`` instead.
    """
    cumulative: Sequence[Sequence[tuple[int, int]]] = fields.pop("cumulative", ())
    edition, plans = make_vote(
        plan_costs=plan_costs, total_budget_cents=total_budget_cents, phase="result", **fields
    )
    contents: list[dict[str, Any]] = []
    for chosen in choices:
        ids = [plans[i].pk for i in chosen]
        contents.append({"main": ids if edition.ballot_format == "ranking" else sorted(ids)})
    for given in cumulative:
        contents.append({"main": sorted([plans[i].pk, points] for i, points in given)})
    add_ballots(edition=edition, contents=contents)
    return edition, plans


def make_official(edition: Edition) -> User:
    return make_staff(role=Role.OFFICIAL, district=edition.district)


def make_count(*, edition: Edition, by: User | None = None) -> Count:
    """A count of the edition, run to the end in this process."""
    return compute_outcome(
        count=start_count(edition=edition, by=by or make_official(edition), background=False)
    )
