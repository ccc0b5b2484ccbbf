"""Equal Shares, float64 fast path: many MES runs (one per budget) advanced in lockstep with numpy.

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
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.rules.mes_engine import TOL, Prepared, Run, candidates, free_projects

# Many runs (one per budget) advance in lockstep, round by round, so that each numpy call works on the
# supporters of several (run, project) pairs at once; per run the usual lazy scheme applies: a project's
# last rho is a lower bound (budgets only shrink), and only projects whose bound could beat the best so
# far are re-evaluated.

# Bound on a float budget's absolute error, relative to the voter's starting budget: each round adds
# at most a few units of roundoff (2^-52) times the starting budget, plus the payment's share of the
# float rho's error (Newton stops within 1e-13); 2^-32 leaves room for thousands of rounds.
ROUND = 2.0**-32

# heap entries taken per run and sub-round: fewer sub-rounds (numpy calls) against a few extra
# evaluations; these pay off where supporter lists are short (per-call overhead dominates)
_POP = 1
_POP_SMALL = 2
_SMALL = 20_000  # supporter entries
# ... and within a round, each sub-round takes this many times more: rounds where many projects must
# be looked at (the last one of a run: every project left is found unaffordable) need fewer sub-rounds
_POP_GROWTH = 2


def _evaluate(
    P: Prepared,
    b: npt.NDArray[np.float64],
    runs: Sequence[int],
    projs: Sequence[int],
    cutoff: npt.NDArray[np.float64],
    known: npt.NDArray[np.float64],
    units: npt.NDArray[np.float64],
    weights: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Affordability of each (run, project) pair: (status, rho).

    ``b`` holds each run's voter groups' money (weight * budget); ``known`` is a lower bound on each
    pair's rho (its heap key: budgets only shrink); ``units[run] * weights[project]`` bounds the
    absolute error of the supporters' money (``ROUND`` times the money they started with).

    status 0 = affordable (rho exact up to rounding), 1 = unaffordable, 2 = too close to call,
    3 = rho is certainly above the pair's ``cutoff`` (then ``rho`` is only a lower bound). On a
    near-tie ``_zero_util`` tells whether an affordable pair's rho is exactly cost / (U - Z).

    Most evaluated pairs turn out unaffordable (every project still in the race when a run ends is
    evaluated once more), so the supporters' money comes first and only the pairs that can pay go on.
    """
    pa = np.asarray(projs, dtype=np.int64)
    ra = np.asarray(runs, dtype=np.int64)
    lengths = P.lengths[pa]
    sup = np.concatenate([P.sup_of[p] for p in projs])
    wbb = b[sup + np.repeat(ra * P.num_groups, lengths)]
    c = P.cost_f[pa]
    total = np.add.reduceat(wbb, np.cumsum(lengths) - lengths)
    status = np.zeros(len(pa), dtype=np.int64)
    allow = units[ra] * weights[pa]
    # unaffordable only if even the error bound cannot make up the difference; a cheap project's
    # supporters may have paid for expensive ones, so the bound can be far above c * TOL
    status[total <= c * (1.0 + TOL) + allow] = 2
    status[total < c * (1.0 - TOL) - allow] = 1
    rho = np.full(len(pa), np.inf)
    can_pay = status != 1
    alive = np.flatnonzero(can_pay)
    if len(alive) == 0:
        return status, rho
    if len(alive) < len(pa):
        wbb = wbb[np.repeat(can_pay, lengths)]
    wu = np.concatenate([P.wutil_of[projs[i]] for i in alive.tolist()])
    cl = c[alive]
    big_u = P.total_f[pa[alive]]
    st = status[alive]
    # two lower bounds on rho: cost / U (nobody short of money), and the last rho (budgets only shrink)
    lo = np.maximum(cl / big_u, known[alive] * (1.0 - 1e-12))
    _newton(lengths[alive], wbb / wu, wbb, wu, cl, big_u, lo, st, cutoff[alive])
    status[alive] = st
    rho[alive] = lo
    return status, rho


_NEWTON_STEPS = 12  # the real files need at most 8


def _newton(
    lengths: npt.NDArray[np.int64],
    ratio: npt.NDArray[np.float64],
    wbb: npt.NDArray[np.float64],
    wu: npt.NDArray[np.float64],
    c: npt.NDArray[np.float64],
    big_u: npt.NDArray[np.float64],
    rho: npt.NDArray[np.float64],
    status: npt.NDArray[np.int64],
    cutoff: npt.NDArray[np.float64],
) -> None:
    """rho of each pair (in place), by Newton's method on F(t) = sum_i min(b_i, t u_i) - cost.

    F is increasing, concave and piecewise linear, and ``rho`` holds a lower bound on entry, so each step
    (the root of F's current linear piece: those poor at t pay all they have, the others t u_i) stays at
    or below the answer and lands on it once no supporter changes side: usually the first step (nobody
    is short of money, or only those with nothing left), a few on the real files otherwise. Cheaper
    than sorting the supporters, and the same value: near-equal budget/utility ratios on either side of
    rho move it by a rounding error only (the near-tie checks allow for that).

    A pair whose step passes its ``cutoff`` stops there (status 3, the step as lower bound); pairs too
    close to call (status 2) only take the first step, for that. Pairs not settled after
    ``_NEWTON_STEPS`` steps go to the sort-based ``_water_fill``.
    """
    which = np.arange(len(lengths))
    lens = lengths
    r, wb, wq = ratio, wbb, wu
    cw, t, cut, sure = c, rho.copy(), cutoff, status == 0
    stuck = [which[:0]]
    for _ in range(_NEWTON_STEPS):
        starts = np.cumsum(lens) - lens
        tt = np.repeat(t, lens)
        rich = r >= tt
        paid = np.add.reduceat(np.where(rich, 0.0, wb), starts)
        urich = np.add.reduceat(np.where(rich, wq, 0.0), starts)
        valid = urich > 0.0
        # a lower bound even for a pair that cannot pay: F(s) <= paid + s * urich for s >= t
        step = np.maximum((cw - paid) / np.where(valid, urich, 1.0), t)
        done = sure & valid & (step <= t * (1.0 + 1e-13))
        rho[which[done]] = step[done]
        above = valid & ~done & (step > cut)  # cannot win this round: its lower bound will do
        rho[which[above]] = step[above]
        status[which[above]] = 3
        stuck.append(which[sure & ~valid])
        going = sure & valid & ~done & ~above
        if not going.all():  # settled pairs leave the iteration
            keep = np.repeat(going, lens)
            r, wb, wq = r[keep], wb[keep], wq[keep]
            which, lens, cw, step, cut = which[going], lens[going], cw[going], step[going], cut[going]
            sure = sure[going]
        t = step
        if not len(which):
            break
    left = np.concatenate([which, *stuck])  # ``which``: not settled after the last step
    if len(left):
        unsettled = np.zeros(len(lengths), dtype=np.bool_)
        unsettled[left] = True
        _water_fill(unsettled, lengths, ratio, wbb, wu, c, big_u, rho, status)


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
    # one float sort for all pairs: segment s maps to [2s, 2s + 1] (near-equal ratios may swap, which
    # moves rho by a rounding error only; the near-tie checks allow for that)
    scale = np.where(np.isinf(bound), 0.0, 1.0 / np.where(np.isinf(bound), 1.0, bound))
    key = 2.0 * seg + np.minimum(rc * scale[seg], 1.0)
    unbounded = np.isinf(bound)
    if unbounded.any():
        spread = rc[unbounded[seg]]
        rank = np.empty(len(rc))
        rank[unbounded[seg]] = spread / (1.0 + spread.max()) if spread.size else spread
        key = np.where(unbounded[seg], 2.0 * seg + rank, key)
    order = np.argsort(key)
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


def run_fast_many(
    P: Prepared, betas: Sequence[Fraction], max_winners: int | None = None, budget: int | None = None
) -> list[Run | None]:
    """MES runs for several per-voter budgets at once; None for a run with a decision too close to call.

    With ``budget`` (``betas`` increasing; the budget-increase search passes its real budget), once a
    run's funded projects cost more than ``budget`` every later run is abandoned (None): the search
    stops at or before that run (one that fails later is re-run exactly, with the same prefix, so over
    budget too).
    """
    pop = _POP_SMALL if len(P.sup) < _SMALL else _POP
    k = len(betas)
    g = P.num_groups
    # each voter group's money, weight * budget: the evaluations read it without multiplying
    beta_f = np.array([float(x) for x in betas], dtype=np.float64)
    b = np.outer(beta_f, P.group_weight_f).ravel()
    units = ROUND * beta_f  # per run: the error bound of one voter's budget
    cap = float(units.max() * P.group_weight_f.max()) if k and g else 0.0  # ... and of any group's
    # per project: the weight of its supporters, so ``units[run] * weights[p]`` bounds their money's error
    weights = np.bincount(
        np.repeat(np.arange(P.num_projects), P.lengths), weights=P.weight_f, minlength=P.num_projects
    ).astype(np.float64)
    fuzzy = np.zeros(k * g, dtype=np.bool_)
    free = free_projects(P)
    if max_winners is not None:
        free = free[:max_winners]
    template = [(P.costs[p] / P.totals[p], P.ranks[p], p) for p in candidates(P, frozenset(free))]
    heapq.heapify(template)
    heaps = [list(template) for _ in range(k)]
    orders = [list(free) for _ in range(k)]
    dropped: list[dict[int, int]] = [{} for _ in range(k)]
    results: list[Run | None] = [None] * k
    rho_f: list[list[float]] = [[] for _ in range(k)]
    second: list[list[float]] = [[] for _ in range(k)]

    def finish(j: int) -> None:
        results[j] = Run(
            tuple(orders[j]), len(free), dropped[j], False, None, tuple(rho_f[j]), tuple(second[j])
        )

    spent = [sum(P.costs[p] for p in free)] * k
    cut = k  # runs from this index on are abandoned
    active = [j for j in range(k) if heaps[j] and (max_winners is None or len(free) < max_winners)]
    for j in range(k):
        if j not in active:
            finish(j)
    while active:
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
                heap = heaps[j]
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
                break
            limit *= _POP_GROWTH
            status, rho = _evaluate(P, b, runs, projs, np.array(cutoffs), np.array(lows), units, weights)
            for j, p, st, r in zip(runs, projs, status.tolist(), rho.tolist(), strict=True):
                if st == 2:
                    failed.add(j)
                elif st == 1:
                    dropped[j][p] = len(orders[j])
                elif st == 3:
                    heapq.heappush(heaps[j], (r, P.ranks[p], p))  # a better lower bound, above the best
                else:
                    evaluated[j].append((r, p))
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
                zeros = [_zero_util(P, b, fuzzy, j, e[1], float(units[j])) for e in close]
                if any(z < 0 for z in zeros):
                    failed.add(j)
                    continue
                keyed = [
                    (Fraction(P.costs[e[1]], P.totals[e[1]] - z), P.ranks[e[1]], e)
                    for e, z in zip(close, zeros, strict=True)
                ]
                exact, _, tied = min(keyed, key=lambda t: (t[0], t[1]))
                win = (float(exact), tied[1])  # charged at the exact price's rounding
                tied_entry = tied
            else:
                win = tied_entry = close[0]
            for e in ev:
                if e is not tied_entry:
                    heapq.heappush(heaps[j], (e[0], P.ranks[e[1]], e[1]))
            orders[j].append(win[1])
            rho_f[j].append(win[0])
            second[j].append(heaps[j][0][0] if heaps[j] else float("inf"))
            win_runs.append(j)
            win_projs.append(win[1])
            win_rhos.append(win[0])
            spent[j] += P.costs[win[1]]
            if budget is not None and spent[j] > budget and j + 1 < cut:
                cut = j + 1
            if heaps[j] and (max_winners is None or len(orders[j]) < max_winners):
                still.append(j)
            else:
                finish(j)
        if cut < k and win_runs and win_runs[-1] >= cut:
            keep = [i for i, j in enumerate(win_runs) if j < cut]
            win_runs = [win_runs[i] for i in keep]
            win_projs = [win_projs[i] for i in keep]
            win_rhos = [win_rhos[i] for i in keep]
        if win_runs:
            _charge(P, b, fuzzy, win_runs, win_projs, win_rhos, units, cap)
        active = [j for j in still if j < cut]
        for j in range(cut, k):
            results[j] = None
    return results


def run_fast(P: Prepared, beta: Fraction, max_winners: int | None = None) -> Run | None:
    """One MES run in float64; None if some decision is too close to call (use ``run_exact``)."""
    return run_fast_many(P, [beta], max_winners)[0]
