"""The funnel's rules, pure: how far one plan got, and why it stopped where it did.

A plan counts in every stage up to the furthest it reached, so the counts never grow down the
funnel even where a step left no trace (a plan made feasible by an import has no review).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from proposals.models import PlanStatus

STAGES: tuple[str, ...] = (
    "started",
    "submitted",
    "supported",
    "feasible",
    "on_ballot",
    "chosen",
    "completed",
)

# Dropout reasons, in the order the report lists them (criteria follow "not_feasible" as
# "not_feasible:<criterion key>").
REASONS: tuple[str, ...] = (
    "not_submitted",
    "withdrawn",
    "too_few_likes",
    "not_feasible",
    "not_shortlisted",
    "not_chosen",
    "cancelled",
)


@dataclass(frozen=True)
class PlanFacts:
    """What the funnel needs to know of one plan (each flag true when the plan got at least that far)."""

    status: str
    submitted: bool
    supported: bool
    feasible: bool
    on_ballot: bool
    chosen: bool
    completed: bool
    stopped: bool = False


@dataclass(frozen=True)
class Settled:
    """Which steps are over for the whole edition: until then, a plan waiting at them has not dropped out."""

    plans_over: bool = False
    support_over: bool = False
    ballot_set: bool = False
    result_published: bool = False


def furthest_stage(facts: PlanFacts) -> int:
    """The index in ``STAGES`` of the furthest stage the plan reached (0: only started)."""
    flags = (facts.submitted, facts.supported, facts.feasible, facts.on_ballot, facts.chosen, facts.completed)
    return max((i + 1 for i, reached in enumerate(flags) if reached), default=0)


def dropout_reason(facts: PlanFacts, settled: Settled) -> str | None:
    """Why the plan left the funnel; None while it is still in it (or once it is completed)."""
    stage = STAGES[furthest_stage(facts)]
    if facts.status == PlanStatus.WITHDRAWN:
        return "withdrawn"
    if facts.status == PlanStatus.CANCELLED or facts.stopped:
        return "cancelled"
    if stage == "started":
        return "not_submitted" if settled.plans_over else None
    if stage == "submitted":
        return "too_few_likes" if settled.support_over else None
    if facts.status == PlanStatus.NOT_FEASIBLE:
        return "not_feasible"
    if stage == "feasible":
        return "not_shortlisted" if settled.ballot_set else None
    if stage == "on_ballot":
        return "not_chosen" if settled.result_published else None
    return None


def stage_counts(facts: Iterable[PlanFacts]) -> dict[str, int]:
    """How many plans reached each stage, by stage key."""
    counts = dict.fromkeys(STAGES, 0)
    for plan in facts:
        for key in STAGES[: furthest_stage(plan) + 1]:
            counts[key] += 1
    return counts
