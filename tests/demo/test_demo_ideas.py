"""The demo's ideas load through the services into Nieuw-West 2027, with the demo's own accounts."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import User
from demo.content.development_ideas import EDITION_SLUG, IDEAS
from demo.services.development_ideas import load_ideas
from development.models import IdeaMemberStatus
from editions.models import Edition
from proposals.models import CoInitiatorStatus, PlanStatus

pytestmark = pytest.mark.django_db


def test_the_demo_ideas_load_with_people_needs_and_one_plan(demo: None) -> None:
    now = timezone.now()
    edition = Edition.objects.get(slug=EDITION_SLUG)
    users = {user.email: user for user in User.objects.all()}
    ideas = load_ideas(edition=edition, users=users, now=now)
    assert len(ideas) == len(IDEAS) == 6
    assert len({idea.neighbourhood_id for idea in ideas}) == 6
    assert all(idea.supports.exists() for idea in ideas)
    statuses = [m.status for idea in ideas for m in idea.members.all()]
    assert IdeaMemberStatus.ASKED in statuses and IdeaMemberStatus.ACCEPTED in statuses
    assert sum(bool(idea.needs) for idea in ideas) == 6  # every idea still misses some help
    garden = next(idea for idea in ideas if idea.title == "Buurtmoestuin op het Confuciusplein")
    assert garden.neighbourhood.name == "Slotermeer-Noordoost" and "place" not in garden.needs
    plan = garden.plan
    assert plan is not None and plan.status == PlanStatus.DRAFT
    assert [line.description for line in plan.cost_lines.order_by("position")] == [
        "Twee bankjes met rugleuning",
        "Plantenbakken van hout",
        "Zaden en plantgoed",
    ]
    assert plan.co_initiators.filter(status=CoInitiatorStatus.ACCEPTED).count() == 1
    assert garden.comments.count() == 2
    # Loading again keeps what is there.
    assert [idea.pk for idea in load_ideas(edition=edition, users=users, now=now)] == [i.pk for i in ideas]
