"""Reads of reviews: the reviewers' queue and plan page, the committee's shortlist, what the public sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from editions.models import Edition
from notifications.texts import source_text
from places.models import Neighbourhood
from proposals.models import PRIVATE_STATUSES, Like, Plan, PlanRevision, PlanStatus
from proposals.selectors.listing import like_count
from proposals.selectors.revisions import FieldChange, revision_diff

from .models import (
    DEFAULT_CRITERIA,
    ChangeRequest,
    CheckOutcome,
    Review,
    ReviewCheck,
    ReviewCriterion,
    ShortlistEntry,
    ShortlistPublication,
    Verdict,
    VerdictPublication,
)
from .services.publication import publication_date

# ---------------------------------------------------------------- the checklist


def criteria_of(*, edition: Edition) -> list[ReviewCriterion]:
    """The edition's checklist; before its first review, the (unsaved) default criteria."""
    criteria = list(ReviewCriterion.objects.filter(edition=edition))
    if criteria:
        return criteria
    return [
        ReviewCriterion(edition=edition, key=key, name=source_text(label), position=i)
        for i, (key, label) in enumerate(DEFAULT_CRITERIA)
    ]


# ---------------------------------------------------------------- the reviewers' queue


@dataclass(frozen=True)
class QueueFilter:
    status: str = ""
    theme_slug: str = ""
    neighbourhood: Neighbourhood | None = None
    verdict_recorded: bool | None = None
    likes_reached: bool | None = None


@dataclass(frozen=True)
class QueueCounts:
    by_status: dict[str, int]
    total: int
    ready_to_start: int  # submitted with enough likes
    verdicts_recorded: int
    waiting_for_verdict: int  # in review (or back from the initiators) without a verdict


def review_queue(*, edition: Edition, queue_filter: QueueFilter) -> list[Plan]:
    """The edition's plans for reviewers, filtered, with likes, own cost and review (no query per plan)."""
    plans = (
        Plan.objects.filter(edition=edition)
        .exclude(status__in=PRIVATE_STATUSES)
        .select_related("theme", "neighbourhood", "review")
        .annotate(
            like_count=like_count(),
            lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)),
        )
    )
    if queue_filter.status:
        plans = plans.filter(status=queue_filter.status)
    if queue_filter.theme_slug:
        plans = plans.filter(theme__slug=queue_filter.theme_slug)
    if queue_filter.neighbourhood is not None:
        plans = plans.filter(neighbourhood=queue_filter.neighbourhood)
    if queue_filter.verdict_recorded is not None:
        recorded = Q(review__recorded_at__isnull=False)
        plans = plans.filter(recorded if queue_filter.verdict_recorded else ~recorded)
    if queue_filter.likes_reached is not None:
        reached = Q(like_count__gte=edition.support_threshold)
        plans = plans.filter(reached if queue_filter.likes_reached else ~reached)
    return list(plans.order_by("status", "title", "pk"))


def queue_counts(*, edition: Edition) -> QueueCounts:
    by_status: dict[str, int] = {}
    ready = recorded = waiting = 0
    for plan in review_queue(edition=edition, queue_filter=QueueFilter()):
        by_status[plan.status] = by_status.get(plan.status, 0) + 1
        review = review_of(plan)
        if plan.status == PlanStatus.SUBMITTED and plan.like_count >= edition.support_threshold:  # type: ignore[attr-defined]
            ready += 1
        if review is not None and review.recorded_at is not None:
            recorded += 1
        elif plan.status in (PlanStatus.IN_REVIEW, PlanStatus.CHANGES_REQUESTED):
            waiting += 1
    return QueueCounts(
        by_status=by_status,
        total=sum(by_status.values()),
        ready_to_start=ready,
        verdicts_recorded=recorded,
        waiting_for_verdict=waiting,
    )


def review_of(plan: Plan) -> Review | None:
    """The plan's review when it has one (``plan.review`` raises when it has none)."""
    try:
        return plan.review
    except Review.DoesNotExist:
        return None


@dataclass(frozen=True)
class PublicationState:
    date: datetime | None  # None: the edition has no review phase
    publication: VerdictPublication | None

    @property
    def is_due(self) -> bool:
        return self.date is not None and timezone.now() >= self.date


def verdict_publication_state(*, edition: Edition) -> PublicationState:
    return PublicationState(
        date=publication_date(edition),
        publication=VerdictPublication.objects.filter(edition=edition).first(),
    )


# ---------------------------------------------------------------- one plan's review page


@dataclass(frozen=True)
class ChecklistRow:
    criterion: ReviewCriterion
    check: ReviewCheck | None


@dataclass(frozen=True)
class ReviewPage:
    plan: Plan  # annotated with lines_cost_cents
    likes: int
    review: Review | None
    checklist: list[ChecklistRow]
    change_requests: list[ChangeRequest]
    open_change_request: ChangeRequest | None
    # The revision the reviewer saw when asking for changes, the latest one, and what changed between them.
    diff_from: PlanRevision | None = None
    diff_to: PlanRevision | None = None
    diff: list[FieldChange] = field(default_factory=list)


def review_page(*, plan: Plan) -> ReviewPage:
    review = Review.objects.filter(plan=plan).first()
    checks = (
        {c.criterion.key: c for c in ReviewCheck.objects.filter(review=review).select_related("criterion")}
        if review
        else {}
    )
    checklist = [
        ChecklistRow(criterion=c, check=checks.get(c.key)) for c in criteria_of(edition=plan.edition)
    ]
    requests = list(
        ChangeRequest.objects.filter(plan=plan).select_related("requested_by").order_by("created_at")
    )
    open_request = next((r for r in requests if r.resolved_at is None), None)
    page = ReviewPage(
        plan=plan,
        likes=Like.objects.filter(plan=plan).count(),
        review=review,
        checklist=checklist,
        change_requests=requests,
        open_change_request=open_request,
    )
    seen = next((r.revision_number for r in reversed(requests) if r.revision_number is not None), None)
    if seen is None:
        return page
    revisions = {r.number: r for r in PlanRevision.objects.filter(plan=plan, number__gte=seen)}
    older, newer = revisions.get(seen), revisions.get(max(revisions, default=seen))
    if older is None or newer is None or newer.number == older.number:
        return page
    return ReviewPage(
        **{
            **page.__dict__,
            "diff_from": older,
            "diff_to": newer,
            "diff": revision_diff(older=older, newer=newer),
        }
    )


def plan_for_review(*, edition: Edition, pk: int) -> Plan | None:
    """A plan of the edition with its own cost (the sum of its lines), for the review page."""
    return (
        Plan.objects.filter(edition=edition, pk=pk)
        .exclude(status__in=PRIVATE_STATUSES)
        .select_related("edition", "edition__district", "theme", "neighbourhood")
        .annotate(lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)))
        .prefetch_related("cost_lines", "images")
        .first()
    )


def plan_of_edition(*, edition: Edition, pk: str) -> Plan | None:
    """The plan a shortlist button names (its posted ``plan``), if it is a plan of the edition."""
    if not pk.isdigit():
        return None
    return Plan.objects.select_related("edition").filter(edition=edition, pk=pk).first()


# ---------------------------------------------------------------- the public side


@dataclass(frozen=True)
class PublicCheck:
    criterion: str
    outcome: str  # a CheckOutcome value, for styling
    outcome_label: str
    note: str


@dataclass(frozen=True)
class PublicReview:
    """What the public may read of a review: never the internal remarks or who reviewed."""

    verdict: str
    verdict_label: str
    public_explanation: str
    original_cost_cents: int
    adjusted_cost_cents: int | None
    cost_change_reason: str
    checks: list[PublicCheck]
    published_at: datetime


def public_review(*, plan: Plan) -> PublicReview | None:
    """The plan's published review, or None before the verdicts are published."""
    review = Review.objects.filter(plan=plan, published_at__isnull=False).first()
    if review is None or review.published_at is None:
        return None
    checks = ReviewCheck.objects.filter(review=review).select_related("criterion")
    original = plan.cost_lines.aggregate(total=Sum("amount_cents"))["total"] or 0
    return PublicReview(
        verdict=review.verdict,
        verdict_label=str(Verdict(review.verdict).label),
        public_explanation=review.public_explanation,
        original_cost_cents=original,
        adjusted_cost_cents=review.adjusted_cost_cents,
        cost_change_reason=review.cost_change_reason,
        checks=[
            PublicCheck(
                criterion=c.criterion.label,
                outcome=c.outcome,
                outcome_label=str(CheckOutcome(c.outcome).label),
                note=c.note,
            )
            for c in checks
        ],
        published_at=review.published_at,
    )


@dataclass(frozen=True)
class ShortlistRow:
    plan: Plan  # annotated with cost_cents (the reviewed cost, else the lines' sum)
    entry: ShortlistEntry | None


@dataclass(frozen=True)
class Shortlist:
    rows: list[ShortlistRow]  # for the public: the chosen plans only; for the committee: every candidate
    count: int
    limit: int | None
    publication: ShortlistPublication | None

    @property
    def is_full(self) -> bool:
        return self.limit is not None and self.count >= self.limit


def _plans_with_cost(edition: Edition) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(edition=edition)
        .select_related("theme", "neighbourhood")
        .annotate(
            lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)),
            cost_cents=Coalesce("reviewed_cost_cents", "lines_cost_cents"),
        )
    )


def shortlist_for_committee(*, edition: Edition) -> Shortlist:
    """The candidates (feasible or already shortlisted plans) with the chosen ones first."""
    entries = {
        e.plan_id: e for e in ShortlistEntry.objects.filter(edition=edition).select_related("chosen_by")
    }
    plans = _plans_with_cost(edition).filter(
        Q(status__in=[PlanStatus.FEASIBLE, PlanStatus.SHORTLISTED]) | Q(pk__in=list(entries))
    )
    rows = [ShortlistRow(plan=p, entry=entries.get(p.pk)) for p in plans.order_by("title", "pk")]
    rows.sort(key=lambda row: row.entry is None)
    return Shortlist(
        rows=rows,
        count=len(entries),
        limit=edition.shortlist_size,
        publication=ShortlistPublication.objects.filter(edition=edition).first(),
    )


def public_shortlist(*, edition: Edition) -> Shortlist | None:
    """The published shortlist with each plan's reason, or None before it is published."""
    publication = ShortlistPublication.objects.filter(edition=edition).first()
    if publication is None:
        return None
    entries = {e.plan_id: e for e in ShortlistEntry.objects.filter(edition=edition)}
    plans = _plans_with_cost(edition).filter(pk__in=list(entries)).order_by("title", "pk")
    rows = [ShortlistRow(plan=p, entry=entries[p.pk]) for p in plans]
    return Shortlist(rows=rows, count=len(rows), limit=edition.shortlist_size, publication=publication)
