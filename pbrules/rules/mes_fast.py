"""Equal Shares, float64 fast path: many MES runs (one per budget) advanced in lockstep with numpy.

This module drives the runs round by round; ``mes_rho`` computes the affordability of the (run,
project) pairs each round looks at.

Every winner-deciding comparison that falls within a relative tolerance ``TOL`` of a tie makes the run
return None (the caller then uses the exact path), except ties between projects whose rho is provably
``cost / (U - Z)`` (every supporter short of the equal share has exactly nothing left): those are
settled exactly with Fractions on the spot.

Budgets are never rounded: a leftover is kept as computed (a negative one is a voter who paid all they
had, so 0). Comparisons of money against a cost allow, besides the relative ``TOL``, an absolute
``ROUND`` times the money the supporters started with: the rounding error a budget can have picked up
(see docs/mes.md, "Exactness"), which a cheap project can be far below.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.rules.mes_engine import TOL, Prepared, Run, candidates, free_projects
from pbrules.rules.mes_rho import ROUND, evaluate

# Many runs (one per budget) advance in lockstep, round by round, so that each numpy call works on the
# supporters of several (run, project) pairs at once; per run the usual lazy scheme applies: a project's
# last rho is a lower bound (budgets only shrink), and only projects whose bound could beat the best so
# far are re-evaluated.

# heap entries taken per run and sub-round: fewer sub-rounds (numpy calls) against a few extra
# evaluations; these pay off where supporter lists are short (per-call overhead dominates)
_POP = 1
_POP_SMALL = 2
_SMALL = 20_000  # supporter entries
# ... and within a round, each sub-round takes this many times more: rounds where many projects must
# be looked at (the last one of a run: every project left is found unaffordable) need fewer sub-rounds
_POP_GROWTH = 2


def _zero_util(
    P: Prepared, b: npt.NDArray[np.float64], fuzzy: npt.NDArray[np.bool_], j: int, p: int, unit: float
) -> int:
    """If p's rho is provably cost / (U - Z) — every supporter with money left clearly affords the full
    share even after the error bound (``unit`` = ``ROUND`` times one voter's starting budget), every
    other one has exactly 0 — return Z; otherwise -1. (``b``: weight * budget.)

    A budget of exactly 0 that is not ``fuzzy`` is a voter who clearly could not pay a full share
    (``_charge``), so 0 in exact arithmetic too."""
    sup = P.sup_of[p]
    pos = sup + j * P.num_groups
    bb = b[pos]
    if fuzzy[pos].any():
        return -1
    zero = bb == 0.0
    s = P.entries(p)
    z = int(P.wutil[s][zero].sum())
    if P.totals[p] - z <= 0:
        return -1
    price = P.costs[p] / (P.totals[p] - z)
    rich = ~zero
    worst = (bb[rich] - unit * P.group_weight_f[sup[rich]]) / P.wutil_of[p][rich]
    if worst.size and float(worst.min()) < price * (1.0 + TOL):
        return -1
    return z


def _charge(
    P: Prepared,
    b: npt.NDArray[np.float64],
    fuzzy: npt.NDArray[np.bool_],
    runs: Sequence[int],
    projs: Sequence[int],
    rhos: Sequence[float],
    units: npt.NDArray[np.float64],
    cap: float,
) -> None:
    """Each run pays for its winner: supporter i pays min(budget, rho * u_i) (``b``: weight * budget).

    A leftover is never rounded (rounding one of up to pay * TOL down to 0 lost money a cheap project's
    supporters may need); a negative one becomes 0. Leftovers within the error bounds of 0 (relative
    ``TOL`` of the payment, absolute ``units[run]`` times the group's weight, at most ``cap``) mark the
    budget ``fuzzy``: whether it is exactly 0 is not known. A budget already exactly 0 stays exactly 0.
    """
    sup = np.concatenate([P.sup_of[p] for p in projs])
    lengths = P.lengths[np.asarray(projs, dtype=np.int64)]
    pos = sup + np.repeat(np.asarray(runs, dtype=np.int64) * P.num_groups, lengths)
    pay = np.repeat(np.asarray(rhos, dtype=np.float64), lengths) * np.concatenate(
        [P.wutil_of[p] for p in projs]
    )
    before = b[pos]
    left = before - pay
    # within the largest bound first (one pass over the supporters), then each one's own bound
    near = np.flatnonzero(np.abs(left) <= pay * TOL + cap)
    if len(near):
        own = units[pos[near] // P.num_groups] * P.group_weight_f[sup[near]]
        near = near[(np.abs(left[near]) <= pay[near] * TOL + own) & (before[near] > 0.0)]
        fuzzy[pos[near]] = True
    np.maximum(left, 0.0, out=left)
    b[pos] = left


# A run's heap entry: (lower bound on the project's rho, its tie rank, the project).
Entry = tuple[float, int, int]


@dataclass(eq=False)
class _Lockstep:
    """k MES runs advancing in lockstep; run j has the per-voter budget ``betas[j]``."""

    P: Prepared
    b: npt.NDArray[np.float64]  # each run's voter groups' money (weight * budget), run after run
    fuzzy: npt.NDArray[np.bool_]  # budgets within the error bound of 0: whether exactly 0 is unknown
    units: npt.NDArray[np.float64]  # per run: the error bound of one voter's budget
    cap: float  # ... and of any group's
    weights: npt.NDArray[np.float64]  # per project: the weight of its supporters
    free: list[int]
    heaps: list[list[Entry]]
    orders: list[list[int]]
    dropped: list[dict[int, int]]
    rho_f: list[list[float]]
    second: list[list[float]]
    spent: list[int]

    @classmethod
    def start(cls, P: Prepared, betas: Sequence[Fraction], max_winners: int | None) -> _Lockstep:
        k = len(betas)
        beta_f = np.array([float(x) for x in betas], dtype=np.float64)
        units = ROUND * beta_f
        free = free_projects(P)
        if max_winners is not None:
            free = free[:max_winners]
        template = [(P.costs[p] / P.totals[p], P.ranks[p], p) for p in candidates(P, frozenset(free))]
        heapq.heapify(template)
        # per project the weight of its supporters, so ``units[run] * weights[p]`` bounds their money's error
        weights = np.bincount(
            np.repeat(np.arange(P.num_projects), P.lengths), weights=P.weight_f, minlength=P.num_projects
        )
        return cls(
            P=P,
            b=np.outer(beta_f, P.group_weight_f).ravel(),  # the evaluations read it without multiplying
            fuzzy=np.zeros(k * P.num_groups, dtype=np.bool_),
            units=units,
            cap=float(units.max() * P.group_weight_f.max()) if k and P.num_groups else 0.0,
            weights=weights.astype(np.float64),
            free=free,
            heaps=[list(template) for _ in range(k)],
            orders=[list(free) for _ in range(k)],
            dropped=[{} for _ in range(k)],
            rho_f=[[] for _ in range(k)],
            second=[[] for _ in range(k)],
            spent=[sum(P.costs[p] for p in free)] * k,
        )

    def goes_on(self, j: int, max_winners: int | None) -> bool:
        """Whether run j has projects left and is below ``max_winners``."""
        return bool(self.heaps[j]) and (max_winners is None or len(self.orders[j]) < max_winners)

    def take(self, j: int, rho: float, p: int) -> None:
        """Run j funds project p at ``rho`` (its supporters pay in ``_charge``)."""
        self.orders[j].append(p)
        self.rho_f[j].append(rho)
        self.second[j].append(self.heaps[j][0][0] if self.heaps[j] else float("inf"))
        self.spent[j] += self.P.costs[p]

    def run(self, j: int) -> Run:
        return Run(
            order=tuple(self.orders[j]),
            free=len(self.free),
            dropped=self.dropped[j],
            exact=False,
            rhos=None,
            rho_f=tuple(self.rho_f[j]),
            second=tuple(self.second[j]),
        )


def _evaluate_round(
    S: _Lockstep, active: list[int], pop: int
) -> tuple[dict[int, float], dict[int, list[tuple[float, int]]], set[int]]:
    """One round of every active run: (best rho, the affordable projects evaluated as (rho, project),
    the runs with a decision too close to call).

    Each sub-round takes from every run's heap the entries whose lower bound could still beat the
    run's best so far (``pop`` per run, growing each sub-round) and evaluates them all in one call.
    """
    P = S.P
    best = dict.fromkeys(active, float("inf"))
    evaluated: dict[int, list[tuple[float, int]]] = {j: [] for j in active}
    failed: set[int] = set()
    limit = pop
    while True:
        runs: list[int] = []
        projs: list[int] = []
        cutoffs: list[float] = []
        lows: list[float] = []
        for j in active:
            if j in failed:
                continue
            heap = S.heaps[j]
            bound = best[j] * (1.0 + TOL)
            taken = 0
            while heap and heap[0][0] <= bound and taken < limit:
                key, _, p = heapq.heappop(heap)
                runs.append(j)
                projs.append(p)
                cutoffs.append(bound)
                lows.append(key)
                taken += 1
        if not runs:
            return best, evaluated, failed
        limit *= _POP_GROWTH
        status, rho = evaluate(P, S.b, runs, projs, np.array(cutoffs), np.array(lows), S.units, S.weights)
        for j, p, st, r in zip(runs, projs, status.tolist(), rho.tolist(), strict=True):
            if st == 2:
                failed.add(j)
            elif st == 1:
                S.dropped[j][p] = len(S.orders[j])
            elif st == 3:
                heapq.heappush(S.heaps[j], (r, P.ranks[p], p))  # a better lower bound, above the best
            else:
                evaluated[j].append((r, p))
                if r < best[j]:
                    best[j] = r


def _winner(
    S: _Lockstep, j: int, evaluated: list[tuple[float, int]], best: float
) -> tuple[float, int] | None:
    """Run j's winner this round as (rho, project), the other evaluated projects back on its heap;
    None if projects within ``TOL`` of the best cannot be told apart exactly (too close to call)."""
    P = S.P
    bound = best * (1.0 + TOL)
    close = [e for e in evaluated if e[0] <= bound]
    if len(close) > 1:
        zeros = [_zero_util(P, S.b, S.fuzzy, j, e[1], float(S.units[j])) for e in close]
        if any(z < 0 for z in zeros):
            return None
        keyed = [
            (Fraction(P.costs[e[1]], P.totals[e[1]] - z), P.ranks[e[1]], e)
            for e, z in zip(close, zeros, strict=True)
        ]
        exact, _, tied = min(keyed, key=lambda t: (t[0], t[1]))
        win = (float(exact), tied[1])  # charged at the exact price's rounding
        tied_entry = tied
    else:
        win = tied_entry = close[0]
    for e in evaluated:
        if e is not tied_entry:
            heapq.heappush(S.heaps[j], (e[0], P.ranks[e[1]], e[1]))
    return win


def run_fast_many(
    P: Prepared, betas: Sequence[Fraction], max_winners: int | None = None, budget: int | None = None
) -> list[Run | None]:
    """MES runs for several per-voter budgets at once; None for a run with a decision too close to call.

    With ``budget`` (``betas`` increasing; the budget-increase search passes its real budget), once a
    run's funded projects cost more than ``budget`` every later run is abandoned (None): the search
    stops at or before that run (one that fails later is re-run exactly, with the same prefix, so over
    budget too).

    Each round: evaluate every active run's candidates (``_evaluate_round``), pick each run's winner
    (``_winner``), and let all winners' supporters pay in one call (``_charge``).
    """
    pop = _POP_SMALL if len(P.sup) < _SMALL else _POP
    k = len(betas)
    S = _Lockstep.start(P, betas, max_winners)
    results: list[Run | None] = [None] * k
    cut = k  # runs from this index on are abandoned
    active = [j for j in range(k) if S.goes_on(j, max_winners)]
    for j in range(k):
        if j not in active:
            results[j] = S.run(j)
    while active:
        best, evaluated, failed = _evaluate_round(S, active, pop)
        winners: list[tuple[int, int, float]] = []  # (run, project, rho)
        still: list[int] = []
        for j in active:
            if j in failed:
                continue
            if not evaluated[j]:
                results[j] = S.run(j)
                continue
            win = _winner(S, j, evaluated[j], best[j])
            if win is None:
                continue  # too close to call: the run stays None
            S.take(j, *win)
            winners.append((j, win[1], win[0]))
            if budget is not None and S.spent[j] > budget and j + 1 < cut:
                cut = j + 1
            if S.goes_on(j, max_winners):
                still.append(j)
            else:
                results[j] = S.run(j)
        paying = [w for w in winners if w[0] < cut]
        if paying:
            runs, projs, rhos = zip(*paying, strict=True)
            _charge(P, S.b, S.fuzzy, runs, projs, rhos, S.units, S.cap)
        active = [j for j in still if j < cut]
        for j in range(cut, k):
            results[j] = None
    return results


def run_fast(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run | None:
    """One MES run in float64; None if some decision is too close to call (use ``run_exact``)."""
    return run_fast_many(P, [beta], max_winners)[0]
