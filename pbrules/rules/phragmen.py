"""Sequential Phragmén with costs, with pabutools' semantics and exact decisions.

Each round, every remaining project p would put its supporters at load
``(sum of their loads + cost(p)) / #supporters``; the project with the smallest such load wins
(ties by the tie-breaking priority) and its supporters' loads become that value. Like pabutools:
projects costing more than the budget are left out from the start, and the rule **stops** as soon
as one of the tied-best projects does not fit (no skipping). Unsupported projects have load
infinity: they are taken (by priority) only once nothing supported remains, while all of them fit.
On non-approval ballots a supporter is a voter giving the project a positive score.

Loads are exact Fractions; a float fast path ranks the projects each round and anything within a
relative 1e-9 of the best is re-evaluated exactly (the float sums have relative error below
``entries * 2**-53``, far below that margin for any realistic file; ``exact=True`` skips the fast path).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.instance import row_of_entry
from pbrules.model import Instance, Outcome, Rejection, Step
from pbrules.tiebreak import priority

NEAR_TIE = 1e-9


@dataclass(frozen=True, eq=False)
class _Supporters:
    """Who supports what: per project its supporters (voter groups), counted in floats and exactly."""

    instance: Instance
    proj: npt.NDArray[np.int64]  # the project of each positive ballot entry ...
    rows: npt.NDArray[np.int64]  # ... and its voter group
    of: list[npt.NDArray[np.int64]]  # per project: its supporters' voter groups
    approval: npt.NDArray[np.float64]  # per project: its supporters' weight
    approval_int: list[int]  # ... exactly
    costs: list[int]
    costs_f: npt.NDArray[np.float64]

    @classmethod
    def of_instance(cls, instance: Instance) -> _Supporters:
        m = instance.num_projects
        positive = instance.scores > 0
        rows = row_of_entry(instance)[positive]
        proj = instance.indices[positive]
        w = instance.weights.astype(np.float64)
        approval_int = [0] * m
        for p, r in zip(proj.tolist(), rows.tolist(), strict=True):
            approval_int[p] += int(instance.weights[r])
        by_project = np.argsort(proj, kind="stable")
        starts = np.searchsorted(proj[by_project], np.arange(m + 1))
        costs = [int(c) for c in instance.costs]
        return cls(
            instance=instance,
            proj=proj,
            rows=rows,
            of=[rows[by_project[starts[p] : starts[p + 1]]] for p in range(m)],
            approval=np.asarray(np.bincount(proj, weights=w[rows], minlength=m), dtype=np.float64),
            approval_int=approval_int,
            costs=costs,
            costs_f=np.array(costs, dtype=np.float64),
        )


@dataclass(eq=False)
class _Loads:
    """Every voter group's load: exact levels (one per round; each group points to its level) and floats."""

    levels: list[Fraction]
    level_of: npt.NDArray[np.int64]
    load_f: npt.NDArray[np.float64]

    def raise_to(self, supporters: npt.NDArray[np.int64], load: Fraction) -> None:
        self.levels.append(load)
        self.level_of[supporters] = len(self.levels) - 1
        self.load_f[supporters] = float(load)


def phragmen(
    instance: Instance,
    *,
    tie_breaking: Sequence[str] | None = None,
    max_winners: int | None = None,
    exact: bool = False,
    explain: bool = True,
) -> Outcome:
    """Sequential Phragmén (see module docstring); returns winners in selection order in the trace."""
    ranks = [int(r) for r in priority(instance.project_ids, tie_breaking)]
    S = _Supporters.of_instance(instance)
    costs = S.costs
    groups = len(instance.weights)
    loads = _Loads([Fraction(0)], np.zeros(groups, dtype=np.int64), np.zeros(groups, dtype=np.float64))
    remaining = [p for p in range(instance.num_projects) if costs[p] <= instance.budget]
    spent = 0
    steps: list[Step] = []
    stopped_by: list[int] = []
    while remaining:
        if max_winners is not None and len(steps) >= max_winners:
            break
        supported = [p for p in remaining if S.approval_int[p] > 0]
        tied, best = _best(supported, S, loads, exact) if supported else (list(remaining), None)
        if any(spent + costs[p] > instance.budget for p in tied):
            stopped_by = tied
            break
        chosen = min(tied, key=lambda p: ranks[p])
        remaining.remove(chosen)
        spent += costs[chosen]
        if best is not None:
            loads.raise_to(S.of[chosen], best)
        step_load = None if best is None else best / instance.scale
        steps.append(
            Step(
                len(steps) + 1,
                instance.project_ids[chosen],
                Fraction(costs[chosen], instance.scale),
                "main",
                step_load,
            )
        )
    full = max_winners is not None and len(steps) >= max_winners
    return Outcome(
        rule="phragmen",
        selected=tuple(s.project_id for s in steps),
        total_cost=Fraction(spent, instance.scale),
        budget=Fraction(instance.budget, instance.scale),
        trace=tuple(steps),
        rejections=_rejections(S, {s.project_id for s in steps}, stopped_by, full) if explain else (),
        params=(("max_winners", "" if max_winners is None else str(max_winners)),),
    )


def _rejections(S: _Supporters, chosen: set[str], stopped_by: list[int], full: bool) -> tuple[Rejection, ...]:
    """A reason for every project not chosen (``full``: the run stopped at ``max_winners``)."""
    instance = S.instance
    rejections: list[Rejection] = []
    for p in range(instance.num_projects):
        pid = instance.project_ids[p]
        if pid in chosen:
            continue
        if full and S.approval_int[p] > 0:
            reason = "constraint"
        elif S.approval_int[p] == 0:
            reason = "no-support"
        elif p in stopped_by or S.costs[p] > instance.budget:
            reason = "did-not-fit"
        else:
            reason = "not-enough-support"
        rejections.append(Rejection(pid, Fraction(S.costs[p], instance.scale), reason))
    return tuple(rejections)


def _exact_load(p: int, S: _Supporters, loads: _Loads) -> Fraction:
    rows = S.of[p]
    weights = S.instance.weights[rows].astype(np.float64)
    counts = np.bincount(loads.level_of[rows], weights=weights, minlength=len(loads.levels))
    total = sum((loads.levels[lv] * int(c) for lv, c in enumerate(counts.tolist()) if c), Fraction(0))
    return (total + S.costs[p]) / S.approval_int[p]


def _best(supported: list[int], S: _Supporters, loads: _Loads, exact: bool) -> tuple[list[int], Fraction]:
    """The tied-best projects (exactly) and their common new max load."""
    if exact or len(supported) == 1:
        candidates = supported
    else:
        wl = loads.load_f * S.instance.weights
        sums = np.bincount(S.proj, weights=wl[S.rows], minlength=len(S.costs_f))
        cand = np.array(supported)
        values = (sums[cand] + S.costs_f[cand]) / S.approval[cand]
        best_f = values.min()
        candidates = cand[values <= best_f * (1 + NEAR_TIE) + 1e-300].tolist()
    exact_values = {p: _exact_load(p, S, loads) for p in candidates}
    best = min(exact_values.values())
    return [p for p in candidates if exact_values[p] == best], best
