"""Equal Shares, float64 fast path, part 1: the affordability rho of many (run, project) pairs at once.

``evaluate`` is what the lockstep runs of ``mes_fast`` call each sub-round: it finds which pairs
can pay at all, then rho for those by Newton's method on the supporters' money, and the few pairs
Newton leaves unsettled by a sort (``_water_fill``). These functions are kernels: each numpy call
works on the supporters of every pair at once, so a step that reads as one (a mask, a segment sum)
is kept in the function that needs it rather than split per pair; their docstrings say why each is
safe against rounding.

Money against a cost allows, besides the relative ``TOL``, an absolute ``ROUND`` times the money the
supporters started with: the rounding error a budget can have picked up (see docs/mes.md,
"Exactness"), which a cheap project can be far below.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from pbrules.rules.mes_engine import TOL, Prepared

# Bound on a float budget's absolute error, relative to the voter's starting budget: each round adds
# at most a few units of roundoff (2^-52) times the starting budget, plus the payment's share of the
# float rho's error (Newton stops within 1e-13); 2^-32 leaves room for thousands of rounds.
ROUND = 2.0**-32


def evaluate(
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
    near-tie ``mes_fast._zero_util`` tells whether an affordable pair's rho is exactly cost / (U - Z).

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
    possibly-poor supporters to those with budget / utility < t; only these are sorted, all pairs in
    one float sort, and the first prefix of poor supporters that leaves the rest able to pay rho * u
    gives rho. A pair with no answer is too close to call (status 2).
    """
    which = np.flatnonzero(constrained)
    lens = lengths[which]
    sel = np.repeat(constrained, lengths)
    r = ratio[sel]
    wb = wbb[sel]
    wq = wu[sel]
    cw = c[which]
    uw = big_u[which]
    low = rho[which]
    bound = _upper_bound(r, wb, wq, cw, lens, low)
    cand = r < np.repeat(bound, lens)
    seg = np.repeat(np.arange(len(which)), lens)[cand]
    rc = r[cand]
    order = _by_ratio(seg, rc, bound)
    seg = seg[order]
    rc = rc[order]
    wb2 = wb[cand][order]
    wu2 = wq[cand][order]
    result, found = _poor_prefix_rho(seg, rc, wb2, wu2, cw, uw)
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


def _upper_bound(
    r: npt.NDArray[np.float64],
    wb: npt.NDArray[np.float64],
    wq: npt.NDArray[np.float64],
    cw: npt.NDArray[np.float64],
    lens: npt.NDArray[np.int64],
    low: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Per pair a t with F(t) >= cost, tried at a few multiples of the lower bound (inf if none is)."""
    starts = np.cumsum(lens) - lens
    top = np.full(len(lens), np.inf)
    for factor in (1.5, 4.0, 32.0):
        t = np.where(np.isinf(top), low * factor, top)
        tt = np.repeat(t, lens)
        below = r < tt
        money = np.add.reduceat(np.where(below, wb, tt * wq), starts)
        top = np.where(np.isinf(top) & (money >= cw), t, top)
        if not np.isinf(top).any():
            break
    return np.where(np.isinf(top), np.inf, top)


def _by_ratio(
    seg: npt.NDArray[np.int64], rc: npt.NDArray[np.float64], bound: npt.NDArray[np.float64]
) -> npt.NDArray[np.intp]:
    """The order of the candidates by pair, then by budget / utility: one float sort for all pairs.

    Segment s maps to [2s, 2s + 1] (near-equal ratios may swap, which moves rho by a rounding error
    only; the near-tie checks allow for that).
    """
    scale = np.where(np.isinf(bound), 0.0, 1.0 / np.where(np.isinf(bound), 1.0, bound))
    key = 2.0 * seg + np.minimum(rc * scale[seg], 1.0)
    unbounded = np.isinf(bound)
    if unbounded.any():
        spread = rc[unbounded[seg]]
        rank = np.empty(len(rc))
        rank[unbounded[seg]] = spread / (1.0 + spread.max()) if spread.size else spread
        key = np.where(unbounded[seg], 2.0 * seg + rank, key)
    return np.argsort(key)


def _poor_prefix_rho(
    seg: npt.NDArray[np.int64],
    rc: npt.NDArray[np.float64],
    wb2: npt.NDArray[np.float64],
    wu2: npt.NDArray[np.float64],
    cw: npt.NDArray[np.float64],
    uw: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Per pair (candidates sorted by ``_by_ratio``) the rho where the poor are a prefix of the sorted
    candidates: those before pay all they have, the rest rho * u. (rho, whether one was found)."""
    n = len(cw)
    counts = np.bincount(seg, minlength=n)
    st2 = np.cumsum(counts) - counts
    cum_wb = np.cumsum(wb2) - wb2
    cum_wu = np.cumsum(wu2) - wu2
    base_wb = np.zeros(n)
    base_wu = np.zeros(n)
    nonempty = counts > 0
    base_wb[nonempty] = cum_wb[st2[nonempty]]
    base_wu[nonempty] = cum_wu[st2[nonempty]]
    paid = cum_wb - base_wb[seg]
    rest = uw[seg] - (cum_wu - base_wu[seg])
    value = (cw[seg] - paid) / np.where(rest > 0.0, rest, 1.0)
    ok = (rest > 0.0) & (value <= rc)
    position = np.where(ok, np.arange(len(rc)), len(rc))
    first = np.full(n, len(rc))
    if len(rc):
        np.minimum.at(first, seg, position)
    found = first < len(rc)
    result = np.full(n, np.nan)
    result[found] = value[first[found]]
    return result, found
