"""Reads of obstacles: what a project page shows to whom, the district's open work, response times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from editions.models import Edition
from editions.permissions import holds_action_roles
from editions.phases import Action

from ..access import is_owner
from ..models import Blocker, HelpRequest, Project

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def sees_open_obstacles(user: User | AnonymousUser, project: Project) -> bool:
    """Open blockers and help requests are between the project's owners and the district's staff."""
    return is_owner(user, project) or holds_action_roles(user, Action.MANAGE_EXECUTION, project.edition)


@dataclass(frozen=True)
class ProjectObstacles:
    resolved: list[Blocker]
    open: list[Blocker] = field(default_factory=list)
    help_requests: list[HelpRequest] = field(default_factory=list)
    sees_open: bool = False


def obstacles_on_project(project: Project, user: User | AnonymousUser) -> ProjectObstacles:
    """Resolved blockers for everyone; open ones and help requests for owners and district staff.
    At most three queries (and one for who may see)."""
    blockers = Blocker.objects.filter(project=project).order_by("-opened_at", "-pk")
    if not sees_open_obstacles(user, project):
        return ProjectObstacles(resolved=list(blockers.filter(resolved_at__isnull=False)))
    every = list(blockers)
    asked = HelpRequest.objects.filter(project=project).select_related("asked_by", "answered_by")
    return ProjectObstacles(
        resolved=[b for b in every if b.resolved_at is not None],
        open=[b for b in every if b.resolved_at is None],
        help_requests=list(asked.order_by("-asked_at", "-pk")),
        sees_open=True,
    )


def open_help_requests(edition: Edition) -> QuerySet[HelpRequest]:
    """Questions of the edition's projects still waiting for an answer, longest waiting first."""
    return (
        HelpRequest.objects.filter(project__edition=edition, answered_at__isnull=True)
        .select_related("project", "project__plan", "asked_by")
        .order_by("asked_at", "pk")
    )


def open_blockers(edition: Edition) -> QuerySet[Blocker]:
    return (
        Blocker.objects.filter(project__edition=edition, resolved_at__isnull=True)
        .select_related("project", "project__plan")
        .order_by("opened_at", "pk")
    )


def work_counts(edition: Edition) -> dict[str, int]:
    """For the district's "My work": open help requests and open blockers."""
    return {
        "open_help_requests": open_help_requests(edition).count(),
        "open_blockers": open_blockers(edition).count(),
    }


def response_times(edition: Edition) -> list[timedelta]:
    """How long each answered question of the edition waited, in the order they were asked."""
    rows = HelpRequest.objects.filter(project__edition=edition, answered_at__isnull=False).order_by(
        "asked_at", "pk"
    )
    return [answered - asked for asked, answered in rows.values_list("asked_at", "answered_at") if answered]


def median_response_time(edition: Edition) -> timedelta | None:
    """The median wait for an answer in the edition; None when nothing was answered yet."""
    seconds = [wait.total_seconds() for wait in response_times(edition)]
    return timedelta(seconds=median(seconds)) if seconds else None


def resolution_times(edition: Edition) -> dict[str, list[timedelta]]:
    """Per blocker category, how long each resolved blocker of the edition stayed open."""
    rows = Blocker.objects.filter(project__edition=edition, resolved_at__isnull=False).values_list(
        "category", "opened_at", "resolved_at"
    )
    times: dict[str, list[timedelta]] = {}
    for category, opened, resolved in rows.order_by("opened_at", "pk"):
        if resolved is not None:
            times.setdefault(category, []).append(resolved - opened)
    return times
