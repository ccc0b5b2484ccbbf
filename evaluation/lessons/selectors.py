"""Reading the lessons: an edition's register, and the lessons a later edition adopted."""

from __future__ import annotations

from django.db.models import QuerySet

from editions.models import Edition

from ..models import Lesson


def lessons_of(edition: Edition) -> QuerySet[Lesson]:
    return (
        Lesson.objects.filter(edition=edition)
        .select_related("edition__district__municipality", "adopted_in")
        .order_by("position", "pk")
    )


def adopted_by(edition: Edition) -> QuerySet[Lesson]:
    """The lessons of earlier editions that ``edition`` adopted."""
    return (
        Lesson.objects.filter(adopted_in=edition)
        .select_related("edition")
        .order_by("edition__year", "position")
    )


def later_editions(edition: Edition) -> QuerySet[Edition]:
    """The editions of the same municipality that may adopt a lesson of ``edition`` (see ``is_later``)."""
    candidates = Edition.objects.filter(district__municipality_id=edition.district.municipality_id).exclude(
        pk=edition.pk
    )
    later = [e.pk for e in candidates.prefetch_related("phases") if is_later(e, than=edition)]
    return Edition.objects.filter(pk__in=later).order_by("year", "name")


def _start(edition: Edition) -> tuple[int, float]:
    starts = [phase.starts_at.timestamp() for phase in edition.phases.all()]
    return edition.year, min(starts, default=0.0)


def is_later(edition: Edition, *, than: Edition) -> bool:
    """Whether ``edition`` comes after ``than``: a later year, or the same year and a later first phase."""
    return edition.pk != than.pk and _start(edition) > _start(than)
