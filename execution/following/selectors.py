"""Reads of following: what a person follows, whether they follow something, and overdue work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from editions.models import Edition

from ..models import Follow, Milestone, Project
from .reminders import OPEN_STATUSES


@dataclass(frozen=True)
class Followed:
    """What one person follows: whole editions, and single projects (with the edition they are in)."""

    editions: list[Follow]
    projects: list[Follow]

    def __bool__(self) -> bool:
        return bool(self.editions or self.projects)


def followed_by(user: User) -> Followed:
    """Everything ``user`` follows, editions and projects each by name (two queries)."""
    follows = Follow.objects.filter(user_id=user.pk)
    editions = follows.filter(edition__isnull=False).select_related("edition").order_by("edition__name")
    projects = (
        follows.filter(project__isnull=False)
        .select_related("project__plan", "project__edition")
        .order_by("project__edition__name", "project__plan__title")
    )
    return Followed(editions=list(editions), projects=list(projects))


def follows_project(user: User | AnonymousUser, project: Project) -> bool:
    return user.is_authenticated and Follow.objects.filter(user_id=user.pk, project=project).exists()


def follows_edition(user: User | AnonymousUser, edition: Edition) -> bool:
    return user.is_authenticated and Follow.objects.filter(user_id=user.pk, edition=edition).exists()


def overdue_milestone_count(edition: Edition, *, at: datetime | None = None) -> int:
    """Live milestones of the edition's open projects whose planned date passed before ``at``'s day."""
    today = timezone.localdate(at or timezone.now())
    return Milestone.objects.filter(
        project__edition=edition,
        project__status__in=OPEN_STATUSES,
        dropped_at__isnull=True,
        reached_at__isnull=True,
        planned_on__lt=today,
    ).count()


def work_counts(edition: Edition, *, at: datetime | None = None) -> dict[str, int]:
    """The district's work of following up the edition's projects, for "My work"."""
    return {"overdue_milestones": overdue_milestone_count(edition, at=at)}
