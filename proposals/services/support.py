"""Liking a plan and taking the like back: once per person, only in the support phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from editions.permissions import can
from editions.phases import Action
from proposals.errors import PlanError
from proposals.models import PRIVATE_STATUSES, Like, Plan, PlanStatus
from proposals.selectors.discussion import SUPPORTABLE_STATUSES, is_own_plan

if TYPE_CHECKING:
    from accounts.models import User


def _check_may_support(*, plan: Plan, user: User) -> None:
    if plan.status in PRIVATE_STATUSES:
        raise PlanError("not_public")
    if not can(user, Action.SUPPORT_PLAN, plan.edition):
        raise PlanError("not_in_support_phase" if user.email_verified else "email_not_confirmed")
    if is_own_plan(plan=plan, user=user):
        raise PlanError("cannot_like_own_plan")
    if plan.status not in SUPPORTABLE_STATUSES:
        raise PlanError("support_closed", status=PlanStatus(plan.status).label)


def like_plan(*, plan: Plan, user: User) -> Like:
    """Add ``user``'s like; a second like is refused by the database's unique constraint."""
    with transaction.atomic():
        _check_may_support(plan=plan, user=user)
        try:
            # The savepoint keeps the outer transaction usable after the constraint refuses a
            # duplicate, which is how two simultaneous requests end: one like, one refusal.
            with transaction.atomic():
                return Like.objects.create(plan=plan, user=user)
        except IntegrityError:
            raise PlanError("already_liked") from None


def unlike_plan(*, plan: Plan, user: User) -> None:
    """Take ``user``'s like back, while the support phase lasts."""
    with transaction.atomic():
        _check_may_support(plan=plan, user=user)
        deleted, _ = Like.objects.filter(plan=plan, user=user).delete()
        if not deleted:
            raise PlanError("not_liked")
