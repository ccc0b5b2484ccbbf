"""Why each project won or lost: Equal Shares' payments replayed from the trace, greedy's turns.

Equal Shares (``replay_shares``): every voter starts with ``budget_per_voter`` (the decisive run's
share, an outcome param). For each main-phase step funding q at ``price_per_supporter`` (the most one
supporter paid), supporter i of q pays ``min(money left of i, price * s_i / max_s)``, with s_i its score
for q and max_s the largest score any supporter gave q (approval: every score is 1, so each pays the
price or all it has left). Voters with the same scores for the main winners pay the same, so the
replay runs over those classes with exact Fractions; the payments for each winner add up to its cost.

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

    ``paid`` lists, in round order, each main-phase winner their shares paid for (non-zero amounts
    only; for a winner itself it includes its own cost).
    """

    project_id: str
    cost: Fraction
    supporters: int
    start: Fraction
    paid: tuple[tuple[str, Fraction], ...]
    left: Fraction


@dataclass(frozen=True)
class SharesReplay:
    """The decisive Equal Shares run replayed: the share, what each winner was paid, every project's facts."""

    budget_per_voter: Fraction
    paid_per_winner: tuple[tuple[str, Fraction], ...]
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


def _score_matrix(instance: Instance, columns: Sequence[int]) -> npt.NDArray[np.int64]:
    """Each voter group's score (0 if none) for the projects at ``columns``: groups x columns."""
    rows = np.repeat(np.arange(len(instance.weights), dtype=np.int64), np.diff(instance.indptr))
    out = np.zeros((len(instance.weights), len(columns)), dtype=np.int64)
    for j, p in enumerate(columns):
        mask = instance.indices == p
        out[rows[mask], j] = instance.scores[mask]
    return out


def replay_shares(instance: Instance, trace: Sequence[Step], budget_per_voter: Fraction) -> SharesReplay:
    """Replay the decisive Equal Shares run of ``trace`` over the instance's voters (see module text)."""
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    steps = _main_steps(trace)
    winners = [position[s.project_id] for s in steps]
    scores = _score_matrix(instance, winners)
    max_s = [int(scores[:, j].max()) if len(scores) else 0 for j in range(len(winners))]
    signatures, inverse = np.unique(scores, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    paid: list[list[Fraction]] = []
    left: list[Fraction] = []
    for signature in signatures.tolist():
        money = Fraction(budget_per_voter)
        row: list[Fraction] = []
        for step, score, top in zip(steps, signature, max_s, strict=True):
            price = step.price_per_supporter or Fraction(0)
            pay = min(money, price * score / top) if score > 0 and top > 0 else Fraction(0)
            money -= pay
            row.append(pay)
        paid.append(row)
        left.append(money)
    weights = instance.weights.astype(np.int64)
    total_per_class = np.bincount(inverse, weights=weights, minlength=len(signatures)).astype(np.int64)
    paid_per_winner = tuple(
        (s.project_id, sum((int(total_per_class[c]) * paid[c][j] for c in range(len(paid))), Fraction(0)))
        for j, s in enumerate(steps)
    )
    rows = np.repeat(np.arange(len(instance.weights), dtype=np.int64), np.diff(instance.indptr))
    scale = instance.scale
    projects = []
    for p, pid in enumerate(instance.project_ids):
        groups = rows[(instance.indices == p) & (instance.scores > 0)]
        per_class = np.bincount(inverse[groups], weights=weights[groups], minlength=len(signatures))
        counts = [(c, int(n)) for c, n in enumerate(per_class.astype(np.int64).tolist()) if n]
        supporters = sum(n for _, n in counts)
        spent = (
            (steps[j].project_id, sum((n * paid[c][j] for c, n in counts), Fraction(0)))
            for j in range(len(steps))
        )
        projects.append(
            SupportersFacts(
                project_id=pid,
                cost=Fraction(int(instance.costs[p]), scale),
                supporters=supporters,
                start=supporters * Fraction(budget_per_voter),
                paid=tuple((q, amount) for q, amount in spent if amount),
                left=sum((n * left[c] for c, n in counts), Fraction(0)),
            )
        )
    return SharesReplay(Fraction(budget_per_voter), paid_per_winner, tuple(projects))


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
