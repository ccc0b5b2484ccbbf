"""Money per neighbourhood: what the chosen plans were awarded, beside its eligible residents."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Sum

from ballots.sections import CHOSEN_STATUSES
from editions.models import Edition
from evaluation.population.selectors import eligible_residents
from execution.models import ProjectLine
from places.models import Neighbourhood
from proposals.models import Plan


def _awarded(edition: Edition) -> dict[int | None, int]:
    """Cents awarded per neighbourhood (None: the whole district): a project's lines (top-ups included),
    or for a chosen plan not (yet) a project, its reviewed cost or else the sum of its cost lines."""
    totals: dict[int | None, int] = defaultdict(int)
    for place, cents in (
        ProjectLine.objects.filter(project__edition=edition)
        .values("project__plan__neighbourhood_id")
        .annotate(cents=Sum("awarded_cents"))
        .values_list("project__plan__neighbourhood_id", "cents")
    ):
        totals[place] += int(cents or 0)
    for place, reviewed, lines in (
        Plan.objects.filter(edition=edition, status__in=CHOSEN_STATUSES, project__isnull=True)
        .annotate(lines=Sum("cost_lines__amount_cents"))
        .values_list("neighbourhood_id", "reviewed_cost_cents", "lines")
    ):
        totals[place] += int(reviewed if reviewed is not None else lines or 0)
    return totals


def money_by_neighbourhood(edition: Edition) -> list[dict[str, Any]]:
    """Every neighbourhood of the district by name (and the whole district last, slug and name empty,
    when money went there) with its awarded cents and eligible residents (None without figures)."""
    awarded = _awarded(edition)
    eligible = eligible_residents(edition)
    rows = [
        {"slug": slug, "name": name, "awarded_cents": awarded.get(pk, 0), "eligible": eligible.get(pk)}
        for pk, slug, name in Neighbourhood.objects.filter(district_id=edition.district_id)
        .order_by("name")
        .values_list("pk", "slug", "name")
    ]
    if awarded.get(None):
        rows.append({"slug": "", "name": "", "awarded_cents": awarded[None], "eligible": None})
    return rows
