"""Factories for counts: a closed vote with ballots inserted directly, and a finished count of it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import Role, User
from deliberation.models import (
    BallotCard,
    Draw,
    DrawStatus,
    PanelBallot,
    PanelMember,
    PanelVote,
    WorkSession,
)
from editions.models import Edition
from outcomes.models import Count
from outcomes.services import compute_outcome, start_count
from proposals.models import Plan
from tests.factories import ballot_box_shares, make_staff, make_vote
from voting.models import Ballot
from voting.services.ballot_box import public_key_for, seal_ballot

_slots = itertools.count(1)


def add_ballots(*, edition: Edition, contents: Sequence[dict[str, Any]]) -> list[Ballot]:
    """Counted ballots with the given canonical contents, sealed to the edition's key as casting does."""
    key = public_key_for(edition)
    return Ballot.objects.bulk_create(
        Ballot(
            edition=edition,
            slot=f"slot-{next(_slots)}",
            sealed=seal_ballot(edition, content, public_key=key),
            receipt="R",
        )
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
        count=start_count(
            edition=edition,
            by=by or make_official(edition),
            shares=ballot_box_shares(edition)[:2],
            background=False,
        )
    )


# --- The citizens' panel's decision ----------------------------------------------------------------


def make_panel_edition(
    *,
    phase: str = "decision",
    plan_costs: Sequence[int] = (4_000_000, 3_000_000, 2_000_000, 1_000_000),
    total_budget_cents: int = 6_000_000,
    **fields: Any,
) -> tuple[Edition, list[Plan]]:
    """An edition whose citizens' panel decides (no public vote), now in ``phase``, with feasible plans."""
    fields.setdefault("decision_model", "panel")
    return make_vote(plan_costs=plan_costs, total_budget_cents=total_budget_cents, phase=phase, **fields)


def make_facilitator(edition: Edition) -> User:
    return make_staff(role=Role.FACILITATOR, district=edition.district)


def make_panel(edition: Edition, *, size: int, by: User) -> list[PanelMember]:
    """A drawn (current, published) panel of ``size`` active members."""
    draw = Draw.objects.create(
        edition=edition,
        status=DrawStatus.DONE,
        seed=1,
        algorithm="maximin",
        panel_size=size,
        library_version="test",
        drawn_by=by,
        is_current=True,
        published_at=timezone.now(),
    )
    return PanelMember.objects.bulk_create(PanelMember(draw=draw, pool_id=f"P{i:04d}") for i in range(size))


def add_panel_round(
    *,
    edition: Edition,
    by: User,
    contents: Sequence[dict[str, Any]],
    members: Sequence[PanelMember] = (),
    session: WorkSession | None = None,
    closed: bool = True,
) -> PanelVote:
    """A ballot round (closed unless told) with a card per member and one panel ballot per content."""
    vote = PanelVote.objects.create(
        edition=edition,
        session=session,
        opened_by=by,
        closed_by=by if closed else None,
        closed_at=timezone.now() if closed else None,
    )
    BallotCard.objects.bulk_create(
        BallotCard(vote=vote, member=member, code_hash=f"hash-{vote.pk}-{member.pk}") for member in members
    )
    PanelBallot.objects.bulk_create(PanelBallot(vote=vote, content=content) for content in contents)
    return vote


def make_session(edition: Edition, *, by: User, number: int = 3, title: str = "Besluit") -> WorkSession:
    start = timezone.now()
    return WorkSession.objects.create(
        edition=edition,
        number=number,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place="Buurthuis",
        agenda="Stemmen",
        created_by=by,
    )
