"""When the retention periods start: per edition its end and its result, per project its closing.

Reads only. The purge asks, per kind, which editions' periods have passed at a moment; an edition
without phases has not ended, and an edition without a published result counts its result-bound
periods from its end (a vote that was called off still lets its register go).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import Max, Min

from editions.models import Edition, Phase
from outcomes.models import Count


def edition_ends() -> dict[int, datetime]:
    """Per edition id, the end of its last phase."""
    rows = Phase.objects.values("edition_id").annotate(end=Max("ends_at"))
    return {row["edition_id"]: row["end"] for row in rows}


def results_published() -> dict[int, datetime]:
    """Per edition id, when its (first) result was published."""
    rows = (
        Count.objects.filter(published_at__isnull=False)
        .values("edition_id")
        .annotate(first=Min("published_at"))
    )
    return {row["edition_id"]: row["first"] for row in rows}


def result_or_end() -> dict[int, datetime]:
    """Per edition id, when its result was published, or, without one, when the edition ended."""
    return {**edition_ends(), **results_published()}


def editions_past(
    starts: dict[int, datetime], *, at: datetime, days: int | Callable[[Edition], int]
) -> list[int]:
    """The ids of the editions whose period of ``days`` (a number, or the edition's own setting)
    counted from ``starts`` has passed at ``at``."""
    if isinstance(days, int):
        return sorted(pk for pk, start in starts.items() if start + timedelta(days=days) <= at)
    editions = Edition.objects.filter(pk__in=list(starts))
    return sorted(e.pk for e in editions if starts[e.pk] + timedelta(days=days(e)) <= at)
