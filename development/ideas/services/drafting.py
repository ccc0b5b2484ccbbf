"""An idea becomes a draft plan with one click: once, by its initiator, keeping the idea as history."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from editions.models import Theme
from editions.permissions import can
from editions.phases import Action
from proposals.models import CoInitiator, CoInitiatorStatus, Plan
from proposals.services import submission

from ...models import Coaching, Idea, IdeaMember, IdeaMemberRole, IdeaMemberStatus
from ..errors import IdeaError
from .common import locked

if TYPE_CHECKING:
    from accounts.models import User

SUMMARY_LENGTH = 300  # Plan.summary's length


def summary_of(text: str) -> str:
    """The idea's text as a plan's summary: all of it when it fits, else cut at a word, with "…"."""
    text = " ".join(text.split())
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[: SUMMARY_LENGTH - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"


def draft_plan_from_idea(
    *, idea: Idea, by: User, theme: Theme | None = None, at: datetime | None = None
) -> Plan:
    """Make a draft plan of ``idea`` for its initiator, with its co-initiators and its coach.

    The idea keeps its support, comments and people, and links to the plan. Two clicks at once make
    one plan: the idea is taken by a conditional update (``plan IS NULL``), and the loser's draft is
    rolled back with the refusal.
    """
    now = at or timezone.now()
    with transaction.atomic():
        current = locked(idea)
        if current.initiator_id != by.pk:
            raise IdeaError("not_yours")
        if current.plan_id is not None:
            raise IdeaError("already_a_plan")
        if current.hidden_at is not None:
            raise IdeaError("hidden")
        edition = current.edition
        if not can(by, Action.DRAFT_FROM_IDEA, edition, at=at):
            raise IdeaError("drafts_closed")
        if theme is None:
            themes = list(edition.themes.all()[:2])
            if len(themes) != 1:
                raise IdeaError("theme_required")
            theme = themes[0]
        plan = submission.start_draft(
            edition=edition,
            initiator=by,
            title=current.title,
            theme=theme,
            summary=summary_of(current.text),
            description=current.text,
            at=now,
        )
        plan = submission.save_draft(
            plan=plan,
            by=by,
            fields={"neighbourhood": current.neighbourhood, "public_name": current.public_name},
            at=at,
        )
        taken = Idea.objects.filter(pk=current.pk, plan__isnull=True).update(plan=plan, drafted_at=now)
        if taken != 1:
            raise IdeaError("already_a_plan")
        _carry_co_initiators(idea=current, plan=plan, by=by, at=now)
        Coaching.objects.filter(idea=current, ended_at__isnull=True).update(plan=plan)
        idea.plan, idea.drafted_at = plan, now
        return plan


def _carry_co_initiators(*, idea: Idea, plan: Plan, by: User, at: datetime) -> None:
    """The idea's co-initiators on board become the plan's, accepted (they chose to carry it)."""
    members = IdeaMember.objects.filter(
        idea=idea, role=IdeaMemberRole.CO_INITIATOR, status=IdeaMemberStatus.ACCEPTED
    ).select_related("user")
    CoInitiator.objects.bulk_create(
        CoInitiator(
            plan=plan,
            email=member.user.email.lower(),
            user=member.user,
            invited_by=by,
            status=CoInitiatorStatus.ACCEPTED,
            invited_at=at,
            answered_at=at,
        )
        for member in members
    )
