"""Outcome metrics: spending, voter satisfaction, coverage, inequality, and an EJR-up-to-one check.

EJR up to one project (Peters, Pierczyński, Skowron 2021; pabutools' ``is_EJR_one_approval``), for
approval ballots and the chosen satisfaction u (cost or cardinality): a group S of voters who all
approve every project of T, with ``|S| * budget >= cost(T) * n`` (T-cohesive), is *violated* if every
voter i in S has ``u_i(W) + max_{p in T \\ W} u_i(p) < u_i(T)``. All members of S approve T, so
``u_i(T)`` and the surplus depend only on T, and the largest candidate group is simply "T's approvers
with ``u_i(W)`` below that threshold". We check:

* ``exact`` (at most ``exact_limit`` projects, default 15): every subset T — a complete check.
* ``heuristic`` (more projects): for each unfunded project a and each size l up to ``max_size``,
  T grows from {a} by the project most approved within the current group of common approvers.
  Any violation reported is real (it is re-verified exactly); absence is not a proof.

Other ballot types get ``ejr_up_to_one = None`` ("n/a").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import numpy as np
import numpy.typing as npt

from pbrules.instance import row_of_entry
from pbrules.model import Instance, Outcome, Satisfaction
from pbrules.satisfaction import voter_satisfaction


@dataclass(frozen=True)
class EJRViolation:
    """A T-cohesive group none of whose members gets EJR up to one: T, its size, its voter groups."""

    projects: tuple[str, ...]
    group_size: int
    voter_groups: tuple[int, ...]


@dataclass(frozen=True)
class Metrics:
    """Summary of one outcome. Satisfaction averages are per ballot (empty ballots included)."""

    total_cost: Fraction
    leftover_budget: Fraction
    num_selected: int
    avg_cost_satisfaction: float
    avg_cardinality_satisfaction: float
    share_with_funded_project: float
    gini_cost_satisfaction: float
    ejr_up_to_one: bool | None
    ejr_method: str
    ejr_violation: EJRViolation | None


def gini(values: npt.NDArray[np.float64], weights: npt.NDArray[np.float64]) -> float:
    """Weighted Gini coefficient (0 = everyone equal; 0 when nobody has anything)."""
    order = np.argsort(values, kind="stable")
    x, w = values[order], weights[order]
    total_w, total_wx = float(w.sum()), float((w * x).sum())
    if total_w == 0 or total_wx == 0:
        return 0.0
    cum = np.cumsum(w)
    below = float((w * x * (cum - w)).sum())
    above = float((w * x * (total_w - cum)).sum())
    return (below - above) / (total_w * total_wx)


def outcome_metrics(
    instance: Instance,
    outcome: Outcome,
    *,
    ejr_satisfaction: Satisfaction = "cost",
    exact_limit: int = 15,
    max_size: int = 8,
    check_ejr: bool = True,
) -> Metrics:
    """Metrics of ``outcome`` on ``instance`` (see the module docstring for what the EJR check covers).

    Without ``check_ejr`` the EJR check is skipped (``ejr_up_to_one`` None, ``ejr_method`` "skipped").
    """
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    selected = np.zeros(instance.num_projects, dtype=np.bool_)
    for pid in outcome.selected:
        selected[position[pid]] = True
    w = instance.weights.astype(np.float64)
    n = float(w.sum())
    cost_sat = voter_satisfaction(instance, selected, "cost") / instance.scale
    card_sat = voter_satisfaction(instance, selected, "cardinality")
    funded = np.bincount(
        row_of_entry(instance),
        weights=(selected[instance.indices] & (instance.scores > 0)).astype(np.float64),
        minlength=len(w),
    )
    ejr: bool | None = None
    method = "n/a"
    violation = None
    if not check_ejr:
        method = "skipped"
    elif instance.vote_type in ("approval", "choose-1"):
        if instance.num_projects <= exact_limit:
            method, violation = "exact", _ejr_exact(instance, selected, ejr_satisfaction)
        else:
            method, violation = "heuristic", _ejr_heuristic(instance, selected, ejr_satisfaction, max_size)
        ejr = violation is None
    spent = outcome.total_cost
    return Metrics(
        total_cost=spent,
        leftover_budget=outcome.budget - spent,
        num_selected=len(outcome.selected),
        avg_cost_satisfaction=float((w * cost_sat).sum() / n) if n else 0.0,
        avg_cardinality_satisfaction=float((w * card_sat).sum() / n) if n else 0.0,
        share_with_funded_project=float(w[funded > 0].sum() / n) if n else 0.0,
        gini_cost_satisfaction=gini(cost_sat, w),
        ejr_up_to_one=ejr,
        ejr_method=method,
        ejr_violation=violation,
    )


def selection_metrics(instance: Instance, selected: Iterable[str], *, check_ejr: bool = False) -> Metrics:
    """The metrics of any selection of ``instance``'s projects (another rule's stored choice, say).

    The same figures ``outcome_metrics`` gives for an outcome that selected these projects; the EJR
    check runs only when asked (it is the slow part). An unknown project id raises ``ValueError``.
    """
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    chosen = tuple(dict.fromkeys(selected))
    unknown = [pid for pid in chosen if pid not in position]
    if unknown:
        raise ValueError(f"unknown project {unknown[0]!r}")
    spent = sum(int(instance.costs[position[pid]]) for pid in chosen)
    outcome = Outcome(
        rule="selection",
        selected=chosen,
        total_cost=Fraction(spent, instance.scale),
        budget=Fraction(instance.budget, instance.scale),
    )
    return outcome_metrics(instance, outcome, check_ejr=check_ejr)


class _EJRData:
    """Per voter group: approval masks (as a boolean matrix) and current utility, exact integers."""

    def __init__(
        self, instance: Instance, selected: npt.NDArray[np.bool_], satisfaction: Satisfaction
    ) -> None:
        self.instance = instance
        g, m = len(instance.weights), instance.num_projects
        self.approves = np.zeros((g, m), dtype=np.bool_)
        self.approves[row_of_entry(instance), instance.indices] = instance.scores > 0
        self.costs = [int(c) for c in instance.costs]
        self.util = [c if satisfaction == "cost" else 1 for c in self.costs]
        util_arr = np.array(self.util, dtype=np.int64)
        self.current: npt.NDArray[np.int64] = (self.approves & selected[None, :]).astype(np.int64) @ util_arr
        self.selected = selected
        self.n = instance.num_voters

    def check(self, T: tuple[int, ...]) -> EJRViolation | None:
        cost_t = sum(self.costs[p] for p in T)
        inst = self.instance
        if cost_t > inst.budget:
            return None
        group = np.all(self.approves[:, list(T)], axis=1)
        u_t = sum(self.util[p] for p in T)
        surplus = max((self.util[p] for p in T if not self.selected[p]), default=0)
        unhappy = group & (self.current + surplus < u_t)
        size = int(inst.weights[unhappy].sum())
        if size > 0 and size * inst.budget >= cost_t * self.n:
            rows = tuple(int(r) for r in np.flatnonzero(unhappy))
            return EJRViolation(tuple(inst.project_ids[p] for p in T), size, rows)
        return None


def _ejr_exact(
    instance: Instance, selected: npt.NDArray[np.bool_], satisfaction: Satisfaction
) -> EJRViolation | None:
    data = _EJRData(instance, selected, satisfaction)
    m = instance.num_projects
    for size in range(1, m + 1):
        for T in combinations(range(m), size):
            if all(selected[p] for p in T):
                continue
            found = data.check(T)
            if found is not None:
                return found
    return None


def _ejr_heuristic(
    instance: Instance, selected: npt.NDArray[np.bool_], satisfaction: Satisfaction, max_size: int
) -> EJRViolation | None:
    data = _EJRData(instance, selected, satisfaction)
    weights = instance.weights
    wf = weights.astype(np.float64)
    for a in np.flatnonzero(~selected):
        T = [int(a)]
        group = data.approves[:, a].copy()
        for _ in range(max_size):
            # a smaller group cannot afford a dearer T: stop growing once cohesiveness is out of reach
            if int(weights[group].sum()) * instance.budget < sum(data.costs[p] for p in T) * data.n:
                break
            found = data.check(tuple(sorted(T)))
            if found is not None:
                return found
            counts = wf[group] @ data.approves[group].astype(np.float64)
            counts[T] = -1
            nxt = int(np.argmax(counts))
            if counts[nxt] <= 0:
                break
            T.append(nxt)
            group &= data.approves[:, nxt]
    return None
