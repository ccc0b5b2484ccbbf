"""The delivery figures of an edition (``delivery_figures``, a section of the evidence): its projects'
state, time to completion, and the money ledger's totals."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum

from editions.models import Edition
from evaluation.funnel.timing import median_days
from execution.models import Project, ProjectLine, ProjectStatus

MONEY_FIELDS = ("awarded_cents", "paid_cents", "spent_cents", "returned_cents")


def delivery_figures(edition: Edition) -> dict[str, Any]:
    """Projects (completed, stopped, in progress: the rest), the median days from opening to completion,
    and the ledger's running totals over every project line: awarded (top-ups included), paid by the
    district, spent by the initiators and returned to the edition (a completed project's unused money)."""
    projects = list(
        Project.objects.filter(edition=edition).values_list("status", "opened_at", "completed_at")
    )
    completed = sum(1 for status, *_ in projects if status == ProjectStatus.COMPLETED)
    stopped = sum(1 for status, *_ in projects if status == ProjectStatus.STOPPED)
    median, _n = median_days(
        (opened, done) for status, opened, done in projects if status == ProjectStatus.COMPLETED
    )
    money = ProjectLine.objects.filter(project__edition=edition).aggregate(
        **{field: Sum(field) for field in MONEY_FIELDS}
    )
    return {
        "projects": len(projects),
        "completed": completed,
        "stopped": stopped,
        "in_progress": len(projects) - completed - stopped,
        "median_days_to_completion": median,
        **{field: int(money[field] or 0) for field in MONEY_FIELDS},
    }
