"""Reminders to a project's owners: overdue milestones and quiet projects, each once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from execution.following.reminders import send_reminders
from execution.following.selectors import work_counts
from execution.models import Agreement, Milestone, Project, ProjectStatus, Reminder, ReminderKind
from notifications.models import Notification, NotificationKind
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


def _moment(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _milestones(project: Project, *planned: date) -> list[Milestone]:
    """The live milestones of an agreement in force (as the agreement's confirmation leaves them)."""
    official = project.edition.district.staff_roles.first().user  # type: ignore[union-attr]
    now = timezone.now()
    agreement = Agreement.objects.create(
        project=project,
        number=1,
        terms={},
        proposed_by=official,
        initiators_confirmed_at=now,
        district_confirmed_at=now,
        in_force_at=now,
    )
    return [
        Milestone.objects.create(
            project=project, agreement=agreement, key=i, title=f"Stap {i}", planned_on=day
        )
        for i, day in enumerate(planned, start=1)
    ]


def _running(project: Project, *, since: datetime) -> None:
    Project.objects.filter(pk=project.pk).update(
        status=ProjectStatus.RUNNING, started_at=since, last_news_at=None
    )


def test_an_overdue_milestone_is_reminded_to_the_owners_once() -> None:
    _, plans, _, projects = published_projects()
    project = projects[0]
    _running(project, since=timezone.now())
    due = timezone.localdate() + timedelta(days=10)
    overdue, later = _milestones(project, due, due + timedelta(days=30))

    assert send_reminders(at=_moment(due)) == []  # on the planned day it is not late yet
    sent = send_reminders(at=_moment(due + timedelta(days=1)))
    assert [(r.kind, r.milestone_id, r.due_on) for r in sent] == [
        (ReminderKind.MILESTONE_OVERDUE, overdue.pk, due)
    ]
    told = Notification.objects.get(kind=NotificationKind.MILESTONE_OVERDUE)
    assert told.recipient_id == plans[0].initiator_id
    assert told.params == {"plan": project.plan.title, "milestone": "Stap 1", "planned_on": due.isoformat()}
    assert told.url == project.get_absolute_url()

    assert send_reminders(at=_moment(due + timedelta(days=2))) == []  # idempotent
    assert Notification.objects.filter(kind=NotificationKind.MILESTONE_OVERDUE).count() == 1
    assert later.pk not in Reminder.objects.values_list("milestone_id", flat=True)


def test_a_milestone_given_a_new_date_is_reminded_again_and_reached_or_dropped_ones_never() -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    _running(project, since=timezone.now())
    due = timezone.localdate() + timedelta(days=5)
    moved, reached, dropped = _milestones(project, due, due, due)
    Milestone.objects.filter(pk=reached.pk).update(reached_at=timezone.now())
    Milestone.objects.filter(pk=dropped.pk).update(dropped_at=timezone.now())
    assert [r.milestone_id for r in send_reminders(at=_moment(due + timedelta(days=1)))] == [moved.pk]
    new_date = due + timedelta(days=14)
    Milestone.objects.filter(pk=moved.pk).update(planned_on=new_date)
    assert send_reminders(at=_moment(due + timedelta(days=3))) == []
    again = send_reminders(at=_moment(new_date + timedelta(days=1)))
    assert [(r.milestone_id, r.due_on) for r in again] == [(moved.pk, new_date)]


def test_milestones_of_a_completed_or_stopped_project_are_not_reminded() -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    due = timezone.localdate() + timedelta(days=5)
    _milestones(project, due)
    Project.objects.filter(pk=project.pk).update(
        status=ProjectStatus.STOPPED, stopped_at=timezone.now(), stop_reason="Geen vergunning"
    )
    assert send_reminders(at=_moment(due + timedelta(days=1))) == []


def test_a_running_project_without_news_is_asked_for_an_update_once_per_quiet_period() -> None:
    _, plans, _, projects = published_projects()
    project = projects[0]
    start = _moment(timezone.localdate() + timedelta(days=1))
    _running(project, since=start)

    assert send_reminders(at=start + timedelta(days=29)) == []
    sent = send_reminders(at=start + timedelta(days=30, hours=1))
    assert [(r.kind, r.due_on) for r in sent] == [(ReminderKind.UPDATE_DUE, start.date())]
    told = Notification.objects.get(kind=NotificationKind.UPDATE_DUE)
    assert told.recipient_id == plans[0].initiator_id
    assert told.params == {"plan": project.plan.title, "since": start.date().isoformat()}
    assert send_reminders(at=start + timedelta(days=45)) == []  # the same quiet period

    news = start + timedelta(days=50)
    Project.objects.filter(pk=project.pk).update(last_news_at=news)
    assert send_reminders(at=news + timedelta(days=20)) == []
    again = send_reminders(at=news + timedelta(days=31))
    assert [r.due_on for r in again] == [news.date()]
    assert Notification.objects.filter(kind=NotificationKind.UPDATE_DUE).count() == 2


def test_the_quiet_period_can_be_set_and_preparing_projects_are_not_asked() -> None:
    _, _, _, projects = published_projects()
    start = _moment(timezone.localdate() + timedelta(days=1))
    _running(projects[0], since=start)
    Project.objects.filter(pk=projects[1].pk).update(opened_at=start)  # still preparing
    assert send_reminders(at=start + timedelta(days=8), quiet_days=7)[0].project_id == projects[0].pk
    assert Reminder.objects.filter(project=projects[1]).count() == 0


def test_the_cron_command_sends_what_is_due_and_nothing_the_second_time() -> None:
    _, _, _, projects = published_projects()
    long_ago = timezone.now() - timedelta(days=60)
    _running(projects[0], since=long_ago)
    _milestones(projects[0], timezone.localdate() - timedelta(days=3))
    out = StringIO()
    call_command("remind_projects", stdout=out)
    assert "2 reminder(s) sent: 1 overdue milestone(s), 1 update(s) due." in out.getvalue()
    again = StringIO()
    call_command("remind_projects", "--quiet-days", "10", stdout=again)
    assert "0 reminder(s) sent" in again.getvalue()
    assert (
        Notification.objects.filter(
            kind__in=[NotificationKind.MILESTONE_OVERDUE, NotificationKind.UPDATE_DUE]
        ).count()
        == 2
    )


def test_work_counts_the_overdue_milestones_of_the_editions_open_projects() -> None:
    edition, _, _, projects = published_projects()
    today = timezone.localdate()
    _milestones(projects[0], today - timedelta(days=2), today, today + timedelta(days=3))
    late, reached = _milestones(projects[1], today - timedelta(days=9), today - timedelta(days=9))
    Milestone.objects.filter(pk=reached.pk).update(reached_at=timezone.now())
    assert work_counts(edition) == {"overdue_milestones": 2}
    assert work_counts(edition, at=_moment(today + timedelta(days=5))) == {"overdue_milestones": 4}
    Project.objects.filter(pk=projects[1].pk).update(
        status=ProjectStatus.STOPPED, stopped_at=timezone.now(), stop_reason="Geen vergunning"
    )
    assert work_counts(edition) == {"overdue_milestones": 1}
    assert late.project_id == projects[1].pk
