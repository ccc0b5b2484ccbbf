"""What the selected demo plans went through after the result: selected, carried out, completed.

There is no service for carrying plans out yet, so the steps go through the plan's state machine
(``proposals.status.change_status``), which checks each transition and tells the initiators, at
moments in the result and execution phases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from editions.models import Edition
from editions.phases import Action
from proposals.models import PlanStatus
from proposals.status import change_status

from ..content.specs import PlanSpec
from ._common import between, phase_of, result_phase, waking

# What the selected plans of an edition went through after the result, in order.
AFTER_RESULT = (PlanStatus.SELECTED, PlanStatus.IN_EXECUTION, PlanStatus.COMPLETED)


def load_after_result(*, edition: Edition, specs: Sequence[PlanSpec], now: datetime) -> None:
    """Move each plan the demo has selected (or further) along, from where it is to its status."""
    wanted = {spec.title: PlanStatus(spec.status) for spec in specs if spec.status in AFTER_RESULT}
    if not wanted:
        return
    result = result_phase(edition)
    execution = phase_of(edition, Action.FOLLOW_EXECUTION)
    plans = (
        edition.plans.filter(title__in=wanted)
        .select_related("edition", "initiator")
        .order_by("submitted_at", "pk")
    )
    for index, plan in enumerate(plans):
        selected = waking(between(result.starts_at, result.ends_at, 0.1), latest=now)
        started = waking(between(execution.starts_at, now, 0.1 + 0.05 * (index % 5)), latest=now)
        moments = (selected, started, waking(between(started, now, 0.6), latest=now))
        done = AFTER_RESULT.index(PlanStatus(plan.status)) + 1 if plan.status in AFTER_RESULT else 0
        for step in range(done, AFTER_RESULT.index(wanted[plan.title]) + 1):
            change_status(plan=plan, to=AFTER_RESULT[step], by=None, at=moments[step])
