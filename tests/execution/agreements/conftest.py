"""A published project with two cost lines, its owner, the district's official and outsiders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role, User
from execution.agreements.terms import MilestoneTerm, PaymentTerm
from execution.models import PaymentKind, Project, ProjectLine
from tests.execution.factories import published_projects
from tests.factories import make_district, make_staff, make_user


@dataclass
class Setting:
    project: Project
    owner: User
    official: User
    other_official: User
    resident: User
    lines: list[ProjectLine]

    @property
    def today(self) -> date:
        return timezone.localdate()

    def milestones(self, *, key: int | None = None) -> list[MilestoneTerm]:
        return [
            MilestoneTerm(title="Bakken geplaatst", planned_on=self.today + timedelta(days=30), key=key),
            MilestoneTerm(
                title="Beplanting klaar",
                planned_on=self.today + timedelta(days=60),
                amount_cents=10_000_00,
                line_id=self.lines[1].pk,
            ),
        ]

    def payments(self) -> list[PaymentTerm]:
        return [
            PaymentTerm(kind=PaymentKind.ADVANCE, line_id=self.lines[0].pk, amount_cents=20_000_00),
            PaymentTerm(
                kind=PaymentKind.INSTALMENT, line_id=self.lines[1].pk, amount_cents=10_000_00, milestone=1
            ),
            PaymentTerm(
                kind=PaymentKind.FINAL,
                line_id=self.lines[0].pk,
                amount_cents=5_000_00,
                due_on=self.today + timedelta(days=90),
            ),
        ]


@pytest.fixture
def setting() -> Setting:
    _, plans, official, projects = published_projects()
    project = projects[0]
    first = project.lines.get()
    first.awarded_cents = 25_000_00
    first.save()
    second = ProjectLine.objects.create(
        project=project, description="Planten", position=1, awarded_cents=15_000_00
    )
    other = make_staff(role=Role.OFFICIAL, district=make_district())
    return Setting(
        project=project,
        owner=plans[0].initiator,
        official=official,
        other_official=other,
        resident=make_user(),
        lines=[first, second],
    )
