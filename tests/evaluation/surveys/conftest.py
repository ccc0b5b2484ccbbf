"""Fixtures of the survey tests: an edition with its surveys set up, its projects, and an official."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from evaluation.models import Survey, SurveyKind
from evaluation.surveys.services import set_up_surveys
from execution.models import Agreement, Project, ProjectStatus
from tests.execution.factories import owner_of, published_projects


@dataclass(frozen=True)
class World:
    edition: Edition
    official: User
    projects: list[Project]

    def survey(self, kind: SurveyKind) -> Survey:
        return Survey.objects.get(edition=self.edition, kind=kind)


def put_agreement_in_force(project: Project) -> None:
    """Version 1 of the project's agreement, confirmed by both sides."""
    now, owner = timezone.now(), owner_of(project)
    official = User.objects.filter(staff_roles__district_id=project.edition.district_id).first()
    Agreement.objects.create(
        project=project,
        number=1,
        terms={},
        proposed_by=owner,
        initiators_confirmed_at=now,
        initiators_confirmed_by=owner,
        district_confirmed_at=now,
        district_confirmed_by=official,
        in_force_at=now,
    )


def complete(project: Project, *, days_ago: int = 0) -> None:
    Project.objects.filter(pk=project.pk).update(
        status=ProjectStatus.COMPLETED, completed_at=timezone.now() - timedelta(days=days_ago)
    )
    project.refresh_from_db()


@pytest.fixture
def world(db: None) -> World:
    """A published vote with two projects (neither in force nor completed yet), the surveys set up."""
    edition, _plans, official, projects = published_projects()
    set_up_surveys(edition=edition, by=official)
    return World(edition=edition, official=official, projects=projects)
