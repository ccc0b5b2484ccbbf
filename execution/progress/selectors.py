"""Reads of progress: a project's public timeline, the milestones still to reach, and the updates
staff check in "My work"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from editions.models import Edition

from ..models import Blocker, Milestone, Project, StatusChange, Update, UpdatePhoto

# Updates posted this recently are "to check" for the district's moderators.
CHECK_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class TimelineItem:
    """One moment of the project's public story; ``kind`` names the template part that shows it."""

    kind: str  # "update" | "milestone" | "status" | "blocker"
    at: datetime
    item: Update | Milestone | StatusChange | Blocker


def timeline(project: Project) -> list[TimelineItem]:
    """Updates (with their photos; a hidden one shows its reason), milestones reached, status
    changes and resolved blockers, newest first. Four queries, however long the story."""
    updates = (
        Update.objects.filter(project=project)
        .select_related("author", "milestone")
        .prefetch_related(Prefetch("photos", queryset=UpdatePhoto.objects.order_by("position", "pk")))
    )
    milestones = Milestone.objects.filter(project=project, reached_at__isnull=False)
    changes = StatusChange.objects.filter(project=project)
    blockers = Blocker.objects.filter(project=project, resolved_at__isnull=False)
    items = [TimelineItem("update", u.posted_at, u) for u in updates]
    items += [TimelineItem("milestone", m.reached_at, m) for m in milestones if m.reached_at]
    items += [TimelineItem("status", c.changed_at, c) for c in changes]
    items += [TimelineItem("blocker", b.resolved_at, b) for b in blockers if b.resolved_at]
    # Newest first; at the same moment, an update before the milestone it reached.
    order = {"update": 0, "milestone": 1, "status": 2, "blocker": 3}
    items.sort(key=lambda entry: (-entry.at.timestamp(), order[entry.kind], -entry.item.pk))
    return items


def milestones_to_reach(project: Project) -> QuerySet[Milestone]:
    """The project's live milestones not reached yet, by planned date: what an update may reach."""
    return Milestone.objects.filter(
        project=project, reached_at__isnull=True, dropped_at__isnull=True
    ).order_by("planned_on", "key")


def updates_to_check(edition: Edition, *, at: datetime | None = None) -> QuerySet[Update]:
    """Visible updates of the edition's projects posted in the last week, newest first."""
    since = (at or timezone.now()) - CHECK_WINDOW
    return (
        Update.objects.filter(project__edition=edition, hidden_at__isnull=True, posted_at__gte=since)
        .select_related("project", "project__plan", "author")
        .order_by("-posted_at", "-pk")
    )


def work_counts(edition: Edition, *, at: datetime | None = None) -> dict[str, int]:
    """For the district's "My work": updates of the last week to check."""
    return {"updates_to_check": updates_to_check(edition, at=at).count()}
