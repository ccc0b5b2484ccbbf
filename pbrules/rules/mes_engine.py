"""Equal Shares engine: per-project supporter lists, one MES run at a given per-voter budget.

A run gives every voter the same budget ``beta`` and repeatedly funds the project with the smallest
affordability rho (each supporter i pays ``min(budget_i, rho * u_i)``, the payments add up to the cost),
ties broken by the tie order, until no remaining project can be paid for by its supporters.

Two implementations: ``mes_fast`` (float64, many budgets in lockstep, refuses to decide near-ties) and
``mes_exact`` (Fraction budgets); ``mes.run_mes`` uses the first and falls back to the second. This
module holds only what both share: the supporter lists (``prepare``) and a run's result (``Run``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.model import Instance, Satisfaction
from pbrules.tiebreak import priority

TOL = 1e-9  # relative gap below which two float64 quantities count as a (possible) tie


@dataclass(frozen=True, eq=False)
class Prepared:
    """Per-project supporter lists (voter groups, utilities, weights) in one CSC layout, and totals."""

    costs: tuple[int, ...]
    ranks: tuple[int, ...]
    totals: tuple[int, ...]  # total utility U_p = sum over supporters of weight * utility (exact)
    ptr: npt.NDArray[np.int64]  # project p's supporters are entries ptr[p] .. ptr[p+1]-1
    sup: npt.NDArray[np.int64]  # voter-group index of each entry
    util: npt.NDArray[np.int64]  # utility of one voter of the group for the project
    weight: npt.NDArray[np.int64]  # group multiplicity
    wutil: npt.NDArray[np.int64]  # weight * utility
    num_groups: int
    num_voters: int
    group_weight: npt.NDArray[np.int64]  # multiplicity of each voter group
    group_weight_f: npt.NDArray[np.float64]
    util_f: npt.NDArray[np.float64]
    weight_f: npt.NDArray[np.float64]
    wutil_f: npt.NDArray[np.float64]
    cost_f: npt.NDArray[np.float64]
    total_f: npt.NDArray[np.float64]
    lengths: npt.NDArray[np.int64]  # number of supporter entries per project
    sup_of: tuple[npt.NDArray[np.int64], ...]  # per-project views of sup / wutil_f
    wutil_of: tuple[npt.NDArray[np.float64], ...]

    @property
    def num_projects(self) -> int:
        return len(self.costs)

    def entries(self, p: int) -> slice:
        return slice(int(self.ptr[p]), int(self.ptr[p + 1]))


def prepare(instance: Instance, satisfaction: Satisfaction, tie_breaking: Sequence[str] | None) -> Prepared:
    """Transpose the grouped ballots to per-project supporter lists with exact integer utilities."""
    m = instance.num_projects
    rows = np.repeat(np.arange(len(instance.weights), dtype=np.int64), np.diff(instance.indptr))
    keep = instance.scores > 0
    proj = instance.indices[keep].astype(np.int64)
    grp = rows[keep]
    score = instance.scores[keep].astype(np.int64)
    # stable order by project; small integers sort by radix (ten times faster than int64's merge sort)
    order = np.argsort(proj.astype(np.int16) if m < 2**15 else proj, kind="stable")
    proj, grp, score = proj[order], grp[order], score[order]
    ptr = np.searchsorted(proj, np.arange(m + 1)).astype(np.int64)
    costs = tuple(int(c) for c in instance.costs)
    cost_arr = np.asarray(costs, dtype=np.int64)
    weight = instance.weights[grp].astype(np.int64)
    util = score * cost_arr[proj] if satisfaction == "cost" else score
    wutil = util * weight
    scored = [int(x) for x in np.add.reduceat(np.append(score * weight, 0), ptr[:-1])] if m else []
    totals = tuple(
        (scored[p] if ptr[p + 1] > ptr[p] else 0) * (costs[p] if satisfaction == "cost" else 1)
        for p in range(m)
    )
    util_f = util.astype(np.float64)
    weight_f = weight.astype(np.float64)
    wutil_f = wutil.astype(np.float64)
    cuts = [slice(int(ptr[p]), int(ptr[p + 1])) for p in range(m)]
    return Prepared(
        costs=costs,
        ranks=tuple(int(r) for r in priority(instance.project_ids, tie_breaking)),
        totals=totals,
        ptr=ptr,
        sup=grp,
        util=util,
        weight=weight,
        wutil=wutil,
        num_groups=len(instance.weights),
        num_voters=instance.num_voters,
        group_weight=instance.weights.astype(np.int64),
        group_weight_f=instance.weights.astype(np.float64),
        util_f=util_f,
        weight_f=weight_f,
        wutil_f=wutil_f,
        cost_f=cost_arr.astype(np.float64),
        total_f=np.array([float(t) for t in totals], dtype=np.float64),
        lengths=np.diff(ptr),
        sup_of=tuple(grp[s] for s in cuts),
        wutil_of=tuple(wutil_f[s] for s in cuts),
    )


@dataclass(frozen=True, kw_only=True)
class Run:
    """One MES run: funded projects in order, and for each project the round it left the race.

    Built by keyword (``Run(order=..., free=..., dropped=..., exact=...)``). ``dropped[p]`` is the
    round (0-based count of winners so far) at which project p was found unaffordable, for projects
    that were; ``free`` counts the leading zero-cost winners.
    """

    order: tuple[int, ...]
    free: int
    dropped: dict[int, int]
    exact: bool
    rhos: tuple[Fraction, ...] | None = None  # exact rho per winner (exact runs only; 0 for free ones)
    rho_f: tuple[float, ...] = ()  # fast runs: float rho per (paid) winner
    second: tuple[float, ...] = ()  # fast runs: a lower bound on every other project's rho that round


def free_projects(P: Prepared) -> list[int]:
    """Supported projects of cost 0, funded before anything else (in tie order)."""
    return sorted(
        (p for p in range(P.num_projects) if P.costs[p] == 0 and P.totals[p] > 0), key=lambda p: P.ranks[p]
    )


def candidates(P: Prepared, exclude: frozenset[int]) -> list[int]:
    return [p for p in range(P.num_projects) if P.costs[p] > 0 and P.totals[p] > 0 and p not in exclude]
