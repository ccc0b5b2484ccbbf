"""Projects for the execution tests: a counted vote published, so its winners became projects."""

from __future__ import annotations

from accounts.models import User
from editions.models import Edition
from execution.models import Project, ProjectLine
from outcomes.services import publish_result
from proposals.models import Plan
from tests.outcomes.factories import make_closed_vote, make_count, make_official


def published_projects() -> tuple[Edition, list[Plan], User, list[Project]]:
    """A vote on four plans (40k, 30k, 20k, 10k on a 60k budget) whose result chose plans 0 and 2,
    published by an official of the district: two projects, in the order of the plans."""
    edition, plans = make_closed_vote(choices=[(0,), (0, 2), (0, 2), (1,)])
    official = make_official(edition)
    count = make_count(edition=edition, by=official)
    publish_result(count=count, by=official)
    projects = [Project.objects.get(plan=plans[0]), Project.objects.get(plan=plans[2])]
    return edition, plans, official, projects


def make_other_official() -> User:
    """An official of another district."""
    from accounts.models import Role
    from tests.factories import make_district, make_staff

    return make_staff(role=Role.OFFICIAL, district=make_district())


def add_line(project: Project, *, description: str = "Materiaal", awarded_cents: int = 0) -> ProjectLine:
    """A second cost line on ``project``."""
    position = project.lines.count()
    return ProjectLine.objects.create(
        project=project, description=description, position=position, awarded_cents=awarded_cents
    )


def owner_of(project: Project) -> User:
    return project.owners.get().user
