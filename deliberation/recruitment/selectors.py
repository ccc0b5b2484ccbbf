"""Joined reads for the recruitment page: the pool per feature value against the population, the letters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Min, Q

from editions.models import Edition

from ..models import Feature, Invitation, Respondent
from .features import feature_name, value_label

LETTERS_DIR = "panel_letters"


@dataclass(frozen=True)
class ValueRow:
    label: str
    respondents: int
    pool_percent: float | None
    population: int
    population_percent: float | None

    @property
    def difference(self) -> float | None:
        if self.pool_percent is None or self.population_percent is None:
            return None
        return round(self.pool_percent - self.population_percent, 1)


@dataclass(frozen=True)
class FeatureTable:
    key: str
    name: str
    rows: list[ValueRow]


@dataclass(frozen=True)
class LetterBatchRow:
    number: int
    count: int
    responded: int
    sent_at: datetime
    file_available: bool


@dataclass(frozen=True)
class PoolOverview:
    respondents: int
    available: int
    invited: int
    responded: int
    open_sign_ups: int
    tables: list[FeatureTable]
    batches: list[LetterBatchRow]

    @property
    def response_percent(self) -> float | None:
        return round(100 * self.responded / self.invited, 1) if self.invited else None


def letters_folder() -> Path:
    return Path(settings.PRIVATE_FILES_ROOT) / LETTERS_DIR


def batch_file(edition: Edition, batch: int) -> Path | None:
    """The letters PDF of an invitation batch, or None once destroyed (or never made)."""
    found = sorted(letters_folder().glob(f"{edition.pk}-{batch}-*.pdf"))
    return found[0] if found else None


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def pool_overview(edition: Edition) -> PoolOverview:
    """Respondents per feature value against the population share, and the invitations' response."""
    features = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    pool = list(
        Respondent.objects.filter(edition=edition).values_list("features", "available", "invitation_id")
    )
    tallies: dict[str, Counter[str]] = {f.key: Counter() for f in features}
    for chosen, _available, _invitation in pool:
        for key, value in chosen.items():
            if key in tallies:
                tallies[key][value] += 1
    tables = []
    for feature in features:
        values = list(feature.values.all())
        population = sum(v.population for v in values)
        tables.append(
            FeatureTable(
                key=feature.key,
                name=feature_name(feature),
                rows=[
                    ValueRow(
                        label=value_label(feature.key, v),
                        respondents=tallies[feature.key][v.key],
                        pool_percent=_percent(tallies[feature.key][v.key], len(pool)),
                        population=v.population,
                        population_percent=_percent(v.population, population),
                    )
                    for v in values
                ],
            )
        )
    batches = [
        LetterBatchRow(
            number=row["batch"],
            count=row["count"],
            responded=row["responded"],
            sent_at=row["sent_at"],
            file_available=batch_file(edition, row["batch"]) is not None,
        )
        for row in Invitation.objects.filter(edition=edition)
        .values("batch")
        .annotate(
            count=Count("pk"),
            responded=Count("pk", filter=Q(responded_at__isnull=False)),
            sent_at=Min("sent_at"),
        )
        .order_by("batch")
    ]
    invited = sum(b.count for b in batches)
    return PoolOverview(
        respondents=len(pool),
        available=sum(1 for _chosen, available, _inv in pool if available),
        invited=invited,
        responded=sum(b.responded for b in batches),
        open_sign_ups=sum(1 for _chosen, _available, invitation in pool if invitation is None),
        tables=tables,
        batches=batches,
    )
