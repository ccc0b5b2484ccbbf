"""Liking a plan and taking the like back: once per person, only in the support phase."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from editions.permissions import can
from editions.phases import Action
from proposals.errors import PlanError
from proposals.models import PRIVATE_STATUSES, CoInitiatorStatus, Like, Plan, PlanStatus
from proposals.selectors.discussion import SUPPORTABLE_STATUSES, is_own_plan

if TYPE_CHECKING:
    from accounts.models import User


@dataclass(frozen=True)
class LikeInput:
    """One person's like, given ``at`` (default now)."""

    user: User
    at: datetime | None = None


def _check_plan_public(plan: Plan) -> None:
    if plan.status in PRIVATE_STATUSES:
        raise PlanError("not_public")


def _check_user_may_support(*, plan: Plan, user: User, own: bool, at: datetime | None) -> None:
    if not can(user, Action.SUPPORT_PLAN, plan.edition, at=at):
        raise PlanError("not_in_support_phase" if user.email_verified else "email_not_confirmed")
    if own:
        raise PlanError("cannot_like_own_plan")
    if plan.status not in SUPPORTABLE_STATUSES:
        raise PlanError("support_closed", status=PlanStatus(plan.status).label)


def _check_may_support(*, plan: Plan, user: User, at: datetime | None = None) -> None:
    _check_plan_public(plan)
    _check_user_may_support(plan=plan, user=user, own=is_own_plan(plan=plan, user=user), at=at)


def like_plan(*, plan: Plan, user: User, at: datetime | None = None) -> Like:
    """Add ``user``'s like (given ``at``, default now); a second like is refused by the unique constraint."""
    with transaction.atomic():
        _check_may_support(plan=plan, user=user, at=at)
        try:
            # The savepoint keeps the outer transaction usable after the constraint refuses a
            # duplicate, which is how two simultaneous requests end: one like, one refusal.
            with transaction.atomic():
                return Like.objects.create(plan=plan, user=user, created_at=at or timezone.now())
        except IntegrityError:
            raise PlanError("already_liked") from None


def like_plan_by_many(*, plan: Plan, likes: Sequence[LikeInput]) -> list[Like]:
    """Add many people's likes at once (one insert), each checked as ``like_plan`` checks it.

    All or nothing: one refusal (a person who may not like the plan then, their own plan, a like
    given before or twice in ``likes``) adds none.
    """
    with transaction.atomic():
        _check_plan_public(plan)
        own = _initiator_ids(plan)
        seen: set[int] = set(Like.objects.filter(plan=plan).values_list("user_id", flat=True))
        for like in likes:
            _check_user_may_support(plan=plan, user=like.user, own=like.user.pk in own, at=like.at)
            if like.user.pk in seen:
                raise PlanError("already_liked")
            seen.add(like.user.pk)
        moment = timezone.now()
        return Like.objects.bulk_create(
            Like(plan=plan, user=like.user, created_at=like.at or moment) for like in likes
        )


def _initiator_ids(plan: Plan) -> Collection[int]:
    accepted = plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED, user__isnull=False)
    return {plan.initiator_id, *accepted.values_list("user_id", flat=True)}


def unlike_plan(*, plan: Plan, user: User) -> None:
    """Take ``user``'s like back, while the support phase lasts."""
    with transaction.atomic():
        _check_may_support(plan=plan, user=user)
        deleted, _ = Like.objects.filter(plan=plan, user=user).delete()
        if not deleted:
            raise PlanError("not_liked")
