"""Greedy utilitarian welfare: take projects by satisfaction per unit of cost while they fit.

Matches pabutools' ``greedy_utilitarian_welfare`` with an additive satisfaction: every project is
ranked once by density = total satisfaction / cost (cost 0 with support first, unsupported projects
last, ties by the tie-breaking priority), then taken in that order if it still fits ("skip").
``skip=False`` is the no-skip variant: stop at the first project that does not fit.
All comparisons are exact (integer cross-multiplication / Fraction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from pbrules.model import Instance, Outcome, Rejection, Satisfaction, Step
from pbrules.satisfaction import check_satisfaction, project_totals
from pbrules.tiebreak import priority


@dataclass(frozen=True, kw_only=True)
class GreedyRun:
    """The greedy pass in full: processing order, who was taken, and the budget left before each."""

    order: tuple[int, ...]
    taken: tuple[bool, ...]
    remaining_before: tuple[int, ...]
    stop: int
    totals: tuple[int, ...]
    ranks: tuple[int, ...]


def density_key(total: int, cost: int, rank: int) -> tuple[int, Fraction, int]:
    """Sort key: supported free projects first, then by density (descending), unsupported last."""
    if total > 0:
        if cost == 0:
            return (0, Fraction(0), rank)
        return (1, Fraction(-total, cost), rank)
    return (2, Fraction(0), rank)


def greedy_order(totals: Sequence[int], costs: Sequence[int], ranks: Sequence[int]) -> list[int]:
    return sorted(range(len(totals)), key=lambda p: density_key(totals[p], costs[p], ranks[p]))


def run_greedy(
    instance: Instance,
    satisfaction: Satisfaction = "cost",
    tie_breaking: Sequence[str] | None = None,
    skip: bool = True,
    max_winners: int | None = None,
) -> GreedyRun:
    """One exact greedy pass; ``stop`` is the order position where no-skip or max_winners stopped it."""
    totals = project_totals(instance, check_satisfaction(satisfaction))
    ranks = [int(r) for r in priority(instance.project_ids, tie_breaking)]
    costs = [int(c) for c in instance.costs]
    order = greedy_order(totals, costs, ranks)
    remaining = instance.budget
    taken: list[bool] = []
    before: list[int] = []
    stop = len(order)
    winners = 0
    for pos, p in enumerate(order):
        before.append(remaining)
        if max_winners is not None and winners >= max_winners:
            stop = pos
            break
        if costs[p] <= remaining:
            remaining -= costs[p]
            taken.append(True)
            winners += 1
        else:
            taken.append(False)
            if not skip:
                stop = pos + 1
                break
    before.append(remaining)
    taken.extend([False] * (len(order) - len(taken)))
    return GreedyRun(
        order=tuple(order),
        taken=tuple(taken),
        remaining_before=tuple(before),
        stop=stop,
        totals=tuple(totals),
        ranks=tuple(ranks),
    )


def greedy(
    instance: Instance,
    *,
    satisfaction: Satisfaction = "cost",
    tie_breaking: Sequence[str] | None = None,
    skip: bool = True,
    max_winners: int | None = None,
    explain: bool = True,
) -> Outcome:
    """Greedy utilitarian welfare (see module docstring); the trace lists winners in order taken."""
    run = run_greedy(instance, satisfaction, tie_breaking, skip, max_winners)
    scale = instance.scale
    steps: list[Step] = []
    for p, took in zip(run.order, run.taken, strict=True):
        if took:
            cost = int(instance.costs[p])
            total = run.totals[p]
            score = None if cost == 0 and total > 0 else Fraction(total, max(cost, 1))
            if score is not None and satisfaction == "cardinality":
                score *= scale
            steps.append(Step(len(steps) + 1, instance.project_ids[p], Fraction(cost, scale), "main", score))
    rejections: tuple[Rejection, ...] = ()
    if explain:
        from pbrules.explain import greedy_rejections

        rejections = greedy_rejections(instance, run, satisfaction, skip, max_winners)
    total_cost = sum((s.cost for s in steps), Fraction(0))
    name = "greedy" if skip else "greedy-no-skip"
    return Outcome(
        rule=name,
        selected=tuple(s.project_id for s in steps),
        total_cost=total_cost,
        budget=Fraction(instance.budget, scale),
        trace=tuple(steps),
        rejections=rejections,
        params=(
            ("satisfaction", satisfaction),
            ("skip", str(skip).lower()),
            ("max_winners", "" if max_winners is None else str(max_winners)),
        ),
    )
