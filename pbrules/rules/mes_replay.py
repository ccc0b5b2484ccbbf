"""Equal Shares: exact replay of a known run (the trace's exact prices) from the payment history.

A voter who ever pays less than a full share has nothing left, and every other voter has paid
``rho_r * u`` for each winner r it supports, so its budget is ``beta - sum_r rho_r * u_r``: exact budgets
never need to be stored or subtracted. Each round, for the winner q:

1. the float64 budgets (kept with a proven bound ``err`` on their error) are water-filled to guess who
   pays all they have (the poor);
2. the price is computed exactly from that split: the poor's money is ``beta * W - sum_r rho_r * A_r``
   with integers W (their weight) and ``A_r`` (weight * utility for winner r, over those of them who
   supported it), a handful of Fraction operations per round;
3. the split is verified against the exact price: a supporter is certainly poor or certainly not when
   its float budget is further than ``err`` from the share, and the others (near-ties) get their exact
   budget from the history;
4. the float budgets are charged: the poor (and those who paid exactly all they had) are set to 0
   exactly, the others pay the share in float64, which adds at most ``4 * eps * beta`` to ``err``.

A split that fails verification (never seen on the real files), or integers that could overflow int64,
send the whole replay to the interned-Fraction one (``mes_exact.replay_exact``).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import gcd
from typing import Protocol

import numpy as np
import numpy.typing as npt

from pbrules.rules.mes_engine import TOL, Prepared
from pbrules.rules.mes_exact import replay_exact

_EPS = 2.0**-53  # unit roundoff of float64
_INT64_SAFE = 2**62


class Replay(Protocol):
    """A known run replayed exactly."""

    @property
    def prices(self) -> tuple[tuple[Fraction, int], ...]:
        """(exact rho, weight of the supporters who paid something) per winner, free ones (0, 0)."""
        ...

    def short_of(self, P: Prepared, p: int, cost: int) -> bool:
        """Whether p's supporters have less than ``cost`` left in total at the end of the run."""
        ...


class _Mismatch(Exception):
    """The float64 split disagrees with the exact price: replay with interned Fractions instead."""


class HistoryReplay:
    """The state of a replay: float budgets with their error bound, exhausted voters, paid winners."""

    def __init__(self, P: Prepared, beta: Fraction) -> None:
        self.P = P
        self.beta = beta
        self.beta_f = float(beta)
        self.budget = np.full(P.num_groups, self.beta_f)
        self.dead = np.zeros(P.num_groups, dtype=np.bool_)  # budget exactly 0
        self.err = 2 * _EPS * self.beta_f  # |float budget - exact budget| for every voter
        self.history: list[tuple[int, Fraction]] = []  # paid winners and their exact rho
        # the paid winners' supporter entries, one after the other: groups, weight * utility, starts
        self.past_sup = np.zeros(0, dtype=np.int64)
        self.past_wutil = np.zeros(0, dtype=np.int64)
        self.past_starts = np.zeros(0, dtype=np.int64)
        self.den = 1  # common denominator of the past rhos, and each rho times it
        self.scaled: list[int] = []
        self.prices: tuple[tuple[Fraction, int], ...] = ()

    def money(self, groups: npt.NDArray[np.bool_]) -> Fraction:
        """Exact money left to the voter groups marked in ``groups`` (a mask), none of them exhausted."""
        weight = int(self.P.group_weight[groups].sum())
        if not self.history:
            return weight * self.beta
        # weight * utility per past winner over the marked groups (integers, one numpy call), then
        # sum_r rho_r * A_r over the rhos' common denominator: integer products, one normalisation
        paid = np.add.reduceat(np.where(groups[self.past_sup], self.past_wutil, 0), self.past_starts)
        spent = sum(x * a for x, a in zip(self.scaled, paid.tolist(), strict=True) if a)
        beta = self.beta
        return Fraction(
            beta.numerator * weight * self.den - beta.denominator * spent, beta.denominator * self.den
        )

    def exact_budget(self, group: int) -> Fraction:
        """One voter group's exact budget, from the history (the group must not be exhausted)."""
        P = self.P
        left = self.beta
        for q, rho in self.history:
            sup = P.sup_of[q]
            at = int(np.searchsorted(sup, group))
            if at < len(sup) and sup[at] == group:
                left -= rho * int(P.util[int(P.ptr[q]) + at])
        return left

    def pay(self, q: int) -> tuple[Fraction, int]:
        """Winner q is paid for: its exact rho and the weight of the supporters who paid something."""
        P = self.P
        s = P.entries(q)
        sup, u_f = P.sup[s], P.util_f[s]
        dead = self.dead[sup]
        b = np.where(dead, 0.0, self.budget[sup])
        poor = self._float_split(q, b)
        rho = self._price(q, poor & ~dead, poor)
        share = float(rho) * u_f
        margin = self.err + share * (8 * _EPS)  # rho's and share's roundings, with room
        sure_poor = dead | (b < share - margin)
        sure_rich = ~dead & (b > share + margin)
        if (poor & sure_rich).any() or (~poor & sure_poor).any():
            raise _Mismatch
        empty = sure_poor.copy()  # budget exactly 0 after paying
        new_b = np.where(sure_poor, 0.0, b - share)
        for e in np.flatnonzero(~sure_poor & ~sure_rich).tolist():
            exact = self.exact_budget(int(sup[e]))
            owed = rho * int(P.util[s.start + e])
            if (exact < owed and not poor[e]) or (exact > owed and poor[e]):
                raise _Mismatch
            empty[e] = exact <= owed
            new_b[e] = 0.0 if exact <= owed else float(exact - owed)
        paying = int(P.weight[s][~dead].sum())
        self.budget[sup] = new_b
        self.dead[sup[empty]] = True
        self.err += 4 * _EPS * self.beta_f
        self.history.append((q, rho))
        factor = rho.denominator // gcd(self.den, rho.denominator)
        if factor > 1:
            self.scaled = [x * factor for x in self.scaled]
            self.den *= factor
        self.scaled.append(rho.numerator * (self.den // rho.denominator))
        self.past_starts = np.append(self.past_starts, len(self.past_sup))
        self.past_sup = np.concatenate([self.past_sup, sup])
        self.past_wutil = np.concatenate([self.past_wutil, P.wutil[s]])
        return rho, paying

    def _float_split(self, q: int, b: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Supporters (by entry) who seem to pay all they have: the water-filling done in float64."""
        P = self.P
        s = P.entries(q)
        ratio = b / P.util_f[s]
        order = np.argsort(ratio, kind="stable")
        wb = (P.weight_f[s] * b)[order]
        wu = P.wutil_f[s][order]
        before_paid = np.cumsum(wb) - wb
        rest = float(P.totals[q]) - (np.cumsum(wu) - wu)
        price = (P.cost_f[q] - before_paid) / np.where(rest > 0.0, rest, 1.0)
        # (with room for rounding: a supporter whose budget is exactly the share may go either way)
        ok = (rest > 0.0) & (price <= ratio[order] * (1.0 + 1e-12))
        if not ok.any():
            raise _Mismatch
        poor = np.zeros(len(ratio), dtype=np.bool_)
        poor[order[: int(np.argmax(ok))]] = True
        return poor

    def _price(self, q: int, live_poor: npt.NDArray[np.bool_], poor: npt.NDArray[np.bool_]) -> Fraction:
        """Exact rho of q when the supporters marked ``poor`` pay all they have, the others rho * u."""
        P = self.P
        s = P.entries(q)
        groups = np.zeros(P.num_groups, dtype=np.bool_)
        groups[P.sup[s][live_poor]] = True
        rest = P.totals[q] - int(P.wutil[s][poor].sum())
        if rest <= 0:
            raise _Mismatch
        return (P.costs[q] - self.money(groups)) / rest

    def short_of(self, P: Prepared, p: int, cost: int) -> bool:
        """Whether p's supporters have less than ``cost`` left in total at the end of the run."""
        s = P.entries(p)
        sup = P.sup[s]
        live = ~self.dead[sup]
        approx = float((P.weight_f[s] * np.where(live, self.budget[sup], 0.0)).sum())
        slack = cost * TOL + float(P.weight_f[s][live].sum()) * self.err
        if abs(approx - cost) > slack:
            return approx < cost
        groups = np.zeros(P.num_groups, dtype=np.bool_)
        groups[sup[live]] = True
        return self.money(groups) < cost


def replay(P: Prepared, beta: Fraction, order: Sequence[int], free: int) -> Replay:
    """Exact (rho, paying weight) of each winner of a known run (see the module docstring)."""
    if max(P.totals, default=0) >= _INT64_SAFE or P.num_voters >= _INT64_SAFE:
        return replay_exact(P, beta, order, free)
    state = HistoryReplay(P, Fraction(beta))
    prices: list[tuple[Fraction, int]] = [(Fraction(0), 0)] * free
    try:
        prices.extend(state.pay(q) for q in order[free:])
    except _Mismatch:
        return replay_exact(P, beta, order, free)
    state.prices = tuple(prices)
    return state
