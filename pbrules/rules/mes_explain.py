"""Why Equal Shares rejected each project, and what it would have needed (cost, extra supporters).

Reasons: "no-support" (nobody gives it a positive score), "not-enough-support" (at the end of the
decisive MES run its supporters had less money left than its cost), "did-not-fit" (its cost exceeds
the budget, or its supporters could still pay but it did not fit: the next, larger budget funded it
and went over the budget, or the winner cap was reached).

With ``explain``, each rejected project also gets, by re-running the whole rule (same options):

* ``max_winning_cost``: the largest integer cost (instance units, reported in currency) below its cost
  at which it would have been selected, by bisection over [1, cost) — exact when selection is monotone
  in the project's own cost (it usually is; the answer is always a cost at which it did win); 0 if only
  a free project would be selected (under cost satisfaction MES ignores free projects: they give no
  satisfaction), None if not even that;
* ``extra_supporters_needed`` (approval and choose-1 ballots): the fewest extra ballots approving only
  this project that make it selected (doubling, then bisection; the extra ballots also raise the number
  of ballots and so lower everyone's share), None if 4x the number of ballots would not do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from pbrules.model import Instance, Rejection
from pbrules.rules.mes_engine import Prepared
from pbrules.rules.mes_replay import Replay

if TYPE_CHECKING:
    from pbrules.rules.mes import Solution


def with_cost(instance: Instance, p: int, cost: int) -> Instance:
    """The same election with project p costing ``cost`` (instance units)."""
    costs = instance.costs.copy()
    costs[p] = cost
    return replace(instance, costs=costs)


def with_extra_ballots(instance: Instance, p: int, count: int, score: int = 1) -> Instance:
    """The same election plus ``count`` identical ballots giving only project p the given score."""
    return replace(
        instance,
        indptr=np.append(instance.indptr, instance.indptr[-1] + 1),
        indices=np.append(instance.indices, p).astype(np.int64),
        scores=np.append(instance.scores, score).astype(np.int64),
        weights=np.append(instance.weights, count).astype(np.int64),
    )


def _wins(instance: Instance, project_id: str, options: dict[str, Any]) -> bool:
    from pbrules.rules.mes import equal_shares

    return project_id in equal_shares(instance, explain=False, **options).selected


def _largest_true(predicate: Callable[[int], bool], lo: int, hi: int) -> int:
    """Largest x in [lo, hi) with predicate(x), given predicate(lo) and not predicate(hi)."""
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if predicate(mid):
            lo = mid
        else:
            hi = mid
    return lo


def max_winning_cost(instance: Instance, p: int, options: dict[str, Any]) -> Fraction | None:
    """Largest cost below the project's own at which it is selected (see the module docstring)."""
    pid = instance.project_ids[p]
    cost = int(instance.costs[p])
    if cost <= 1 or not _wins(with_cost(instance, p, 1), pid, options):
        # under cost satisfaction a free project gives no satisfaction, so MES ignores it
        return Fraction(0) if cost > 0 and _wins(with_cost(instance, p, 0), pid, options) else None
    best = _largest_true(lambda c: _wins(with_cost(instance, p, c), pid, options), 1, cost)
    return Fraction(best, instance.scale)


def extra_supporters_needed(instance: Instance, p: int, options: dict[str, Any]) -> int | None:
    """Fewest extra approval ballots for p alone that get it selected (see the module docstring)."""
    if instance.vote_type not in ("approval", "choose-1"):
        return None
    pid = instance.project_ids[p]
    limit = 4 * max(instance.num_voters, 1)
    low, high = 0, 1
    while not _wins(with_extra_ballots(instance, p, high), pid, options):
        low = high
        high *= 2
        if high > limit:
            return None
    return _largest_true(lambda k: not _wins(with_extra_ballots(instance, p, k), pid, options), low, high) + 1


def rejections(
    instance: Instance,
    P: Prepared,
    sol: Solution,
    replay: Replay,
    chosen: Sequence[int],
    options: dict[str, Any],
    explain: bool,
) -> tuple[Rejection, ...]:
    """One Rejection per project not selected, in project order."""
    taken = set(chosen)
    overflow = set(sol.overflow.order) if sol.overflow is not None else set()
    capped = options["max_winners"] is not None and len(chosen) >= options["max_winners"]
    out: list[Rejection] = []
    for p in range(P.num_projects):
        if p in taken:
            continue
        cost = P.costs[p]
        if P.totals[p] == 0:
            reason = "no-support"
        elif cost > instance.budget or p in overflow or capped:
            reason = "did-not-fit"
        elif replay.short_of(P, p, cost):
            reason = "not-enough-support"
        else:
            reason = "did-not-fit"
        max_cost = max_winning_cost(instance, p, options) if explain else None
        extra = extra_supporters_needed(instance, p, options) if explain and reason != "did-not-fit" else None
        out.append(
            Rejection(instance.project_ids[p], Fraction(cost, instance.scale), reason, max_cost, extra)
        )
    return tuple(out)
