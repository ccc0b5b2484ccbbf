"""Review and shortlist of the demo plans, with the audit entries the staff's actions would have written.

Rows are written directly with past dates: the review services check the phase against the real
clock, so they cannot record what happened weeks ago. Statuses follow ``proposals.status``: a
verdict changes the plan's status only once the edition's verdicts are published.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from accounts.models import Role, User
from editions.models import Edition
from editions.phases import PhaseKind
from proposals.models import Like, Plan, PlanStatus
from review.models import (
    ChangeRequest,
    Review,
    ReviewCheck,
    ShortlistEntry,
    ShortlistPublication,
    VerdictPublication,
)
from review.services.publication import PLAN_STATUS_FOR, publication_date
from review.services.reviewing import ensure_criteria

from ..content.accounts import staff
from ..content.specs import ReviewSpec, ShortlistSpec
from ._common import audit_once, between, phase_so_far
from .discussion import save_revisions


def load_reviews(
    *, edition: Edition, reviews: Sequence[ReviewSpec], users: dict[str, User], now: datetime
) -> None:
    """Each plan's review; when the publication date has passed, the verdicts are public."""
    criteria = {criterion.key: criterion for criterion in ensure_criteria(edition=edition)}
    plans = {plan.title: plan for plan in edition.plans.select_related("initiator", "theme", "neighbourhood")}
    start, end = phase_so_far(edition, PhaseKind.REVIEW, now=now)
    date = publication_date(edition)
    published_at = date if date is not None and date <= now else None
    publisher = users[staff(Role.OFFICIAL, edition.district.slug)]
    for spec in reviews:
        plan = plans[spec.plan_title]
        review = _load_review(
            plan=plan, spec=spec, users=users, start=start, end=end, published_at=published_at
        )
        ReviewCheck.objects.bulk_create(
            [
                ReviewCheck(review=review, criterion=criteria[key], outcome=outcome, note=note)
                for key, outcome, note in spec.checks
            ],
            update_conflicts=True,
            unique_fields=["review", "criterion"],
            update_fields=["outcome", "note"],
        )
        review.checks.exclude(criterion__key__in=[key for key, _, _ in spec.checks]).delete()
        _audit_review(plan=plan, review=review, spec=spec, users=users, start=start, end=end)
        if review.published_at is not None:
            audit_once(
                actor=publisher,
                action="review.publish",
                target=plan,
                edition=edition,
                at=review.published_at,
                before={"status": PlanStatus.IN_REVIEW.value, "reviewed_cost_cents": None},
                after={
                    "status": PLAN_STATUS_FOR[review.verdict].value,
                    "reviewed_cost_cents": review.adjusted_cost_cents,
                    "verdict": review.verdict,
                },
            )
    if published_at is None:
        VerdictPublication.objects.filter(edition=edition).delete()
        return
    publication, _ = VerdictPublication.objects.update_or_create(
        edition=edition,
        defaults={"published_at": published_at, "published_by": publisher, "verdict_count": len(reviews)},
    )
    audit_once(
        actor=publisher,
        action="review.publish_verdicts",
        target=publication,
        edition=edition,
        at=published_at,
        after={"published_at": published_at.isoformat(), "verdicts": len(reviews)},
    )


def _load_review(
    *,
    plan: Plan,
    spec: ReviewSpec,
    users: dict[str, User],
    start: datetime,
    end: datetime,
    published_at: datetime | None,
) -> Review:
    reviewer = users[spec.reviewer_email]
    recorded_at = between(start, end, spec.recorded) if spec.verdict else None
    public = published_at if spec.verdict else None
    review, _ = Review.objects.update_or_create(
        plan=plan,
        defaults={
            "started_at": between(start, end, spec.started),
            "verdict": spec.verdict,
            "internal_remarks": spec.internal_remarks,
            "adjusted_cost_cents": spec.adjusted_cost_cents,
            "cost_change_reason": spec.cost_change_reason,
            "public_explanation": spec.public_explanation,
            "recorded_at": recorded_at,
            "recorded_by": reviewer if spec.verdict else None,
            "published_at": public,
        },
    )
    review.reviewers.set([reviewer])
    changes_due_at = None
    request = spec.change_request
    if request is not None:
        requested_at = between(start, end, request.at)
        changes_due_at = requested_at + timedelta(days=request.deadline_days)
        answered_at = None
        if request.answered is not None:
            answered_at = between(requested_at, min(changes_due_at, end), request.answered.at)
            save_revisions(plan=plan, edit=request.answered, edited_at=answered_at)
        ChangeRequest.objects.update_or_create(
            plan=plan,
            message=request.message,
            defaults={
                "deadline": changes_due_at,
                "requested_by": reviewer,
                "created_at": requested_at,
                "resolved_at": answered_at,
                "revision_number": 1,
            },
        )
    Plan.objects.filter(pk=plan.pk).update(
        reviewed_cost_cents=spec.adjusted_cost_cents if public else None, changes_due_at=changes_due_at
    )
    return review


def _audit_review(
    *, plan: Plan, review: Review, spec: ReviewSpec, users: dict[str, User], start: datetime, end: datetime
) -> None:
    """The entries the reviewer's actions wrote: review started, checklist, changes requested, verdict."""
    reviewer = users[spec.reviewer_email]
    edition = plan.edition
    started_at = review.started_at
    audit_once(
        actor=reviewer,
        action="review.start",
        target=plan,
        edition=edition,
        at=started_at,
        before={"status": PlanStatus.SUBMITTED.value},
        after={"status": PlanStatus.IN_REVIEW.value, "likes": Like.objects.filter(plan=plan).count()},
    )
    request = spec.change_request
    next_step = review.recorded_at or (between(start, end, request.at) if request else end)
    if spec.checks:
        audit_once(
            actor=reviewer,
            action="review.checks",
            target=plan,
            edition=edition,
            at=between(started_at, next_step, 0.5),
            before={key: None for key, _, _ in spec.checks},
            after={key: {"outcome": outcome, "note": note} for key, outcome, note in spec.checks},
        )
    if request is not None:
        requested_at = between(start, end, request.at)
        audit_once(
            actor=reviewer,
            action="review.request_changes",
            target=plan,
            edition=edition,
            at=requested_at,
            before={"status": PlanStatus.IN_REVIEW.value},
            after={
                "status": PlanStatus.CHANGES_REQUESTED.value,
                "message": request.message,
                "deadline": (requested_at + timedelta(days=request.deadline_days)).isoformat(),
                "revision": 1,
            },
        )
    if review.recorded_at is not None:
        audit_once(
            actor=reviewer,
            action="review.verdict",
            target=plan,
            edition=edition,
            at=review.recorded_at,
            before=_verdict_fields(None),
            after=_verdict_fields(review),
        )


def _verdict_fields(review: Review | None) -> dict[str, Any]:
    return {
        "verdict": review.verdict if review else "",
        "adjusted_cost_cents": review.adjusted_cost_cents if review else None,
        "cost_change_reason": review.cost_change_reason if review else "",
        "public_explanation": review.public_explanation if review else "",
    }


def load_shortlist(*, edition: Edition, spec: ShortlistSpec, users: dict[str, User], now: datetime) -> None:
    """The committee's choices, each with its reason; a published shortlist went public as the phase ended."""
    start, end = phase_so_far(edition, PhaseKind.SHORTLIST, now=now)
    member = users[spec.chosen_by_email]
    plans = {plan.title: plan for plan in edition.plans.all()}
    chosen: list[int] = []
    for count, choice in enumerate(spec.choices, start=1):
        plan = plans[choice.plan_title]
        chosen_at = between(start, end, choice.at)
        ShortlistEntry.objects.update_or_create(
            plan=plan,
            defaults={
                "edition": edition,
                "reason": choice.reason,
                "chosen_by": member,
                "chosen_at": chosen_at,
            },
        )
        chosen.append(plan.pk)
        audit_once(
            actor=member,
            action="shortlist.add",
            target=plan,
            edition=edition,
            at=chosen_at,
            before={"shortlisted": False},
            after={
                "shortlisted": True,
                "reason": choice.reason,
                "count": count,
                "limit": edition.shortlist_size,
            },
        )
    ShortlistEntry.objects.filter(edition=edition).exclude(plan__in=chosen).delete()
    if not spec.published:
        ShortlistPublication.objects.filter(edition=edition).delete()
        return
    published_at = between(start, end, 0.95)
    publication, _ = ShortlistPublication.objects.update_or_create(
        edition=edition, defaults={"published_at": published_at, "published_by": member}
    )
    audit_once(
        actor=member,
        action="shortlist.publish",
        target=publication,
        edition=edition,
        at=published_at,
        after={"published_at": published_at.isoformat(), "plans": chosen},
    )
