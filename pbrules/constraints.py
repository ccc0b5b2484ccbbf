"""Constraints cities add around any rule: minimum vote share, sub-budgets, a maximum number of winners.

* ``min_share``: a project supported (positive score) by fewer than this fraction of all ballots
  (empty ones included) drops out before the rule runs (rejection reason "constraint").
* sub-budgets: ``{name: (budget, project ids)}``; the rule runs once per sub-budget on the projects of
  that group (all voters kept), and the outcomes are combined in the order given. A project listed in
  no group is rejected ("constraint"). ``sub_budgets_from_election`` reads pabulib's
  ``budget_per_category`` + ``categories`` META (Amsterdam); a project in several budgeted
  categories belongs to the first of them in META order.
* ``max_winners``: greedy, Phragmén, maxwelfare and Equal Shares take it natively; ``truncate`` cuts
  any sequential outcome after its first k winners. With sub-budgets it applies to each one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from fractions import Fraction

import numpy as np

from pbrules.instance import sub_instance
from pbrules.model import Election, Instance, Outcome, Rejection, Step
from pbrules.satisfaction import support_counts

SubBudgets = Mapping[str, tuple[Fraction, Collection[str]]]


def min_share_filter(
    instance: Instance, min_share: Fraction | float | str
) -> tuple[Instance, tuple[Rejection, ...]]:
    """Drop projects supported by less than ``min_share`` of the ballots; returns the rest and the drops."""
    share = Fraction(min_share)
    if not 0 <= share <= 1:
        raise ValueError(f"min_share must be between 0 and 1, got {min_share}")
    counts = support_counts(instance)
    n = instance.num_voters
    keep = np.array([c * share.denominator >= share.numerator * n for c in counts], dtype=np.bool_)
    dropped = tuple(
        Rejection(instance.project_ids[p], Fraction(int(instance.costs[p]), instance.scale), "constraint")
        for p in np.flatnonzero(~keep)
    )
    return sub_instance(instance, keep)[0], dropped


def sub_budgets_from_election(
    election: Election, budgets: Mapping[str, Fraction] | None = None
) -> dict[str, tuple[Fraction, tuple[str, ...]]]:
    """Sub-budgets per category: from ``budgets`` or from META ``budget_per_category`` + ``categories``."""
    if budgets is None:
        names = [c.strip() for c in election.meta_value("categories").split(",") if c.strip()]
        amounts = [a.strip() for a in election.meta_value("budget_per_category").split(",") if a.strip()]
        if not names or len(names) != len(amounts):
            raise ValueError("META needs 'categories' and 'budget_per_category' of the same length")
        budgets = {n: Fraction(a) for n, a in zip(names, amounts, strict=True)}
    groups: dict[str, list[str]] = {name: [] for name in budgets}
    for p in election.projects:
        for cat in p.categories:
            if cat in groups:
                groups[cat].append(p.project_id)
                break
    return {name: (budgets[name], tuple(groups[name])) for name in budgets}


def with_sub_budgets(
    instance: Instance, sub_budgets: SubBudgets, run: Callable[[Instance], Outcome]
) -> Outcome:
    """Run ``run`` once per sub-budget and combine (trace phases are ``sub-budget:<name>``)."""
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    steps: list[Step] = []
    rejections: list[Rejection] = []
    placed: set[str] = set()
    rule = ""
    total = Fraction(0)
    for name, (amount, pids) in sub_budgets.items():
        keep = np.zeros(instance.num_projects, dtype=np.bool_)
        for pid in pids:
            if pid in position and pid not in placed:
                keep[position[pid]] = True
                placed.add(pid)
        scaled = amount * instance.scale
        if scaled.denominator != 1:
            raise ValueError(f"sub-budget {name!r} is finer than the file's amounts")
        part = run(sub_instance(instance, keep, budget=int(scaled))[0])
        rule = part.rule
        total += part.total_cost
        for s in part.trace:
            steps.append(
                Step(
                    len(steps) + 1,
                    s.project_id,
                    s.cost,
                    f"sub-budget:{name}",
                    s.score,
                    s.supporters,
                    s.price_per_supporter,
                )
            )
        rejections.extend(part.rejections)
    for pid in instance.project_ids:
        if pid not in placed:
            p = position[pid]
            rejections.append(Rejection(pid, Fraction(int(instance.costs[p]), instance.scale), "constraint"))
    return Outcome(
        rule=rule,
        selected=tuple(s.project_id for s in steps),
        total_cost=total,
        budget=sum((a for a, _ in sub_budgets.values()), Fraction(0)),
        trace=tuple(steps),
        rejections=tuple(rejections),
        params=(("sub_budgets", ",".join(f"{n}={a}" for n, (a, _) in sub_budgets.items())),),
    )


def truncate(outcome: Outcome, max_winners: int) -> Outcome:
    """Keep the first ``max_winners`` winners of a sequential outcome; the rest become "constraint"."""
    kept, cut = outcome.trace[:max_winners], outcome.trace[max_winners:]
    extra = tuple(Rejection(s.project_id, s.cost, "constraint") for s in cut)
    return Outcome(
        rule=outcome.rule,
        selected=tuple(s.project_id for s in kept),
        total_cost=sum((s.cost for s in kept), Fraction(0)),
        budget=outcome.budget,
        trace=kept,
        rejections=outcome.rejections + extra,
        params=(*outcome.params, ("max_winners", str(max_winners))),
    )
