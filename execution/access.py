"""Who may act on a project: the phase declaration (``can``) plus the project's own people.

Every service of execution asks here, so a project's owners (its initiators) act for the residents'
side and an official of the edition's district for the district's side, each only while the edition's
phase opens their action (``editions.phases``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from accounts.models import Role, User
from editions.permissions import can, holds_action_roles
from editions.phases import Action

from .errors import ExecutionError
from .models import AuthorSide, Project, ProjectStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


CLOSED_STATUSES = frozenset({ProjectStatus.COMPLETED, ProjectStatus.STOPPED})


def is_owner(user: User | AnonymousUser, project: Project) -> bool:
    return user.is_authenticated and project.owners.filter(user_id=user.pk or 0).exists()


def may_report(user: User | AnonymousUser, project: Project) -> bool:
    """Whether ``user`` may post for the initiators' side (updates, expenses, blockers, the report)."""
    return can(user, Action.REPORT_PROGRESS, project.edition) and is_owner(user, project)


def may_manage(user: User | AnonymousUser, project: Project) -> bool:
    """Whether ``user`` acts for the district on this project (agreement, payments, acceptance)."""
    return can(user, Action.MANAGE_EXECUTION, project.edition)


def check_owner(user: User, project: Project, *, at: datetime | None = None) -> None:
    """Refuse unless ``user`` may post for the initiators' side of ``project`` at ``at`` (default now)."""
    if not is_owner(user, project):
        raise ExecutionError("not_an_owner")
    if not can(user, Action.REPORT_PROGRESS, project.edition, at=at):
        raise ExecutionError("not_allowed")


def check_district(user: User, project: Project, *, at: datetime | None = None) -> None:
    """Refuse unless ``user`` may act for the district on ``project`` at ``at`` (default now)."""
    if not holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition):
        raise ExecutionError("not_district")
    if not can(user, Action.MANAGE_EXECUTION, project.edition, at=at):
        raise ExecutionError("not_allowed")


def check_open(project: Project) -> None:
    """Refuse a change to a completed or stopped project."""
    if project.status in CLOSED_STATUSES:
        raise ExecutionError("project_closed")


def check_side(user: User, project: Project, *, at: datetime | None = None) -> AuthorSide:
    """The side ``user`` acts for on ``project`` (an owner: the initiators; else the district's
    official), refusing anyone who is neither or whose action the phase does not open. Someone who is
    neither is told that it is the initiators' work: the district's officials know they may act."""
    if is_owner(user, project):
        check_owner(user, project, at=at)
        return AuthorSide.INITIATORS
    if not holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition):
        raise ExecutionError("not_an_owner")
    check_district(user, project, at=at)
    return AuthorSide.DISTRICT


def district_officials(project: Project) -> QuerySet[User]:
    """The active officials of the project's district."""
    return (
        User.objects.filter(
            staff_roles__district_id=project.edition.district_id,
            staff_roles__role=Role.OFFICIAL,
            is_active=True,
        )
        .distinct()
        .order_by("display_name", "pk")
    )


def district_people(project: Project) -> list[User]:
    """Who hears from a project for the district: its contact person, or else the district's officials."""
    if project.contact is not None and project.contact.is_active:
        return [project.contact]
    return list(district_officials(project))
