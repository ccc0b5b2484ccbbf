"""Inviting co-initiators by a signed e-mail link, and answering: only with the invited address, once."""

from __future__ import annotations

import re

import pytest
from django.core import mail, signing
from django.utils import translation

from accounts.models import User
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from proposals.errors import PlanError
from proposals.models import CoInitiator, CoInitiatorStatus, PlanStatus
from proposals.services.co_initiators import (
    answer_invitation,
    invitation_for_token,
    invitation_token,
    invite_co_initiator,
)
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_an_invitation_mails_a_signed_link_to_someone_without_an_account(
    resident: User, edition: Edition, django_capture_on_commit_callbacks: object
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        invitation = invite_co_initiator(plan=plan, by=resident, email=" Buur@Example.org ")
    assert invitation.email == "buur@example.org" and invitation.status == CoInitiatorStatus.INVITED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["buur@example.org"]
    token = re.search(r"/plannen/uitnodiging/([^/\s]+)/", str(mail.outbox[0].body))
    assert token is not None
    assert invitation_for_token(token.group(1)) == invitation


def test_someone_with_an_account_is_notified_with_the_link(
    resident: User, edition: Edition, django_capture_on_commit_callbacks: object
) -> None:
    neighbour = factories.make_user(email="buur@example.org")
    plan = factories.make_plan(edition=edition, initiator=resident)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    notification = Notification.objects.get(recipient=neighbour)
    assert notification.kind == NotificationKind.CO_INITIATOR_INVITED
    assert "/plannen/uitnodiging/" in notification.url
    assert len(mail.outbox) == 1


def test_the_same_address_cannot_be_invited_twice(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    refused(
        lambda: invite_co_initiator(plan=plan, by=resident, email="BUUR@example.org"),
        "already_invited",
        error=PlanError,
    )
    assert CoInitiator.objects.count() == 1


def test_the_initiator_cannot_invite_themselves(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    refused(
        lambda: invite_co_initiator(plan=plan, by=resident, email=resident.email.upper()),
        "cannot_invite_self",
        error=PlanError,
    )


def test_a_stranger_cannot_invite(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    refused(
        lambda: invite_co_initiator(plan=plan, by=factories.make_user(), email="x@example.org"),
        "not_yours",
        error=PlanError,
    )


def test_no_invitations_once_the_plan_is_in_review(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.IN_REVIEW)
    refused(
        lambda: invite_co_initiator(plan=plan, by=resident, email="x@example.org"),
        "not_editable",
        error=PlanError,
    )


def test_accepting_makes_a_co_initiator_and_tells_the_initiator(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    neighbour = factories.make_user(email="buur@example.org", display_name="Buurvrouw")
    answer_invitation(invitation=invitation, user=neighbour, accept=True)
    invitation.refresh_from_db()
    assert invitation.status == CoInitiatorStatus.ACCEPTED and invitation.user == neighbour
    assert invitation.answered_at is not None
    told = Notification.objects.get(recipient=resident)
    assert told.kind == NotificationKind.CO_INITIATOR_ANSWERED
    assert told.params["answer"] == "accepted" and told.params["person"] == "Buurvrouw"


def test_declining_is_recorded_and_gives_no_rights(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    neighbour = factories.make_user(email="buur@example.org")
    answer_invitation(invitation=invitation, user=neighbour, accept=False)
    invitation.refresh_from_db()
    assert invitation.status == CoInitiatorStatus.DECLINED
    assert Notification.objects.get(recipient=resident).params["answer"] == "declined"


def test_only_the_invited_address_can_answer(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    refused(
        lambda: answer_invitation(invitation=invitation, user=factories.make_user(), accept=True),
        "invitation_not_for_you",
        error=PlanError,
    )
    invitation.refresh_from_db()
    assert invitation.status == CoInitiatorStatus.INVITED


def test_an_invitation_is_answered_once(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    neighbour = factories.make_user(email="buur@example.org")
    stale = CoInitiator.objects.get(pk=invitation.pk)
    answer_invitation(invitation=invitation, user=neighbour, accept=True)
    refused(
        lambda: answer_invitation(invitation=stale, user=neighbour, accept=False),
        "invitation_answered",
        error=PlanError,
    )
    invitation.refresh_from_db()
    assert invitation.status == CoInitiatorStatus.ACCEPTED


def test_a_forged_or_tampered_token_finds_nothing(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    invitation = invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    token = invitation_token(invitation)
    assert invitation_for_token(token[:-2] + "xx") is None
    assert invitation_for_token("nonsense") is None
    forged = signing.dumps({"i": invitation.pk, "e": "buur@example.org"}, salt="another-salt")
    assert invitation_for_token(forged) is None


def test_invitations_are_capped_per_inviting_person_per_hour_over_all_their_plans(
    resident: User, edition: Edition, settings: object, django_capture_on_commit_callbacks: object
) -> None:
    settings.CO_INITIATOR_INVITATIONS_PER_HOUR = 3  # type: ignore[attr-defined]
    plans = [
        factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT) for _ in range(2)
    ]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        for n in range(3):
            invite_co_initiator(plan=plans[n % 2], by=resident, email=f"buur{n}@example.org")
        error = refused(
            lambda: invite_co_initiator(plan=plans[1], by=resident, email="x@example.org"),
            "too_many_invitations",
            error=PlanError,
        )
    with translation.override("en"):
        assert "at most 3 invitations an hour" in error.message
    assert len(mail.outbox) == 3
    assert CoInitiator.objects.count() == 3
    other = factories.make_user()
    other_plan = factories.make_plan(edition=edition, initiator=other, status=PlanStatus.DRAFT)
    assert invite_co_initiator(plan=other_plan, by=other, email="x@example.org")


def test_a_refused_invitation_does_not_use_up_the_hourly_allowance(
    resident: User, edition: Edition, settings: object
) -> None:
    settings.CO_INITIATOR_INVITATIONS_PER_HOUR = 1  # type: ignore[attr-defined]
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)
    refused(
        lambda: invite_co_initiator(plan=plan, by=resident, email=resident.email),
        "cannot_invite_self",
        error=PlanError,
    )
    assert invite_co_initiator(plan=plan, by=resident, email="buur@example.org")


def test_an_account_with_an_unconfirmed_address_does_not_see_the_invitation_the_address_gets_it(
    resident: User, edition: Edition, django_capture_on_commit_callbacks: object
) -> None:
    squatter = factories.make_user(email="buur@example.org", email_verified_at=None)
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        invite_co_initiator(plan=plan, by=resident, email="buur@example.org")
    assert not Notification.objects.filter(recipient=squatter).exists()
    assert [m.to for m in mail.outbox] == [["buur@example.org"]]
