"""Publishing a result opens one project per chosen plan, with its owners, award and reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEntry
from execution.models import ChosenBy, DeliveryMode, Project, ProjectLine
from execution.projects.money import split_award
from notifications.models import Notification, NotificationKind
from outcomes.errors import OutcomeError
from outcomes.services import publish_result
from proposals.models import CostLine, PlanStatus
from tests.execution.factories import published_projects
from tests.outcomes.factories import make_closed_vote, make_count, make_official
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_publishing_opens_a_project_for_each_chosen_plan_only() -> None:
    edition, plans, _, projects = published_projects()
    assert set(Project.objects.filter(edition=edition)) == set(projects)
    first = projects[0]
    assert first.chosen_by == ChosenBy.VOTE
    assert first.chosen_because["supporters"] == 3
    assert [o.user for o in first.owners.all()] == [plans[0].initiator]
    assert first.plan.status == PlanStatus.SELECTED  # "in execution" once the work starts
    told = Notification.objects.filter(kind=NotificationKind.PROJECT_OPENED)
    assert sorted(n.recipient_id for n in told) == sorted([plans[0].initiator_id, plans[2].initiator_id])


def test_the_award_is_the_reviewed_cost_split_over_the_cost_lines_as_grants() -> None:
    edition, plans = make_closed_vote(choices=[(0,), (0,), (1,)])
    plan = plans[0]
    CostLine.objects.filter(plan=plan).delete()
    CostLine.objects.create(plan=plan, description="Plantenbakken", amount_cents=30_000_00, position=0)
    CostLine.objects.create(plan=plan, description="Aarde", amount_cents=10_000_01, position=1)
    plan.reviewed_cost_cents = 35_000_00
    plan.save()
    official = make_official(edition)
    publish_result(count=make_count(edition=edition, by=official), by=official)
    lines = list(ProjectLine.objects.filter(project__plan=plan).order_by("position"))
    assert [line.description for line in lines] == ["Plantenbakken", "Aarde"]
    assert sum(line.awarded_cents for line in lines) == 35_000_00
    assert {line.delivery for line in lines} == {DeliveryMode.GRANT}
    opened = AuditEntry.objects.get(action="execution.project_opened", object_id=str(lines[0].project_id))
    assert opened.after["awarded_cents"] == 35_000_00


def test_publishing_twice_is_refused_and_opens_nothing_more() -> None:
    edition, _, official, _ = published_projects()
    before = Project.objects.count()
    refused(
        lambda: publish_result(count=edition.counts.get(), by=official),
        "already_published",
        error=OutcomeError,
    )
    assert Project.objects.count() == before


@given(
    total=st.integers(min_value=0, max_value=10**9),
    lines=st.lists(st.integers(min_value=1, max_value=10**8), min_size=1, max_size=12),
)
def test_an_award_split_adds_up_and_each_part_is_within_a_cent_of_its_share(
    total: int, lines: list[int]
) -> None:
    parts = split_award(total, lines)
    assert sum(parts) == total
    whole = sum(lines)
    for part, amount in zip(parts, lines, strict=True):
        assert abs(part * whole - total * amount) < whole
