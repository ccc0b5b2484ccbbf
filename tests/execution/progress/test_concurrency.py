"""Two people at once: of two updates reaching the same milestone, or two moderators hiding the same
update, one wins and the other is told (real threads, on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from accounts.models import Role
from execution.models import Update
from execution.progress.services import hide_update, post_update
from tests.concurrency import run_at_once
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of, with_milestones
from tests.factories import make_staff


@pytest.mark.django_db(transaction=True)
def test_two_updates_reaching_the_same_milestone_at_once_reach_it_once() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    (milestone,) = with_milestones(project, "Bakken geplaatst")
    owner = owner_of(project)
    outcomes = run_at_once(
        [
            lambda: post_update(project=project, by=owner, body="Klaar!", milestone=milestone),
            lambda: post_update(project=project, by=official, body="Gezien: klaar", milestone=milestone),
        ]
    )
    assert sorted(outcomes) == ["milestone_already_reached", "ok"]
    assert Update.objects.filter(project=project).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_moderators_hiding_the_same_update_hide_it_once() -> None:
    _, _, official, projects = published_projects()
    colleague = make_staff(role=Role.OFFICIAL, district=projects[0].edition.district)
    update = post_update(project=projects[0], by=owner_of(projects[0]), body="Ongepast")
    outcomes = run_at_once(
        [
            lambda: hide_update(update=Update.objects.get(pk=update.pk), moderator=official, reason="Een"),
            lambda: hide_update(update=Update.objects.get(pk=update.pk), moderator=colleague, reason="Twee"),
        ]
    )
    assert sorted(outcomes) == ["already_hidden", "ok"]
    assert Update.objects.get(pk=update.pk).hidden_reason in {"Een", "Twee"}
