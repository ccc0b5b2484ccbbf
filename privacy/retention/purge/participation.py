"""The purges of what residents made for an edition ended long enough ago: plans, ideas, their
coaching, likes and comments."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q

from development.models import (
    Coaching,
    CoachingNote,
    CoachingStep,
    Idea,
    IdeaComment,
    IdeaMember,
    IdeaSupport,
    WorkshopSignUp,
)
from proposals.models import (
    CoInitiator,
    Comment,
    CommentReport,
    Like,
    Plan,
    PlanImage,
    PlanRevision,
)
from review.models import PreCheck

from ...services.deletion import anonymous_resident
from .. import clocks
from ..batches import delete_rows, empty_rows
from .shared import (
    Rows,
    period_days,
)


def purge_plans(*, at: datetime, dry_run: bool = False) -> Rows:
    """Plans of editions ended longer ago than the period: the public name goes (the plan stays in the
    edition's record as "a resident"), and so do earlier versions, photos and co-initiators."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("plans"))
    anonymous = anonymous_resident()
    plans = Plan.objects.filter(edition__in=editions)
    return {
        "proposals.plan": empty_rows(
            plans.exclude(public_name=anonymous), {"public_name": anonymous}, dry_run=dry_run
        ),
        "development.idea": empty_rows(
            Idea.objects.filter(plan__in=plans).exclude(public_name=anonymous),
            {"public_name": anonymous},
            dry_run=dry_run,
        ),
        "proposals.planrevision": delete_rows(PlanRevision.objects.filter(plan__in=plans), dry_run=dry_run),
        "proposals.planimage": delete_rows(
            PlanImage.objects.filter(plan__in=plans), dry_run=dry_run, files=("image",)
        ),
        "proposals.coinitiator": delete_rows(CoInitiator.objects.filter(plan__in=plans), dry_run=dry_run),
    }


def purge_ideas(*, at: datetime, dry_run: bool = False) -> Rows:
    """Ideas of editions ended longer ago than the period, who joined them and the workshop sign-ups;
    an idea that became a plan stays as long as the plan (``purge_plans``)."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("ideas"))
    return {
        "development.ideamember": delete_rows(
            IdeaMember.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
        "development.workshopsignup": delete_rows(
            WorkshopSignUp.objects.filter(workshop__edition__in=editions), dry_run=dry_run
        ),
        "development.idea": delete_rows(
            Idea.objects.filter(edition__in=editions, plan__isnull=True), dry_run=dry_run
        ),
    }


def purge_coaching(*, at: datetime, dry_run: bool = False) -> Rows:
    """The coaching of ideas and plans of editions ended longer ago than the period, and pre-checks."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("coaching"))
    of_edition = Q(idea__edition__in=editions) | Q(plan__edition__in=editions)
    coachings = Coaching.objects.filter(of_edition)
    return {
        "development.coachingnote": delete_rows(
            CoachingNote.objects.filter(coaching__in=coachings), dry_run=dry_run
        ),
        "development.coachingstep": delete_rows(
            CoachingStep.objects.filter(coaching__in=coachings), dry_run=dry_run
        ),
        "development.coaching": delete_rows(coachings, dry_run=dry_run),
        "review.precheck": delete_rows(PreCheck.objects.filter(plan__edition__in=editions), dry_run=dry_run),
    }


def purge_likes(*, at: datetime, dry_run: bool = False) -> Rows:
    """Likes of plans and support for ideas, of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("likes"))
    return {
        "proposals.like": delete_rows(Like.objects.filter(plan__edition__in=editions), dry_run=dry_run),
        "development.ideasupport": delete_rows(
            IdeaSupport.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
    }


def purge_comments(*, at: datetime, dry_run: bool = False) -> Rows:
    """Comments on plans and ideas, and reports about comments, of editions ended longer ago."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("comments"))
    return {
        "proposals.commentreport": delete_rows(
            CommentReport.objects.filter(comment__plan__edition__in=editions), dry_run=dry_run
        ),
        # Replies first: a reply deleted with its parent would be deleted without being counted.
        "proposals.comment": delete_rows(
            Comment.objects.filter(plan__edition__in=editions, parent__isnull=False), dry_run=dry_run
        )
        + delete_rows(Comment.objects.filter(plan__edition__in=editions), dry_run=dry_run),
        "development.ideacomment": delete_rows(
            IdeaComment.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
    }
