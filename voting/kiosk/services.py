"""Switching a device into kiosk mode and out of it: an official of the district, audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action
from editions.timeline import timeline_of

from .errors import KioskError
from .mode import Kiosk

# The officials who enter paper ballots are the ones who help residents vote in person.
ACTION = Action.ENTER_PAPER_BALLOT


@dataclass(frozen=True)
class KioskStarted:
    kiosk: Kiosk
    seconds_left: int  # until the vote closes: the kiosk cookie lasts no longer


def start_kiosk(*, edition: Edition, by: User) -> KioskStarted:
    """Make a device the voting kiosk of ``edition``; only while its vote is open."""
    if not holds_action_roles(by, ACTION, edition):
        raise KioskError("not_an_official")
    if not can(by, ACTION, edition):
        raise KioskError("vote_not_open")
    vote = timeline_of(edition).entry_opening(Action.VOTE)
    now = timezone.now()
    seconds_left = int((vote.phase.ends_at - now).total_seconds()) if vote else 0
    with transaction.atomic():
        record(actor=by, action="voting.kiosk_started", target=edition, edition=edition)
    return KioskStarted(kiosk=Kiosk(edition_pk=edition.pk, slug=edition.slug), seconds_left=seconds_left)


def stop_kiosk(*, edition: Edition, kiosk: Kiosk | None, by: User) -> None:
    """Make the kiosk of ``edition`` an ordinary device again; in any phase."""
    if not holds_action_roles(by, ACTION, edition):
        raise KioskError("not_an_official")
    if kiosk is None or kiosk.edition_pk != edition.pk:
        raise KioskError("not_this_kiosk")
    with transaction.atomic():
        record(actor=by, action="voting.kiosk_stopped", target=edition, edition=edition)
