"""Reads for the idea pages: the filtered list with its counts, and everything one idea's page shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from editions.models import Edition, Theme
from editions.permissions import can
from editions.phases import Action
from places.models import Neighbourhood
from proposals.models import PRIVATE_STATUSES, Plan

from ..models import Idea, IdeaComment, IdeaMember, IdeaMemberStatus, IdeaNeed, IdeaSupport

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def ideas_for_list(
    *, edition: Edition, neighbourhood: Neighbourhood | None = None, need: str = ""
) -> QuerySet[Idea]:
    """The edition's visible ideas, newest first, with ``support_count`` and ``people_count``."""
    ideas = Idea.objects.filter(edition=edition, hidden_at__isnull=True)
    if neighbourhood is not None:
        ideas = ideas.filter(neighbourhood=neighbourhood)
    if need:
        # The needs are a JSON list; SQLite cannot ask "contains", so the few ideas are read here.
        ids = [pk for pk, needs in ideas.values_list("pk", "needs") if need in (needs or [])]
        ideas = ideas.filter(pk__in=ids)
    return (
        ideas.select_related("neighbourhood")
        .annotate(
            support_count=Count("supports", distinct=True),
            people_count=Count("members", filter=Q(members__status=IdeaMemberStatus.ACCEPTED), distinct=True),
        )
        .order_by("-created_at", "-pk")
    )


def idea_for_detail(pk: int) -> Idea | None:
    """An idea of a published edition, with what its page shows beside it."""
    return (
        Idea.objects.select_related(
            "edition", "edition__district", "neighbourhood", "initiator", "workshop", "plan"
        )
        .filter(edition__is_published=True, pk=pk)
        .first()
    )


def has_ideas(edition: Edition) -> bool:
    return Idea.objects.filter(edition=edition, hidden_at__isnull=True).exists()


def idea_of_plan(plan: Plan) -> Idea | None:
    """The idea a plan started as, or None (the reverse one-to-one raises when there is none)."""
    return Idea.objects.filter(plan=plan).first()


def need_labels(needs: list[str]) -> list[str]:
    return [str(IdeaNeed(need).label) for need in needs if need in IdeaNeed.values]


@dataclass(frozen=True)
class IdeaPage:
    """What one person sees on an idea's page and may do there."""

    idea: Idea
    open_needs: list[tuple[str, str]]  # (value, label) of the help still missing
    support_count: int
    supported_by_user: bool
    on_board: list[IdeaMember]  # accepted, oldest first: public names and what they offer
    asked_count: int  # everyone who ever asked to join
    comments: list[IdeaComment]
    comment_count: int
    is_initiator: bool
    is_open: bool  # may still change: not hidden, not yet a plan
    can_support: bool
    can_join: bool
    can_comment: bool
    can_moderate: bool
    can_draft: bool
    plan_public: bool  # the plan it became can be read by anyone (it was submitted)
    membership: IdeaMember | None = None  # the visitor's own request, if any
    requests: list[IdeaMember] = field(default_factory=list)  # open requests, for the initiator
    themes: list[Theme] = field(default_factory=list)  # to choose from when drafting, if several


def idea_page(*, idea: Idea, user: User | AnonymousUser) -> IdeaPage:
    edition = idea.edition
    members = list(IdeaMember.objects.filter(idea=idea).order_by("asked_at", "pk"))
    mine = next((m for m in members if user.is_authenticated and m.user_id == user.pk), None)
    is_initiator = user.is_authenticated and idea.initiator_id == user.pk
    is_open = idea.hidden_at is None and idea.plan_id is None
    may_post = is_open and can(user, Action.POST_IDEA, edition)
    comments = list(
        IdeaComment.objects.filter(idea=idea).select_related("author").order_by("created_at", "pk")
    )
    can_draft = is_initiator and is_open and can(user, Action.DRAFT_FROM_IDEA, edition)
    themes = list(edition.themes.all()) if can_draft else []
    return IdeaPage(
        idea=idea,
        open_needs=[(need, str(IdeaNeed(need).label)) for need in idea.needs if need in IdeaNeed.values],
        support_count=IdeaSupport.objects.filter(idea=idea).count(),
        supported_by_user=bool(
            user.is_authenticated and IdeaSupport.objects.filter(idea=idea, user_id=user.pk).exists()
        ),
        on_board=[m for m in members if m.status == IdeaMemberStatus.ACCEPTED],
        asked_count=len(members),
        comments=comments,
        comment_count=sum(c.hidden_at is None for c in comments),
        is_initiator=is_initiator,
        is_open=is_open,
        can_support=may_post and not is_initiator,
        can_join=may_post and not is_initiator and mine is None,
        can_comment=idea.hidden_at is None and can(user, Action.COMMENT, edition),
        can_moderate=can(user, Action.MODERATE, edition),
        can_draft=can_draft,
        plan_public=idea.plan is not None and idea.plan.status not in PRIVATE_STATUSES,
        membership=mine,
        requests=[m for m in members if m.status == IdeaMemberStatus.ASKED] if is_initiator else [],
        themes=themes if len(themes) > 1 else [],
    )
