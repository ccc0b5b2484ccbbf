"""Opening projects when a result is published, and the district's choices for each project."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.roles import holds_role
from audit.services import record, record_each
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.models import Plan
from proposals.status import initiators_of

from ..access import check_district, check_open
from ..models import ChosenBy, DeliveryMode, Project, ProjectLine, ProjectOwner
from .errors import ProjectError
from .money import split_award


def open_projects(
    *,
    plans: Sequence[Plan],
    chosen_by: ChosenBy,
    because: Mapping[int, Mapping[str, Any]],
    by: User,
    at: datetime | None = None,
    notify_owners: bool = True,
) -> list[Project]:
    """One project per chosen plan that has none yet: its initiators as owners, the award split over
    its cost lines (as grants; the agreement may say otherwise), and why it was chosen.

    Called by publishing a result (``outcomes.services.publication``), inside its transaction; the
    owners are told what comes next. The plan stays "selected" until the project starts running.
    ``because`` maps a plan's id to the parameters of its "why chosen" sentence.
    """
    moment = at or timezone.now()
    opened: list[Project] = []
    awarded: dict[int, int] = {}
    with transaction.atomic():
        for plan in plans:
            if Project.objects.filter(plan=plan).exists():
                continue
            project = Project.objects.create(
                plan=plan,
                edition=plan.edition,
                chosen_by=chosen_by,
                chosen_because=dict(because.get(plan.pk, {})),
                opened_at=moment,
            )
            awarded[project.pk] = _add_lines(project, plan)
            owners = initiators_of(plan)
            ProjectOwner.objects.bulk_create(
                ProjectOwner(project=project, user=u, added_at=moment) for u in owners
            )
            if notify_owners:
                notify(
                    recipients=owners,
                    kind=NotificationKind.PROJECT_OPENED,
                    params={"plan": plan.title},
                    url=project.get_absolute_url(),
                    at=at,
                )
            opened.append(project)
        record_each(
            actor=by,
            action="execution.project_opened",
            changes=[(p, {"plan": p.plan_id, "awarded_cents": awarded[p.pk]}) for p in opened],
            edition=opened[0].edition if opened else None,
            at=at,
        )
    return opened


def _add_lines(project: Project, plan: Plan) -> int:
    """The project's lines, each with its part of the award; returns the award."""
    lines = list(plan.cost_lines.order_by("position", "pk"))
    if not lines:
        raise ProjectError("plan_without_cost_lines", plan=plan.title)
    awarded = plan.reviewed_cost_cents or sum(line.amount_cents for line in lines)
    parts = split_award(awarded, [line.amount_cents for line in lines])
    ProjectLine.objects.bulk_create(
        ProjectLine(
            project=project,
            cost_line=line,
            description=line.description,
            position=index,
            delivery=DeliveryMode.GRANT,
            awarded_cents=part,
        )
        for index, (line, part) in enumerate(zip(lines, parts, strict=True))
    )
    return awarded


def set_up_project(
    *,
    project: Project,
    by: User,
    contact: User | None,
    grantee: str,
    delivery: Mapping[int, DeliveryMode],
    at: datetime | None = None,
) -> Project:
    """The district names its contact person, the grant's recipient and how each line is carried out.

    ``delivery`` maps a line's id to its mode; lines not named keep theirs. The contact person must
    be an official of the edition's district. Changes once money is committed to a line are refused
    for that line's mode (the agreement would no longer match).
    """
    check_district(by, project)
    check_open(project)
    if contact is not None and not _is_official(contact, project):
        raise ProjectError("contact_not_official")
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        lines = {line.pk: line for line in ProjectLine.objects.select_for_update().filter(project=locked)}
        for line_id, mode in delivery.items():
            line = lines.get(line_id)
            if line is None:
                raise ProjectError("unknown_line")
            if line.delivery != mode and (line.committed_cents or line.paid_cents):
                raise ProjectError("line_has_money", line=line.description)
        before = {"contact": locked.contact_id, "grantee": locked.grantee}
        locked.contact = contact
        locked.grantee = grantee.strip()
        locked.save(update_fields=["contact", "grantee"])
        for line_id, mode in delivery.items():
            ProjectLine.objects.filter(pk=line_id).update(delivery=mode)
        record(
            actor=by,
            action="execution.project_set_up",
            target=locked,
            edition=locked.edition,
            before=before,
            after={
                "contact": locked.contact_id,
                "grantee": locked.grantee,
                "delivery": {str(k): str(v) for k, v in delivery.items()},
            },
            at=at,
        )
    return locked


def _is_official(user: User, project: Project) -> bool:
    return holds_role(user, project.edition.district_id, frozenset({Role.OFFICIAL}))
