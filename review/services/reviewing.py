"""Reviewing one plan: start the review, answer the checklist, record a verdict, ask for changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext

from audit.services import record
from editions.models import Edition
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import moment_param, source_text
from proposals.models import Like, Plan, PlanRevision, PlanStatus
from proposals.status import change_status, initiators_of

from ..errors import ReviewError
from ..models import (
    DEFAULT_CRITERIA,
    VERDICTS_NEEDING_EXPLANATION,
    ChangeRequest,
    CheckOutcome,
    Review,
    ReviewCheck,
    ReviewCriterion,
    Verdict,
)
from ._common import (
    lines_cost,
    lock_plan,
    moment_text,
    money_text,
    require,
    review_phase,
    status_label,
)

if TYPE_CHECKING:
    from accounts.models import User

# A reviewer may still work on the checklist while the initiators revise their plan.
WORKABLE_STATUSES = frozenset({PlanStatus.IN_REVIEW, PlanStatus.CHANGES_REQUESTED})


@dataclass(frozen=True)
class CheckAnswer:
    """A reviewer's answer to one criterion (``outcome`` is a ``CheckOutcome`` value)."""

    outcome: str
    note: str = ""


def _join_translated(names: list[str]) -> str:
    return ", ".join(gettext(name) for name in names)


_names_in_reader_language = lazy(_join_translated, str)


def ensure_criteria(*, edition: Edition) -> list[ReviewCriterion]:
    """The edition's checklist; an edition without one gets the default criteria."""
    criteria = list(ReviewCriterion.objects.filter(edition=edition))
    if criteria:
        return criteria
    ReviewCriterion.objects.bulk_create(
        [
            ReviewCriterion(edition=edition, key=key, name=source_text(label), position=i)
            for i, (key, label) in enumerate(DEFAULT_CRITERIA)
        ],
        ignore_conflicts=True,
    )
    return list(ReviewCriterion.objects.filter(edition=edition))


def _review_fields(review: Review) -> dict[str, Any]:
    return {
        "verdict": review.verdict,
        "adjusted_cost_cents": review.adjusted_cost_cents,
        "cost_change_reason": review.cost_change_reason,
        "public_explanation": review.public_explanation,
    }


def _open_change_request(plan: Plan) -> ChangeRequest | None:
    return ChangeRequest.objects.filter(plan=plan, resolved_at__isnull=True).first()


def _close_answered_request(plan: Plan, *, at: datetime | None) -> None:
    """A plan back in review has answered its open change request."""
    if plan.status == PlanStatus.IN_REVIEW:
        ChangeRequest.objects.filter(plan=plan, resolved_at__isnull=True).update(
            resolved_at=at or timezone.now()
        )


def _workable_review(plan: Plan, by: User, *, at: datetime | None) -> Review:
    """The plan's review, locked and still open to change by ``by`` at ``at``; refuses otherwise."""
    lock_plan(plan)
    require(by, Action.REVIEW_PLAN, plan.edition, at=at)
    if plan.status not in WORKABLE_STATUSES:
        raise ReviewError("not_in_review", status=status_label(plan.status))
    review = Review.objects.filter(plan=plan).first()
    if review is None:  # a plan put in review some other way (the demo, an import) gets one now
        review = Review.objects.create(plan=plan, started_at=at or timezone.now())
    if review.published_at is not None:
        raise ReviewError("already_published")
    _close_answered_request(plan, at=at)
    return review


@transaction.atomic
def start_review(*, plan: Plan, by: User, at: datetime | None = None) -> Review:
    """Move a submitted plan with enough likes into review (submitted → in review) at ``at`` (default now)."""
    lock_plan(plan)
    require(by, Action.REVIEW_PLAN, plan.edition, at=at)
    if plan.status != PlanStatus.SUBMITTED:
        raise ReviewError("not_submitted", status=status_label(plan.status))
    likes = Like.objects.filter(plan=plan).count()
    needed = plan.edition.support_threshold
    if likes < needed:
        raise ReviewError("too_few_likes", likes=likes, needed=needed)
    ensure_criteria(edition=plan.edition)
    review, _created = Review.objects.get_or_create(plan=plan, defaults={"started_at": at or timezone.now()})
    review.reviewers.add(by)
    change_status(plan=plan, to=PlanStatus.IN_REVIEW, by=by, at=at)
    record(
        actor=by,
        action="review.start",
        target=plan,
        edition=plan.edition,
        before={"status": PlanStatus.SUBMITTED.value},
        after={"status": PlanStatus.IN_REVIEW.value, "likes": likes},
        at=at,
    )
    return review


def start_reviews_for_edition(*, edition: Edition, by: User) -> list[Review]:
    """Start the review of every submitted plan of the edition that has enough likes.

    All or nothing: one transaction, so a refusal (a permission, a concurrent change) starts none.
    """
    with transaction.atomic():
        require(by, Action.REVIEW_PLAN, edition)
        plans = list(
            Plan.objects.filter(edition=edition, status=PlanStatus.SUBMITTED).select_related("edition")
        )
        if edition.support_threshold:
            likes = dict(
                Like.objects.filter(plan__in=plans)
                .values("plan")
                .annotate(n=Count("pk"))
                .values_list("plan", "n")
            )
            plans = [plan for plan in plans if likes.get(plan.pk, 0) >= edition.support_threshold]
        return [start_review(plan=plan, by=by) for plan in plans]


@transaction.atomic
def record_checks(
    *,
    plan: Plan,
    by: User,
    checks: Mapping[str, CheckAnswer],
    internal_remarks: str | None = None,
    at: datetime | None = None,
) -> Review:
    """Save answers to the checklist (keyed by criterion key) and, if given, the internal remarks.

    A partial checklist is fine: reviewers save as they go. A criterion not in ``checks`` keeps its answer.
    """
    review = _workable_review(plan, by, at=at)
    criteria = {c.key: c for c in ensure_criteria(edition=plan.edition)}
    for key in checks:
        if key not in criteria:
            raise ReviewError("unknown_criterion", criterion=key)
    # The plan is locked (``_workable_review``), so the answers read here are the ones to change.
    existing = {c.criterion_id: c for c in ReviewCheck.objects.filter(review=review)}
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    new: list[ReviewCheck] = []
    for key, answer in checks.items():
        criterion = criteria[key]
        outcome = CheckOutcome(answer.outcome)
        note = answer.note.strip()
        current = existing.get(criterion.pk)
        if current is not None and (current.outcome, current.note) == (outcome, note):
            continue
        before[key] = {"outcome": current.outcome, "note": current.note} if current else None
        after[key] = {"outcome": outcome.value, "note": note}
        if current is None:
            new.append(ReviewCheck(review=review, criterion=criterion, outcome=outcome, note=note))
        else:
            current.outcome, current.note = outcome, note
            current.save(update_fields=["outcome", "note"])
    ReviewCheck.objects.bulk_create(new)
    if internal_remarks is not None and internal_remarks.strip() != review.internal_remarks:
        before["internal_remarks"] = review.internal_remarks
        review.internal_remarks = internal_remarks.strip()
        after["internal_remarks"] = review.internal_remarks
        review.save(update_fields=["internal_remarks"])
    review.reviewers.add(by)
    if after:
        record(
            actor=by,
            action="review.checks",
            target=plan,
            edition=plan.edition,
            before=before,
            after=after,
            at=at,
        )
    return review


def _cost_change(plan: Plan, adjusted_cost_cents: int | None, reason: str) -> tuple[int | None, str]:
    """The adjusted cost and its reason as stored: none (and no reason) when equal to the plan's own."""
    own_cost = lines_cost(plan)
    if adjusted_cost_cents is not None and adjusted_cost_cents <= 0:
        raise ReviewError("adjusted_cost_not_positive")
    if adjusted_cost_cents == own_cost:
        adjusted_cost_cents = None
    if adjusted_cost_cents is None:
        return None, ""
    if not reason:
        raise ReviewError(
            "cost_change_needs_reason", old=money_text(own_cost), new=money_text(adjusted_cost_cents)
        )
    return adjusted_cost_cents, reason


@transaction.atomic
def record_verdict(
    *,
    plan: Plan,
    by: User,
    verdict: Verdict,
    public_explanation: str = "",
    adjusted_cost_cents: int | None = None,
    cost_change_reason: str = "",
    at: datetime | None = None,
) -> Review:
    """Record (or correct) the verdict; it stays internal and the plan's status unchanged until publication.

    A verdict other than plainly feasible needs a public explanation, and a changed cost its reason.
    A cost equal to the plan's own is no change; ``at`` (default now) dates the verdict."""
    review = _workable_review(plan, by, at=at)
    verdict = Verdict(verdict)
    open_request = _open_change_request(plan)
    now = at or timezone.now()
    if plan.status == PlanStatus.CHANGES_REQUESTED and open_request and open_request.deadline > now:
        raise ReviewError("not_in_review", status=status_label(plan.status))
    criteria = ensure_criteria(edition=plan.edition)
    answered = set(ReviewCheck.objects.filter(review=review).values_list("criterion_id", flat=True))
    missing = [c.name for c in criteria if c.pk not in answered]
    if missing:
        # Lazy, so the names are translated when the message is shown, in that moment's language.
        raise ReviewError("checklist_incomplete", criteria=_names_in_reader_language(missing))
    explanation = public_explanation.strip()
    if verdict in VERDICTS_NEEDING_EXPLANATION and not explanation:
        raise ReviewError("verdict_needs_explanation", verdict=verdict.label)
    adjusted_cost_cents, reason = _cost_change(plan, adjusted_cost_cents, cost_change_reason.strip())
    before = _review_fields(review)
    review.verdict = verdict
    review.public_explanation = explanation
    review.adjusted_cost_cents = adjusted_cost_cents
    review.cost_change_reason = reason
    review.recorded_at = now
    review.recorded_by = by
    review.save()
    review.reviewers.add(by)
    record(
        actor=by,
        action="review.verdict",
        target=plan,
        edition=plan.edition,
        before=before,
        after=_review_fields(review),
        at=at,
    )
    return review


@transaction.atomic
def request_changes(
    *, plan: Plan, by: User, message: str, deadline: datetime, at: datetime | None = None
) -> ChangeRequest:
    """Return the plan to its initiators (in review → changes requested), with a deadline in the phase."""
    review = _workable_review(plan, by, at=at)
    if plan.status != PlanStatus.IN_REVIEW:
        raise ReviewError("not_in_review", status=status_label(plan.status))
    message = message.strip()
    if not message:
        raise ReviewError("message_required")
    now = at or timezone.now()
    if deadline <= now:
        raise ReviewError("deadline_in_past")
    phase = review_phase(plan.edition)
    if phase is None:
        raise ReviewError("no_review_phase")
    if deadline > phase.ends_at:
        raise ReviewError("deadline_after_review", end=moment_text(phase.ends_at))
    latest = (
        PlanRevision.objects.filter(plan=plan).order_by("-number").values_list("number", flat=True).first()
    )
    change_request = ChangeRequest.objects.create(
        plan=plan, message=message, deadline=deadline, requested_by=by, created_at=now, revision_number=latest
    )
    change_status(plan=plan, to=PlanStatus.CHANGES_REQUESTED, by=by, notify_initiators=False, at=at)
    # A verdict recorded earlier was about the plan as it was: the revised plan needs a new one.
    withdrawn_verdict = _review_fields(review) if review.verdict else None
    if withdrawn_verdict is not None:
        Review.objects.filter(pk=review.pk).update(
            verdict="", recorded_at=None, recorded_by=None, adjusted_cost_cents=None, cost_change_reason=""
        )
    # The submission service reads this to refuse revisions after the deadline.
    Plan.objects.filter(pk=plan.pk).update(changes_due_at=deadline)
    plan.changes_due_at = deadline
    notify(
        recipients=initiators_of(plan),
        kind=NotificationKind.CHANGES_REQUESTED,
        params={"plan": plan.title, "deadline": moment_param(deadline), "message": message},
        url=plan.get_absolute_url(),
        exclude=by,
        at=at,
    )
    record(
        actor=by,
        action="review.request_changes",
        target=plan,
        edition=plan.edition,
        before={
            "status": PlanStatus.IN_REVIEW.value,
            **({"verdict": withdrawn_verdict} if withdrawn_verdict else {}),
        },
        after={
            "status": PlanStatus.CHANGES_REQUESTED.value,
            "message": message,
            "deadline": deadline.isoformat(),
            "revision": latest,
        },
        at=at,
    )
    return change_request
