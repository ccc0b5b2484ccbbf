"""Why a project lost, and what it would have needed: exact answers for greedy, reasons for Phragmén.

Greedy (per rejected project p, all others unchanged):

* ``max_winning_cost`` — the highest cost (a whole number of the smallest currency unit the file
  uses) at which p would still have been chosen. Found exactly by reasoning on the greedy order:
  removing p (it was not chosen, so the others' run is the same) gives the budget left ``R[k]``
  before each position k; at cost c, p sits at the position its density gives it and wins iff
  ``c <= R[k]``. Each position k is an integer interval of costs, so the answer is the largest
  ``min(hi_k, R[k])`` that lies in its interval. None when not even a free p would be chosen.
* ``extra_supporters_needed`` — (approval and choose-1 ballots) how many more ballots approving only
  p would have made it win at its own cost; None if no number would (it costs more than the budget
  left at every reachable position) or for other ballot types.

When ``max_winners`` is set, greedy rejections give the reason only. Phragmén's own rejections give
the reason only ("did-not-fit" for the tied-best project(s) that stopped the rule, "no-support",
otherwise "not-enough-support"): a cost change moves every later load, so there is no closed form.
``phragmen_rejections`` computes both numbers on demand, exactly, by bisection with re-runs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from fractions import Fraction

import numpy as np

from pbrules.model import Instance, Rejection, Satisfaction
from pbrules.rules.greedy import GreedyRun, density_key
from pbrules.satisfaction import project_totals

_INF = 1 << 200


def _others_run(order: list[int], costs: list[int], budget: int, skip: bool) -> tuple[list[int], int]:
    """Budget left before each position of ``order`` (len+1 values) and the no-skip stop position."""
    remaining = budget
    before: list[int] = []
    stop = len(order)
    for pos, q in enumerate(order):
        before.append(remaining)
        if costs[q] <= remaining:
            remaining -= costs[q]
        elif not skip and stop == len(order):
            stop = pos
            break
    before.extend([remaining] * (len(order) + 1 - len(before)))
    return before, stop


def _max_cost_before(
    p_total: int, p_rank: int, q_key: tuple[int, Fraction, int], q_cost: int, q_total: int, card: bool
) -> int:
    """Largest integer cost c >= 1 at which p (support ``p_total``) is ordered before q (0 = never)."""
    cat_q = q_key[0]
    if p_total == 0:
        return _INF if cat_q == 2 and p_rank < q_key[2] else 0
    if cat_q == 0:
        return 0
    if cat_q == 2:
        return _INF
    if not card:  # cost satisfaction: p's density is p_total for every cost c >= 1
        lhs, rhs = p_total * q_cost, q_total
        return _INF if lhs > rhs or (lhs == rhs and p_rank < q_key[2]) else 0
    # cardinality: p before q iff c * q_total < p_total * q_cost (or == and p ranks first)
    bound = p_total * q_cost
    return bound // q_total if p_rank < q_key[2] else (bound - 1) // q_total


def greedy_rejections(
    instance: Instance, run: GreedyRun, satisfaction: Satisfaction, skip: bool, max_winners: int | None
) -> tuple[Rejection, ...]:
    costs = [int(c) for c in instance.costs]
    scale = instance.scale
    card = satisfaction == "cardinality"
    approval = instance.vote_type in ("approval", "choose-1")
    score_sums = project_totals(instance, "cardinality")
    keys = {q: density_key(run.totals[q], costs[q], run.ranks[q]) for q in run.order}
    out: list[Rejection] = []
    for pos, p in enumerate(run.order):
        if run.taken[pos]:
            continue
        pid, cost = instance.project_ids[p], Fraction(costs[p], scale)
        reached = pos < run.stop
        reason = "no-support" if run.totals[p] == 0 else ("did-not-fit" if reached else "not-enough-support")
        if max_winners is not None:
            out.append(Rejection(pid, cost, "constraint" if not reached else reason))
            continue
        others = [q for q in run.order if q != p]
        before, stop = _others_run(others, costs, instance.budget, skip)
        # p's density at cost c >= 1 is s_p (cost satisfaction) or s_p / c (cardinality)
        s_p = score_sums[p]
        his = [_max_cost_before(s_p, run.ranks[p], keys[q], costs[q], run.totals[q], card) for q in others]
        best = _best_cost(his, before, stop)
        if best is None and _wins_free(s_p, run.ranks[p], [keys[q] for q in others], card, skip, stop):
            best = 0
        max_cost = None if best is None else Fraction(best, scale)
        extra = None
        if approval and costs[p] <= instance.budget:
            extra = _extra_for(p, score_sums[p], others, keys, costs, run, before, stop, card)
        out.append(Rejection(pid, cost, reason, max_cost, extra))
    return tuple(out)


def _wins_free(
    s_p: int, rank: int, keys: list[tuple[int, Fraction, int]], card: bool, skip: bool, stop: int
) -> bool:
    """Would p win at cost 0? It always fits; under no-skip it must also be reached."""
    if card and s_p > 0:
        return True  # a free supported project comes first
    if skip:
        return True
    position = sum(1 for key in keys if key < (2, Fraction(0), rank))  # p has zero satisfaction at cost 0
    return position <= stop


def _best_cost(his: list[int], before: list[int], stop: int) -> int | None:
    n = len(his)
    suffix_min = [_INF] * (n + 1)
    for j in range(n - 1, -1, -1):
        suffix_min[j] = min(his[j], suffix_min[j + 1])
    best: int | None = None
    prefix_max = 0
    for k in range(min(n, stop) + 1):
        if k > 0:
            prefix_max = max(prefix_max, his[k - 1])
        lo, hi = prefix_max + 1, min(suffix_min[k], before[k])
        if lo <= hi and (best is None or hi > best):
            best = hi
    return best


def _extra_for(
    p: int,
    score_sum: int,
    others: list[int],
    keys: dict[int, tuple[int, Fraction, int]],
    costs: list[int],
    run: GreedyRun,
    before: list[int],
    stop: int,
    card: bool,
) -> int | None:
    """Fewest ballots approving only p that put it, at its own cost, where the budget left covers it."""
    last = [k for k in range(min(len(others), stop) + 1) if before[k] >= costs[p]]
    if not last:
        return None
    k_star = last[-1]
    p_cost, p_rank = costs[p], run.ranks[p]
    if p_cost == 0:  # free: under cost satisfaction its satisfaction stays 0 whatever the support
        return (1 if score_sum == 0 else 0) if card else None
    need = 0
    for q in others[k_star:]:
        key = keys[q]
        if key[0] == 0:
            continue
        if key[0] == 2:
            need = max(need, 0 if score_sum > 0 or p_rank < key[2] else 1)
            continue
        delta = 0 if p_rank < key[2] else 1
        # p (score sum S + x) is before q (total T_q, cost c_q) iff, for cardinality,
        # (S + x) * c_q >= T_q * c_p + delta, and for cost satisfaction (T_q in cost units),
        # (S + x) * c_q >= T_q + delta; delta = 1 when q wins an exact tie
        target = run.totals[q] * (p_cost if card else 1) + delta
        x = -(-target // costs[q]) - score_sum
        need = max(need, x)
    return need


def _phragmen_wins(instance: Instance, pid: str, tie_breaking: Sequence[str] | None) -> bool:
    from pbrules.rules.phragmen import phragmen

    return pid in phragmen(instance, tie_breaking=tie_breaking, explain=False).selected


def _with_cost(instance: Instance, p: int, cost: int) -> Instance:
    costs = instance.costs.copy()
    costs[p] = cost
    return dataclasses.replace(instance, costs=costs)


def _with_supporters(instance: Instance, p: int, extra: int) -> Instance:
    """``extra`` more ballots approving only project ``p`` (one new voter group)."""
    return dataclasses.replace(
        instance,
        indptr=np.append(instance.indptr, instance.indptr[-1] + 1),
        indices=np.append(instance.indices, p),
        scores=np.append(instance.scores, 1),
        weights=np.append(instance.weights, extra),
    )


def _largest_true(lo: int, hi: int, test: Callable[[int], bool]) -> int:
    """Largest x in [lo, hi] with test(x), given test(lo) and a downward-closed test."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if test(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _phragmen_explain(
    instance: Instance, p: int, reason: str, tie_breaking: Sequence[str] | None
) -> Rejection:
    pid = instance.project_ids[p]

    def wins_at(cost: int) -> bool:
        return _phragmen_wins(_with_cost(instance, p, cost), pid, tie_breaking)

    def loses_with(extra: int) -> bool:
        return not _phragmen_wins(_with_supporters(instance, p, extra), pid, tie_breaking)

    max_cost = None
    if wins_at(0):
        max_cost = Fraction(_largest_true(0, instance.budget, wins_at), instance.scale)
    extra = None
    # with this many extra supporters p's first-round load is below 1/n, below every paid project's
    hi = max(1, instance.num_voters) * (int(instance.costs[p]) + 1)
    if int(instance.costs[p]) <= instance.budget and not loses_with(hi):
        extra = _largest_true(0, hi, lambda k: k == 0 or loses_with(k)) + 1  # p lost with 0 extra
    return Rejection(pid, Fraction(int(instance.costs[p]), instance.scale), reason, max_cost, extra)


def phragmen_rejections(
    instance: Instance, project_ids: Sequence[str] | None = None, tie_breaking: Sequence[str] | None = None
) -> tuple[Rejection, ...]:
    """Exact ``max_winning_cost`` and ``extra_supporters_needed`` for Phragmén's losers (on demand).

    Both answers are found by bisection with full re-runs, which is exact because winning is
    monotone: lowering p's cost (or adding ballots approving only p) lowers only p's candidate load,
    so the run is unchanged until p becomes a best project — no later than before — and a tied
    project that does not fit then would have stopped the original run too. Costs about
    log2(budget) runs per project, so it is not part of the rule's default output.
    """
    from pbrules.rules.phragmen import phragmen

    base = phragmen(instance, tie_breaking=tie_breaking)
    wanted = None if project_ids is None else set(project_ids)
    return tuple(
        _phragmen_explain(instance, instance.project_ids.index(r.project_id), r.reason, tie_breaking)
        for r in base.rejections
        if wanted is None or r.project_id in wanted
    )
