"""Equal Shares, exact path: MES runs and replays with Fraction budgets, decided exactly.

Budgets are interned: voters with the same payment history share one exact value, so the rational
arithmetic is done once per distinct (budget, utility) pair among a project's supporters.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import gcd

import numpy as np
import numpy.typing as npt

from pbrules.rules.mes_engine import TOL, Prepared, Run, candidates, free_projects


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


def _water_fill_exact(
    cost: int, total: int, keyed: list[tuple[int, int, int]], budgets: _Budgets
) -> tuple[Fraction, int]:
    """(rho, how many pay all they have) for supporters (budget id, utility, weight) sorted by budget /
    utility: the poorest pay everything, the others rho * utility.

    The split is found in float64 and then computed exactly once: the poor's money is summed as integer
    numerators per denominator (a few hundred distinct denominators for thousands of poor supporters).
    The split is checked exactly at its boundary; the caller checks the near-ties around it."""
    floats = budgets.floats
    paid_f, denom_f, cost_f = 0.0, float(total), float(cost)
    poor = 0
    for i, u, w in keyed:
        if denom_f <= 0.0 or (cost_f - paid_f) / denom_f * u <= floats[i]:
            break
        paid_f += w * floats[i]
        denom_f -= w * u
        poor += 1
    if poor < len(keyed):
        rho = _split_price(cost, total, keyed, poor, budgets)
        first_rich, last_poor = keyed[poor], keyed[poor - 1] if poor else None
        if rho * first_rich[1] <= budgets[first_rich[0]] and (
            last_poor is None or budgets[last_poor[0]] < rho * last_poor[1]
        ):
            return rho, poor
    return _water_fill_loop(cost, total, keyed, budgets)


def _money(pairs: Iterable[tuple[int, int]], budgets: _Budgets) -> Fraction:
    """The exact sum of weight * budget over (budget id, weight) pairs: integer numerators are added per
    denominator first, so only the few distinct denominators go through Fraction arithmetic."""
    nums, dens = budgets.nums, budgets.dens
    by_den: dict[int, int] = {}
    for i, w in pairs:
        d = dens[i]
        by_den[d] = by_den.get(d, 0) + w * nums[i]
    return sum((Fraction(n, d) for d, n in by_den.items()), Fraction(0))


def _split_price(
    cost: int, total: int, keyed: list[tuple[int, int, int]], poor: int, budgets: _Budgets
) -> Fraction:
    """rho when the first ``poor`` supporters of ``keyed`` pay all they have and the others rho * u."""
    paid = _money(((i, w) for i, _, w in keyed[:poor]), budgets)
    return (cost - paid) / (total - sum(w * u for _, u, w in keyed[:poor]))


def _water_fill_loop(
    cost: int, total: int, keyed: list[tuple[int, int, int]], budgets: _Budgets
) -> tuple[Fraction, int]:
    """``_water_fill_exact`` one supporter at a time, every step exact (the fallback)."""
    paid = Fraction(0)
    denom = total
    for k, (i, u, w) in enumerate(keyed):
        rho = (cost - paid) / denom
        b = budgets[i]
        if rho * u <= b:
            return rho, k
        paid += w * b
        denom -= w * u
    raise AssertionError("affordable project without a price")  # pragma: no cover


def _afford_exact(
    P: Prepared, p: int, bid: npt.NDArray[np.int64], budgets: _Budgets
) -> tuple[Fraction, int] | None:
    """Exact affordability rho of p and the weight of supporters who pay something (None: unaffordable).

    Supporters are ordered by a float64 key; the resulting partition into those who pay everything and
    those who pay the full share is then checked exactly where the key is too close to rho to be sure,
    and the supporters are re-sorted exactly if the check fails. Exact budgets are only built for the
    supporters that need them.
    """
    ids, us, ws, _ = _pairs(P, p, bid)
    idl, ul, wl = ids.tolist(), us.tolist(), ws.tolist()
    floats = budgets.floats
    cost = P.costs[p]
    money = sum(w * floats[i] for i, w in zip(idl, wl, strict=True))
    if money < cost * (1.0 - TOL):
        return None
    if money <= cost * (1.0 + TOL) and _money(zip(idl, wl, strict=True), budgets) < cost:
        return None
    keyed = sorted(zip(idl, ul, wl, strict=True), key=lambda e: floats[e[0]] / e[1])
    rho, poor = _water_fill_exact(cost, P.totals[p], keyed, budgets)
    approx = float(rho)
    for k, (i, u, _) in enumerate(keyed):
        if abs(floats[i] / u - approx) <= approx * TOL and (budgets[i] < rho * u) != (k < poor):
            keyed.sort(key=lambda e: budgets[e[0]] / e[1])  # float order too coarse here: sort exactly
            rho, poor = _water_fill_loop(cost, P.totals[p], keyed, budgets)
            break
    return rho, sum(w for i, w in zip(idl, wl, strict=True) if floats[i] > 0.0)


class _Budgets:
    """Interned exact budgets: equal values share one id; ``budgets[i]`` is value i as a Fraction (built
    on demand from its numerator and denominator in lowest terms), ``floats[i]`` its float64 rounding."""

    def __init__(self, beta: Fraction) -> None:
        self.nums = [beta.numerator]
        self.dens = [beta.denominator]
        self.floats = [float(beta)]
        self.known: dict[int, Fraction] = {0: beta}
        self.index = {(beta.numerator, beta.denominator): 0}

    def __len__(self) -> int:
        return len(self.nums)

    def __getitem__(self, i: int) -> Fraction:
        value = self.known.get(i)
        if value is None:
            value = self.known[i] = Fraction(self.nums[i], self.dens[i])
        return value

    def intern_ratio(self, num: int, den: int) -> int:
        """The id of num / den (in lowest terms, den > 0)."""
        key = (num, den)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.nums)
            self.nums.append(num)
            self.dens.append(den)
            self.floats.append(num / den)  # int / int is correctly rounded, as float(Fraction)
        return found


def _charge_exact(P: Prepared, q: int, rho: Fraction, bid: npt.NDArray[np.int64], budgets: _Budgets) -> None:
    """q's supporters pay min(budget, rho * u); equal new budgets share one id (every exhausted voter).

    The subtraction is Fraction's, on integers (numerator, denominator in lowest terms)."""
    ids, us, _, inverse = _pairs(P, q, bid)
    nums, dens, floats = budgets.nums, budgets.dens, budgets.floats
    zero_id = budgets.intern_ratio(0, 1)
    shares: dict[int, tuple[int, int, float]] = {}
    new_ids = []
    for i, u in zip(ids.tolist(), us.tolist(), strict=True):
        share = shares.get(u)
        if share is None:
            exact = rho * u
            share = shares[u] = (exact.numerator, exact.denominator, float(exact) * (1.0 - 1e-12))
        if floats[i] < share[2]:  # floats are correctly rounded: clearly less than the share
            new_ids.append(zero_id)
            continue
        na, da = nums[i], dens[i]
        nb, db = share[0], share[1]
        g = gcd(da, db)
        if g == 1:
            num, den = na * db - da * nb, da * db
        else:
            s = da // g
            t = na * (db // g) - nb * s
            g2 = gcd(t, g)
            num, den = (t, s * db) if g2 == 1 else (t // g2, s * (db // g2))
        new_ids.append(zero_id if num <= 0 else budgets.intern_ratio(num, den))
    bid[P.sup[P.entries(q)]] = np.array(new_ids, dtype=np.int64)[inverse]


def run_exact(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run:
    """One MES run with exact rational arithmetic (lazy lower bounds, as pabutools)."""
    budgets = _Budgets(Fraction(beta))
    bid = np.zeros(P.num_groups, dtype=np.int64)
    order = free_projects(P)
    if max_winners is not None:
        order = order[:max_winners]
    free = len(order)
    rhos: list[Fraction] = [Fraction(0)] * free
    heap: list[tuple[Fraction, int, int]] = [
        (Fraction(P.costs[p], P.totals[p]), P.ranks[p], p) for p in candidates(P, frozenset(order))
    ]
    heapq.heapify(heap)
    dropped: dict[int, int] = {}
    while heap and (max_winners is None or len(order) < max_winners):
        best: tuple[Fraction, int, int] | None = None
        evaluated: list[tuple[Fraction, int, int]] = []
        while heap and (best is None or heap[0][0] <= best[0]):
            _, rank, p = heapq.heappop(heap)
            found = _afford_exact(P, p, bid, budgets)
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
        _charge_exact(P, q, rho, bid, budgets)
    return Run(order=tuple(order), free=free, dropped=dropped, exact=True, rhos=tuple(rhos))


@dataclass(frozen=True)
class Replay:
    """A known run replayed exactly: (rho, paying weight) per winner and the final exact budgets."""

    prices: tuple[tuple[Fraction, int], ...]
    bid: npt.NDArray[np.int64]
    vals: _Budgets  # exact final budgets by id (``vals[i]`` is a Fraction)
    floats: npt.NDArray[np.float64]

    def short_of(self, P: Prepared, p: int, cost: int) -> bool:
        """Whether p's supporters have less than ``cost`` left in total at the end of the run."""
        s = P.entries(p)
        # summed over the supporters, not all budget ids; and no BLAS dot: its threads can stall
        # for milliseconds per call on a busy machine
        approx = float((P.weight_f[s] * self.floats[self.bid[P.sup[s]]]).sum())
        if abs(approx - cost) > cost * TOL:
            return approx < cost
        ids, _, ws, _ = _pairs(P, p, self.bid)
        return _money(zip(ids.tolist(), ws.tolist(), strict=True), self.vals) < cost


def replay_exact(P: Prepared, beta: Fraction, order: Sequence[int], free: int) -> Replay:
    """Exact (rho, paying weight) of each winner of a known run, replayed with exact budgets."""
    budgets = _Budgets(Fraction(beta))
    bid = np.zeros(P.num_groups, dtype=np.int64)
    out: list[tuple[Fraction, int]] = []
    for pos, q in enumerate(order):
        if pos < free:
            out.append((Fraction(0), 0))
            continue
        found = _afford_exact(P, q, bid, budgets)
        if found is None:  # pragma: no cover - the run said it was affordable
            raise AssertionError("replayed winner is unaffordable")
        out.append(found)
        _charge_exact(P, q, found[0], bid, budgets)
    return Replay(tuple(out), bid, budgets, np.array(budgets.floats, dtype=np.float64))
