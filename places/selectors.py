"""Reads of districts for the home and district pages."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from editions.models import Edition

from .models import District


def districts_with_editions(municipality_slug: str) -> QuerySet[District]:
    editions = Edition.objects.filter(is_published=True).prefetch_related("phases").order_by("-year", "name")
    return (
        District.objects.filter(municipality__slug=municipality_slug)
        .select_related("municipality")
        .prefetch_related(Prefetch("editions", queryset=editions), "neighbourhoods")
        .order_by("name")
    )


def district_for_page(municipality_slug: str, slug: str) -> District | None:
    return districts_with_editions(municipality_slug).filter(slug=slug).first()
