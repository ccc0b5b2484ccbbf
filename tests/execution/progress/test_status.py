"""The project status machine: every step of the table, who may take it, the reason, the plan's
status kept in line, the history rows, the followers told, and the phases."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

import pytest

from accounts.models import Role, User
from audit.models import AuditEntry
from common.errors import ServiceError
from execution.models import Project, ProjectStatus, StatusChange
from execution.progress.status import (
    NEEDS_REASON,
    PLAN_STATUS,
    TRANSITIONS,
    apply_transition,
    change_project_status,
)
from notifications.models import Notification, NotificationKind
from proposals.models import PlanStatus
from tests.execution.factories import published_projects
from tests.execution.progress.factories import follower_of, moments, owner_of
from tests.factories import make_district, make_staff, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db

P = ProjectStatus
# How to bring a new project to each status through the table (by the district).
PATHS: dict[ProjectStatus, list[ProjectStatus]] = {
    P.PREPARING: [],
    P.RUNNING: [P.RUNNING],
    P.DELAYED: [P.RUNNING, P.DELAYED],
    P.COMPLETED: [P.RUNNING, P.COMPLETED],
    P.STOPPED: [P.STOPPED],
}


def bring_to(project: Project, status: ProjectStatus, by: User) -> Project:
    for step in PATHS[status]:
        project = apply_transition(project=project, to=step, by=by, reason="Zo ging het")
    return project


def _state(project: Project) -> tuple[object, ...]:
    project.refresh_from_db()
    project.plan.refresh_from_db()
    return project.status, project.plan.status, StatusChange.objects.filter(project=project).count()


@pytest.mark.parametrize(
    ("current", "target", "side"), list(itertools.product(list(P), list(P), ["initiators", "district"]))
)
def test_every_step_of_the_table_is_allowed_to_its_sides_only(
    current: ProjectStatus, target: ProjectStatus, side: str
) -> None:
    _, _, official, projects = published_projects()
    project = bring_to(projects[0], current, official)
    actor = owner_of(project) if side == "initiators" else official
    steps = TRANSITIONS[current]
    if target in steps and side in steps[target]:
        changed = change_project_status(project=project, to=target, by=actor, reason="Omdat het zo is")
        assert changed.status == target
        last = StatusChange.objects.filter(project=project).last()
        assert last is not None
        assert (last.from_status, last.to_status, last.changed_by, last.reason) == (
            current,
            target,
            actor,
            "Omdat het zo is",
        )
        return
    code = "illegal_transition" if target not in steps else "transition_not_yours"
    error: ServiceError = refused(
        lambda: change_project_status(project=project, to=target, by=actor, reason="Omdat"),
        code,
        unchanged=lambda: _state(project),
    )
    assert str(target.label) in error.message or code == "illegal_transition"


@pytest.mark.parametrize("target", sorted(NEEDS_REASON))
def test_delaying_and_stopping_need_a_reason(target: ProjectStatus) -> None:
    _, _, official, projects = published_projects()
    project = bring_to(projects[0], P.RUNNING, official)
    refused(
        lambda: change_project_status(project=project, to=target, by=official, reason="   "),
        "reason_required",
        unchanged=lambda: _state(project),
    )


def test_the_plan_status_follows_the_project() -> None:
    _, _, official, projects = published_projects()
    project, other = projects
    assert project.plan.status == PlanStatus.SELECTED
    project = change_project_status(project=project, to=P.RUNNING, by=owner_of(project))
    assert project.plan.status == PLAN_STATUS[P.RUNNING] == PlanStatus.IN_EXECUTION
    assert project.started_at is not None
    project = change_project_status(project=project, to=P.DELAYED, by=official, reason="Leverancier failliet")
    assert project.plan.status == PlanStatus.IN_EXECUTION
    project = apply_transition(project=project, to=P.COMPLETED, by=official, reason="")
    project.plan.refresh_from_db()
    assert project.plan.status == PlanStatus.COMPLETED and project.completed_at is not None
    other = change_project_status(project=other, to=P.STOPPED, by=official, reason="Geen locatie")
    other.plan.refresh_from_db()
    assert other.plan.status == PlanStatus.CANCELLED
    assert other.stop_reason == "Geen locatie" and other.stopped_at is not None


def test_followers_are_told_and_the_district_is_audited() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    follower = follower_of(project)
    owner = owner_of(project)
    change_project_status(project=project, to=P.RUNNING, by=owner)
    change_project_status(project=project, to=P.DELAYED, by=official, reason="Regen")
    told = Notification.objects.filter(recipient=follower, kind=NotificationKind.PROJECT_STATUS)
    assert told.count() == 2
    assert {n.params["reason"] for n in told} == {"", "Regen"}
    assert not Notification.objects.filter(recipient=owner, kind=NotificationKind.PROJECT_STATUS).exists()
    audited = AuditEntry.objects.filter(action="execution.status_changed", object_id=str(project.pk))
    assert [entry.actor for entry in audited] == [official]  # the owner's step is theirs, not staff's


@pytest.mark.parametrize("who", ["resident", "official_elsewhere", "owner_of_the_other"])
def test_others_may_not_change_the_status(who: str) -> None:
    _, _, _, projects = published_projects()
    people: dict[str, Callable[[], User]] = {
        "resident": make_user,
        "official_elsewhere": lambda: make_staff(role=Role.OFFICIAL, district=make_district()),
        "owner_of_the_other": lambda: owner_of(projects[1]),
    }
    refused(
        lambda: change_project_status(project=projects[0], to=P.RUNNING, by=people[who]()),
        "not_district",
        unchanged=lambda: _state(projects[0]),
    )


@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_the_status_changes_only_while_the_phase_opens_it(moment: str, allowed: bool) -> None:
    edition, _, official, projects = published_projects()
    at = moments(edition)[moment]
    for project, person in ((projects[0], owner_of(projects[0])), (projects[1], official)):
        call = partial(change_project_status, project=project, to=P.RUNNING, by=person, at=at)
        if allowed:
            assert call().started_at == at
        else:
            refused(call, "not_allowed", unchanged=lambda p=project: _state(p))  # type: ignore[misc]
