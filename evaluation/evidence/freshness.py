"""When stored evidence is still good: of the current version, and recent while the edition runs."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from editions.models import Edition

from ..models import EditionEvidence
from .sections import EVIDENCE_VERSION
from .services import refresh_evidence

# While an edition runs, a report shows figures at most this old (the hourly cron keeps them so).
EVIDENCE_MAX_AGE = timedelta(hours=1)


def is_fresh(row: EditionEvidence | None, edition: Edition, *, at: datetime) -> bool:
    """Whether ``row`` may be shown at ``at``: current version, and younger than ``EVIDENCE_MAX_AGE``
    or computed after the edition's last phase ended (nothing in the edition moves any more)."""
    if row is None or row.version != EVIDENCE_VERSION:
        return False
    if at - row.computed_at <= EVIDENCE_MAX_AGE:
        return True
    ends = [phase.ends_at for phase in edition.phases.all()]
    return bool(ends) and row.computed_at >= max(ends)


def evidence_row_for(edition: Edition, *, at: datetime | None = None) -> EditionEvidence:
    """The edition's stored evidence, recomputed first when missing or stale."""
    moment = at or timezone.now()
    row = EditionEvidence.objects.filter(edition=edition).first()
    if is_fresh(row, edition, at=moment):
        assert row is not None
        return row
    return refresh_evidence(edition=edition, at=moment)


def evidence_for(edition: Edition, *, at: datetime | None = None) -> dict[str, Any]:
    """The edition's evidence (see ``evaluation.evidence``), recomputed lazily when missing or stale."""
    data: dict[str, Any] = evidence_row_for(edition, at=at).data
    return data
