"""Publishing an edition's verdicts together, on or after its publication date."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.services import record
from editions.models import Edition
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import source_text
from proposals.models import Plan, PlanStatus
from proposals.status import change_status, initiators_of

from ..errors import ReviewError
from ..models import Review, Verdict, VerdictPublication
from ._common import lock_edition, moment_text, require, review_phase

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

PLAN_STATUS_FOR: dict[str, PlanStatus] = {
    Verdict.FEASIBLE: PlanStatus.FEASIBLE,
    Verdict.FEASIBLE_AFTER_CHANGES: PlanStatus.FEASIBLE,
    Verdict.NOT_FEASIBLE: PlanStatus.NOT_FEASIBLE,
}
PENDING_STATUSES = (PlanStatus.IN_REVIEW, PlanStatus.CHANGES_REQUESTED)


@dataclass(frozen=True)
class PublishedVerdicts:
    publication: VerdictPublication
    created: bool  # False: the verdicts had already been published (nothing was changed)


def publication_date(edition: Edition) -> datetime | None:
    """When the edition's verdicts may be published: its own date, else the end of its review phase."""
    if edition.verdicts_publish_at is not None:
        return edition.verdicts_publish_at
    phase = review_phase(edition)
    return phase.ends_at if phase else None


def _existing(edition: Edition) -> VerdictPublication | None:
    return VerdictPublication.objects.filter(edition=edition).first()


@transaction.atomic
def publish_verdicts(*, edition: Edition, by: User, at: datetime | None = None) -> PublishedVerdicts:
    """Publish every recorded verdict of the edition at once (``at``, default now): statuses, reviewed
    costs, notifications.

    Refused before the publication date and while a plan in review has no verdict. Publishing
    twice changes nothing: the edition's one ``VerdictPublication`` row decides who was first.
    """
    require(by, Action.PUBLISH_VERDICTS, edition, at=at)
    lock_edition(edition)
    existing = _existing(edition)
    if existing is not None:
        return PublishedVerdicts(publication=existing, created=False)
    date = publication_date(edition)
    if date is None:
        raise ReviewError("no_review_phase")
    now = at or timezone.now()
    if now < date:
        raise ReviewError("before_publication_date", date=moment_text(date))
    pending = Plan.objects.filter(edition=edition, status__in=PENDING_STATUSES).filter(
        Q(review__isnull=True) | Q(review__verdict="")
    )
    if pending.exists():
        titles = list(pending.order_by("title").values_list("title", flat=True))
        raise ReviewError("verdicts_missing", plans=", ".join(f"“{t}”" for t in titles))
    reviews = list(
        Review.objects.filter(
            plan__edition=edition, plan__status__in=PENDING_STATUSES, published_at__isnull=True
        )
        .exclude(verdict="")
        .select_related("plan", "plan__edition", "plan__initiator")
        .order_by("plan__title", "plan__pk")
    )
    if not reviews:
        raise ReviewError("nothing_to_publish")
    try:
        with transaction.atomic():
            publication = VerdictPublication.objects.create(
                edition=edition, published_at=now, published_by=by, verdict_count=len(reviews)
            )
    except IntegrityError:  # another publication won the race (a database without row locks)
        existing = _existing(edition)
        assert existing is not None
        return PublishedVerdicts(publication=existing, created=False)
    for review in reviews:
        _publish_one(review, by=by, now=now, at=at)
    record(
        actor=by,
        action="review.publish_verdicts",
        target=publication,
        edition=edition,
        before={},
        after={"published_at": now.isoformat(), "verdicts": len(reviews)},
        at=at,
    )
    return PublishedVerdicts(publication=publication, created=True)


def _publish_one(review: Review, *, by: User, now: datetime, at: datetime | None) -> None:
    plan = review.plan
    before = {"status": plan.status, "reviewed_cost_cents": plan.reviewed_cost_cents}
    if plan.status == PlanStatus.CHANGES_REQUESTED:  # the initiators let the deadline pass
        change_status(plan=plan, to=PlanStatus.IN_REVIEW, by=by, notify_initiators=False, at=at)
    change_status(plan=plan, to=PLAN_STATUS_FOR[review.verdict], by=by, notify_initiators=False, at=at)
    Plan.objects.filter(pk=plan.pk).update(reviewed_cost_cents=review.adjusted_cost_cents)
    plan.reviewed_cost_cents = review.adjusted_cost_cents
    Review.objects.filter(pk=review.pk).update(published_at=now)
    review.published_at = now
    explanation = " ".join(part for part in (review.public_explanation, review.cost_change_reason) if part)
    notify(
        recipients=initiators_of(plan),
        kind=NotificationKind.VERDICT,
        params={
            "plan": plan.title,
            "verdict": source_text(Verdict(review.verdict).label),
            "explanation": explanation,
        },
        url=plan.get_absolute_url(),
        at=at,
    )
    record(
        actor=by,
        action="review.publish",
        target=plan,
        edition=plan.edition,
        before=before,
        after={
            "status": plan.status,
            "reviewed_cost_cents": plan.reviewed_cost_cents,
            "verdict": review.verdict,
        },
        at=at,
    )


@dataclass(frozen=True)
class DuePublication:
    edition: Edition
    result: PublishedVerdicts | None
    error: ReviewError | None


def publish_due_verdicts(*, by: User) -> list[DuePublication]:
    """Publish the verdicts of every edition whose publication date has passed (for a scheduled job).

    Each edition in its own transaction: one edition that cannot be published yet (a plan without
    a verdict) does not hold back the others; its refusal is returned.
    """
    moment = timezone.now()
    outcomes: list[DuePublication] = []
    candidates = (
        Edition.objects.filter(verdict_publication__isnull=True, plans__review__recorded_at__isnull=False)
        .distinct()
        .select_related("district")
        .order_by("pk")
    )
    for edition in candidates:
        date = publication_date(edition)
        if date is None or date > moment:
            continue
        try:
            result = publish_verdicts(edition=edition, by=by)
        except ReviewError as error:
            logger.warning("Verdicts of %s not published: %s", edition, error.code)
            outcomes.append(DuePublication(edition=edition, result=None, error=error))
        else:
            outcomes.append(DuePublication(edition=edition, result=result, error=None))
    return outcomes
