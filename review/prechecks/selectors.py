"""Reads of pre-checks: who may see them, the reviewers' queue, a plan's pre-checks, what the review shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from proposals.models import CoInitiatorStatus, Plan, PlanStatus

from ..models import PreCheck, PreCheckNote
from .errors import PrecheckError

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


# ---------------------------------------------------------------- who may see what


def is_initiator(user: User | AnonymousUser, plan: Plan) -> bool:
    """Whether ``user`` is the plan's initiator or a co-initiator who accepted."""
    if not user.is_authenticated:
        return False
    if plan.initiator_id == user.pk:
        return True
    return plan.co_initiators.filter(user_id=user.pk, status=CoInitiatorStatus.ACCEPTED).exists()


def is_district(user: User | AnonymousUser, edition: Edition) -> bool:
    """Whether ``user`` answers pre-checks in the edition's district (a reviewer or an official)."""
    return holds_action_roles(user, Action.ANSWER_PRECHECK, edition)


def may_see(user: User | AnonymousUser, plan: Plan) -> bool:
    """A plan's pre-checks are for its initiators and the district's reviewers and officials only."""
    return is_initiator(user, plan) or is_district(user, plan.edition)


def ask_refusal(user: User | AnonymousUser, plan: Plan) -> str:
    """Why ``user`` cannot ask for a pre-check of ``plan`` now (a translated message), or "" when they can.

    The page shows it instead of the form; the service checks the same again when asked."""
    if not is_initiator(user, plan):
        code = "not_initiator"
    elif plan.status != PlanStatus.DRAFT:
        code = "already_submitted"
    elif not can(user, Action.ASK_PRECHECK, plan.edition):
        code = "not_open"
    elif PreCheck.objects.filter(plan=plan, answered_at__isnull=True).exists():
        code = "already_open"
    else:
        return ""
    return PrecheckError(code).message


# ---------------------------------------------------------------- look-ups for the pages


def plan_with_edition(*, pk: int) -> Plan | None:
    """The plan with its edition, theme and place, and its own cost (the sum of its lines)."""
    return (
        Plan.objects.filter(pk=pk)
        .select_related("edition", "edition__district", "theme", "neighbourhood")
        .annotate(lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)))
        .first()
    )


def precheck_with_plan(*, pk: int) -> PreCheck | None:
    return (
        PreCheck.objects.select_related(
            "plan", "plan__edition", "plan__edition__district", "asked_by", "answered_by"
        )
        .filter(pk=pk)
        .first()
    )


def notes_of(precheck: PreCheck) -> list[PreCheckNote]:
    """The answer per criterion, in the checklist's order."""
    return list(PreCheckNote.objects.filter(precheck=precheck).select_related("criterion"))


def prechecks_of_plan(*, plan: Plan) -> list[PreCheck]:
    """A plan's pre-checks, newest first, each with its notes (for its initiators and the district)."""
    notes = Prefetch("notes", queryset=PreCheckNote.objects.select_related("criterion"))
    return list(
        PreCheck.objects.filter(plan=plan).select_related("asked_by", "answered_by").prefetch_related(notes)
    )


# ---------------------------------------------------------------- a reviewer's queue


@dataclass(frozen=True)
class QueueRow:
    precheck: PreCheck
    overdue: bool


@dataclass(frozen=True)
class PrecheckQueue:
    waiting: list[QueueRow]  # open ones, the first due first
    answered: list[PreCheck]  # the last answered first

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.waiting if row.overdue)


def precheck_queue(*, edition: Edition, at: datetime | None = None) -> PrecheckQueue:
    """The edition's pre-checks for its reviewers: open ones by due date (overdue marked), then answered."""
    moment = at or timezone.now()
    prechecks = PreCheck.objects.filter(plan__edition=edition).select_related(
        "plan", "asked_by", "answered_by"
    )
    waiting = [
        QueueRow(precheck=p, overdue=p.due_at < moment)
        for p in prechecks.filter(answered_at__isnull=True).order_by("due_at", "pk")
    ]
    answered = list(prechecks.filter(answered_at__isnull=False).order_by("-answered_at", "-pk"))
    return PrecheckQueue(waiting=waiting, answered=answered)


# ---------------------------------------------------------------- for the formal review


def answered_prechecks(*, plan: Plan) -> list[PreCheck]:
    """The plan's answered pre-checks, the first answered first: the formal review shows they happened."""
    return list(
        PreCheck.objects.filter(plan=plan, answered_at__isnull=False)
        .select_related("answered_by")
        .order_by("answered_at", "pk")
    )


def had_precheck(plan: Plan) -> bool:
    """Whether the district answered a pre-check of the plan before it was submitted."""
    return PreCheck.objects.filter(plan=plan, answered_at__isnull=False).exists()
