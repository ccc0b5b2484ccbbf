"""Method of Equal Shares (MES) with pabutools-compatible completions: exhaustion, add1, add1u, none.

Semantics (identical selected sets to pabutools 1.2.3; see docs/mes.md):

* every ballot (empty ones included) gets ``budget / number of ballots``; projects nobody gives a
  positive score are ignored (under cost satisfaction that includes every free project), supported
  projects of cost 0 are funded first; then repeatedly the
  project with the smallest affordability rho is funded (supporter i pays ``min(budget_i, rho * u_i)``),
  ties broken exactly by the tie order, until no project is affordable;
* ``exhaustion``: pabutools' ``exhaustion_by_budget_increase`` — re-run MES with the total budget
  raised by ``exhaustion_step`` (default 1% of the budget) until the outcome is exhaustive w.r.t. all
  projects, or keep the previous outcome when the next one would cost more than the real budget; then
  greedy completion by satisfaction per cost (which also buys unsupported projects that still fit);
* ``add1``: pabutools' ``voter_budget_increment=1`` (equalshares.net's Add1): raise every voter's
  budget by 1 currency unit per step until the outcome is exhaustive w.r.t. the projects MES can fund,
  or keep the previous outcome when the next one would exceed the budget;
* ``add1u``: add1, then equalshares.net's utilitarian completion (most total score first, if it fits);
* ``max_winners`` caps the number of funded projects in every phase; a run that reaches the cap counts
  as complete (the budget is not raised further, no completion adds projects).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

import numpy as np

from pbrules.model import Instance, Outcome, Satisfaction, Step
from pbrules.rules.greedy import greedy_order
from pbrules.rules.mes_engine import Prepared, Run, prepare
from pbrules.rules.mes_exact import run_exact
from pbrules.rules.mes_fast import run_fast
from pbrules.rules.mes_replay import Replay, replay
from pbrules.rules.mes_search import search
from pbrules.satisfaction import check_satisfaction

Completion = Literal["exhaustion", "add1", "add1u", "none"]
COMPLETIONS: tuple[Completion, ...] = ("exhaustion", "add1", "add1u", "none")
EXPLAIN_MAX_PROJECTS = 15  # explain=None computes max_winning_cost etc. only up to this size ...
EXPLAIN_MAX_GROUPS = 200  # ... (each answer re-runs the whole rule some 20 times)


@dataclass
class Solution:
    """The decisive MES run, how it was reached, and what the completion added."""

    main: Run
    beta: Fraction  # per-voter budget of the decisive run (instance units)
    increases: int  # budget increases before it (0 = the plain MES run)
    completion: list[int] = field(default_factory=list)
    completion_phase: str = ""
    overflow: Run | None = None  # the first over-budget run, when that is what stopped the search


def _cost(P: Prepared, projects: Sequence[int]) -> int:
    return sum(P.costs[p] for p in projects)


def _exhaustive(P: Prepared, chosen: Sequence[int], budget: int, among: Sequence[int]) -> bool:
    left = budget - _cost(P, chosen)
    taken = set(chosen)
    return all(P.costs[p] > left for p in among if p not in taken)


def run_mes(P: Prepared, beta: Fraction, max_winners: int | None = None, exact: bool = False) -> Run:
    """One MES run at per-voter budget ``beta``: the float64 fast path, falling back to the exact path
    on a near-tie (or the exact path only, with ``exact``)."""
    if not exact:
        run = run_fast(P, beta, max_winners)
        if run is not None:
            return run
    return run_exact(P, beta, max_winners)


def _empty_run() -> Run:
    return Run(order=(), free=0, dropped={}, exact=True, rhos=())


def solve(
    instance: Instance,
    P: Prepared,
    completion: Completion,
    max_winners: int | None,
    exhaustion_step: Fraction | None,
) -> Solution:
    """The decisive MES run and the completion's additions (project indices in selection order)."""
    n = P.num_voters
    budget = instance.budget
    m = P.num_projects
    if n == 0:
        sol = Solution(_empty_run(), Fraction(0), 0)
    elif completion == "none" or m == 0:
        sol = Solution(
            search(P, budget, Fraction(budget, n), Fraction(0), 0, [], max_winners)[0],
            Fraction(budget, n),
            0,
        )
    elif completion == "exhaustion":
        step = (
            Fraction(budget, 100) if exhaustion_step is None else Fraction(exhaustion_step) * instance.scale
        )
        if exhaustion_step is not None and step <= 0:
            raise ValueError("exhaustion_step must be positive")
        # pabutools stops once the raised budget exceeds budget * (n + 1); a zero budget cannot be raised
        last = int((budget * n) // step) if step > 0 else 0
        run, k, overflow = search(P, budget, Fraction(budget, n), step / n, last, range(m), max_winners)
        sol = Solution(run, Fraction(budget, n) + max(k, 0) * step / n, max(k, 0), overflow=overflow)
    else:
        among = [p for p in range(m) if P.costs[p] > 0 and P.totals[p] > 0]
        run, k, overflow = search(
            P, budget, Fraction(budget, n), Fraction(instance.scale), None, among, max_winners
        )
        sol = Solution(run, Fraction(budget, n) + max(k, 0) * instance.scale, max(k, 0), overflow=overflow)
    if completion == "exhaustion":
        sol.completion = _greedy_completion(P, budget, list(sol.main.order), max_winners)
        sol.completion_phase = "greedy-completion"
    elif completion == "add1u":
        sol.completion = _utilitarian_completion(instance, P, budget, list(sol.main.order), max_winners)
        sol.completion_phase = "utilitarian-completion"
    return sol


def _greedy_completion(P: Prepared, budget: int, chosen: list[int], max_winners: int | None) -> list[int]:
    """pabutools' greedy_utilitarian_welfare from the MES outcome: by satisfaction per cost, if it fits."""
    if _exhaustive(P, chosen, budget, range(P.num_projects)):
        return []
    left = budget - _cost(P, chosen)
    taken = set(chosen)
    added: list[int] = []
    for p in greedy_order(P.totals, P.costs, P.ranks):
        if max_winners is not None and len(chosen) + len(added) >= max_winners:
            break
        if p not in taken and P.costs[p] <= left:
            added.append(p)
            left -= P.costs[p]
    return added


def _utilitarian_completion(
    instance: Instance, P: Prepared, budget: int, chosen: list[int], max_winners: int | None
) -> list[int]:
    """equalshares.net's utilitarian completion: most total score (votes, points) first, if it fits."""
    rows = np.repeat(np.arange(len(instance.weights)), np.diff(instance.indptr))
    votes = np.zeros(P.num_projects, dtype=np.int64)
    np.add.at(votes, instance.indices, instance.scores * instance.weights[rows])
    left = budget - _cost(P, chosen)
    taken = set(chosen)
    added: list[int] = []
    for p in sorted(range(P.num_projects), key=lambda q: (-int(votes[q]), P.ranks[q])):
        if max_winners is not None and len(chosen) + len(added) >= max_winners:
            break
        if p not in taken and P.costs[p] <= left:
            added.append(p)
            left -= P.costs[p]
    return added


def _trace(
    instance: Instance, P: Prepared, sol: Solution, satisfaction: Satisfaction, replay: Replay
) -> list[Step]:
    scale = instance.scale
    steps: list[Step] = []
    run = sol.main
    for pos, (q, (rho, paying)) in enumerate(zip(run.order, replay.prices, strict=True)):
        s = P.entries(q)
        if pos < run.free:
            steps.append(
                Step(
                    pos + 1,
                    instance.project_ids[q],
                    Fraction(0),
                    "main",
                    Fraction(0),
                    int(P.weight[s].sum()),
                    Fraction(0),
                )
            )
            continue
        per_unit = rho if satisfaction == "cost" else rho / scale
        price = rho * int(P.util[s].max()) / scale
        steps.append(
            Step(
                pos + 1, instance.project_ids[q], Fraction(P.costs[q], scale), "main", per_unit, paying, price
            )
        )
    for p in sol.completion:
        s = P.entries(p)
        total = P.totals[p]
        density = (
            None
            if P.costs[p] == 0
            else Fraction(total, P.costs[p]) * (scale if satisfaction == "cardinality" else 1)
        )
        steps.append(
            Step(
                len(steps) + 1,
                instance.project_ids[p],
                Fraction(P.costs[p], scale),
                sol.completion_phase,
                density,
                int(P.weight[s].sum()),
            )
        )
    return steps


def equal_shares(
    instance: Instance,
    *,
    satisfaction: Satisfaction = "cost",
    completion: Completion = "exhaustion",
    tie_breaking: Sequence[str] | None = None,
    max_winners: int | None = None,
    exhaustion_step: Fraction | None = None,
    explain: bool | None = None,
) -> Outcome:
    """The Method of Equal Shares (see the module docstring); rule name "mes".

    Trace: one Step per funded project in order; for MES winners ``score`` is rho (price per unit of
    satisfaction), ``price_per_supporter`` the most any one supporter paid (rho * largest utility),
    ``supporters`` the number of ballots that paid something. ``explain`` (None = only for small
    instances) also computes each rejected project's ``max_winning_cost`` and ``extra_supporters_needed``.
    """
    sat = check_satisfaction(satisfaction)
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion {completion!r}; choose one of {', '.join(COMPLETIONS)}")
    if max_winners is not None and max_winners < 0:
        raise ValueError("max_winners must be >= 0")
    P = prepare(instance, sat, tie_breaking)
    sol = solve(instance, P, completion, max_winners, exhaustion_step)
    replayed = replay(P, sol.beta, sol.main.order, sol.main.free)
    steps = _trace(instance, P, sol, sat, replayed)
    if explain is None:
        explain = (
            instance.num_projects <= EXPLAIN_MAX_PROJECTS and len(instance.weights) <= EXPLAIN_MAX_GROUPS
        )
    from pbrules.rules.mes_explain import rejections

    options = {
        "satisfaction": sat,
        "completion": completion,
        "tie_breaking": tie_breaking,
        "max_winners": max_winners,
        "exhaustion_step": exhaustion_step,
    }
    chosen = [instance.project_ids.index(s.project_id) for s in steps]
    rejected = rejections(instance, P, sol, replayed, chosen, options, explain)
    scale = instance.scale
    params: tuple[tuple[str, str], ...] = (
        ("satisfaction", sat),
        ("completion", completion),
        ("tie_breaking", "default" if tie_breaking is None else ",".join(tie_breaking)),
        ("max_winners", "none" if max_winners is None else str(max_winners)),
        ("exhaustion_step", "1% of budget" if exhaustion_step is None else str(Fraction(exhaustion_step))),
        ("budget_per_voter", str(sol.beta / scale)),
        ("budget_increases", str(sol.increases)),
    )
    return Outcome(
        rule="mes",
        selected=tuple(s.project_id for s in steps),
        total_cost=Fraction(_cost(P, chosen), scale),
        budget=Fraction(instance.budget, scale),
        trace=tuple(steps),
        rejections=rejected,
        params=params,
    )
