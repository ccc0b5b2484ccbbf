"""The project's life as a state machine: the one table of which status may follow which, and who
may take each step.

preparing → running ⇄ delayed → completed, and stopped (with a reason) from any open status.
"Completed" is reached only by the district accepting the final report (``execution.completion``),
which calls ``apply_transition`` itself. Each step keeps the plan's own status in line (selected →
in execution → completed, or cancelled) and is recorded in ``StatusChange`` with its reason.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from notifications.models import NotificationKind
from notifications.texts import source_text
from proposals.models import PlanStatus
from proposals.status import change_status

from ..access import check_district, check_owner, is_owner
from ..following.services import notify_followers
from ..models import AuthorSide, Project, ProjectStatus, StatusChange
from .errors import ProgressError

P = ProjectStatus

# Who may take a step by hand: the initiators' side, the district's side. Completing is not a step by
# hand: it is the district accepting the final report.
TRANSITIONS: dict[ProjectStatus, dict[ProjectStatus, frozenset[AuthorSide]]] = {
    P.PREPARING: {
        P.RUNNING: frozenset({AuthorSide.INITIATORS, AuthorSide.DISTRICT}),
        P.STOPPED: frozenset({AuthorSide.DISTRICT}),
    },
    P.RUNNING: {
        P.DELAYED: frozenset({AuthorSide.INITIATORS, AuthorSide.DISTRICT}),
        P.COMPLETED: frozenset(),
        P.STOPPED: frozenset({AuthorSide.DISTRICT}),
    },
    P.DELAYED: {
        P.RUNNING: frozenset({AuthorSide.INITIATORS, AuthorSide.DISTRICT}),
        P.COMPLETED: frozenset(),
        P.STOPPED: frozenset({AuthorSide.DISTRICT}),
    },
    P.COMPLETED: {},
    P.STOPPED: {},
}
# Steps that must say why (shown publicly).
NEEDS_REASON = frozenset({P.DELAYED, P.STOPPED})
# The plan's status that goes with the project's.
PLAN_STATUS: dict[ProjectStatus, PlanStatus] = {
    P.RUNNING: PlanStatus.IN_EXECUTION,
    P.DELAYED: PlanStatus.IN_EXECUTION,
    P.COMPLETED: PlanStatus.COMPLETED,
    P.STOPPED: PlanStatus.CANCELLED,
}


def allowed_targets(status: str) -> frozenset[ProjectStatus]:
    return frozenset(TRANSITIONS[ProjectStatus(status)])


def targets_for(side: AuthorSide, status: str) -> list[ProjectStatus]:
    """The statuses ``side`` may move a project in ``status`` to by hand, in the table's order."""
    return [target for target, sides in TRANSITIONS[ProjectStatus(status)].items() if side in sides]


def change_project_status(
    *, project: Project, to: ProjectStatus, by: User, reason: str = "", at: datetime | None = None
) -> Project:
    """A step by hand, by the project's owners or the district, as the table allows."""
    if is_owner(by, project):
        check_owner(by, project, at=at)
        side = AuthorSide.INITIATORS
    else:
        check_district(by, project, at=at)
        side = AuthorSide.DISTRICT
    current = ProjectStatus(project.status)
    if to not in TRANSITIONS[current]:
        raise ProgressError("illegal_transition", current=current.label, target=ProjectStatus(to).label)
    if side not in TRANSITIONS[current][to]:
        raise ProgressError("transition_not_yours", target=ProjectStatus(to).label)
    if to in NEEDS_REASON and not reason.strip():
        raise ProgressError("reason_required")
    with transaction.atomic():
        changed = apply_transition(project=project, to=to, by=by, reason=reason.strip(), at=at)
        if side == AuthorSide.DISTRICT:
            record(
                actor=by,
                action="execution.status_changed",
                target=changed,
                edition=changed.edition,
                before={"status": str(current)},
                after={"status": str(to), "reason": reason.strip()},
                at=at,
            )
    return changed


def apply_transition(
    *, project: Project, to: ProjectStatus, by: User | None, reason: str, at: datetime | None = None
) -> Project:
    """Move ``project`` to ``to`` if the table has the step, under a conditional update (a concurrent
    change makes this one fail); keep the plan's status in line; tell the followers. Call inside the
    caller's transaction, after its own checks of who may."""
    current = ProjectStatus(project.status)
    if to not in TRANSITIONS[current]:
        raise ProgressError("illegal_transition", current=current.label, target=ProjectStatus(to).label)
    moment = at or timezone.now()
    fields: dict[str, object] = {"status": to, "last_news_at": moment}
    if to == P.RUNNING and project.started_at is None:
        fields["started_at"] = moment
    if to == P.COMPLETED:
        fields["completed_at"] = moment
    if to == P.STOPPED:
        fields.update(stopped_at=moment, stop_reason=reason)
    if Project.objects.filter(pk=project.pk, status=current).update(**fields) != 1:
        raise ProgressError("illegal_transition", current=current.label, target=ProjectStatus(to).label)
    StatusChange.objects.create(
        project=project, from_status=current, to_status=to, reason=reason, changed_by=by, changed_at=moment
    )
    plan = project.plan
    target = PLAN_STATUS.get(to)
    if target is not None and plan.status != target:
        if target == PlanStatus.COMPLETED and plan.status == PlanStatus.SELECTED:
            change_status(plan=plan, to=PlanStatus.IN_EXECUTION, by=by, notify_initiators=False, at=at)
        # The plan's initiators hear of it (but not the one who took the step): co-initiators of a
        # project its owner started, and every owner when the district completes or stops it.
        change_status(plan=plan, to=target, by=by, notify_initiators=True, at=at)
    completed = to == P.COMPLETED
    notify_followers(
        project=project,
        kind=NotificationKind.PROJECT_COMPLETED if completed else NotificationKind.PROJECT_STATUS,
        params={}
        if completed
        else {
            "old": source_text(current.label),
            "status": source_text(ProjectStatus(to).label),
            "reason": reason,
        },
        exclude=by,
        at=at,
    )
    project.refresh_from_db()
    return project
