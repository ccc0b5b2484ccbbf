"""Joined reads of plans, by topic: listing (public lists and the detail page), own plans, discussion."""

from .listing import (
    DEFAULT_SORT,
    SORTS,
    PlanFilter,
    accepted_co_initiators,
    filter_plans,
    plan_counts_by_status,
    plan_for_detail,
    public_plans,
    theme_choices,
)

__all__ = [
    "DEFAULT_SORT",
    "SORTS",
    "PlanFilter",
    "accepted_co_initiators",
    "filter_plans",
    "plan_counts_by_status",
    "plan_for_detail",
    "public_plans",
    "theme_choices",
]
