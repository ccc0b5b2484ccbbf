"""The agreement's life: proposed by one side, confirmed by the other, in force, changed with reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from functools import partial

import pytest

from accounts.models import Role
from accounts.roles import holds_role
from audit.models import AuditEntry
from execution.agreements.services import (
    confirm_agreement,
    decline_agreement,
    propose_agreement,
    withdraw_agreement,
)
from execution.models import Agreement, Milestone, ProjectLine, ScheduledPayment
from notifications.models import Notification, NotificationKind
from tests.refusals import refused

from .conftest import Setting

pytestmark = pytest.mark.django_db


def committed(setting: Setting) -> list[int]:
    return [ProjectLine.objects.get(pk=line.pk).committed_cents for line in setting.lines]


def in_force(setting: Setting) -> Agreement:
    proposed = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
        conditions="Bonnetjes bewaren.",
    )
    return confirm_agreement(agreement=proposed, by=setting.official)


def test_the_owners_propose_and_the_other_side_is_told(setting: Setting) -> None:
    proposed = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
        conditions="Bonnetjes bewaren.",
    )
    assert proposed.number == 1
    assert proposed.initiators_confirmed_by == setting.owner
    assert proposed.district_confirmed_at is None and proposed.in_force_at is None
    assert [m["key"] for m in proposed.terms["milestones"]] == [1, 2]
    assert proposed.terms["payments"][1]["milestone"] == 2
    told = {n.recipient for n in Notification.objects.filter(kind=NotificationKind.AGREEMENT_PROPOSED)}
    # No contact person yet: the district's officials, and not the proposer's side.
    assert setting.official in told and setting.owner not in told
    assert all(holds_role(u, setting.project.edition.district_id, {Role.OFFICIAL}) for u in told)
    assert committed(setting) == [0, 0]
    assert not Milestone.objects.exists()


def test_both_confirmed_brings_the_version_into_force_with_live_rows_and_committed_money(
    setting: Setting,
) -> None:
    agreement = in_force(setting)
    assert agreement.in_force_at is not None and agreement.district_confirmed_by == setting.official
    milestones = list(Milestone.objects.filter(project=setting.project).order_by("key"))
    assert [(m.key, m.title) for m in milestones] == [(1, "Bakken geplaatst"), (2, "Beplanting klaar")]
    payments = ScheduledPayment.objects.filter(project=setting.project, dropped_at__isnull=True)
    assert sorted(p.amount_cents for p in payments) == [5_000_00, 10_000_00, 20_000_00]
    assert payments.get(kind="instalment").milestone == milestones[1]
    assert committed(setting) == [25_000_00, 10_000_00]
    told = Notification.objects.filter(kind=NotificationKind.AGREEMENT_IN_FORCE)
    assert {setting.owner, setting.official} <= {n.recipient for n in told}
    assert AuditEntry.objects.filter(action="execution.agreement_confirmed", actor=setting.official).exists()


def test_a_change_with_reasons_supersedes_keeps_milestone_keys_and_moves_committed_money(
    setting: Setting,
) -> None:
    first = in_force(setting)
    reached = Milestone.objects.get(project=setting.project, key=1)
    reached.reached_at = first.in_force_at
    reached.save()
    kept = replace(setting.milestones(key=1)[0], planned_on=setting.today + timedelta(days=40))
    change = propose_agreement(
        project=setting.project,
        by=setting.official,
        milestones=[kept],
        payments=[setting.payments()[0]],
        change_reason="Beplanting vervalt: de gemeente plant zelf.",
    )
    assert Notification.objects.filter(
        kind=NotificationKind.AGREEMENT_PROPOSED, recipient=setting.owner
    ).exists()
    accepted = confirm_agreement(agreement=change, by=setting.owner, acceptance_reason="Prima zo.")
    first.refresh_from_db()
    assert first.superseded_at == accepted.in_force_at
    assert accepted.acceptance_reason == "Prima zo." and accepted.number == 2
    kept_row = Milestone.objects.get(project=setting.project, key=1)
    assert kept_row.reached_at is not None and kept_row.agreement == accepted
    assert kept_row.planned_on == setting.today + timedelta(days=40)
    assert Milestone.objects.get(project=setting.project, key=2).dropped_at == accepted.in_force_at
    assert committed(setting) == [20_000_00, 0]
    assert list(Agreement.objects.filter(project=setting.project).values_list("number", flat=True)) == [1, 2]


def test_the_proposer_withdraws_and_a_new_version_may_follow(setting: Setting) -> None:
    proposed = propose_agreement(
        project=setting.project, by=setting.official, milestones=setting.milestones(), payments=[]
    )
    withdrawn = withdraw_agreement(agreement=proposed, by=setting.official)
    assert withdrawn.withdrawn_at is not None
    again = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
        change_reason="Een kleiner voorschot.",
    )
    assert again.number == 2
    assert AuditEntry.objects.filter(action="execution.agreement_withdrawn").count() == 1


def test_with_a_contact_person_only_the_contact_hears_of_the_owners_proposal(setting: Setting) -> None:
    project = setting.project
    project.contact = setting.official
    project.save()
    proposed = propose_agreement(
        project=project, by=setting.owner, milestones=setting.milestones(), payments=setting.payments()
    )
    told = Notification.objects.filter(kind=NotificationKind.AGREEMENT_PROPOSED)
    assert [n.recipient for n in told] == [setting.official]
    confirm_agreement(agreement=proposed, by=setting.official)
    in_force = Notification.objects.filter(kind=NotificationKind.AGREEMENT_IN_FORCE)
    assert sorted(n.recipient_id for n in in_force) == sorted([setting.owner.pk, setting.official.pk])


def test_a_past_moment_dates_the_versions_and_the_milestones(setting: Setting) -> None:
    moment = setting.project.opened_at + timedelta(hours=2)
    proposed = propose_agreement(
        project=setting.project, by=setting.owner, milestones=setting.milestones(), payments=[], at=moment
    )
    agreement = confirm_agreement(agreement=proposed, by=setting.official, at=moment + timedelta(hours=1))
    assert proposed.proposed_at == moment
    assert agreement.in_force_at == moment + timedelta(hours=1)
    assert Notification.objects.filter(kind=NotificationKind.AGREEMENT_IN_FORCE).first().created_at == (  # type: ignore[union-attr]
        moment + timedelta(hours=1)
    )


def _propose(setting: Setting, change_reason: str = "") -> Agreement:
    return propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
        change_reason=change_reason,
    )


def test_the_other_side_declines_a_version_with_a_reason_and_the_proposer_may_propose_again(
    setting: Setting,
) -> None:
    proposed = _propose(setting)
    declined = decline_agreement(agreement=proposed, by=setting.official, reason="Het voorschot is te hoog.")
    assert declined.withdrawn_at is not None and declined.declined_by == setting.official
    assert declined.in_force_at is None and committed(setting) == [0, 0]
    told = Notification.objects.get(kind=NotificationKind.AGREEMENT_DECLINED)
    assert told.recipient == setting.owner and told.params["excerpt"] == "Het voorschot is te hoog."
    assert AuditEntry.objects.filter(action="execution.agreement_declined").count() == 1
    again = _propose(setting, change_reason="Een kleiner voorschot.")
    assert again.number == 2 and again.withdrawn_at is None


def test_the_proposer_cannot_decline_its_own_version_and_a_reason_is_required(setting: Setting) -> None:
    proposed = _propose(setting)
    refused(
        partial(decline_agreement, agreement=proposed, by=setting.owner, reason="Toch niet"), "own_proposal"
    )
    refused(
        partial(decline_agreement, agreement=proposed, by=setting.official, reason="  "),
        "decline_reason_required",
    )
    proposed.refresh_from_db()
    assert proposed.withdrawn_at is None and proposed.declined_by is None
