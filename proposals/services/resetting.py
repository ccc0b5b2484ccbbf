"""Putting a plan back as it was recorded: the demo's reload undoes what visitors changed."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from ..models import Plan, PlanStatus
from .submission import CostLineInput, _locked, _write


@transaction.atomic
def reset_plan(*, plan: Plan, status: PlanStatus, cost_lines: Sequence[CostLineInput]) -> Plan:
    """Give the plan ``status`` and exactly ``cost_lines``, past the state machine.

    Only for reloading known content (the demo), which must undo what no service undoes, such as a
    withdrawal; people change a plan's status through ``proposals.status.change_status``. The cost
    lines are checked as an initiator's are; a refusal leaves the plan as it was.
    """
    locked = _locked(plan)
    _write(plan=locked, fields=None, cost_lines=cost_lines)
    if locked.status != status:
        Plan.objects.filter(pk=locked.pk).update(status=status)
        locked.status = status
    return locked
