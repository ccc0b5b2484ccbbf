"""Reminders to a project's owners: a milestone whose date passed, a project quiet for too long.

``send_reminders`` is run by cron (``manage.py remind_projects``). Each reminder goes out once: a
``Reminder`` row per milestone and planned date, or per project and the day its quiet period began,
is written with the notification, so running it again (or twice at once) sends nothing new. A
milestone given a new date in a later agreement, or a project that posts news and then falls quiet
again, is a new occasion and is reminded again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from notifications.models import NotificationKind
from notifications.services import notify

from ..models import Milestone, Project, ProjectStatus, Reminder, ReminderKind

# A running project that posts no news for this long is asked for an update.
QUIET_DAYS = 30
OPEN_STATUSES = (ProjectStatus.PREPARING, ProjectStatus.RUNNING, ProjectStatus.DELAYED)
WORKING_STATUSES = (ProjectStatus.RUNNING, ProjectStatus.DELAYED)


def overdue_milestones(*, today: date) -> Iterable[Milestone]:
    """Live milestones (neither dropped nor reached) of open projects whose planned date has passed."""
    return (
        Milestone.objects.filter(
            dropped_at__isnull=True,
            reached_at__isnull=True,
            planned_on__lt=today,
            project__status__in=OPEN_STATUSES,
        )
        .select_related("project__plan")
        .order_by("project_id", "planned_on", "key")
    )


def quiet_projects(*, until: datetime) -> Iterable[Project]:
    """Running or delayed projects whose last news (or start) was at or before ``until``."""
    return (
        Project.objects.filter(status__in=WORKING_STATUSES)
        .annotate(quiet_from=Coalesce("last_news_at", "started_at", "opened_at"))
        .filter(quiet_from__lte=until)
        .select_related("plan")
        .order_by("pk")
    )


def quiet_since(project: Project) -> datetime:
    """When the project's last news was (or, with none yet, when it started or opened)."""
    return project.last_news_at or project.started_at or project.opened_at


def _remind(
    *,
    project: Project,
    kind: ReminderKind,
    due_on: date,
    params: dict[str, str],
    milestone: Milestone | None,
    at: datetime | None,
) -> Reminder | None:
    """Write the reminder and tell the owners, unless this one went out before."""
    if Reminder.objects.filter(project=project, kind=kind, milestone=milestone, due_on=due_on).exists():
        return None
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                project=project, kind=kind, milestone=milestone, due_on=due_on, sent_at=at or timezone.now()
            )
    except IntegrityError:  # another run wrote it just now (PostgreSQL's unique key)
        return None
    owners = [owner.user for owner in project.owners.select_related("user")]
    notify(
        recipients=owners,
        kind=NotificationKind(kind.value),
        params={"plan": project.plan.title, **params},
        url=project.get_absolute_url(),
        at=at,
    )
    return reminder


def send_reminders(*, at: datetime | None = None, quiet_days: int = QUIET_DAYS) -> list[Reminder]:
    """Remind the owners of every overdue milestone and every project without news for
    ``quiet_days`` days, as of ``at`` (default now); the reminders written (none the second time)."""
    moment = at or timezone.now()
    today = timezone.localdate(moment)
    sent: list[Reminder] = []
    with transaction.atomic():
        for milestone in overdue_milestones(today=today):
            reminder = _remind(
                project=milestone.project,
                kind=ReminderKind.MILESTONE_OVERDUE,
                due_on=milestone.planned_on,
                params={"milestone": milestone.title, "planned_on": milestone.planned_on.isoformat()},
                milestone=milestone,
                at=at,
            )
            sent += [reminder] if reminder else []
        for project in quiet_projects(until=moment - timedelta(days=quiet_days)):
            began = timezone.localdate(quiet_since(project))
            reminder = _remind(
                project=project,
                kind=ReminderKind.UPDATE_DUE,
                due_on=began,
                params={"since": began.isoformat()},
                milestone=None,
                at=at,
            )
            sent += [reminder] if reminder else []
    return sent
