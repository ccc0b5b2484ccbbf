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
    lengths: npt.NDArray[np.int64]  # number of supporter entries per project
    sup_of: tuple[npt.NDArray[np.int64], ...]  # per-project views of sup / weight_f / util_f
    weight_of: tuple[npt.NDArray[np.float64], ...]
    util_of: tuple[npt.NDArray[np.float64], ...]

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
    util_f = util.astype(np.float64)
    weight_f = weight.astype(np.float64)
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
        util_f=util_f,
        weight_f=weight_f,
        wutil_f=wutil.astype(np.float64),
        cost_f=cost_arr.astype(np.float64),
        total_f=np.array([float(t) for t in totals], dtype=np.float64),
        lengths=np.diff(ptr),
        sup_of=tuple(grp[s] for s in cuts),
        weight_of=tuple(weight_f[s] for s in cuts),
        util_of=tuple(util_f[s] for s in cuts),
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


def _gather(
    P: Prepared, projs: Sequence[int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """The given projects' supporter entries, concatenated: groups, weights, utilities; segment lengths."""
    sup = np.concatenate([P.sup_of[p] for p in projs])
    w = np.concatenate([P.weight_of[p] for p in projs])
    u = np.concatenate([P.util_of[p] for p in projs])
    lengths = P.lengths[np.asarray(projs, dtype=np.int64)]
    return sup, w, u, lengths


def _evaluate(
    P: Prepared, b: npt.NDArray[np.float64], runs: Sequence[int], projs: Sequence[int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Affordability of each (run, project) pair: (status, rho, constrained).

    status 0 = affordable, 1 = unaffordable, 2 = too close to call; ``constrained`` = some supporter
    cannot pay the equal share (rho is then above cost / total utility).
    """
    sup, w, u, lengths = _gather(P, projs)
    offsets = np.cumsum(lengths) - lengths
    pa = np.asarray(projs, dtype=np.int64)
    pos = sup + np.repeat(np.asarray(runs, dtype=np.int64) * P.num_groups, lengths)
    bb = b[pos]
    wbb = w * bb
    c = P.cost_f[pa]
    big_u = P.total_f[pa]
    total = np.add.reduceat(wbb, offsets)
    status = np.zeros(len(pa), dtype=np.int64)
    status[total <= c * (1.0 + TOL)] = 2
    status[total < c * (1.0 - TOL)] = 1
    ratio = bb / u
    rho = c / big_u
    constrained = (status == 0) & (np.minimum.reduceat(ratio, offsets) < rho * (1.0 + TOL))
    if constrained.any():
        # most often the supporters short of the equal share have nothing left at all: then
        # rho = cost / (U - utility of the penniless) exactly; the rest need water filling
        which = np.flatnonzero(constrained)
        lens = lengths[which]
        sel = np.repeat(constrained, lengths)
        zero = bb[sel] == 0.0
        starts = np.cumsum(lens) - lens
        zero_wu = np.add.reduceat(np.where(zero, (w * u)[sel], 0.0), starts)
        rest = big_u[which] - zero_wu
        rho_z = c[which] / np.where(rest > 0.0, rest, 1.0)
        low_nz = np.minimum.reduceat(np.where(zero, np.inf, ratio[sel]), starts)
        simple = (rest > 0.0) & (low_nz >= rho_z * (1.0 + TOL))
        rho[which[simple]] = rho_z[simple]
        constrained_hard = constrained.copy()
        constrained_hard[which[simple]] = False
        if constrained_hard.any():
            _water_fill(constrained_hard, lengths, ratio, wbb, w * u, c, big_u, rho, status)
    return status, rho, constrained


def _water_fill(
    constrained: npt.NDArray[np.bool_],
    lengths: npt.NDArray[np.int64],
    ratio: npt.NDArray[np.float64],
    wbb: npt.NDArray[np.float64],
    wu: npt.NDArray[np.float64],
    c: npt.NDArray[np.float64],
    big_u: npt.NDArray[np.float64],
    rho: npt.NDArray[np.float64],
    status: npt.NDArray[np.int64],
) -> None:
    """rho for the constrained pairs (in place): the supporters who cannot pay rho * u pay all they have.

    ``rho`` holds a lower bound on entry. An upper bound t (F(t) = sum min(b, t u) >= cost) limits the
    possibly-poor supporters to those with budget / utility < t; only these are sorted.
    """
    which = np.flatnonzero(constrained)
    lens = lengths[which]
    sel = np.repeat(constrained, lengths)
    r = ratio[sel]
    wb = wbb[sel]
    wq = wu[sel]
    cw = c[which]
    uw = big_u[which]
    starts = np.cumsum(lens) - lens
    low = rho[which]
    top = np.full(len(which), np.inf)
    for factor in (1.5, 4.0, 32.0):
        t = np.where(np.isinf(top), low * factor, top)
        tt = np.repeat(t, lens)
        below = r < tt
        money = np.add.reduceat(np.where(below, wb, tt * wq), starts)
        top = np.where(np.isinf(top) & (money >= cw), t, top)
        if not np.isinf(top).any():
            break
    bound = np.where(np.isinf(top), np.inf, top)
    cand = r < np.repeat(bound, lens)
    seg = np.repeat(np.arange(len(which)), lens)[cand]
    rc = r[cand]
    order = np.lexsort((rc, seg))
    seg = seg[order]
    rc = rc[order]
    wb2 = wb[cand][order]
    wu2 = wq[cand][order]
    counts = np.bincount(seg, minlength=len(which))
    st2 = np.cumsum(counts) - counts
    cum_wb = np.cumsum(wb2) - wb2
    cum_wu = np.cumsum(wu2) - wu2
    base_wb = np.zeros(len(which))
    base_wu = np.zeros(len(which))
    nonempty = counts > 0
    base_wb[nonempty] = cum_wb[st2[nonempty]]
    base_wu[nonempty] = cum_wu[st2[nonempty]]
    paid = cum_wb - base_wb[seg]
    rest = uw[seg] - (cum_wu - base_wu[seg])
    value = (cw[seg] - paid) / np.where(rest > 0.0, rest, 1.0)
    ok = (rest > 0.0) & (value <= rc)
    position = np.where(ok, np.arange(len(rc)), len(rc))
    first = np.full(len(which), len(rc))
    if len(rc):
        np.minimum.at(first, seg, position)
    found = first < len(rc)
    result = np.full(len(which), np.nan)
    result[found] = value[first[found]]
    # every candidate is poor: the rest (budget / utility >= bound) pay the share
    all_wb = np.bincount(seg, weights=wb2, minlength=len(which))
    all_wu = np.bincount(seg, weights=wu2, minlength=len(which))
    rest_all = uw - all_wu
    tail = (cw - all_wb) / np.where(rest_all > 0.0, rest_all, 1.0)
    use_tail = ~found & (rest_all > 0.0) & (tail <= bound)
    result[use_tail] = tail[use_tail]
    good = found | use_tail
    rho[which[good]] = np.maximum(result[good], low[good])
    status[which[~good]] = 2


def _zero_util(P: Prepared, b: npt.NDArray[np.float64], fuzzy: npt.NDArray[np.bool_], j: int, p: int, rho: float) -> int:
    """If rho is exactly cost / (U - Z) — every supporter paying less than the full share has a budget of
    exactly 0, every other one clearly affords it — return Z; otherwise -1."""
    pos = P.sup_of[p] + j * P.num_groups
    bb = b[pos]
    if fuzzy[pos].any():
        return -1
    zero = bb == 0.0
    ratio = bb[~zero] / P.util_of[p][~zero]
    if ratio.size and float(ratio.min()) < rho * (1.0 + TOL):
        return -1
    s = P.entries(p)
    return int(P.wutil[s][zero].sum())


def _charge(
    P: Prepared,
    b: npt.NDArray[np.float64],
    fuzzy: npt.NDArray[np.bool_],
    runs: Sequence[int],
    projs: Sequence[int],
    rhos: Sequence[float],
) -> None:
    """Each run pays for its winner: supporter i pays min(budget, rho * u_i)."""
    sup, _, u, lengths = _gather(P, projs)
    pos = sup + np.repeat(np.asarray(runs, dtype=np.int64) * P.num_groups, lengths)
    bb = b[pos]
    pay = np.repeat(np.asarray(rhos, dtype=np.float64), lengths) * u
    left = bb - pay
    near = np.abs(left) <= pay * TOL  # paid (almost) everything: whether exactly 0 is uncertain
    left[left < 0.0] = 0.0
    if near.any():
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
        evaluated: dict[int, list[tuple[float, int, bool]]] = {j: [] for j in active}
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
            status, rho, constrained = _evaluate(P, b, runs, projs)
            for j, p, st, r, z in zip(runs, projs, status.tolist(), rho.tolist(), constrained.tolist()):
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
                zeros = [_zero_util(P, b, fuzzy, j, e[1], e[0]) if e[2] else 0 for e in close]
                if any(z < 0 for z in zeros):
                    failed.add(j)
                    continue
                keyed = [(Fraction(P.costs[e[1]], P.totals[e[1]] - z), P.ranks[e[1]], e) for e, z in zip(close, zeros)]
                win = min(keyed, key=lambda t: (t[0], t[1]))[2]
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
            _charge(P, b, fuzzy, win_runs, win_projs, win_rhos)
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


def _water_fill_exact(cost: int, total: int, pairs: list[tuple[Fraction, int, int]]) -> tuple[Fraction, int]:
    """(rho, how many pay all they have) for supporters (budget, utility, weight) sorted by budget /
    utility: the poorest pay everything, the others rho * utility."""
    paid = Fraction(0)
    denom = total
    for k, (b, u, w) in enumerate(pairs):
        rho = (cost - paid) / denom
        if rho * u <= b:
            return rho, k
        paid += w * b
        denom -= w * u
    raise AssertionError("affordable project without a price")  # pragma: no cover


def _afford_exact(
    P: Prepared, p: int, bid: npt.NDArray[np.int64], vals: list[Fraction], floats: list[float]
) -> tuple[Fraction, int] | None:
    """Exact affordability rho of p and the weight of supporters who pay something (None: unaffordable).

    Supporters are ordered by a float64 key; the resulting partition into those who pay everything and
    those who pay the full share is then checked exactly where the key is too close to rho to be sure,
    and the supporters are re-sorted exactly if the check fails.
    """
    ids, us, ws, _ = _pairs(P, p, bid)
    idl, ul, wl = ids.tolist(), us.tolist(), ws.tolist()
    cost = P.costs[p]
    money = sum(w * floats[i] for i, w in zip(idl, wl))
    if money < cost * (1.0 - TOL):
        return None
    if money <= cost * (1.0 + TOL) and sum((w * vals[i] for i, w in zip(idl, wl)), Fraction(0)) < cost:
        return None
    keyed = sorted(zip(idl, ul, wl), key=lambda e: floats[e[0]] / e[1])
    pairs = [(vals[i], u, w) for i, u, w in keyed]
    rho, poor = _water_fill_exact(cost, P.totals[p], pairs)
    approx = float(rho)
    for k, ((i, u, _), (b, _, _)) in enumerate(zip(keyed, pairs)):
        if abs(floats[i] / u - approx) <= approx * TOL and (b < rho * u) != (k < poor):
            pairs.sort(key=lambda e: e[0] / e[1])  # float order too coarse here: sort exactly
            rho, poor = _water_fill_exact(cost, P.totals[p], pairs)
            break
    return rho, sum(w for i, w in zip(idl, wl) if floats[i] > 0.0)


class _Budgets:
    """Interned exact budgets: equal values share one id; ``floats`` mirrors ``vals`` in float64."""

    def __init__(self, beta: Fraction) -> None:
        self.vals = [Fraction(beta)]
        self.floats = [float(beta)]
        self.index = {(beta.numerator, beta.denominator): 0}

    def intern(self, value: Fraction) -> int:
        key = (value.numerator, value.denominator)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.vals)
            self.vals.append(value)
            self.floats.append(float(value))
        return found


def _charge_exact(P: Prepared, q: int, rho: Fraction, bid: npt.NDArray[np.int64], budgets: _Budgets) -> None:
    """q's supporters pay min(budget, rho * u); equal new budgets share one id (every exhausted voter)."""
    ids, us, _, inverse = _pairs(P, q, bid)
    vals = budgets.vals
    zero = Fraction(0)
    new_ids = []
    for i, u in zip(ids.tolist(), us.tolist()):
        left = vals[i] - rho * u
        new_ids.append(budgets.intern(left if left > 0 else zero))
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
        (Fraction(P.costs[p], P.totals[p]), P.ranks[p], p) for p in _candidates(P, frozenset(order))
    ]
    heapq.heapify(heap)
    dropped: dict[int, int] = {}
    while heap and (max_winners is None or len(order) < max_winners):
        best: tuple[Fraction, int, int] | None = None
        evaluated: list[tuple[Fraction, int, int]] = []
        while heap and (best is None or heap[0][0] <= best[0]):
            _, rank, p = heapq.heappop(heap)
            found = _afford_exact(P, p, bid, budgets.vals, budgets.floats)
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
    return Run(tuple(order), free, dropped, exact=True, rhos=tuple(rhos))


@dataclass(frozen=True)
class Replay:
    """A known run replayed exactly: (rho, paying weight) per winner and the final exact budgets."""

    prices: tuple[tuple[Fraction, int], ...]
    bid: npt.NDArray[np.int64]
    vals: tuple[Fraction, ...]

    def money_left(self, P: Prepared, p: int) -> Fraction:
        """What p's supporters have left in total at the end of the run."""
        ids, _, ws, _ = _pairs(P, p, self.bid)
        return sum((w * self.vals[i] for i, w in zip(ids.tolist(), ws.tolist())), Fraction(0))


def replay_exact(P: Prepared, beta: Fraction, order: Sequence[int], free: int) -> Replay:
    """Exact (rho, paying weight) of each winner of a known run, replayed with exact budgets."""
    budgets = _Budgets(Fraction(beta))
    bid = np.zeros(P.num_groups, dtype=np.int64)
    out: list[tuple[Fraction, int]] = []
    for pos, q in enumerate(order):
        if pos < free:
            out.append((Fraction(0), 0))
            continue
        found = _afford_exact(P, q, bid, budgets.vals, budgets.floats)
        if found is None:  # pragma: no cover - the run said it was affordable
            raise AssertionError("replayed winner is unaffordable")
        out.append(found)
        _charge_exact(P, q, found[0], bid, budgets)
    return Replay(tuple(out), bid, tuple(budgets.vals))


def run_mes(P: Prepared, beta: Fraction, max_winners: int | None = None, exact: bool = False) -> Run:
    """One MES run: the float64 fast path, falling back to the exact path on a near-tie."""
    if not exact:
        run = run_fast(P, beta, max_winners)
        if run is not None:
            return run
    return run_exact(P, beta, max_winners)
