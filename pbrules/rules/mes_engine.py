"""Equal Shares engine: one MES run at a given per-voter budget, a float64 fast path and an exact path.

A run gives every voter the same budget ``beta`` and repeatedly funds the project with the smallest
affordability rho (each supporter i pays ``min(budget_i, rho * u_i)``, the payments add up to the cost),
ties broken by the tie order, until no remaining project can be paid for by its supporters.

The fast path does all of this in float64 and returns ``None`` whenever a winner-deciding comparison is
within a relative tolerance of a tie (affordability against cost, best against second-best rho); the
caller then runs the exact path (``Fraction`` budgets, exact comparisons) for that budget. Ties between
projects whose rho is unconstrained (nobody paid less than their share) are settled exactly on the spot:
rho is then exactly ``cost / total utility``.
"""

from __future__ import annotations

import heapq
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
    util_f: npt.NDArray[np.float64]
    weight_f: npt.NDArray[np.float64]
    wutil_f: npt.NDArray[np.float64]
    cost_f: npt.NDArray[np.float64]
    total_f: npt.NDArray[np.float64]

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
    order = np.argsort(proj, kind="stable")
    proj, grp, score = proj[order], grp[order], score[order]
    ptr = np.searchsorted(proj, np.arange(m + 1)).astype(np.int64)
    costs = tuple(int(c) for c in instance.costs)
    cost_arr = np.asarray(costs, dtype=np.int64)
    weight = instance.weights[grp].astype(np.int64)
    util = score * cost_arr[proj] if satisfaction == "cost" else score
    wutil = util * weight
    scored = [int(x) for x in np.add.reduceat(np.append(score * weight, 0), ptr[:-1])] if m else []
    totals = tuple(
        (scored[p] if ptr[p + 1] > ptr[p] else 0) * (costs[p] if satisfaction == "cost" else 1) for p in range(m)
    )
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
        util_f=util.astype(np.float64),
        weight_f=weight.astype(np.float64),
        wutil_f=wutil.astype(np.float64),
        cost_f=cost_arr.astype(np.float64),
        total_f=np.array([float(t) for t in totals], dtype=np.float64),
    )


@dataclass(frozen=True)
class Run:
    """One MES run: funded projects in order, and for each project the round it left the race.

    ``dropped[p]`` is the round (0-based count of winners so far) at which project p was found
    unaffordable, for projects that were; ``free`` counts the leading zero-cost winners.
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


def _candidates(P: Prepared, exclude: frozenset[int]) -> list[int]:
    return [p for p in range(P.num_projects) if P.costs[p] > 0 and P.totals[p] > 0 and p not in exclude]


# ----------------------------------------------------------------------------------------- fast path
#
# Many runs (one per budget) advance in lockstep, round by round, so that each numpy call works on the
# supporters of several (run, project) pairs at once; per run the usual lazy scheme applies: a project's
# last rho is a lower bound (budgets only shrink), and only projects whose bound could beat the best so
# far are re-evaluated.

_POP = 1  # heap entries taken per run and sub-round: fewer sub-rounds against a few extra evaluations


def _segments(P: Prepared, projs: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Entry indices of the given projects' supporters, concatenated; segment starts and lengths."""
    starts = P.ptr[projs]
    lengths = P.ptr[projs + 1] - starts
    offsets = np.cumsum(lengths) - lengths
    idx = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    return idx, offsets, lengths


def _evaluate(
    P: Prepared,
    b: npt.NDArray[np.float64],
    fuzzy: npt.NDArray[np.bool_],
    runs: npt.NDArray[np.int64],
    projs: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """Affordability of each (run, project) pair: (status, rho, zero_util).

    status 0 = affordable, 1 = unaffordable, 2 = too close to call. ``zero_util`` >= 0 means rho is
    exactly ``cost / (U - zero_util)``: each supporter who pays less than the full share has a budget
    of exactly 0 and each other one clearly can pay it; -1 when that is not certain.
    """
    idx, offsets, lengths = _segments(P, projs)
    pos = np.repeat(runs * P.num_groups, lengths) + P.sup[idx]
    bb = b[pos]
    wbb = P.weight_f[idx] * bb
    c = P.cost_f[projs]
    big_u = P.total_f[projs]
    total = np.add.reduceat(wbb, offsets)
    status = np.zeros(len(projs), dtype=np.int64)
    status[total <= c * (1.0 + TOL)] = 2
    status[total < c * (1.0 - TOL)] = 1
    ratio = bb / P.util_f[idx]
    rho = c / big_u
    zero = bb == 0.0
    low = np.minimum.reduceat(np.where(zero, np.inf, ratio), offsets)
    constrained = (status == 0) & (np.minimum.reduceat(ratio, offsets) < rho * (1.0 + TOL))
    if constrained.any():
        # exact-in-float water filling: sort the supporters by budget / utility, pay in that order
        sel = np.repeat(constrained, lengths)
        which = np.flatnonzero(constrained)
        seg = np.repeat(np.arange(len(which)), lengths[which])
        r = ratio[sel]
        order = np.lexsort((r, seg))
        r = r[order]
        wb = wbb[sel][order]
        wu = P.wutil_f[idx[sel][order]]
        cum_wb = np.cumsum(wb) - wb
        cum_wu = np.cumsum(wu) - wu
        starts = np.cumsum(lengths[which]) - lengths[which]
        paid = cum_wb - np.repeat(cum_wb[starts], lengths[which])
        used = cum_wu - np.repeat(cum_wu[starts], lengths[which])
        rest = np.repeat(big_u[which], lengths[which]) - used
        cand = (np.repeat(c[which], lengths[which]) - paid) / np.where(rest > 0.0, rest, 1.0)
        ok = (rest > 0.0) & (cand <= r)
        position = np.where(ok, np.arange(len(r)), len(r))
        first = np.minimum.reduceat(position, starts)
        found = first < len(r)
        rho[which[found]] = cand[first[found]]
        status[which[~found]] = 2
    blurred = np.logical_or.reduceat(fuzzy[pos], offsets)
    clean = (low >= rho * (1.0 + TOL)) & ~blurred
    zero_util = np.add.reduceat(np.where(zero, P.wutil[idx], 0), offsets)
    zero_util[~clean] = -1
    return status, rho, zero_util


def _charge(
    P: Prepared,
    b: npt.NDArray[np.float64],
    fuzzy: npt.NDArray[np.bool_],
    runs: npt.NDArray[np.int64],
    projs: npt.NDArray[np.int64],
    rhos: npt.NDArray[np.float64],
) -> None:
    """Each run pays for its winner: supporter i pays min(budget, rho * u_i)."""
    idx, _, lengths = _segments(P, projs)
    pos = np.repeat(runs * P.num_groups, lengths) + P.sup[idx]
    bb = b[pos]
    pay = np.repeat(rhos, lengths) * P.util_f[idx]
    left = bb - pay
    near = np.abs(left) <= pay * TOL  # paid (almost) everything: whether exactly 0 is uncertain
    left[left < 0.0] = 0.0
    left[near] = 0.0
    fuzzy[pos[near]] = True
    b[pos] = left


def run_fast_many(P: Prepared, betas: Sequence[Fraction], max_winners: int | None = None) -> list[Run | None]:
    """MES runs for several per-voter budgets at once; None for a run with a decision too close to call."""
    k = len(betas)
    g = P.num_groups
    b = np.repeat(np.array([float(x) for x in betas], dtype=np.float64), g)
    fuzzy = np.zeros(k * g, dtype=np.bool_)
    free = free_projects(P)
    if max_winners is not None:
        free = free[:max_winners]
    template = [(P.costs[p] / P.totals[p], P.ranks[p], p) for p in _candidates(P, frozenset(free))]
    heapq.heapify(template)
    heaps = [list(template) for _ in range(k)]
    orders = [list(free) for _ in range(k)]
    dropped: list[dict[int, int]] = [{} for _ in range(k)]
    results: list[Run | None] = [None] * k
    rho_f: list[list[float]] = [[] for _ in range(k)]
    second: list[list[float]] = [[] for _ in range(k)]

    def finish(j: int) -> None:
        results[j] = Run(tuple(orders[j]), len(free), dropped[j], False, None, tuple(rho_f[j]), tuple(second[j]))

    active = [j for j in range(k) if heaps[j] and (max_winners is None or len(free) < max_winners)]
    for j in range(k):
        if j not in active:
            finish(j)
    while active:
        best = dict.fromkeys(active, float("inf"))
        evaluated: dict[int, list[tuple[float, int, int]]] = {j: [] for j in active}
        failed: set[int] = set()
        while True:
            runs: list[int] = []
            projs: list[int] = []
            for j in active:
                if j in failed:
                    continue
                heap = heaps[j]
                bound = best[j] * (1.0 + TOL)
                taken = 0
                while heap and heap[0][0] <= bound and taken < _POP:
                    runs.append(j)
                    projs.append(heapq.heappop(heap)[2])
                    taken += 1
            if not runs:
                break
            status, rho, zero_util = _evaluate(P, b, fuzzy, np.array(runs), np.array(projs))
            for j, p, st, r, z in zip(runs, projs, status.tolist(), rho.tolist(), zero_util.tolist()):
                if st == 2:
                    failed.add(j)
                elif st == 1:
                    dropped[j][p] = len(orders[j])
                else:
                    evaluated[j].append((r, p, z))
                    if r < best[j]:
                        best[j] = r
        win_runs: list[int] = []
        win_projs: list[int] = []
        win_rhos: list[float] = []
        still: list[int] = []
        for j in active:
            if j in failed:
                continue
            ev = evaluated[j]
            if not ev:
                finish(j)
                continue
            bound = best[j] * (1.0 + TOL)
            close = [e for e in ev if e[0] <= bound]
            if len(close) > 1:
                if any(e[2] < 0 for e in close):
                    failed.add(j)
                    continue
                win = min(close, key=lambda e: (Fraction(P.costs[e[1]], P.totals[e[1]] - e[2]), P.ranks[e[1]]))
            else:
                win = close[0]
            for e in ev:
                if e is not win:
                    heapq.heappush(heaps[j], (e[0], P.ranks[e[1]], e[1]))
            orders[j].append(win[1])
            rho_f[j].append(win[0])
            second[j].append(heaps[j][0][0] if heaps[j] else float("inf"))
            win_runs.append(j)
            win_projs.append(win[1])
            win_rhos.append(win[0])
            if heaps[j] and (max_winners is None or len(orders[j]) < max_winners):
                still.append(j)
            else:
                finish(j)
        if win_runs:
            _charge(P, b, fuzzy, np.array(win_runs), np.array(win_projs), np.array(win_rhos))
        active = still
    return results


def run_fast(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run | None:
    """One MES run in float64; None if some decision is too close to call (use ``run_exact``)."""
    return run_fast_many(P, [beta], max_winners)[0]


# ---------------------------------------------------------------------------------------- exact path
#
# Budgets are exact Fractions, interned: ``bid[g]`` indexes the list ``vals`` of distinct budget values,
# so voters with the same payment history share one value and each evaluation does its rational
# arithmetic once per distinct (budget, utility) pair among the supporters, not once per voter group.


def _pairs(P: Prepared, p: int, bid: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], ...]:
    """Distinct (budget id, utility) pairs among p's supporters: ids, utils, total weights, inverse map."""
    s = P.entries(p)
    ids = bid[P.sup[s]]
    u = P.util[s]
    order = np.lexsort((u, ids))
    ids_s, u_s = ids[order], u[order]
    new = np.ones(len(order), dtype=np.bool_)
    new[1:] = (ids_s[1:] != ids_s[:-1]) | (u_s[1:] != u_s[:-1])
    starts = np.flatnonzero(new)
    weights = np.add.reduceat(P.weight[s][order], starts)
    inverse = np.empty(len(order), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return ids_s[starts], u_s[starts], weights, inverse


def _afford_exact(
    P: Prepared, p: int, bid: npt.NDArray[np.int64], vals: list[Fraction]
) -> tuple[Fraction, int] | None:
    """Exact affordability rho of p and the weight of supporters who pay something (None: unaffordable)."""
    ids, us, ws, _ = _pairs(P, p, bid)
    pairs = [(vals[i], u, w) for i, u, w in zip(ids.tolist(), us.tolist(), ws.tolist())]
    cost = P.costs[p]
    if sum((w * b for b, _, w in pairs), Fraction(0)) < cost:
        return None
    pairs.sort(key=lambda e: e[0] / e[1])
    paid = Fraction(0)
    denom = P.totals[p]
    for b, u, w in pairs:
        rho = (cost - paid) / denom
        if rho * u <= b:
            return rho, sum(w for b2, _, w in pairs if b2 > 0)
        paid += w * b
        denom -= w * u
    raise AssertionError("affordable project without a price")  # pragma: no cover


def _charge_exact(P: Prepared, q: int, rho: Fraction, bid: npt.NDArray[np.int64], vals: list[Fraction]) -> None:
    ids, us, _, inverse = _pairs(P, q, bid)
    new_ids = []
    for i, u in zip(ids.tolist(), us.tolist()):
        left = vals[i] - rho * u
        vals.append(left if left > 0 else Fraction(0))
        new_ids.append(len(vals) - 1)
    bid[P.sup[P.entries(q)]] = np.array(new_ids, dtype=np.int64)[inverse]


def run_exact(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run:
    """One MES run with exact rational arithmetic (lazy lower bounds, as pabutools)."""
    vals = [Fraction(beta)]
    bid = np.zeros(P.num_groups, dtype=np.int64)
    order = free_projects(P)
    if max_winners is not None:
        order = order[:max_winners]
    free = len(order)
    rhos: list[Fraction] = [Fraction(0)] * free
    heap: list[tuple[Fraction, int, int]] = [
        (Fraction(P.costs[p], P.totals[p]), P.ranks[p], p) for p in _candidates(P, frozenset(order))
    ]
    heapq.heapify(heap)
    dropped: dict[int, int] = {}
    while heap and (max_winners is None or len(order) < max_winners):
        best: tuple[Fraction, int, int] | None = None
        evaluated: list[tuple[Fraction, int, int]] = []
        while heap and (best is None or heap[0][0] <= best[0]):
            _, rank, p = heapq.heappop(heap)
            found = _afford_exact(P, p, bid, vals)
            if found is None:
                dropped[p] = len(order)
                continue
            entry = (found[0], rank, p)
            evaluated.append(entry)
            if best is None or entry < best:
                best = entry
        if best is None:
            break
        for e in evaluated:
            if e is not best:
                heapq.heappush(heap, e)
        rho, _, q = best
        order.append(q)
        rhos.append(rho)
        _charge_exact(P, q, rho, bid, vals)
    return Run(tuple(order), free, dropped, exact=True, rhos=tuple(rhos))


def replay_exact(P: Prepared, beta: Fraction, order: Sequence[int], free: int) -> list[tuple[Fraction, int]]:
    """Exact (rho, paying weight) of each winner of a known run, replayed with exact budgets."""
    vals = [Fraction(beta)]
    bid = np.zeros(P.num_groups, dtype=np.int64)
    out: list[tuple[Fraction, int]] = []
    for pos, q in enumerate(order):
        if pos < free:
            out.append((Fraction(0), 0))
            continue
        found = _afford_exact(P, q, bid, vals)
        if found is None:  # pragma: no cover - the run said it was affordable
            raise AssertionError("replayed winner is unaffordable")
        out.append(found)
        _charge_exact(P, q, found[0], bid, vals)
    return out


def run_mes(P: Prepared, beta: Fraction, max_winners: int | None = None, exact: bool = False) -> Run:
    """One MES run: the float64 fast path, falling back to the exact path on a near-tie."""
    if not exact:
        run = run_fast(P, beta, max_winners)
        if run is not None:
            return run
    return run_exact(P, beta, max_winners)
