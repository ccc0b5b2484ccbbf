"""Why each project won or lost: Equal Shares' payments replayed from the trace, greedy's turns.

Equal Shares (``replay_shares``): every voter starts with ``budget_per_voter`` (the decisive run's
share, an outcome param). For each main-phase step funding q at ``price_per_supporter`` (the most one
supporter paid), supporter i of q pays ``min(money left of i, price * s_i / max_s)``, with s_i its score
for q and max_s the largest score any supporter gave q (approval: every score is 1, so each pays the
price or all it has left). The replay runs in float64 over the voter groups, for display; the payments
for each winner add up to its cost (to far below a cent).

Greedy (``greedy_turns``): each project's turn in the rule's own order (``rules.greedy.run_greedy``)
and the money left when its turn came.

``voter_payments`` tells one approval voter what they paid for each funded project they chose.
All amounts are in the file's currency units (the instance's units divided by its ``scale``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from pbrules.model import Instance, Satisfaction, Step
from pbrules.rules.greedy import run_greedy


@dataclass(frozen=True)
class SupportersFacts:
    """One project's supporters under Equal Shares: their money at the start, where it went, what was left.

    ``start`` is exact (supporters times the share); ``paid`` (per main-phase winner their shares paid
    for, in round order, non-zero amounts only; for a winner itself it includes its own cost) and
    ``left`` are float64 sums, for display (see ``replay_shares``).
    """

    project_id: str
    cost: Fraction
    supporters: int
    start: Fraction
    paid: tuple[tuple[str, float], ...]
    left: float


@dataclass(frozen=True)
class SharesReplay:
    """The decisive Equal Shares run replayed: the share, what each winner was paid, every project's facts."""

    budget_per_voter: Fraction
    paid_per_winner: tuple[tuple[str, float], ...]
    projects: tuple[SupportersFacts, ...]

    def facts(self, project_id: str) -> SupportersFacts:
        return next(f for f in self.projects if f.project_id == project_id)


@dataclass(frozen=True)
class Turn:
    """A project's place in greedy order (1 = first) and the money left when its turn came."""

    project_id: str
    turn: int
    money_left: Fraction
    funded: bool


@dataclass(frozen=True)
class VoterPart:
    """One voter's share and what they paid per funded project, in round order; what was left."""

    share: Fraction
    paid: tuple[tuple[str, Fraction], ...]
    left: Fraction
    funded_from_rest: tuple[str, ...]  # chosen projects funded after the main rounds (no share paid)


def _main_steps(trace: Iterable[Step]) -> list[Step]:
    return [s for s in trace if s.phase == "main"]


def replay_shares(instance: Instance, trace: Sequence[Step], budget_per_voter: Fraction) -> SharesReplay:
    """Replay the decisive Equal Shares run of ``trace`` over the instance's voter groups.

    The payments are float64 (vectorised over voter groups: exact Fractions over tens of thousands of
    groups take seconds where the rule takes a fraction of one); they are for display only, and agree
    with the trace's exact prices to far below a cent (the tests check each winner's payments add up to
    its cost). What decides the winners stays pbrules' exact replay.
    """
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    steps = _main_steps(trace)
    groups = len(instance.weights)
    rows = np.repeat(np.arange(groups, dtype=np.int64), np.diff(instance.indptr))
    positive = instance.scores > 0
    by_project = np.argsort(instance.indices, kind="stable")
    ptr = np.searchsorted(instance.indices[by_project], np.arange(instance.num_projects + 1))

    def supporters_of(p: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        entries = by_project[ptr[p] : ptr[p + 1]]
        entries = entries[positive[entries]]
        return rows[entries], instance.scores[entries].astype(np.int64)

    money = np.full(groups, float(budget_per_voter))
    pay = np.zeros((groups, len(steps)))
    for j, step in enumerate(steps):
        g, score = supporters_of(position[step.project_id])
        price = float(step.price_per_supporter or 0)
        if len(g) == 0 or price == 0:
            continue
        paid = np.minimum(money[g], price * score / int(score.max()))
        money[g] -= paid
        pay[g, j] = paid
    weights = instance.weights.astype(np.float64)
    per_winner = weights @ pay
    scale = instance.scale
    projects = []
    for p, pid in enumerate(instance.project_ids):
        g, _ = supporters_of(p)
        spent = weights[g] @ pay[g] if len(g) else np.zeros(len(steps))
        supporters = int(instance.weights[g].sum())
        projects.append(
            SupportersFacts(
                project_id=pid,
                cost=Fraction(int(instance.costs[p]), scale),
                supporters=supporters,
                start=supporters * Fraction(budget_per_voter),
                paid=tuple(
                    (steps[j].project_id, float(amount)) for j, amount in enumerate(spent.tolist()) if amount
                ),
                left=float(weights[g] @ money[g]) if len(g) else 0.0,
            )
        )
    return SharesReplay(
        Fraction(budget_per_voter),
        tuple((s.project_id, float(x)) for s, x in zip(steps, per_winner.tolist(), strict=True)),
        tuple(projects),
    )


def greedy_turns(
    instance: Instance, satisfaction: Satisfaction = "cost", tie_breaking: Sequence[str] | None = None
) -> tuple[Turn, ...]:
    """Every project's turn in greedy order and the money left when it came (the rule's own pass)."""
    run = run_greedy(instance, satisfaction, tie_breaking)
    return tuple(
        Turn(
            project_id=instance.project_ids[p],
            turn=pos + 1,
            money_left=Fraction(run.remaining_before[pos], instance.scale),
            funded=run.taken[pos],
        )
        for pos, p in enumerate(run.order)
    )


def voter_payments(trace: Sequence[Step], budget_per_voter: Fraction, chosen: Iterable[str]) -> VoterPart:
    """What one approval voter who chose ``chosen`` paid per funded project, and what was left."""
    wanted = set(chosen)
    money = Fraction(budget_per_voter)
    paid: list[tuple[str, Fraction]] = []
    for step in _main_steps(trace):
        if step.project_id in wanted:
            pay = min(money, step.price_per_supporter or Fraction(0))
            money -= pay
            paid.append((step.project_id, pay))
    rest = tuple(s.project_id for s in trace if s.phase != "main" and s.project_id in wanted)
    return VoterPart(Fraction(budget_per_voter), tuple(paid), money, rest)
