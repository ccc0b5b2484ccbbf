"""Reads of editions for the public pages, with phases prefetched so timelines cost no queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import Edition, SubBudget


def published_editions() -> QuerySet[Edition]:
    return Edition.objects.filter(is_published=True).select_related("district").prefetch_related("phases")


def edition_for_page(slug: str) -> Edition | None:
    return (
        published_editions()
        .prefetch_related(
            "themes",
            Prefetch(
                "sub_budgets",
                queryset=SubBudget.objects.select_related("neighbourhood", "theme").order_by(
                    "neighbourhood__name", "theme__name"
                ),
            ),
        )
        .filter(slug=slug)
        .first()
    )
