"""Exact maximum utilitarian welfare: a 0/1 knapsack ILP solved with HiGHS, then a lexicographic tie-break.

Welfare of a set = sum over its projects of their total satisfaction (``cost`` or ``cardinality``),
as pabutools' ``max_additive_utilitarian_welfare``. Objective coefficients are the exact integer
totals divided by their gcd; while the sum of the coefficients stays below 2**53 every value HiGHS
sees is an exact double and the solve runs with a zero relative gap and an absolute gap below one
unit, so the optimum is exact (``params`` records ``exact=false`` otherwise). The chosen set is
re-checked exactly (cost within budget, welfare recomputed in integers).

Tie-breaking: among all maximum-welfare sets we return the one that contains the project ranked first
by the tie-breaking order if some optimal set does, then the second, and so on (lexicographic). First
every project whose flip (in or out) would push the fractional-knapsack bound (exact integers) below
the optimum is fixed, which leaves HiGHS a small problem; one more solve then checks whether the
optimum is unique (usually it is); if not, projects are fixed one at a time in priority order with
the welfare held at its optimum. Projects nobody supports (zero welfare) are never chosen.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from fractions import Fraction

import highspy
import numpy as np

from pbrules.model import Instance, Outcome, Rejection, Satisfaction, Step
from pbrules.satisfaction import check_satisfaction, project_totals
from pbrules.tiebreak import priority

_EXACT_LIMIT = 2**53
_banner_done = False


def _new_highs() -> highspy.Highs:
    """A silent HiGHS (its first construction prints a banner to the C-level stdout)."""
    global _banner_done
    if _banner_done:
        h = highspy.Highs()  # type: ignore[no-untyped-call]
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as devnull:
                os.dup2(devnull.fileno(), 1)
                h = highspy.Highs()  # type: ignore[no-untyped-call]
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_done = True
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.5)
    h.setOptionValue("threads", 1)
    return h


def _model(
    coef: list[int], costs: list[int], budget: int, fixed: dict[int, int], max_winners: int | None
) -> highspy.HighsLp:
    n = len(coef)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.col_cost_ = np.array(coef, dtype=np.float64)
    lp.col_lower_ = np.array([float(fixed.get(i, 0)) for i in range(n)])
    lp.col_upper_ = np.array([float(fixed.get(i, 1)) for i in range(n)])
    rows = 1 if max_winners is None else 2
    lp.num_row_ = rows
    lp.row_lower_ = np.array([-highspy.kHighsInf] * rows)
    lp.row_upper_ = np.array([float(budget)] + ([] if max_winners is None else [float(max_winners)]))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, rows * n + 1, rows, dtype=np.int32)
    lp.a_matrix_.index_ = np.tile(np.arange(rows, dtype=np.int32), n)
    values = np.array(costs, dtype=np.float64) if rows == 1 else np.column_stack([costs, np.ones(n)]).ravel()
    lp.a_matrix_.value_ = values.astype(np.float64)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    lp.sense_ = highspy.ObjSense.kMaximize
    return lp


def _solve(h: highspy.Highs) -> list[int] | None:
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return [i for i, v in enumerate(h.getSolution().col_value) if v > 0.5]


def _bound_below(
    order: list[int], coef: list[int], costs: list[int], budget: int, fixed: dict[int, int], target: int
) -> bool:
    """Is the fractional-knapsack (LP) bound under ``fixed`` below ``target``? Exact integers.

    ``order`` lists the projects by density, best first.
    """
    value = sum(coef[i] for i, v in fixed.items() if v == 1)
    room = budget - sum(costs[i] for i, v in fixed.items() if v == 1)
    if room < 0:
        return True
    for i in order:
        if i in fixed:
            continue
        if costs[i] <= room:
            room -= costs[i]
            value += coef[i]
        else:
            return value * costs[i] + coef[i] * room < target * costs[i]
    return value < target


def maxwelfare(
    instance: Instance,
    *,
    satisfaction: Satisfaction = "cost",
    tie_breaking: Sequence[str] | None = None,
    max_winners: int | None = None,
    explain: bool = True,
) -> Outcome:
    """A maximum-welfare set within budget (see module docstring for exactness and ties)."""
    totals = project_totals(instance, check_satisfaction(satisfaction))
    ranks = [int(r) for r in priority(instance.project_ids, tie_breaking)]
    costs_all = [int(c) for c in instance.costs]
    cand = [p for p in range(instance.num_projects) if totals[p] > 0 and costs_all[p] <= instance.budget]
    g = math.gcd(*(totals[p] for p in cand)) if cand else 1
    coef = [totals[p] // g for p in cand]
    costs = [costs_all[p] for p in cand]
    exact = sum(coef) < _EXACT_LIMIT
    chosen: list[int] = []
    if cand and max_winners != 0:
        chosen = _optimise(coef, costs, instance.budget, [ranks[p] for p in cand], max_winners)
    selected_idx = sorted((cand[i] for i in chosen), key=lambda p: ranks[p])
    spent = sum(costs_all[p] for p in selected_idx)
    if spent > instance.budget:
        raise RuntimeError("HiGHS returned a set over budget")  # exact re-check; should never happen
    steps = tuple(
        Step(
            k + 1,
            instance.project_ids[p],
            Fraction(costs_all[p], instance.scale),
            "optimum",
            Fraction(totals[p], instance.scale if satisfaction == "cost" else 1),
        )
        for k, p in enumerate(selected_idx)
    )
    welfare = sum(totals[p] for p in selected_idx)
    return Outcome(
        rule="maxwelfare",
        selected=tuple(s.project_id for s in steps),
        total_cost=Fraction(spent, instance.scale),
        budget=Fraction(instance.budget, instance.scale),
        trace=steps,
        rejections=_rejections(instance, totals, set(selected_idx)) if explain else (),
        params=(
            ("satisfaction", satisfaction),
            ("welfare", str(welfare)),
            ("exact", str(exact).lower()),
            ("max_winners", "" if max_winners is None else str(max_winners)),
        ),
    )


def _rejections(instance: Instance, totals: Sequence[int], chosen: set[int]) -> tuple[Rejection, ...]:
    """A reason for every project not in the optimum."""
    return tuple(
        Rejection(
            instance.project_ids[p],
            Fraction(int(instance.costs[p]), instance.scale),
            "no-support"
            if totals[p] == 0
            else ("did-not-fit" if int(instance.costs[p]) > instance.budget else "not-enough-support"),
        )
        for p in range(instance.num_projects)
        if p not in chosen
    )


def _unique(h: highspy.Highs, n: int, chosen: set[int], coef: list[int], target: int) -> bool:
    """Is ``chosen`` the only optimal set? One solve with a cut excluding exactly that set."""
    values = np.array([-1.0 if i in chosen else 1.0 for i in range(n)])
    h.addRow(1.0 - len(chosen), highspy.kHighsInf, n, np.arange(n, dtype=np.int32), values)
    other = _solve(h)
    h.deleteRows(1, np.array([h.getNumRow() - 1], dtype=np.int32))
    return other is None or sum(coef[i] for i in other) != target


def _optimise(
    coef: list[int], costs: list[int], budget: int, ranks: list[int], max_winners: int | None
) -> list[int]:
    n = len(coef)
    fixed: dict[int, int] = {i: 1 for i in range(n) if costs[i] == 0 and max_winners is None}
    h = _new_highs()
    h.passModel(_model(coef, costs, budget, fixed, max_winners))
    best = _solve(h)
    if best is None:
        raise RuntimeError(
            f"HiGHS did not solve the welfare ILP: {h.modelStatusToString(h.getModelStatus())}"
        )
    target = sum(coef[i] for i in best)
    # hold the welfare at its optimum (exact integers as doubles) and fix projects by priority
    h.addRow(
        float(target), highspy.kHighsInf, n, np.arange(n, dtype=np.int32), np.array(coef, dtype=np.float64)
    )
    incumbent = set(best)
    order = sorted(range(n), key=lambda i: Fraction(-coef[i], costs[i]) if costs[i] else Fraction(-(10**30)))
    # a project whose flip would push even the LP bound below the optimum keeps its value in every optimum
    base = dict(fixed)
    for i in range(n):
        if i not in base and _bound_below(
            order, coef, costs, budget, {**base, i: int(i not in incumbent)}, target
        ):
            fixed[i] = int(i in incumbent)
            h.changeColBounds(i, float(fixed[i]), float(fixed[i]))
    if len(fixed) == n or _unique(h, n, incumbent, coef, target):
        return sorted(incumbent)
    for i in sorted(range(n), key=lambda i: ranks[i]):
        if i in fixed:
            continue
        if i in incumbent:
            fixed[i] = 1
            h.changeColBounds(i, 1.0, 1.0)
            continue
        if _bound_below(order, coef, costs, budget, {**fixed, i: 1}, target):
            fixed[i] = 0
            h.changeColBounds(i, 0.0, 0.0)
            continue
        h.changeColBounds(i, 1.0, 1.0)
        trial = _solve(h)
        if (
            trial is not None
            and sum(coef[j] for j in trial) == target
            and sum(costs[j] for j in trial) <= budget
        ):
            fixed[i] = 1
            incumbent = set(trial)
        else:
            fixed[i] = 0
            h.changeColBounds(i, 0.0, 0.0)
    return sorted(incumbent)
