"""Review and shortlist of the demo plans, by the demo's reviewers, officials and committee members.

Everything goes through the review services at the demo's moments, so the statuses, notifications
and audit entries are the ones the staff's own actions write. A verdict changes the plan's status
only once the edition's verdicts are published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from accounts.models import Role, User
from editions.models import Edition
from editions.phases import Action
from proposals.models import Plan
from proposals.services.submission import resubmit_plan
from review.models import ShortlistEntry, ShortlistPublication, Verdict, VerdictPublication
from review.services import (
    CheckAnswer,
    publication_date,
    publish_shortlist,
    publish_verdicts,
    record_checks,
    record_verdict,
    request_changes,
    shortlist_plan,
    start_review,
)

from ..content.accounts import staff
from ..content.specs import PlanSpec, ReviewSpec, ShortlistSpec
from ._common import between, phase_so_far
from .discussion import make_edit


def load_reviews(
    *,
    edition: Edition,
    plans: Sequence[Plan],
    specs: Sequence[PlanSpec],
    reviews: Sequence[ReviewSpec],
    users: dict[str, User],
    now: datetime,
) -> None:
    """Each new plan's review; when the publication date has passed, the verdicts are published.

    ``plans`` are the plans made in this load; the others already went through their review.
    """
    made = {plan.title: plan for plan in plans}
    by_title = {spec.title: spec for spec in specs}
    start, end = phase_so_far(edition, Action.REVIEW_PLAN, now=now)
    for spec in reviews:
        plan = made.get(spec.plan_title)
        if plan is not None:
            _review(plan=plan, plan_spec=by_title[plan.title], spec=spec, users=users, start=start, end=end)
    date = publication_date(edition)
    if date is not None and date <= now and not VerdictPublication.objects.filter(edition=edition).exists():
        publisher = users[staff(Role.OFFICIAL, edition.district.slug)]
        publish_verdicts(edition=edition, by=publisher, at=date)


def _review(
    *,
    plan: Plan,
    plan_spec: PlanSpec,
    spec: ReviewSpec,
    users: Mapping[str, User],
    start: datetime,
    end: datetime,
) -> None:
    """Started, checklist answered, changes requested (and answered), verdict recorded, in that order."""
    reviewer = users[spec.reviewer_email]
    started_at = between(start, end, spec.started)
    start_review(plan=plan, by=reviewer, at=started_at)
    request = spec.change_request
    requested_at = between(start, end, request.at) if request is not None else None
    recorded_at = between(start, end, spec.recorded) if spec.verdict else None
    if spec.checks:
        record_checks(
            plan=plan,
            by=reviewer,
            checks={key: CheckAnswer(outcome=outcome, note=note) for key, outcome, note in spec.checks},
            internal_remarks=spec.internal_remarks,
            at=between(started_at, recorded_at or requested_at or end, 0.5),
        )
    if request is not None and requested_at is not None:
        deadline = requested_at + timedelta(days=request.deadline_days)
        request_changes(plan=plan, by=reviewer, message=request.message, deadline=deadline, at=requested_at)
        if request.answered is not None:
            answered_at = between(requested_at, min(deadline, end), request.answered.at)
            make_edit(plan=plan, spec=plan_spec, edit=request.answered, at=answered_at)
            resubmit_plan(plan=plan, by=plan.initiator, at=answered_at)
            # The reviewer opens the revised plan at once, which closes the answered request.
            record_checks(plan=plan, by=reviewer, checks={}, at=answered_at)
    if spec.verdict and recorded_at is not None:
        record_verdict(
            plan=plan,
            by=reviewer,
            verdict=Verdict(spec.verdict),
            public_explanation=spec.public_explanation,
            adjusted_cost_cents=spec.adjusted_cost_cents,
            cost_change_reason=spec.cost_change_reason,
            at=recorded_at,
        )


def load_shortlist(*, edition: Edition, spec: ShortlistSpec, users: dict[str, User], now: datetime) -> None:
    """The committee's choices, each with its reason; published near the phase's end if so."""
    if ShortlistPublication.objects.filter(edition=edition).exists():
        return
    start, end = phase_so_far(edition, Action.SHORTLIST_PLAN, now=now)
    member = users[spec.chosen_by_email]
    plans = {plan.title: plan for plan in edition.plans.select_related("edition")}
    chosen = set(ShortlistEntry.objects.filter(edition=edition).values_list("plan_id", flat=True))
    for choice in spec.choices:
        plan = plans[choice.plan_title]
        if plan.pk not in chosen:
            shortlist_plan(plan=plan, by=member, reason=choice.reason, at=between(start, end, choice.at))
    if spec.published:
        publish_shortlist(edition=edition, by=member, at=between(start, end, 0.95))
