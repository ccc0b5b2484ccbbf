"""The plan state machine: every transition it allows works, every other one is refused, whoever calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.utils import translation

from editions.models import Edition
from notifications.models import Notification, NotificationKind
from proposals.errors import PlanError
from proposals.models import CoInitiator, CoInitiatorStatus, Plan, PlanStatus
from proposals.status import TRANSITIONS, change_status, check_transition, initiators_of
from tests import factories
from tests.refusals import refused

ALLOWED = [(current, target) for current, targets in TRANSITIONS.items() for target in sorted(targets)]
REFUSED = [
    (current, target) for current in PlanStatus for target in PlanStatus if target not in TRANSITIONS[current]
]


def test_every_status_is_in_the_machine() -> None:
    assert set(TRANSITIONS) == set(PlanStatus)


def test_final_statuses_lead_nowhere() -> None:
    for final in (PlanStatus.COMPLETED, PlanStatus.CANCELLED, PlanStatus.WITHDRAWN, PlanStatus.NOT_FEASIBLE):
        assert TRANSITIONS[final] == frozenset()


def test_every_status_but_draft_can_be_reached() -> None:
    reached = {target for targets in TRANSITIONS.values() for target in targets}
    assert reached == set(PlanStatus) - {PlanStatus.DRAFT}


@pytest.mark.parametrize(("current", "target"), ALLOWED, ids=lambda s: str(s))
def test_allowed_transition_changes_the_status(
    current: PlanStatus, target: PlanStatus, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, status=current)
    change_status(plan=plan, to=target, by=None)
    plan.refresh_from_db()
    assert plan.status == target
    assert plan.submitted_at is not None


@pytest.mark.parametrize(("current", "target"), REFUSED, ids=lambda s: str(s))
def test_illegal_transition_is_refused_and_changes_nothing(
    current: PlanStatus, target: PlanStatus, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, status=current)
    refused(lambda: change_status(plan=plan, to=target, by=None), "illegal_transition", error=PlanError)
    plan.refresh_from_db()
    assert plan.status == current
    assert not Notification.objects.exists()


def test_refusal_names_both_statuses_in_the_active_language() -> None:
    with translation.override("en"):
        error = refused(
            lambda: check_transition(PlanStatus.NOT_FEASIBLE, PlanStatus.SELECTED), error=PlanError
        )
        assert error.message == "A plan that is “Not feasible” cannot become “Selected”."


def test_a_stale_plan_object_cannot_overwrite_a_concurrent_change(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.SUBMITTED)
    stale = Plan.objects.get(pk=plan.pk)
    change_status(plan=plan, to=PlanStatus.WITHDRAWN, by=None)
    refused(
        lambda: change_status(plan=stale, to=PlanStatus.IN_REVIEW, by=None), "status_changed", error=PlanError
    )
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.WITHDRAWN


def test_submitting_a_draft_sets_its_submission_time(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    assert plan.submitted_at is None
    change_status(plan=plan, to=PlanStatus.SUBMITTED, by=plan.initiator)
    plan.refresh_from_db()
    assert plan.submitted_at is not None


@pytest.mark.django_db(transaction=False)
def test_initiators_are_told_of_a_status_change_after_commit(
    edition: Edition, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.SUBMITTED)
    co = factories.make_user(language="en")
    CoInitiator.objects.create(
        plan=plan,
        email=co.email,
        user=co,
        invited_by=plan.initiator,
        status=CoInitiatorStatus.ACCEPTED,
        answered_at=plan.submitted_at,
    )
    reviewer = factories.make_user()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        change_status(plan=plan, to=PlanStatus.IN_REVIEW, by=reviewer)
        assert mail.outbox == []  # nothing is mailed before the transaction commits
    for callback in callbacks:
        callback()
    notified = Notification.objects.filter(kind=NotificationKind.STATUS_CHANGED)
    assert {n.recipient for n in notified} == {plan.initiator, co}
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {plan.initiator.email, co.email}
    # Each in the recipient's own language.
    assert "In review" in by_address[co.email].subject
    assert "Wordt gecontroleerd" in by_address[plan.initiator.email].subject


def test_the_person_who_changed_the_status_is_not_notified(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.SUBMITTED)
    change_status(plan=plan, to=PlanStatus.WITHDRAWN, by=plan.initiator)
    assert not Notification.objects.filter(recipient=plan.initiator).exists()


def test_declined_and_open_invitations_are_not_initiators(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition)
    declined = factories.make_user()
    CoInitiator.objects.create(
        plan=plan,
        email=declined.email,
        user=declined,
        invited_by=plan.initiator,
        status=CoInitiatorStatus.DECLINED,
        answered_at=plan.submitted_at,
    )
    CoInitiator.objects.create(plan=plan, email="open@example.org", invited_by=plan.initiator)
    assert initiators_of(plan) == [plan.initiator]
