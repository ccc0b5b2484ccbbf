"""Budget-increase completions: find the step pabutools stops at, skipping stretches that cannot change.

Steps k = 0, 1, ... run MES with per-voter budget ``beta0 + k * step``; the search returns the first
outcome exhaustive w.r.t. ``among``, or the one before the first over-budget outcome, or the last one
(``k <= last``), exactly as pabutools walks them.

Skipping is certified, not guessed. Along a fixed sequence of winners, a larger budget leaves every
voter at least as much money after every round, so every project's rho is then no larger (induction
over the rounds). Hence if the runs at budgets a < c fund the same sequence and, in every round r, the
lower bound run c had on all other projects exceeds run a's winning rho, then every budget in [a, c]
funds that same sequence (the winner's rho only falls, the others' only rise towards a, and whatever
was unaffordable at c is unaffordable below). Such steps fund the same set as step a, so none of them
stops the search. Probes go out at doubling strides while this holds, and steps are walked one by one
(in lockstep batches) where it does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from pbrules.rules.mes_engine import TOL, Prepared, Run
from pbrules.rules.mes_exact import run_exact
from pbrules.rules.mes_fast import run_fast_many

_FIRST_BATCH = 4
_MAX_BATCH = 32  # runs computed in lockstep: amortises numpy's per-call overhead on small instances ...
_BIG_BATCH = 8  # ... but past the stopping step a batch is wasted work, so large instances use small ones
_BIG = 20_000  # supporter entries
_PROBES = 4  # strided probes per batch
_MAX_STRIDE = 4096


def certified(a: Run, c: Run) -> bool:
    """Every budget between run a's and run c's (a below c) funds the same projects in the same order."""
    if a.exact or c.exact or a.order != c.order or len(a.rho_f) != len(c.second):
        return False
    return all(s > r * (1.0 + 4 * TOL) for r, s in zip(a.rho_f, c.second, strict=True))


class _Walk:
    """Visits steps in increasing order and remembers the last one that did not stop the search."""

    def __init__(
        self,
        P: Prepared,
        budget: int,
        among: Sequence[int],
        max_winners: int | None,
        last: int | None,
        beta0: Fraction,
        step: Fraction,
    ) -> None:
        self.P = P
        self.last = last
        self.beta0 = beta0
        self.step = step
        self.largest = _BIG_BATCH if len(P.sup) >= _BIG else _MAX_BATCH
        self.budget = budget
        self.among = among
        self.max_winners = max_winners
        self.previous = Run(order=(), free=0, dropped={}, exact=True, rhos=())
        self.previous_k = -1
        self.steady = False  # the last two steps visited were certified alike
        self.saturation = Fraction(sum(P.costs[p] for p in range(P.num_projects) if P.totals[p] > 0))

    def beta(self, k: int) -> Fraction:
        return self.beta0 + k * self.step

    def inside(self, k: int) -> bool:
        return self.last is None or k <= self.last

    def fast_runs(self, ks: list[int]) -> list[Run | None]:
        return run_fast_many(self.P, [self.beta(x) for x in ks], self.max_winners, self.budget)

    def one_by_one(self, ks: list[int]) -> tuple[Run, int, Run | None] | None:
        """Visit steps ``ks`` in order (fast runs in lockstep batches) until one stops the search."""
        for start in range(0, len(ks), self.largest):
            chunk = ks[start : start + self.largest]
            for k, run in zip(chunk, self.fast_runs(chunk), strict=True):
                found = self.visit(k, self.beta(k), run)
                if found is not None:
                    return found
        return None

    def stops(self, run: Run) -> bool:
        return self.over(run) or self.complete(run)

    def over(self, run: Run) -> bool:
        return sum(self.P.costs[p] for p in run.order) > self.budget

    def complete(self, run: Run) -> bool:
        if self.max_winners is not None and len(run.order) >= self.max_winners:
            return True
        left = self.budget - sum(self.P.costs[p] for p in run.order)
        taken = set(run.order)
        return all(self.P.costs[p] > left for p in self.among if p not in taken)

    def visit(self, k: int, beta: Fraction, run: Run | None) -> tuple[Run, int, Run | None] | None:
        """The search's answer if step k stops it, else None (and step k becomes the previous one)."""
        if run is None:
            run = run_exact(self.P, beta, self.max_winners)
        if self.over(run):
            return self.previous, k - 1, run
        if self.complete(run):
            return run, k, None
        self.steady = self.previous_k >= 0 and certified(self.previous, run)
        self.previous, self.previous_k = run, k
        if beta >= self.saturation and self.P.num_voters > 0:
            return self.saturated(run, k)
        return None

    def saturated(self, run: Run, k: int) -> tuple[Run, int, Run | None]:
        """Every voter alone can pay for all supported projects: every later step funds them all, in
        the same order (all at rho = cost / U), so none stops the search before its last step."""
        return run, (k if self.last is None else self.last), None


def search(
    P: Prepared,
    budget: int,
    beta0: Fraction,
    step: Fraction,
    last: int | None,
    among: Sequence[int],
    max_winners: int | None,
) -> tuple[Run, int, Run | None]:
    """(kept run, its step, the over-budget run that stopped the search or None); see the module doc.

    The fast runs get the real budget: in a batch, the runs after an over-budget one are abandoned."""
    walk = _Walk(P, budget, among, max_winners, last, beta0, step)
    k = 0
    stride = 1
    size = _FIRST_BATCH
    while walk.inside(k):
        if stride == 1 or walk.previous_k < 0:
            ks = [x for x in range(k, k + size) if walk.inside(x)]
            found = walk.one_by_one(ks)
            if found is not None:
                return found
            k = ks[-1] + 1
            size = min(size * 2, walk.largest)
            stride = 2 if walk.steady else 1
            continue
        base = walk.previous_k
        ks = [base + stride * (i + 1) for i in range(_PROBES) if walk.inside(base + stride * (i + 1))]
        if not ks:
            stride = 1
            continue
        jumped_all = True
        for x, probe in zip(ks, walk.fast_runs(ks), strict=True):
            anchor_k = walk.previous_k
            if probe is not None and certified(walk.previous, probe):
                walk.previous, walk.previous_k = probe, x  # same set as the anchor at every step up to x
                if walk.beta(x) >= walk.saturation:
                    return walk.saturated(probe, x)
                continue
            jumped_all = False
            found = walk.one_by_one(list(range(anchor_k + 1, x)))
            if found is None:
                found = walk.visit(x, walk.beta(x), probe)
            if found is not None:
                return found
            break
        k = walk.previous_k + 1
        stride = min(stride * 2, _MAX_STRIDE) if jumped_all else 1
    return walk.previous, walk.previous_k, None
