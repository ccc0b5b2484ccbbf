"""How long each step of an edition took, and whose turn it was: the funnel's median days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db.models import Min

from editions.models import Edition
from execution.models import Agreement, HelpRequest, Project
from proposals.models import PlanRevision
from review.models import ChangeRequest

from .timing import median_days

Pair = tuple[datetime | None, datetime | None]


def _change_answers(edition: Edition) -> list[Pair]:
    """Each change request with its answer: the initiators' first revision after it, or else the moment
    the review recorded it answered (the plan back in review)."""
    revisions: dict[int, list[datetime]] = {}
    for plan_id, created_at in (
        PlanRevision.objects.filter(plan__edition=edition, number__gt=1)
        .order_by("created_at")
        .values_list("plan_id", "created_at")
    ):
        revisions.setdefault(plan_id, []).append(created_at)
    pairs: list[Pair] = []
    for plan_id, asked, resolved in ChangeRequest.objects.filter(plan__edition=edition).values_list(
        "plan_id", "created_at", "resolved_at"
    ):
        revised = next((t for t in revisions.get(plan_id, []) if t > asked), None)
        answers = [t for t in (revised, resolved) if t is not None]
        pairs.append((asked, min(answers) if answers else None))
    return pairs


def _agreements(edition: Edition) -> list[Pair]:
    """Each project's opening and the moment its first agreement came into force."""
    return [
        (row["project__opened_at"], row["first"])
        for row in Agreement.objects.filter(project__edition=edition, in_force_at__isnull=False)
        .values("project_id", "project__opened_at")
        .annotate(first=Min("in_force_at"))
        .order_by("project_id")
    ]


def duration_figures(edition: Edition, plan_rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Median days and n per step, with whose turn it was (``plan_rows`` as the funnel read them)."""
    steps: list[tuple[str, str, list[Pair]]] = [
        ("submit", "resident", [(r["created_at"], r["submitted_at"]) for r in plan_rows]),
        ("review", "district", [(r["submitted_at"], r["review__recorded_at"]) for r in plan_rows]),
        ("changes", "resident", _change_answers(edition)),
        ("agreement", "both", _agreements(edition)),
        (
            "help",
            "district",
            list(HelpRequest.objects.filter(project__edition=edition).values_list("asked_at", "answered_at")),
        ),
        (
            "completion",
            "both",
            list(Project.objects.filter(edition=edition).values_list("opened_at", "completed_at")),
        ),
    ]
    out = []
    for key, side, pairs in steps:
        median, n = median_days(pairs)
        out.append({"key": key, "side": side, "median_days": median, "n": n})
    return out
