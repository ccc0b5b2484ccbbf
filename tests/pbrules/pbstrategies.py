"""Hypothesis strategies for small random elections, plus helpers to run pabutools on them."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from pbrules.model import Ballot, Election, Project
from pbrules.pabulib import election_to_text

IDS = ["1", "2", "3", "9", "10", "11", "20", "a", "b"]


@st.composite
def elections(
    draw: st.DrawFn,
    vote_type: str = "approval",
    max_projects: int = 7,
    max_voters: int = 12,
    max_cost: int = 20,
    zero_cost: bool = True,
) -> Election:
    """A small election; ids mix digits so that string order differs from numeric order."""
    m = draw(st.integers(1, max_projects))
    ids = draw(st.lists(st.sampled_from(IDS), min_size=m, max_size=m, unique=True))
    low = 0 if zero_cost else 1
    costs = draw(st.lists(st.integers(low, max_cost), min_size=m, max_size=m))
    budget = draw(st.integers(0, max(1, sum(costs))))
    n = draw(st.integers(0, max_voters))
    ballots = []
    for v in range(n):
        with_points = vote_type in ("cumulative", "scoring")  # pabutools cannot read empty point ballots
        chosen = draw(st.lists(st.sampled_from(ids), min_size=int(with_points), max_size=m, unique=True))
        points = None
        if vote_type in ("cumulative", "scoring"):
            points = tuple(Fraction(draw(st.integers(1, 4))) for _ in chosen)
        ballots.append(Ballot(str(v), tuple(chosen), points))
    projects = tuple(Project(pid, Fraction(c)) for pid, c in zip(ids, costs, strict=True))
    meta = (
        ("description", "random"),
        ("num_projects", str(m)),
        ("num_votes", str(n)),
        ("budget", str(budget)),
        ("vote_type", vote_type),
    )
    with_points = vote_type in ("cumulative", "scoring")
    vote_columns = ("voter_id", "vote", "points") if with_points else ("voter_id", "vote")
    return Election(
        meta,
        projects,
        tuple(ballots),
        vote_type,  # type: ignore[arg-type]
        Fraction(budget),
        ("project_id", "cost"),
        vote_columns,
    )


def pabutools_pair(election: Election) -> tuple[Any, Any]:
    """The same election as pabutools' (instance, profile), through our writer and its parser."""
    from pabutools.election.pabulib import parse_pabulib_from_string

    pair: tuple[Any, Any] = parse_pabulib_from_string(election_to_text(election))
    return pair
