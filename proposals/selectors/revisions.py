"""Reads of a plan's revision history for its public page and the reviewer's diff."""

from __future__ import annotations

from proposals.models import Plan, PlanRevision


def revision_history(*, plan: Plan) -> list[PlanRevision]:
    """Every revision, oldest first; number 1 is the plan as submitted."""
    return list(PlanRevision.objects.filter(plan=plan).order_by("number"))
