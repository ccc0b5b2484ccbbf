"""What the report pages show: an edition's parts from its evidence, its lessons; the municipality's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from editions.models import Edition
from places.models import Municipality

from ..comparison.selectors import ComparedEdition, lessons_across, municipality_editions
from ..evidence.freshness import evidence_row_for
from ..lessons.selectors import adopted_by, lessons_of
from ..models import Lesson
from .blocks import Part
from .municipality import missing_editions, municipality_parts, running_editions
from .parts import edition_parts


@dataclass(frozen=True)
class EditionReport:
    edition: Edition
    computed_at: datetime
    evidence: dict[str, Any]
    parts: list[Part]
    lessons: list[Lesson]
    adopted: list[Lesson]


def edition_report(edition: Edition, *, at: datetime | None = None) -> EditionReport:
    """The edition's report in the active language (its evidence refreshed first when stale)."""
    row = evidence_row_for(edition, at=at)
    return EditionReport(
        edition=edition,
        computed_at=row.computed_at,
        evidence=row.data,
        parts=edition_parts(row.data),
        lessons=list(lessons_of(edition)),
        adopted=list(adopted_by(edition)),
    )


@dataclass(frozen=True)
class MunicipalityReport:
    municipality: Municipality
    editions: list[ComparedEdition]
    parts: list[Part]
    missing: list[str]
    running: list[str]
    lessons: list[Lesson]


def municipality_report(municipality: Municipality) -> MunicipalityReport:
    """The report across the municipality's published editions, from stored evidence only."""
    compared = municipality_editions(municipality)
    return MunicipalityReport(
        municipality=municipality,
        editions=compared,
        parts=municipality_parts(compared),
        missing=missing_editions(compared),
        running=running_editions(compared),
        lessons=lessons_across([c.edition for c in compared]),
    )
