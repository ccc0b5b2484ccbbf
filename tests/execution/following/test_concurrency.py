"""Requests racing on the real database: two follows at once leave one row, two reminder runs send once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from execution.following.reminders import send_reminders
from execution.following.services import follow_edition, follow_project
from execution.models import Follow, Project, ProjectStatus, Reminder, ReminderKind
from notifications.models import Notification, NotificationKind
from tests.concurrency import run_at_once
from tests.execution.factories import published_projects
from tests.factories import make_user


@pytest.mark.django_db(transaction=True)
def test_following_a_project_twice_at_once_leaves_one_row() -> None:
    _, _, _, projects = published_projects()
    for _round in range(5):
        resident = make_user()
        outcomes = run_at_once([lambda: follow_project(user=resident, project=projects[0])] * 2)  # noqa: B023
        assert outcomes == ["ok", "ok"]
        assert Follow.objects.filter(user=resident, project=projects[0]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_following_an_edition_twice_at_once_leaves_one_row() -> None:
    edition, _, _, _ = published_projects()
    for _round in range(5):
        resident = make_user()
        outcomes = run_at_once([lambda: follow_edition(user=resident, edition=edition)] * 2)  # noqa: B023
        assert outcomes == ["ok", "ok"]
        assert Follow.objects.filter(user=resident, edition=edition).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_reminder_runs_at_once_send_each_reminder_once() -> None:
    _, plans, _, projects = published_projects()
    long_ago = timezone.now() - timedelta(days=90)
    Project.objects.filter(pk=projects[0].pk).update(
        status=ProjectStatus.RUNNING, started_at=long_ago, last_news_at=None
    )
    outcomes = run_at_once([send_reminders, send_reminders])
    assert outcomes == ["ok", "ok"]
    assert Reminder.objects.filter(project=projects[0], kind=ReminderKind.UPDATE_DUE).count() == 1
    told = Notification.objects.filter(kind=NotificationKind.UPDATE_DUE, recipient=plans[0].initiator)
    assert told.count() == 1
