"""Reads for a plan's support (likes) and discussion (comments) on its public page, and for moderators."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Min, Prefetch, Q, QuerySet

from accounts.roles import roles_of
from editions.permissions import can, may_in_district
from editions.phases import Action
from editions.timeline import TimelineEntry, timeline_of
from proposals.models import CoInitiatorStatus, Comment, CommentReport, Like, Plan, PlanStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# Only a plan waiting for review collects support; a plan in review or later has had its chance.
SUPPORTABLE_STATUSES = frozenset({PlanStatus.SUBMITTED})


def is_own_plan(*, plan: Plan, user: User | AnonymousUser) -> bool:
    """Whether ``user`` is the plan's initiator or a co-initiator who accepted."""
    if not user.is_authenticated:
        return False
    if plan.initiator_id == user.pk:
        return True
    return plan.co_initiators.filter(user_id=user.pk, status=CoInitiatorStatus.ACCEPTED).exists()


@dataclass(frozen=True)
class SupportState:
    count: int
    threshold: int  # 0: the edition has no threshold
    liked_by_user: bool
    can_like: bool  # the support phase is open for this user, the plan takes support, it is not theirs
    is_own: bool = False
    phase: TimelineEntry | None = None  # the phase in which plans collect likes, if the edition has one
    supportable: bool = True  # the plan's status still takes likes

    @property
    def needed(self) -> int:
        """How many more likes the plan needs to reach review (0 when reached or no threshold)."""
        return max(self.threshold - self.count, 0)

    @property
    def reached(self) -> bool:
        return self.count >= self.threshold

    @property
    def percent(self) -> int:
        """How far the plan is towards the threshold, 0–100, for the progress bar."""
        return min(100, self.count * 100 // self.threshold) if self.threshold else 100

    @property
    def is_open(self) -> bool:
        return self.phase is not None and self.phase.state == "current"

    @property
    def shown(self) -> bool:
        """Whether the page has anything to say about support: a support phase, or likes."""
        return self.phase is not None or self.count > 0


def support_state(*, plan: Plan, user: User | AnonymousUser) -> SupportState:
    count = Like.objects.filter(plan=plan).count()
    liked = user.is_authenticated and Like.objects.filter(plan=plan, user_id=user.pk).exists()
    own = is_own_plan(plan=plan, user=user)
    timeline = timeline_of(plan.edition)
    phase = next((e for e in timeline.entries if Action.SUPPORT_PLAN in e.opens), None)
    supportable = plan.status in SUPPORTABLE_STATUSES
    return SupportState(
        count=count,
        threshold=plan.edition.support_threshold,
        liked_by_user=bool(liked),
        can_like=not own and supportable and can(user, Action.SUPPORT_PLAN, plan.edition),
        is_own=own,
        phase=phase,
        supportable=supportable,
    )


@dataclass(frozen=True)
class Thread:
    comments: list[Comment]  # top-level comments, oldest first, with ``replies`` prefetched
    count: int  # visible comments and replies
    can_comment: bool
    can_report: bool = False
    can_moderate: bool = False
    reported_ids: frozenset[int] = frozenset()  # comments this user has reported


def _with_open_reports(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    return comments.annotate(
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True), distinct=True)
    )


def comment_thread(*, plan: Plan, user: User | AnonymousUser) -> Thread:
    replies = _with_open_reports(Comment.objects.select_related("author")).order_by("created_at", "pk")
    comments = list(
        _with_open_reports(Comment.objects.filter(plan=plan, parent__isnull=True))
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )
    count = sum((c.hidden_at is None) + sum(r.hidden_at is None for r in c.replies.all()) for c in comments)
    reported: frozenset[int] = frozenset()
    if user.is_authenticated and comments:
        reported = frozenset(
            CommentReport.objects.filter(reporter_id=user.pk, comment__plan=plan).values_list(
                "comment_id", flat=True
            )
        )
    return Thread(
        comments=comments,
        count=count,
        can_comment=can(user, Action.COMMENT, plan.edition),
        can_report=can(user, Action.REPORT_COMMENT, plan.edition),
        can_moderate=can(user, Action.MODERATE, plan.edition),
        reported_ids=reported,
    )


def moderated_district_ids(user: User | AnonymousUser) -> frozenset[int] | None:
    """Districts where ``user`` may moderate; None means every district (a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    districts = {district for district, _role in roles_of(user)}
    return frozenset(d for d in districts if may_in_district(user, Action.MODERATE, d))


def may_moderate_somewhere(user: User | AnonymousUser) -> bool:
    districts = moderated_district_ids(user)
    return districts is None or bool(districts)


def moderation_queue(*, user: User | AnonymousUser) -> list[Comment]:
    """Visible comments with open reports in the districts ``user`` moderates, longest waiting first."""
    districts = moderated_district_ids(user)
    comments = (
        Comment.objects.filter(hidden_at__isnull=True)
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True), distinct=True))
        .filter(open_reports__gt=0)
    )
    if districts is not None:
        comments = comments.filter(plan__edition__district_id__in=districts)
    open_reports = CommentReport.objects.filter(resolved_at__isnull=True).order_by("created_at", "pk")
    return list(
        comments.select_related("author", "plan", "plan__edition", "plan__edition__district")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        .annotate(first_reported_at=Min("reports__created_at", filter=Q(reports__resolved_at__isnull=True)))
        .order_by("first_reported_at", "pk")
    )
