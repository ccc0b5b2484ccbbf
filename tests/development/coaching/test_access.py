"""Who may coach in a district and who may read a coaching's log (development.coaching.access)."""

from __future__ import annotations

from functools import partial

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role, User
from development.coaching import services
from development.coaching.access import check_coach, may_coach, may_read_log, may_write_log
from development.coaching.errors import CoachingError
from development.models import Coaching
from tests import factories
from tests.refusals import refused

from .world import accept_member, make_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.REVIEWER, Role.COMMITTEE, Role.FACILITATOR])
def test_staff_of_the_district_in_any_role_may_coach(role: Role) -> None:
    world = make_world()
    staff = factories.make_staff(role=role, district=world.district)
    assert may_coach(staff, world.district)
    assert check_coach(staff, world.district) is None  # staff coach for no partner


def test_a_coach_of_an_active_partner_may_coach_for_that_partner() -> None:
    world = make_world()
    assert may_coach(world.partner_coach, world.district)
    assert check_coach(world.partner_coach, world.district) == world.partner


def test_a_coach_of_an_ended_partner_may_no_longer_coach() -> None:
    world = make_world()
    services.end_partner(partner=world.partner, by=world.official)
    assert not may_coach(world.partner_coach, world.district)
    refused(lambda: check_coach(world.partner_coach, world.district), "not_a_coach", error=CoachingError)


def test_a_random_resident_may_not_coach() -> None:
    world = make_world()
    assert not may_coach(world.resident, world.district)
    assert not may_coach(AnonymousUser(), world.district)
    refused(lambda: check_coach(world.resident, world.district), "not_a_coach", error=CoachingError)


def test_staff_and_partner_coaches_of_another_district_may_not_coach_here() -> None:
    world = make_world()
    for person in (world.other_official, world.other_partner_coach):
        assert not may_coach(person, world.district)
        refused(partial(check_coach, person, world.district), "coach_other_district", error=CoachingError)


def test_the_log_is_read_by_the_coach_the_initiators_and_the_districts_staff_only() -> None:
    world = make_world()
    co_initiator = factories.make_user()
    accept_member(world.idea, co_initiator)
    volunteer = factories.make_user()
    accept_member(world.idea, volunteer, role="volunteer")
    asked = factories.make_user()
    world.idea.members.create(user=asked, role="co_initiator", offer="x", public_name="x")
    readers = [world.partner_coach, world.initiator, co_initiator, world.official, world.reviewer]
    outsiders: list[User | AnonymousUser] = [
        AnonymousUser(),
        world.resident,
        volunteer,
        asked,
        world.other_official,
        world.other_partner_coach,
    ]
    assert all(may_read_log(person, world.coaching) for person in readers)
    assert not any(may_read_log(person, world.coaching) for person in outsiders)


def test_the_plans_accepted_co_initiators_read_the_log_of_its_coaching() -> None:
    world = make_world()
    coaching = services.assign_coach(plan=world.draft, coach=world.reviewer, by=world.official)
    accepted = factories.make_co_initiator(plan=world.draft).user
    declined = factories.make_co_initiator(plan=world.draft, status="declined").user
    assert may_read_log(accepted, coaching) and may_write_log(accepted, coaching)
    assert not may_read_log(declined, coaching)


def test_staff_read_but_do_not_write_the_log_unless_they_coach() -> None:
    world = make_world()
    assert may_read_log(world.official, world.coaching)
    assert not may_write_log(world.official, world.coaching)
    assert may_write_log(world.partner_coach, world.coaching)
    assert may_write_log(world.initiator, world.coaching)


def test_a_former_coach_reads_their_own_log_but_cannot_write_in_it() -> None:
    world = make_world()
    services.assign_coach(idea=world.idea, coach=world.reviewer, by=world.official)
    ended = Coaching.objects.get(pk=world.coaching.pk)
    assert may_read_log(world.partner_coach, ended)
    assert not may_write_log(world.partner_coach, ended)
