"""Reads of obstacles: who sees what on the project page, the district's open work, response times."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role
from execution.models import BlockerCategory
from execution.obstacles.selectors import (
    median_response_time,
    obstacles_on_project,
    resolution_times,
    response_times,
    work_counts,
)
from execution.obstacles.services import answer_help_request, ask_for_help, record_blocker, resolve_blocker
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of
from tests.factories import make_district, make_staff, make_user

pytestmark = pytest.mark.django_db


def test_open_obstacles_are_seen_by_owners_and_district_staff_only() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    solved = record_blocker(
        project=project, by=owner, category=BlockerCategory.VOLUNTEERS, description="Te weinig"
    )
    resolve_blocker(blocker=solved, by=owner, resolution="Buurthuis hielp werven")
    stuck = record_blocker(
        project=project, by=official, category=BlockerCategory.PERMIT, description="Vergunning"
    )
    ask_for_help(project=project, by=owner, question="Hoe lang duurt de vergunning?")
    for insider in (owner, official):
        shown = obstacles_on_project(project, insider)
        assert shown.sees_open and [b.pk for b in shown.open] == [stuck.pk]
        assert [b.pk for b in shown.resolved] == [solved.pk] and len(shown.help_requests) == 1
    outsiders = (
        AnonymousUser(),
        make_user(),
        owner_of(projects[1]),
        make_staff(role=Role.OFFICIAL, district=make_district()),
    )
    for outsider in outsiders:
        shown = obstacles_on_project(project, outsider)
        assert not shown.sees_open and shown.open == [] and shown.help_requests == []
        assert [b.pk for b in shown.resolved] == [solved.pk]


def test_work_counts_open_questions_and_open_blockers_of_the_edition() -> None:
    edition, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    record_blocker(project=projects[0], by=owner, category="money", description="Voorschot komt niet")
    done = record_blocker(project=projects[1], by=official, category="other", description="Iets")
    resolve_blocker(blocker=done, by=official, resolution="Opgelost")
    asked = ask_for_help(project=projects[0], by=owner, question="Vraag 1")
    ask_for_help(project=projects[0], by=owner, question="Vraag 2")
    answer_help_request(request=asked, by=official, answer="Antwoord")
    assert work_counts(edition) == {"open_help_requests": 1, "open_blockers": 1}


def test_response_times_and_their_median_per_edition() -> None:
    edition, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    assert median_response_time(edition) is None
    waits = [timedelta(hours=2), timedelta(hours=10), timedelta(days=3)]
    for wait in waits:
        asked = ask_for_help(project=projects[0], by=owner, question="Vraag")
        answer_help_request(request=asked, by=official, answer="Antwoord", at=asked.asked_at + wait)
    ask_for_help(project=projects[0], by=owner, question="Nog open")  # not answered: not counted
    assert response_times(edition) == waits
    assert median_response_time(edition) == timedelta(hours=10)
    blocker = record_blocker(project=projects[0], by=owner, category="permit", description="Vergunning")
    resolve_blocker(
        blocker=blocker, by=official, resolution="Verleend", at=blocker.opened_at + timedelta(days=9)
    )
    assert resolution_times(edition) == {"permit": [timedelta(days=9)]}
