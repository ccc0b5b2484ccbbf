"""Every refusal of the agreement services names its reason and changes nothing, from either side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from common.errors import ServiceError
from execution.agreements.errors import AgreementError
from execution.agreements.services import confirm_agreement, propose_agreement, withdraw_agreement
from execution.agreements.terms import MilestoneTerm, PaymentTerm
from execution.errors import ExecutionError
from execution.ledger.lines import move_money
from execution.models import Agreement, Milestone, PaymentKind, ProjectLine, ProjectStatus
from notifications.models import Notification
from tests.refusals import refused

from .conftest import Setting

pytestmark = pytest.mark.django_db
SIDES = ["owner", "official"]


def state() -> tuple[object, ...]:
    """What a refused call must leave alone."""
    return (
        list(Agreement.objects.values_list("number", "in_force_at", "withdrawn_at", "superseded_at")),
        list(Milestone.objects.values_list("key", "dropped_at")),
        list(ProjectLine.objects.values_list("committed_cents")),
        Notification.objects.count(),
    )


def propose(
    setting: Setting,
    by: str,
    milestones: list[MilestoneTerm] | None = None,
    payments: list[PaymentTerm] | None = None,
    **extra: Any,
) -> Callable[[], object]:
    return lambda: propose_agreement(
        project=setting.project,
        by=getattr(setting, by),
        milestones=setting.milestones() if milestones is None else milestones,
        payments=setting.payments() if payments is None else payments,
        **extra,
    )


@pytest.mark.parametrize("by", SIDES)
def test_a_milestone_before_the_decision_is_refused(setting: Setting, by: str) -> None:
    early = replace(
        setting.milestones()[0], planned_on=timezone.localdate(setting.project.opened_at) - timedelta(days=1)
    )
    error: ServiceError = refused(
        propose(setting, by, milestones=[early]), "milestone_before_decision", unchanged=state
    )
    assert "1" in error.message


@pytest.mark.parametrize("by", SIDES)
def test_payments_over_a_lines_award_less_what_returned_are_refused(setting: Setting, by: str) -> None:
    line = setting.lines[0]
    move_money(line=line, returned_cents=1)  # 25.000 awarded, 0,01 returned: 25.000 no longer fits
    error: ServiceError = refused(propose(setting, by), "over_award", error=AgreementError, unchanged=state)
    assert line.description in error.message


@pytest.mark.parametrize("by", SIDES)
def test_an_instalment_without_a_milestone_is_refused(setting: Setting, by: str) -> None:
    payments = [PaymentTerm(kind=PaymentKind.INSTALMENT, line_id=setting.lines[0].pk, amount_cents=100)]
    refused(propose(setting, by, payments=payments), "instalment_without_milestone", unchanged=state)


@pytest.mark.parametrize("by", SIDES)
def test_a_milestone_without_a_title_is_refused(setting: Setting, by: str) -> None:
    blank = replace(setting.milestones()[0], title="  ")
    refused(propose(setting, by, milestones=[blank]), "milestone_without_title", unchanged=state)


@pytest.mark.parametrize("amount", [0, -100])
def test_a_payment_of_nothing_or_less_is_refused(setting: Setting, amount: int) -> None:
    payments = [PaymentTerm(kind=PaymentKind.ADVANCE, line_id=setting.lines[0].pk, amount_cents=amount)]
    refused(propose(setting, "owner", payments=payments), "payment_not_positive", unchanged=state)


def test_negative_money_on_a_milestone_is_refused(setting: Setting) -> None:
    negative = replace(setting.milestones()[0], amount_cents=-1)
    refused(propose(setting, "official", milestones=[negative]), "milestone_amount_negative", unchanged=state)


def test_an_agreement_without_milestones_or_with_another_projects_line_is_refused(setting: Setting) -> None:
    refused(propose(setting, "owner", milestones=[]), "no_milestones", unchanged=state)
    stranger = ProjectLine.objects.exclude(project=setting.project).first()
    assert stranger is not None
    payments = [PaymentTerm(kind=PaymentKind.ADVANCE, line_id=stranger.pk, amount_cents=100)]
    refused(propose(setting, "owner", payments=payments), "unknown_line", unchanged=state)


@pytest.mark.parametrize("status", [ProjectStatus.COMPLETED, ProjectStatus.STOPPED])
@pytest.mark.parametrize("by", SIDES)
def test_a_completed_or_stopped_project_is_refused(setting: Setting, by: str, status: ProjectStatus) -> None:
    project = setting.project
    project.status = status
    project.completed_at = project.stopped_at = timezone.now()
    project.stop_reason = "Gestopt."
    project.save()
    refused(propose(setting, by), "project_closed", unchanged=state)


@pytest.mark.parametrize("outsider", ["resident", "other_official"])
def test_a_resident_or_another_districts_official_is_refused_each_step(
    setting: Setting, outsider: str
) -> None:
    refused(propose(setting, outsider), "not_district", error=ExecutionError, unchanged=state)
    proposed = propose(setting, "owner")()
    assert isinstance(proposed, Agreement)
    who = getattr(setting, outsider)
    refused(lambda: confirm_agreement(agreement=proposed, by=who), "not_district", unchanged=state)
    refused(lambda: withdraw_agreement(agreement=proposed, by=who), "not_district", unchanged=state)


@pytest.mark.parametrize("shift", [timedelta(days=-400), timedelta(days=400)])
@pytest.mark.parametrize("by", SIDES)
def test_before_and_after_the_execution_phases_both_sides_are_refused(
    setting: Setting, by: str, shift: timedelta, freeze_time: Callable[[datetime], None]
) -> None:
    freeze_time(timezone.now() + shift)
    refused(propose(setting, by), "not_allowed", unchanged=state)


@pytest.mark.parametrize(("proposer", "other"), [("owner", "official"), ("official", "owner")])
def test_one_version_waits_at_a_time_and_only_the_other_side_confirms(
    setting: Setting, proposer: str, other: str
) -> None:
    proposed = propose(setting, proposer)()
    assert isinstance(proposed, Agreement)
    refused(propose(setting, other, change_reason="Anders"), "pending_exists", unchanged=state)
    mine = getattr(setting, proposer)
    refused(lambda: confirm_agreement(agreement=proposed, by=mine), "already_confirmed", unchanged=state)
    theirs = getattr(setting, other)
    refused(lambda: withdraw_agreement(agreement=proposed, by=theirs), "not_proposer", unchanged=state)
    withdraw_agreement(agreement=proposed, by=mine)
    refused(lambda: confirm_agreement(agreement=proposed, by=theirs), "not_pending", unchanged=state)


@pytest.mark.parametrize(("proposer", "other"), [("owner", "official"), ("official", "owner")])
def test_a_change_needs_its_reason_and_its_acceptance_a_public_reason(
    setting: Setting, proposer: str, other: str
) -> None:
    first = propose(setting, other)()
    assert isinstance(first, Agreement)
    confirm_agreement(agreement=first, by=getattr(setting, proposer))
    refused(propose(setting, proposer), "reason_required", unchanged=state)
    change = propose(setting, proposer, change_reason="Later klaar")()
    assert isinstance(change, Agreement)
    theirs = getattr(setting, other)
    refused(
        lambda: confirm_agreement(agreement=change, by=theirs), "acceptance_reason_required", unchanged=state
    )


def test_a_kept_milestone_must_be_one_of_the_agreement_in_force(setting: Setting) -> None:
    refused(
        propose(setting, "owner", milestones=setting.milestones(key=7)),
        "unknown_kept_milestone",
        unchanged=state,
    )


def test_money_on_a_milestone_needs_its_line(setting: Setting) -> None:
    loose = replace(setting.milestones()[1], line_id=None)
    refused(propose(setting, "owner", milestones=[loose]), "milestone_money_without_line", unchanged=state)


def test_a_change_cannot_schedule_less_on_a_line_than_was_already_paid(setting: Setting) -> None:
    first = propose(setting, "owner")()
    assert isinstance(first, Agreement)
    confirm_agreement(agreement=first, by=setting.official)
    move_money(line=setting.lines[1], paid_cents=10_000_00)
    error: ServiceError = refused(
        propose(setting, "official", payments=setting.payments()[:1], change_reason="Minder"),
        "below_paid",
        unchanged=state,
    )
    assert "Planten" in error.message
