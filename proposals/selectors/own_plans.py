"""Reads for a resident's own plans: "My plans", the wizard's plan, and open invitations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from proposals.models import CoInitiator, CoInitiatorStatus, Plan, PlanStatus

if TYPE_CHECKING:
    from accounts.models import User


def _own(user: User) -> QuerySet[Plan]:
    # A subquery, not a join: a join on co-initiators would multiply the summed cost lines.
    joined = CoInitiator.objects.filter(user=user, status=CoInitiatorStatus.ACCEPTED).values("plan_id")
    return Plan.objects.filter(Q(initiator=user) | Q(pk__in=joined))


def own_plan(*, pk: int, user: User) -> Plan | None:
    """The plan if ``user`` is its initiator or an accepted co-initiator, with what the wizard shows."""
    return (
        _own(user)
        .filter(pk=pk)
        .select_related("edition", "edition__district", "theme", "neighbourhood", "initiator")
        .annotate(lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)))
        .first()
    )


@dataclass(frozen=True)
class OwnPlan:
    plan: Plan
    is_initiator: bool

    @property
    def is_draft(self) -> bool:
        return self.plan.status == PlanStatus.DRAFT


def plans_of(*, user: User) -> list[OwnPlan]:
    """The user's drafts first, then submitted plans, newest first, with their cost."""
    plans = (
        _own(user)
        .select_related("edition", "theme", "neighbourhood")
        .annotate(lines_cost_cents=Coalesce(Sum("cost_lines__amount_cents"), Value(0)))
        .order_by("-created_at", "-pk")
    )
    rows = [OwnPlan(plan=plan, is_initiator=plan.initiator_id == user.pk) for plan in plans]
    return sorted(rows, key=lambda row: not row.is_draft)


def open_invitations(*, user: User) -> list[CoInitiator]:
    """Invitations to ``user``'s address that wait for an answer."""
    return list(
        CoInitiator.objects.filter(email__iexact=user.email, status=CoInitiatorStatus.INVITED)
        .exclude(plan__status=PlanStatus.WITHDRAWN)
        .select_related("plan", "invited_by")
        .order_by("invited_at")
    )


def co_initiators_of(*, plan: Plan) -> list[CoInitiator]:
    """Everyone invited to the plan, with their answer (for the initiators' own page only)."""
    return list(plan.co_initiators.select_related("user").order_by("invited_at", "pk"))
