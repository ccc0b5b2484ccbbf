"""Reading what the comparison needs: a municipality's published editions and their stored evidence,
in a fixed number of queries whatever the number of editions (never the ballots, plans or ledgers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from editions.models import Edition
from places.models import Municipality

from ..models import EditionEvidence, Lesson
from .metrics import EditionMetrics, edition_metrics


@dataclass(frozen=True)
class ComparedEdition:
    edition: Edition
    data: dict[str, Any] | None  # None: no figures computed yet
    metrics: EditionMetrics | None


def municipality_editions(municipality: Municipality) -> list[ComparedEdition]:
    """The municipality's published editions (oldest first) with their evidence: two queries."""
    editions = list(
        Edition.objects.filter(district__municipality=municipality, is_published=True)
        .select_related("district")
        .order_by("year", "name", "pk")
    )
    rows = {
        row.edition_id: row.data
        for row in EditionEvidence.objects.filter(edition__in=[e.pk for e in editions]).only(
            "edition", "data"
        )
    }
    return [
        ComparedEdition(e, rows.get(e.pk), edition_metrics(rows[e.pk]) if e.pk in rows else None)
        for e in editions
    ]


def lessons_across(editions: Sequence[Edition]) -> list[Lesson]:
    """The lessons of ``editions``, with the edition that adopted each: one query."""
    return list(
        Lesson.objects.filter(edition__in=[e.pk for e in editions])
        .select_related("edition__district__municipality", "adopted_in")
        .order_by("edition__year", "edition__name", "position", "pk")
    )
