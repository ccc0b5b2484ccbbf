"""Reads of plans for the public site: filtered, searched and sorted lists and the detail page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from common.translated import shown
from editions.models import Edition, Theme
from places.models import Neighbourhood
from proposals.models import PRIVATE_STATUSES, CoInitiator, CoInitiatorStatus, Like, Plan

SORTS: dict[str, tuple[str, ...]] = {
    "newest": ("-submitted_at", "-pk"),
    "oldest": ("submitted_at", "pk"),
    "title": ("title", "pk"),
    "cost_asc": ("cost_cents", "pk"),
    "cost_desc": ("-cost_cents", "pk"),
}
DEFAULT_SORT = "newest"


@dataclass(frozen=True)
class PlanFilter:
    edition: Edition | None = None
    neighbourhood: Neighbourhood | None = None
    theme_slug: str = ""
    status: str = ""
    query: str = ""
    sort: str = DEFAULT_SORT


def like_count() -> Coalesce:
    """A plan's number of likes, to annotate a plan queryset with.

    A subquery, not a join: joining likes beside the cost lines would multiply the cost sum.
    """
    likes = Like.objects.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk"))
    return Coalesce(Subquery(likes.values("n")[:1]), Value(0))


def public_plans() -> QuerySet[Plan]:
    """Every plan the public may see, with its cost and what list rows show, in one query."""
    return (
        Plan.objects.exclude(status__in=PRIVATE_STATUSES)
        .select_related("edition", "edition__district", "theme", "neighbourhood")
        .annotate(
            lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)),
            cost_cents=Coalesce("reviewed_cost_cents", "lines_cost_cents"),
            like_count=like_count(),
        )
    )


def filter_plans(plan_filter: PlanFilter) -> QuerySet[Plan]:
    plans = public_plans()
    if plan_filter.edition is not None:
        plans = plans.filter(edition=plan_filter.edition)
    if plan_filter.neighbourhood is not None:
        plans = plans.filter(neighbourhood=plan_filter.neighbourhood)
    if plan_filter.theme_slug:
        plans = plans.filter(theme__slug=plan_filter.theme_slug)
    if plan_filter.status:
        plans = plans.filter(status=plan_filter.status)
    for word in plan_filter.query.split()[:8]:
        plans = plans.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return plans.order_by(*SORTS.get(plan_filter.sort, SORTS[DEFAULT_SORT]))


def plan_for_detail(pk: int) -> Plan | None:
    return public_plans().filter(pk=pk).prefetch_related("cost_lines", "images", "edition__phases").first()


def accepted_co_initiators(plan: Plan) -> list[CoInitiator]:
    return list(
        plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED)
        .select_related("user")
        .order_by("answered_at")
    )


def theme_choices(edition: Edition | None) -> list[tuple[str, str]]:
    """(slug, name) of the themes to filter on: the edition's, or every distinct one; names in the
    reader's language where the district translated them (an option holds no "in Dutch" marker)."""
    themes = Theme.objects.filter(edition=edition) if edition else Theme.objects.all()
    seen: dict[str, str] = {}
    for theme in themes.order_by("name"):
        seen.setdefault(theme.slug, shown(theme, "name").text)
    return sorted(seen.items(), key=lambda item: item[1].casefold())


def plan_counts_by_status(edition: Edition) -> dict[str, int]:
    rows = (
        Plan.objects.filter(edition=edition)
        .exclude(status__in=PRIVATE_STATUSES)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["status"]: row["n"] for row in rows}
