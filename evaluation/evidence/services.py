"""Writing the precomputed evidence: by the system (cron, a stale report) or on an official's request."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition

from ..models import EditionEvidence
from .access import check_evaluator
from .compute import compute_evidence
from .sections import EVIDENCE_VERSION


def refresh_evidence(*, edition: Edition, at: datetime | None = None) -> EditionEvidence:
    """Compute the edition's figures and store them in its one row (created or replaced): system work."""
    moment = at or timezone.now()
    with transaction.atomic():
        data = compute_evidence(edition)
        row, _created = EditionEvidence.objects.update_or_create(
            edition=edition, defaults={"computed_at": moment, "version": EVIDENCE_VERSION, "data": data}
        )
    return row


def recompute_evidence(*, edition: Edition, by: User, at: datetime | None = None) -> EditionEvidence:
    """An official's "recompute now": the same refresh, refused to anyone but the district's officials."""
    check_evaluator(by, edition)
    with transaction.atomic():
        row = refresh_evidence(edition=edition, at=at)
        record(
            actor=by,
            action="evaluation.evidence_recomputed",
            target=row,
            edition=edition,
            after={"version": row.version, "missing": row.data.get("missing", [])},
            at=at,
        )
    return row
