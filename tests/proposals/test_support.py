"""Liking a plan: once per person, only in the support phase, never your own, and safe under concurrency."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

import pytest
from django.db import connection

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.errors import PlanError
from proposals.models import CoInitiatorStatus, Like, Plan, PlanStatus
from proposals.selectors.discussion import support_state
from proposals.services.support import LikeInput, like_plan, like_plan_by_many, unlike_plan
from tests import factories
from tests.refusals import refused

from .discussion_helpers import add_co_initiator, edition_in_support_phase, moments_around_support

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_edition(district: District) -> Edition:
    return edition_in_support_phase(district, support_threshold=3)


@pytest.fixture
def plan(support_edition: Edition) -> Plan:
    return factories.make_plan(edition=support_edition, title="Moestuin")


def test_a_resident_likes_a_plan_in_the_support_phase(plan: Plan, resident: User) -> None:
    like_plan(plan=plan, user=resident)
    assert list(Like.objects.filter(plan=plan).values_list("user", flat=True)) == [resident.pk]


def test_a_second_like_is_refused_and_changes_nothing(plan: Plan, resident: User) -> None:
    first = like_plan(plan=plan, user=resident)
    refused(lambda: like_plan(plan=plan, user=resident), "already_liked", error=PlanError)
    assert list(Like.objects.filter(plan=plan)) == [first]


@pytest.mark.parametrize(("when", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_liking_is_open_only_during_the_support_phase(
    plan: Plan,
    resident: User,
    freeze_time: Callable[[datetime], None],
    when: str,
    allowed: bool,
) -> None:
    freeze_time(moments_around_support(plan.edition)[when])
    if allowed:
        like_plan(plan=plan, user=resident)
    else:
        refused(lambda: like_plan(plan=plan, user=resident), "not_in_support_phase", error=PlanError)
    assert Like.objects.filter(plan=plan).count() == (1 if allowed else 0)


@pytest.mark.parametrize(("when", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_taking_a_like_back_is_open_only_during_the_support_phase(
    plan: Plan,
    resident: User,
    freeze_time: Callable[[datetime], None],
    when: str,
    allowed: bool,
) -> None:
    Like.objects.create(plan=plan, user=resident)
    freeze_time(moments_around_support(plan.edition)[when])
    if allowed:
        unlike_plan(plan=plan, user=resident)
    else:
        refused(lambda: unlike_plan(plan=plan, user=resident), "not_in_support_phase", error=PlanError)
    assert Like.objects.filter(plan=plan).count() == (0 if allowed else 1)


def test_an_edition_without_a_support_phase_takes_no_likes(district: District, resident: User) -> None:
    kinds = [k for k in factories.ALL_PHASE_KINDS if k != "support"]
    edition = factories.make_edition(district=district, kinds=kinds)
    plan = factories.make_plan(edition=edition)
    refused(lambda: like_plan(plan=plan, user=resident), "not_in_support_phase", error=PlanError)


def test_the_initiator_cannot_like_their_own_plan(plan: Plan) -> None:
    refused(lambda: like_plan(plan=plan, user=plan.initiator), "cannot_like_own_plan", error=PlanError)
    assert not Like.objects.exists()


def test_an_accepted_co_initiator_cannot_like_the_plan(plan: Plan, resident: User) -> None:
    add_co_initiator(plan, resident)
    refused(lambda: like_plan(plan=plan, user=resident), "cannot_like_own_plan", error=PlanError)


def test_someone_only_invited_as_co_initiator_may_like_the_plan(plan: Plan, resident: User) -> None:
    add_co_initiator(plan, resident, status=CoInitiatorStatus.INVITED)
    like_plan(plan=plan, user=resident)
    assert Like.objects.filter(plan=plan, user=resident).exists()


def test_a_draft_cannot_be_liked(support_edition: Edition, resident: User) -> None:
    draft = factories.make_plan(edition=support_edition, status=PlanStatus.DRAFT)
    refused(lambda: like_plan(plan=draft, user=resident), "not_public", error=PlanError)


@pytest.mark.parametrize("status", [PlanStatus.IN_REVIEW, PlanStatus.WITHDRAWN, PlanStatus.FEASIBLE])
def test_a_plan_past_submission_takes_no_more_likes(
    support_edition: Edition, resident: User, status: PlanStatus
) -> None:
    plan = factories.make_plan(edition=support_edition, status=status)
    error = refused(lambda: like_plan(plan=plan, user=resident), "support_closed", error=PlanError)
    assert str(PlanStatus(status).label) in error.message


def test_an_inactive_account_cannot_like(plan: Plan) -> None:
    inactive = factories.make_user(is_active=False)
    refused(lambda: like_plan(plan=plan, user=inactive), "not_in_support_phase", error=PlanError)


def test_district_staff_may_like_like_any_resident(plan: Plan, district: District) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    like_plan(plan=plan, user=official)
    assert Like.objects.filter(plan=plan).count() == 1


def test_taking_back_a_like_removes_it(plan: Plan, resident: User) -> None:
    like_plan(plan=plan, user=resident)
    unlike_plan(plan=plan, user=resident)
    assert not Like.objects.exists()


def test_taking_back_a_like_you_never_gave_is_refused(plan: Plan, resident: User) -> None:
    other = factories.make_user()
    Like.objects.create(plan=plan, user=other)
    refused(lambda: unlike_plan(plan=plan, user=resident), "not_liked", error=PlanError)
    assert Like.objects.filter(plan=plan).count() == 1


def test_support_state_counts_and_says_how_many_more_are_needed(plan: Plan, resident: User) -> None:
    like_plan(plan=plan, user=factories.make_user())
    state = support_state(plan=plan, user=resident)
    assert (state.count, state.threshold, state.needed, state.reached) == (1, 3, 2, False)
    assert state.can_like and not state.liked_by_user and state.is_open
    like_plan(plan=plan, user=resident)
    like_plan(plan=plan, user=factories.make_user())
    state = support_state(plan=plan, user=resident)
    assert (state.count, state.needed, state.reached, state.liked_by_user) == (3, 0, True, True)


def test_support_state_lets_no_one_like_their_own_plan(plan: Plan, resident: User) -> None:
    add_co_initiator(plan, resident)
    assert not support_state(plan=plan, user=plan.initiator).can_like
    co = support_state(plan=plan, user=resident)
    assert co.is_own and not co.can_like


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_likes_by_one_person_make_one_like(district: District) -> None:
    """Both requests pass the checks; the database's unique constraint lets only one insert win."""
    if connection.vendor == "sqlite":
        # The in-memory test database answers a second writer with "table is locked" instead of
        # waiting as the WAL file in production does (BEGIN IMMEDIATE serialises the two there).
        pytest.skip("needs a database server; run with DATABASE_URL=postgres://…")
    edition = edition_in_support_phase(district)
    plan = factories.make_plan(edition=edition)
    resident = factories.make_user()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def like_in_a_thread() -> None:
        try:
            barrier.wait(timeout=5)
            like_plan(plan=Plan.objects.select_related("edition").get(pk=plan.pk), user=resident)
            outcomes.append("liked")
        except PlanError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=like_in_a_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["already_liked", "liked"]
    assert Like.objects.filter(plan=plan, user=resident).count() == 1


def test_an_unconfirmed_account_is_told_to_confirm_its_address_before_supporting(plan: Plan) -> None:
    unconfirmed = factories.make_user(email_verified_at=None)
    refused(lambda: like_plan(plan=plan, user=unconfirmed), "email_not_confirmed", error=PlanError)
    assert not Like.objects.filter(plan=plan).exists()


def test_many_likes_are_given_at_once_each_at_its_own_moment(plan: Plan) -> None:
    moments = moments_around_support(plan.edition)
    people = [factories.make_user(email=f"fan{i}@example.org") for i in range(3)]
    at = [moments["during"] + i * factories.PHASE_LENGTH / 10 for i in range(3)]

    like_plan_by_many(plan=plan, likes=[LikeInput(user=u, at=t) for u, t in zip(people, at, strict=True)])

    assert sorted(Like.objects.filter(plan=plan).values_list("user", "created_at")) == sorted(
        (u.pk, t) for u, t in zip(people, at, strict=True)
    )


def test_one_like_given_outside_the_support_phase_refuses_them_all(plan: Plan, resident: User) -> None:
    moments = moments_around_support(plan.edition)
    fan = factories.make_user(email="fan@example.org")

    refused(
        lambda: like_plan_by_many(
            plan=plan,
            likes=[LikeInput(user=fan, at=moments["during"]), LikeInput(user=resident, at=moments["after"])],
        ),
        "not_in_support_phase",
        error=PlanError,
        unchanged=lambda: Like.objects.count(),
    )


@pytest.mark.parametrize("who", ["initiator", "twice", "earlier"])
def test_many_likes_refuse_the_own_plan_and_a_second_like_and_change_nothing(
    plan: Plan, resident: User, who: str
) -> None:
    if who == "earlier":
        like_plan(plan=plan, user=resident)
    people = {"initiator": [resident, plan.initiator], "twice": [resident, resident], "earlier": [resident]}
    code = "cannot_like_own_plan" if who == "initiator" else "already_liked"

    refused(
        lambda: like_plan_by_many(plan=plan, likes=[LikeInput(user=u) for u in people[who]]),
        code,
        error=PlanError,
        unchanged=lambda: list(Like.objects.values_list("plan", "user")),
    )


def test_a_like_given_at_a_moment_is_judged_and_dated_at_that_moment(plan: Plan, resident: User) -> None:
    moments = moments_around_support(plan.edition)

    refused(
        lambda: like_plan(plan=plan, user=resident, at=moments["before"]),
        "not_in_support_phase",
        error=PlanError,
    )
    like = like_plan(plan=plan, user=resident, at=moments["during"])

    assert like.created_at == moments["during"]
