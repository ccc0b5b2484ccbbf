"""The engine's data types: a parsed election, its numeric instance, and a rule's outcome.

This file is the contract between pbrules' parts (I/O, rules, explanations, metrics, CLI).
Everything here is a frozen dataclass or a read-only numpy array; nothing imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

import numpy as np
import numpy.typing as npt

VoteType = Literal["approval", "choose-1", "cumulative", "scoring", "ordinal"]
Satisfaction = Literal["cost", "cardinality"]


@dataclass(frozen=True)
class Project:
    """One row of a pabulib PROJECTS section; ``extra`` keeps every other column verbatim."""

    project_id: str
    cost: Fraction
    name: str = ""
    categories: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Ballot:
    """One row of a pabulib VOTES section, in the order the file gives the projects.

    ``points`` is set for cumulative and scoring ballots (aligned with ``project_ids``);
    for ordinal ballots ``project_ids`` is the ranking, best first.
    """

    voter_id: str
    project_ids: tuple[str, ...]
    points: tuple[Fraction, ...] | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Election:
    """A whole pabulib file: META (ordered, verbatim), projects and ballots."""

    meta: tuple[tuple[str, str], ...]
    projects: tuple[Project, ...]
    ballots: tuple[Ballot, ...]
    vote_type: VoteType
    budget: Fraction
    project_columns: tuple[str, ...] = ()
    vote_columns: tuple[str, ...] = ()

    def meta_value(self, key: str, default: str = "") -> str:
        for k, v in self.meta:
            if k == key:
                return v
        return default


@dataclass(frozen=True, eq=False)
class Instance:
    """The numeric form every rule works on.

    Projects are indexed 0..m-1 in ``project_ids`` order. Costs and budget are integers:
    the parser multiplies every amount by ``scale`` so that all of them are whole numbers
    (``scale`` is 1 for every file seen so far). Voters are grouped: identical ballots form
    one row with a ``weights`` multiplicity, so ``int(weights.sum())`` is the number of ballots,
    empty ballots included. Row r's projects are ``indices[indptr[r]:indptr[r+1]]`` with
    integer ``scores`` (1 for approval and choose-1, points for cumulative and scoring,
    the Borda score len-position-1 for ordinal).
    Under ``cost`` satisfaction a voter's utility for project p is ``score * cost[p]``; under
    ``cardinality`` it is ``score``.
    """

    project_ids: tuple[str, ...]
    costs: npt.NDArray[np.int64]
    budget: int
    scale: int
    indptr: npt.NDArray[np.int64]
    indices: npt.NDArray[np.int64]
    scores: npt.NDArray[np.int64]
    weights: npt.NDArray[np.int64]
    vote_type: VoteType = "approval"

    @property
    def num_projects(self) -> int:
        return len(self.project_ids)

    @property
    def num_voters(self) -> int:
        return int(self.weights.sum())


@dataclass(frozen=True)
class Step:
    """One round of a rule: which project was chosen, and why.

    ``supporters`` and ``price_per_supporter`` are filled in by Equal Shares (the price is
    what each paying supporter paid; supporters who paid less paid everything they had left).
    ``phase`` names the stage that chose it: "main", "exhaustion", "greedy-completion", …
    """

    round: int
    project_id: str
    cost: Fraction
    phase: str = "main"
    score: Fraction | None = None
    supporters: int | None = None
    price_per_supporter: Fraction | None = None


@dataclass(frozen=True)
class Rejection:
    """Why a project was not chosen, and what it would have needed to be chosen.

    ``max_winning_cost`` is the highest cost at which it would have been chosen with the
    same ballots (None if no cost would do); ``extra_supporters_needed`` is how many more
    ballots approving it would have made it win at its own cost (None if not computed).
    ``reason`` is a code: "not-enough-support", "did-not-fit", "no-support", "constraint".
    """

    project_id: str
    cost: Fraction
    reason: str
    max_winning_cost: Fraction | None = None
    extra_supporters_needed: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What every rule returns: one type, whatever the options."""

    rule: str
    selected: tuple[str, ...]
    total_cost: Fraction
    budget: Fraction
    trace: tuple[Step, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    params: tuple[tuple[str, str], ...] = field(default_factory=tuple)
