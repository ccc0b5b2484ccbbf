"""Coaching under racing requests (real threads; run on SQLite and PostgreSQL): one active coach."""

from __future__ import annotations

import pytest

from accounts.models import Role
from development.coaching import services
from development.models import Coaching, CoachingStep
from tests import factories
from tests.concurrency import run_at_once

from .world import make_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_officials_assigning_at_once_leave_one_active_coach() -> None:
    world = make_world()
    second_official = factories.make_staff(role=Role.OFFICIAL, district=world.district)
    outcomes = run_at_once(
        [
            lambda: services.assign_coach(plan=world.draft, coach=world.reviewer, by=world.official),
            lambda: services.assign_coach(plan=world.draft, coach=world.partner_coach, by=second_official),
        ]
    )
    assert outcomes == ["ok", "ok"]  # the later one replaced the earlier one
    assert Coaching.objects.filter(plan=world.draft).count() == 2
    assert Coaching.objects.filter(plan=world.draft, ended_at__isnull=True).count() == 1


def test_a_step_marked_twice_at_once_is_done_once() -> None:
    world = make_world()

    def mark() -> None:
        services.mark_step(coaching=world.coaching, by=world.partner_coach, step="location_checked")

    outcomes = run_at_once([mark, mark])
    assert sorted(outcomes) == ["ok", "step_already_done"]
    assert CoachingStep.objects.filter(coaching=world.coaching).count() == 1
