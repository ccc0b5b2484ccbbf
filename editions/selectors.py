"""Reads of editions (and of districts with their editions), with phases prefetched for timelines."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch, QuerySet

from accounts.models import User
from accounts.roles import roles_of
from places.models import District

from .models import Edition, Phase, SubBudget


def published_editions() -> QuerySet[Edition]:
    return Edition.objects.filter(is_published=True).select_related("district").prefetch_related("phases")


def sub_budgets_for_page(edition: Edition) -> QuerySet[SubBudget]:
    """The edition's sub-budgets with what their rows show, by neighbourhood and theme."""
    return (
        SubBudget.objects.filter(edition=edition)
        .select_related("neighbourhood", "theme")
        .order_by("neighbourhood__name", "theme__name")
    )


def districts_with_editions(municipality_slug: str) -> QuerySet[District]:
    editions = published_editions().order_by("-year", "name")
    return (
        District.objects.filter(municipality__slug=municipality_slug)
        .select_related("municipality")
        .prefetch_related(Prefetch("editions", queryset=editions), "neighbourhoods")
        .order_by("name")
    )


def district_for_page(municipality_slug: str, slug: str) -> District | None:
    return districts_with_editions(municipality_slug).filter(slug=slug).first()


def editions_for_staff(user: User) -> QuerySet[Edition]:
    """Every edition in a district where the user holds a staff role (all of them for a superuser)."""
    editions = Edition.objects.select_related("district").prefetch_related("phases").order_by("-year", "name")
    if user.is_superuser:
        return editions
    return editions.filter(district__in={district for district, _ in roles_of(user)})


def moments_pages_change() -> list[datetime]:
    """Every moment at which a public page changes by time alone (the page cache's windows):

    a phase starting or ending, an edition's results or verdicts published at their set time.
    """
    moments: list[datetime] = []
    for starts_at, ends_at in Phase.objects.values_list("starts_at", "ends_at"):
        moments += [starts_at, ends_at]
    for results_at, verdicts_at in Edition.objects.values_list("results_publish_at", "verdicts_publish_at"):
        moments += [m for m in (results_at, verdicts_at) if m is not None]
    return moments
