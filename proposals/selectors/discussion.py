"""Reads for a plan's support (likes) and discussion (comments) on its public page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch

from editions.permissions import can
from editions.phases import Action
from proposals.models import Comment, Like, Plan

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


@dataclass(frozen=True)
class SupportState:
    count: int
    threshold: int  # 0: the edition has no threshold
    liked_by_user: bool
    can_like: bool  # the support phase is open for this user (and it is not their own plan)

    @property
    def needed(self) -> int:
        """How many more likes the plan needs to reach review (0 when reached or no threshold)."""
        return max(self.threshold - self.count, 0)

    @property
    def reached(self) -> bool:
        return self.count >= self.threshold


def support_state(*, plan: Plan, user: User | AnonymousUser) -> SupportState:
    count = Like.objects.filter(plan=plan).count()
    liked = user.is_authenticated and Like.objects.filter(plan=plan, user=user).exists()
    own = user.is_authenticated and plan.initiator_id == user.pk
    return SupportState(
        count=count,
        threshold=plan.edition.support_threshold,
        liked_by_user=bool(liked),
        can_like=not own and can(user, Action.SUPPORT_PLAN, plan.edition),
    )


@dataclass(frozen=True)
class Thread:
    comments: list[Comment]  # top-level comments, oldest first, with ``replies`` prefetched
    count: int  # visible comments and replies
    can_comment: bool


def comment_thread(*, plan: Plan, user: User | AnonymousUser) -> Thread:
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    comments = list(
        Comment.objects.filter(plan=plan, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )
    count = sum(1 + len(c.replies.all()) for c in comments)
    return Thread(comments=comments, count=count, can_comment=can(user, Action.COMMENT, plan.edition))
