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
from fractions import Fraction

import numpy as np

from pbrules.instance import row_of_entry
from pbrules.model import Instance, Outcome, Rejection, Step
from pbrules.tiebreak import priority

NEAR_TIE = 1e-9


def phragmen(
    instance: Instance,
    *,
    tie_breaking: Sequence[str] | None = None,
    max_winners: int | None = None,
    exact: bool = False,
    explain: bool = True,
) -> Outcome:
    """Sequential Phragmén (see module docstring); returns winners in selection order in the trace."""
    m = instance.num_projects
    ranks = [int(r) for r in priority(instance.project_ids, tie_breaking)]
    costs = [int(c) for c in instance.costs]
    positive = instance.scores > 0
    rows = row_of_entry(instance)[positive]
    proj = instance.indices[positive]
    w = instance.weights.astype(np.float64)
    approval = np.bincount(proj, weights=w[rows], minlength=m)
    approval_int = [0] * m
    for p, r in zip(proj.tolist(), rows.tolist(), strict=True):
        approval_int[p] += int(instance.weights[r])
    by_project = np.argsort(proj, kind="stable")
    starts = np.searchsorted(proj[by_project], np.arange(m + 1))
    supporters = [rows[by_project[starts[p] : starts[p + 1]]] for p in range(m)]

    levels: list[Fraction] = [Fraction(0)]
    level_of = np.zeros(len(instance.weights), dtype=np.int64)
    load_f = np.zeros(len(instance.weights), dtype=np.float64)
    remaining = [p for p in range(m) if costs[p] <= instance.budget]
    spent = 0
    steps: list[Step] = []
    stopped_by: list[int] = []
    costs_f = np.array(costs, dtype=np.float64)
    while remaining:
        if max_winners is not None and len(steps) >= max_winners:
            break
        supported = [p for p in remaining if approval_int[p] > 0]
        if supported:
            tied, best = _best(
                supported,
                supporters,
                level_of,
                levels,
                load_f,
                instance,
                approval,
                approval_int,
                costs,
                costs_f,
                proj,
                rows,
                exact,
            )
        else:
            tied, best = list(remaining), None
        if any(spent + costs[p] > instance.budget for p in tied):
            stopped_by = tied
            break
        chosen = min(tied, key=lambda p: ranks[p])
        remaining.remove(chosen)
        spent += costs[chosen]
        if best is not None:
            levels.append(best)
            level_of[supporters[chosen]] = len(levels) - 1
            load_f[supporters[chosen]] = float(best)
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
    chosen_set = {s.project_id for s in steps}
    rejections: list[Rejection] = []
    if explain:
        for p in range(m):
            pid = instance.project_ids[p]
            if pid in chosen_set:
                continue
            if max_winners is not None and len(steps) >= max_winners and approval_int[p] > 0:
                reason = "constraint"
            elif approval_int[p] == 0:
                reason = "no-support"
            elif p in stopped_by or costs[p] > instance.budget:
                reason = "did-not-fit"
            else:
                reason = "not-enough-support"
            rejections.append(Rejection(pid, Fraction(costs[p], instance.scale), reason))
    return Outcome(
        rule="phragmen",
        selected=tuple(s.project_id for s in steps),
        total_cost=Fraction(spent, instance.scale),
        budget=Fraction(instance.budget, instance.scale),
        trace=tuple(steps),
        rejections=tuple(rejections),
        params=(("max_winners", "" if max_winners is None else str(max_winners)),),
    )


def _exact_load(
    p: int,
    supporters: list[np.ndarray],
    level_of: np.ndarray,
    levels: list[Fraction],
    instance: Instance,
    approval_int: list[int],
    costs: list[int],
) -> Fraction:
    rows = supporters[p]
    counts = np.bincount(
        level_of[rows], weights=instance.weights[rows].astype(np.float64), minlength=len(levels)
    )
    total = sum((levels[lv] * int(c) for lv, c in enumerate(counts.tolist()) if c), Fraction(0))
    return (total + costs[p]) / approval_int[p]


def _best(
    supported: list[int],
    supporters: list[np.ndarray],
    level_of: np.ndarray,
    levels: list[Fraction],
    load_f: np.ndarray,
    instance: Instance,
    approval: np.ndarray,
    approval_int: list[int],
    costs: list[int],
    costs_f: np.ndarray,
    proj: np.ndarray,
    rows: np.ndarray,
    exact: bool,
) -> tuple[list[int], Fraction]:
    """The tied-best projects (exactly) and their common new max load."""
    if exact or len(supported) == 1:
        candidates = supported
    else:
        wl = load_f * instance.weights
        sums = np.bincount(proj, weights=wl[rows], minlength=len(costs_f))
        cand = np.array(supported)
        values = (sums[cand] + costs_f[cand]) / approval[cand]
        best_f = values.min()
        candidates = cand[values <= best_f * (1 + NEAR_TIE) + 1e-300].tolist()
    exact_values = {
        p: _exact_load(p, supporters, level_of, levels, instance, approval_int, costs) for p in candidates
    }
    best = min(exact_values.values())
    return [p for p in candidates if exact_values[p] == best], best
