"""Reads of progress: the public timeline in one list by time with constant queries, the milestones
still to reach, the updates the district checks, and the project page's parts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from execution.models import BlockerCategory, Project, ProjectStatus
from execution.obstacles.services import record_blocker, resolve_blocker
from execution.progress.selectors import milestones_to_reach, timeline, work_counts
from execution.progress.services import hide_update, post_update
from execution.progress.status import change_project_status
from tests.execution.factories import published_projects
from tests.execution.progress.factories import moments, owner_of, photo, with_milestones
from tests.factories import make_user
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def _story(project: Project, official: Any, start: Any, rounds: int) -> None:
    """``rounds`` times: an update with two photos reaching a milestone, a status step, a solved blocker."""
    owner = owner_of(project)
    milestones = with_milestones(project, *[f"Mijlpaal {i}" for i in range(rounds)])
    for i, milestone in enumerate(milestones):
        at = start + timedelta(days=3 * i)
        post_update(
            project=project,
            by=owner,
            body=f"Ronde {i}",
            milestone=milestone,
            photos=[photo(), photo()],
            at=at,
        )
        to = ProjectStatus.RUNNING if project.status != ProjectStatus.RUNNING else ProjectStatus.DELAYED
        project = change_project_status(
            project=project, to=to, by=official, reason="Regen", at=at + timedelta(hours=1)
        )
        blocker = record_blocker(project=project, by=owner, category="other", description="Iets", at=at)
        resolve_blocker(blocker=blocker, by=owner, resolution="Opgelost", at=at + timedelta(hours=2))


def test_the_timeline_holds_every_kind_newest_first() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    start = project.opened_at
    _story(project, official, start, rounds=2)
    items = timeline(project)
    assert [entry.at for entry in items] == sorted((entry.at for entry in items), reverse=True)
    assert [entry.kind for entry in items[:4]] == ["blocker", "status", "update", "milestone"]
    assert {entry.kind for entry in items} == {"update", "milestone", "status", "blocker"}
    assert len(items) == 8


def test_the_timeline_costs_the_same_queries_however_long_the_story() -> None:
    _, _, official, projects = published_projects()
    counts = []
    for project, rounds in ((projects[0], 1), (projects[1], 4)):
        _story(project, official, project.opened_at, rounds=rounds)
        with CaptureQueriesContext(connection) as queries:
            items = timeline(project)
            for entry in items:
                if entry.kind == "update":
                    list(entry.item.photos.all())  # type: ignore[union-attr]
                    str(entry.item.author.display_name)  # type: ignore[union-attr]
        counts.append(len(queries))
    assert counts[0] == counts[1] == 5


def test_milestones_to_reach_leave_out_reached_and_dropped_ones() -> None:
    _, _, _, projects = published_projects()
    first, second, third = with_milestones(projects[0], "Een", "Twee", "Drie")
    post_update(project=projects[0], by=owner_of(projects[0]), body="Een klaar", milestone=first)
    third.dropped_at = projects[0].opened_at
    third.save()
    assert list(milestones_to_reach(projects[0])) == [second]


def test_updates_of_the_last_week_are_to_check_hidden_ones_not() -> None:
    edition, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    now = moments(edition)["during"]  # a day into the execution phase
    post_update(project=projects[0], by=owner, body="Oud", at=now - timedelta(days=8))
    post_update(project=projects[0], by=owner, body="Nieuw", at=now - timedelta(days=2))
    hidden = post_update(project=projects[0], by=owner, body="Weg", at=now - timedelta(days=1))
    hide_update(update=hidden, moderator=official, reason="Spam")
    assert work_counts(edition, at=now) == {"updates_to_check": 1}


def _render(tag: str, project: Project, user: Any) -> str:
    request = RequestFactory().get(project.get_absolute_url())
    request.user = user
    template = Template("{% load execution_progress %}{% " + tag + " project %}")
    return template.render(Context({"request": request, "project": project, "csrf_token": "x"}))


def test_the_project_page_parts_show_the_post_form_to_owners_and_open_obstacles_to_insiders() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    post_update(project=project, by=owner, body="De bakken staan er", photos=[photo("Drie bakken")])
    hidden = post_update(project=project, by=owner, body="Geheim adres", at=project.opened_at)
    hide_update(update=hidden, moderator=official, reason="Persoonsgegevens")
    open_one = record_blocker(
        project=project, by=owner, category=BlockerCategory.PERMIT, description="Geen vergunning"
    )
    resolved = record_blocker(
        project=project, by=owner, category=BlockerCategory.LOCATION, description="Plein bezet"
    )
    resolve_blocker(blocker=resolved, by=owner, resolution="Ander plein")
    for_owner = _render("progress_on_project", project, owner)
    assert (
        'capture="environment"' in for_owner and 'accept="image/*"' in for_owner and "multiple" in for_owner
    )
    assert 'enctype="multipart/form-data"' in for_owner and 'alt="Drie bakken"' in for_owner
    public = _render("progress_on_project", project, AnonymousUser())
    assert "De bakken staan er" in public and "Geheim adres" not in public and "Persoonsgegevens" in public
    assert "capture" not in public and "verbergen" not in public
    assert "/verbergen/" in _render("progress_on_project", project, official)
    assert open_one.description in _render("obstacles_on_project", project, owner)
    for outsider in (AnonymousUser(), make_user()):
        shown = page_text(
            type("R", (), {"content": _render("obstacles_on_project", project, outsider).encode()})()
        )
        assert "Ander plein" in shown and open_one.description not in shown
