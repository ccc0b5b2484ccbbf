"""The plan's life as a state machine: the one place that says which status may follow which.

Every status change goes through ``change_status``: it refuses an illegal transition with a
``PlanError`` whoever the caller is, applies the change with a conditional update (so two
concurrent changes cannot both win), and tells the initiators.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import source_text

from .errors import PlanError
from .models import Plan, PlanStatus

if TYPE_CHECKING:
    from accounts.models import User

S = PlanStatus

TRANSITIONS: dict[PlanStatus, frozenset[PlanStatus]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.CHANGES_REQUESTED, S.FEASIBLE, S.NOT_FEASIBLE, S.WITHDRAWN}),
    S.CHANGES_REQUESTED: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.FEASIBLE: frozenset({S.SHORTLISTED, S.SELECTED, S.WITHDRAWN}),
    S.NOT_FEASIBLE: frozenset(),
    S.SHORTLISTED: frozenset({S.SELECTED, S.WITHDRAWN}),
    S.SELECTED: frozenset({S.IN_EXECUTION, S.CANCELLED}),
    S.IN_EXECUTION: frozenset({S.COMPLETED, S.CANCELLED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

# While a plan is in one of these, its initiators may still change its content.
EDITABLE_STATUSES = frozenset({S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED})


def allowed_targets(status: str) -> frozenset[PlanStatus]:
    return TRANSITIONS[PlanStatus(status)]


def check_transition(current: str, target: str) -> None:
    if PlanStatus(target) not in allowed_targets(current):
        raise PlanError(
            "illegal_transition",
            current=PlanStatus(current).label,
            target=PlanStatus(target).label,
        )


def change_status(
    *,
    plan: Plan,
    to: PlanStatus,
    by: User | None,
    notify_initiators: bool = True,
    at: datetime | None = None,
) -> Plan:
    """Move ``plan`` to ``to`` if the state machine allows it; call inside the service's transaction.

    The update only applies if the plan still has the status this object holds, so a concurrent
    change (another reviewer, the initiator withdrawing) makes this one fail instead of both
    succeeding. ``at`` (default now) dates the change and its notification.
    """
    check_transition(plan.status, to)
    old = PlanStatus(plan.status)
    moment = at or timezone.now()
    fields: dict[str, object] = {"status": to, "updated_at": moment}
    if to == S.SUBMITTED and plan.submitted_at is None:
        fields["submitted_at"] = moment
    updated = Plan.objects.filter(pk=plan.pk, status=old).update(**fields)
    if updated != 1:
        raise PlanError("status_changed")
    for name, value in fields.items():
        setattr(plan, name, value)
    if notify_initiators:
        notify(
            recipients=initiators_of(plan),
            kind=NotificationKind.STATUS_CHANGED,
            params={
                "plan": plan.title,
                "old": source_text(old.label),
                "status": source_text(PlanStatus(to).label),
            },
            url=plan.get_absolute_url(),
            exclude=by,
            at=at,
        )
    return plan


def initiators_of(plan: Plan) -> list[User]:
    """The initiator and every co-initiator who accepted."""
    from .models import CoInitiatorStatus

    people = [plan.initiator]
    people += [
        c.user
        for c in plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED).select_related("user")
        if c.user is not None
    ]
    return people
