"""Invitations go out once per person and survey; ``manage.py invite_surveys`` runs them."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from evaluation.models import SurveyInvitation, SurveyKind
from evaluation.surveys.services import invite_surveys
from notifications.models import Notification, NotificationKind
from tests.execution.factories import owner_of

from .conftest import World, complete


def test_initiators_and_officials_are_invited_once(world: World) -> None:
    complete(world.projects[0])
    first = invite_surveys(edition=world.edition)
    assert first[SurveyKind.INITIATOR_COMPLETION] == 1
    assert first[SurveyKind.OFFICIAL] >= 1
    invitation = Notification.objects.get(
        recipient=owner_of(world.projects[0]), kind=NotificationKind.SURVEY_INVITATION
    )
    assert f"/project/{world.projects[0].pk}/" in invitation.url
    assert sum(invite_surveys(edition=world.edition).values()) == 0
    out = StringIO()
    call_command("invite_surveys", edition=world.edition.slug, stdout=out)
    assert "Invitations sent: 0" in out.getvalue()
    assert SurveyInvitation.objects.count() == sum(first.values())


def test_a_closed_survey_invites_nobody(world: World) -> None:
    complete(world.projects[0])
    world.survey(SurveyKind.INITIATOR_COMPLETION).__class__.objects.filter(edition=world.edition).update(
        is_open=False
    )
    assert sum(invite_surveys().values()) == 0
