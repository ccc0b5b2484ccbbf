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
    """Per-project supporter lists (voter groups), utilities and totals for one satisfaction."""

    costs: tuple[int, ...]
    ranks: tuple[int, ...]
    totals: tuple[int, ...]  # total utility U_p = sum over supporters of weight * utility
    supporters: tuple[npt.NDArray[np.int64], ...]  # voter-group indices per project
    utils: tuple[npt.NDArray[np.int64], ...]  # utility per voter of the group, per project
    weights: tuple[npt.NDArray[np.int64], ...]  # group multiplicity, per project
    utils_f: tuple[npt.NDArray[np.float64], ...]
    weights_f: tuple[npt.NDArray[np.float64], ...]
    wutils_f: tuple[npt.NDArray[np.float64], ...]
    num_groups: int
    num_voters: int
    group_rows: tuple[tuple[tuple[int, int], ...], ...] | None = None  # lazily unused, kept for symmetry

    @property
    def num_projects(self) -> int:
        return len(self.costs)

    def supported(self, p: int) -> bool:
        return self.totals[p] > 0


def prepare(instance: Instance, satisfaction: Satisfaction, tie_breaking: Sequence[str] | None) -> Prepared:
    """Transpose the grouped ballots to per-project supporter lists with exact integer utilities."""
    m = instance.num_projects
    rows = np.repeat(np.arange(len(instance.weights), dtype=np.int64), np.diff(instance.indptr))
    keep = instance.scores > 0
    proj = instance.indices[keep]
    grp = rows[keep]
    score = instance.scores[keep].astype(np.int64)
    order = np.argsort(proj, kind="stable")
    proj, grp, score = proj[order], grp[order], score[order]
    bounds = np.searchsorted(proj, np.arange(m + 1))
    costs = tuple(int(c) for c in instance.costs)
    sups: list[npt.NDArray[np.int64]] = []
    utils: list[npt.NDArray[np.int64]] = []
    wts: list[npt.NDArray[np.int64]] = []
    totals: list[int] = []
    for p in range(m):
        s = slice(int(bounds[p]), int(bounds[p + 1]))
        g = grp[s]
        sc = score[s]
        u = sc * costs[p] if satisfaction == "cost" else sc
        w = instance.weights[g].astype(np.int64)
        sups.append(g)
        utils.append(u)
        wts.append(w)
        totals.append(
            sum(int(a) * int(b) for a, b in zip(sc.tolist(), w.tolist()))
            * (costs[p] if satisfaction == "cost" else 1)
        )
    ranks = tuple(int(r) for r in priority(instance.project_ids, tie_breaking))
    return Prepared(
        costs=costs,
        ranks=ranks,
        totals=tuple(totals),
        supporters=tuple(sups),
        utils=tuple(utils),
        weights=tuple(wts),
        utils_f=tuple(u.astype(np.float64) for u in utils),
        weights_f=tuple(w.astype(np.float64) for w in wts),
        wutils_f=tuple((u.astype(np.float64) * w) for u, w in zip(utils, wts)),
        num_groups=len(instance.weights),
        num_voters=instance.num_voters,
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


def free_projects(P: Prepared) -> list[int]:
    """Supported projects of cost 0, funded before anything else (in tie order)."""
    return sorted(
        (p for p in range(P.num_projects) if P.costs[p] == 0 and P.totals[p] > 0), key=lambda p: P.ranks[p]
    )


def _candidates(P: Prepared, exclude: frozenset[int]) -> list[int]:
    return [p for p in range(P.num_projects) if P.costs[p] > 0 and P.totals[p] > 0 and p not in exclude]


# ----------------------------------------------------------------------------------------- fast path


def _afford_float(P: Prepared, p: int, b: npt.NDArray[np.float64]) -> tuple[int, float, bool]:
    """(status, rho, unconstrained): status 0 = affordable, 1 = unaffordable, 2 = too close to call."""
    c = float(P.costs[p])
    bb = b[P.supporters[p]]
    w = P.weights_f[p]
    total = float(np.dot(w, bb))
    if total < c * (1.0 - TOL):
        return 1, 0.0, False
    if total <= c * (1.0 + TOL):
        return 2, 0.0, False
    u = P.utils_f[p]
    ratio = bb / u
    rho = c / float(P.totals[p])
    low = float(ratio.min())
    if low >= rho * (1.0 + TOL):
        return 0, rho, True
    wu = P.wutils_f[p]
    big_u = float(P.totals[p])
    poor_count = -1
    while True:
        poor = ratio < rho
        count = int(np.count_nonzero(poor))
        if count == poor_count:
            break
        poor_count = count
        paid = float(np.dot(w[poor], bb[poor]))
        rest = big_u - float(wu[poor].sum())
        if rest <= 0.0:
            return 2, 0.0, False
        new = (c - paid) / rest
        if new <= rho:
            break
        rho = new
    return 0, rho, False


def run_fast(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run | None:
    """One MES run in float64; None if some decision is too close to call (use ``run_exact``)."""
    b = np.full(P.num_groups, float(beta))
    order = free_projects(P)
    if max_winners is not None:
        order = order[:max_winners]
    free = len(order)
    heap = [(P.costs[p] / P.totals[p], P.ranks[p], p) for p in _candidates(P, frozenset(order))]
    heapq.heapify(heap)
    dropped: dict[int, int] = {}
    while heap and (max_winners is None or len(order) < max_winners):
        best = float("inf")
        evaluated: list[tuple[float, int, int, bool]] = []
        while heap and heap[0][0] <= best * (1.0 + TOL):
            _, rank, p = heapq.heappop(heap)
            status, rho, clean = _afford_float(P, p, b)
            if status == 2:
                return None
            if status == 1:
                dropped[p] = len(order)
                continue
            evaluated.append((rho, rank, p, clean))
            best = min(best, rho)
        if not evaluated:
            break
        close = [e for e in evaluated if e[0] <= best * (1.0 + TOL)]
        if len(close) > 1:
            if not all(e[3] for e in close):
                return None
            # unconstrained: rho = cost / U exactly
            win = min(close, key=lambda e: (Fraction(P.costs[e[2]], P.totals[e[2]]), e[1]))
        else:
            win = close[0]
        rho, _, q, _ = win
        for e in evaluated:
            if e is not win:
                heapq.heappush(heap, (e[0], e[1], e[2]))
        order.append(q)
        sup = P.supporters[q]
        bb = b[sup]
        left = bb - rho * P.utils_f[q]
        left[left < 0.0] = 0.0
        b[sup] = left
    return Run(tuple(order), free, dropped, exact=False)


# ---------------------------------------------------------------------------------------- exact path


def _afford_exact(P: Prepared, p: int, b: list[Fraction]) -> Fraction | None:
    """Exact affordability of p (None if its supporters cannot pay for it)."""
    sup = P.supporters[p].tolist()
    us = P.utils[p].tolist()
    ws = P.weights[p].tolist()
    cost = P.costs[p]
    if sum((w * b[g] for g, w in zip(sup, ws)), Fraction(0)) < cost:
        return None
    entries = sorted(zip(sup, us, ws), key=lambda e: b[e[0]] / e[1])
    paid = Fraction(0)
    denom = P.totals[p]
    for g, u, w in entries:
        rho = (cost - paid) / denom
        if rho * u <= b[g]:
            return rho
        paid += w * b[g]
        denom -= w * u
    raise AssertionError("affordable project without a price")  # pragma: no cover


def run_exact(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run:
    """One MES run with exact rational arithmetic (lazy lower bounds, as pabutools)."""
    b = [Fraction(beta)] * P.num_groups
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
            rho = _afford_exact(P, p, b)
            if rho is None:
                dropped[p] = len(order)
                continue
            entry = (rho, rank, p)
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
        for g, u in zip(P.supporters[q].tolist(), P.utils[q].tolist()):
            b[g] = max(b[g] - rho * u, Fraction(0))
    return Run(tuple(order), free, dropped, exact=True, rhos=tuple(rhos))


def run_mes(P: Prepared, beta: Fraction, max_winners: int | None = None, exact: bool = False) -> Run:
    """One MES run: the float64 fast path, falling back to the exact path on a near-tie."""
    if not exact:
        run = run_fast(P, beta, max_winners)
        if run is not None:
            return run
    return run_exact(P, beta, max_winners)
