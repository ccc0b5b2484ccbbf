"""The committee's shortlist: at most K feasible plans, each with a reason, published together."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record
from editions.models import Edition
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.models import Plan, PlanStatus
from proposals.status import change_status, initiators_of

from ..errors import ReviewError
from ..models import ShortlistEntry, ShortlistPublication
from ._common import lock_edition, lock_plan, require, status_label

if TYPE_CHECKING:
    from accounts.models import User


def _refuse_if_published(edition: Edition) -> None:
    if ShortlistPublication.objects.filter(edition=edition).exists():
        raise ReviewError("shortlist_published")


@transaction.atomic
def shortlist_plan(*, plan: Plan, by: User, reason: str, at: datetime | None = None) -> ShortlistEntry:
    """Put a feasible plan on the edition's shortlist, with the committee's reason.

    The edition's row is locked first, so two members adding the last free place at the same
    time cannot both succeed: the second one counts the first one's entry. ``at`` (default now) dates it.
    """
    edition = plan.edition
    require(by, Action.SHORTLIST_PLAN, edition, at=at)
    lock_edition(edition)
    _refuse_if_published(edition)
    reason = reason.strip()
    if not reason:
        raise ReviewError("reason_required")
    lock_plan(plan)
    if ShortlistEntry.objects.filter(plan=plan).exists():
        raise ReviewError("already_shortlisted")
    if plan.status != PlanStatus.FEASIBLE:
        raise ReviewError("not_feasible", status=status_label(plan.status))
    count = ShortlistEntry.objects.filter(edition=edition).count()
    limit = edition.shortlist_size
    if limit is not None and count >= limit:
        raise ReviewError("shortlist_full", count=count, limit=limit)
    try:
        with transaction.atomic():
            entry = ShortlistEntry.objects.create(
                edition=edition, plan=plan, reason=reason, chosen_by=by, chosen_at=at or timezone.now()
            )
    except IntegrityError:
        raise ReviewError("already_shortlisted") from None
    record(
        actor=by,
        action="shortlist.add",
        target=plan,
        edition=edition,
        before={"shortlisted": False},
        after={"shortlisted": True, "reason": reason, "count": count + 1, "limit": limit},
        at=at,
    )
    return entry


@transaction.atomic
def unshortlist_plan(*, plan: Plan, by: User) -> None:
    """Take a plan off the shortlist before it is published."""
    edition = plan.edition
    require(by, Action.SHORTLIST_PLAN, edition)
    lock_edition(edition)
    _refuse_if_published(edition)
    entry = ShortlistEntry.objects.filter(plan=plan).first()
    if entry is None:
        raise ReviewError("not_shortlisted")
    reason = entry.reason
    entry.delete()
    record(
        actor=by,
        action="shortlist.remove",
        target=plan,
        edition=edition,
        before={"shortlisted": True, "reason": reason},
        after={"shortlisted": False},
    )


@transaction.atomic
def publish_shortlist(*, edition: Edition, by: User, at: datetime | None = None) -> ShortlistPublication:
    """Publish the shortlist (``at``, default now): every chosen plan becomes shortlisted and its
    initiators hear why."""
    require(by, Action.PUBLISH_SHORTLIST, edition, at=at)
    lock_edition(edition)
    _refuse_if_published(edition)
    entries = list(
        ShortlistEntry.objects.filter(edition=edition)
        .select_related("plan", "plan__edition", "plan__initiator")
        .order_by("plan__title", "plan__pk")
    )
    if not entries:
        raise ReviewError("shortlist_empty")
    changed = [e.plan.title for e in entries if e.plan.status != PlanStatus.FEASIBLE]
    if changed:
        raise ReviewError("shortlist_plans_changed", plans=", ".join(f"“{t}”" for t in changed))
    now = at or timezone.now()
    publication = ShortlistPublication.objects.create(edition=edition, published_at=now, published_by=by)
    for entry in entries:
        plan = entry.plan
        change_status(plan=plan, to=PlanStatus.SHORTLISTED, by=by, notify_initiators=False, at=at)
        notify(
            recipients=initiators_of(plan),
            kind=NotificationKind.SHORTLISTED,
            params={"plan": plan.title, "reason": entry.reason},
            url=plan.get_absolute_url(),
            at=at,
        )
    record(
        actor=by,
        action="shortlist.publish",
        target=publication,
        edition=edition,
        before={},
        after={"published_at": now.isoformat(), "plans": [e.plan_id for e in entries]},
        at=at,
    )
    return publication
