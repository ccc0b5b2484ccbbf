"""Reading the running costs: the lines of an edition, and the ``costs`` section of its evidence."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Sum

from editions.models import Edition

from ..models import ProcessCost


def cost_lines(edition: Edition) -> QuerySet[ProcessCost]:
    return (
        ProcessCost.objects.filter(edition=edition).select_related("entered_by").order_by("entered_at", "pk")
    )


def cost_figures(edition: Edition) -> dict[str, Any]:
    """``{"staff_hours": float, "amount_cents": int, "lines": int}``: what running the edition took."""
    totals = ProcessCost.objects.filter(edition=edition).aggregate(
        hours=Sum("staff_hours"), cents=Sum("amount_cents"), lines=Count("pk")
    )
    return {
        "staff_hours": float(totals["hours"] or 0),
        "amount_cents": int(totals["cents"] or 0),
        "lines": int(totals["lines"]),
    }
