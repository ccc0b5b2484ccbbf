"""Shared set-up for the support and discussion tests: an edition now in its support phase."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from places.models import District
from proposals.models import CoInitiator, CoInitiatorStatus, Plan
from tests import factories

# The factories' default chain: information, plans, support, review, … ten days each.
SUPPORT_PHASE_INDEX = factories.ALL_PHASE_KINDS.index("support")


def edition_in_support_phase(district: District, **fields: Any) -> Edition:
    """An edition whose support phase runs now (five days in, five to go)."""
    start = timezone.now() - (SUPPORT_PHASE_INDEX + 0.5) * factories.PHASE_LENGTH
    edition = factories.make_edition(district=district, start=start, **fields)
    factories.make_theme(edition=edition, name="Groen")
    return edition


def moments_around_support(edition: Edition) -> dict[str, datetime]:
    """A moment before, during and after the edition's support phase."""
    phase = edition.phases.get(kind="support")
    return {
        "before": phase.starts_at - factories.PHASE_LENGTH / 2,
        "during": phase.starts_at + factories.PHASE_LENGTH / 2,
        "after": phase.ends_at + factories.PHASE_LENGTH / 2,
    }


def add_co_initiator(plan: Plan, user: User, *, status: str = CoInitiatorStatus.ACCEPTED) -> CoInitiator:
    answered = None if status == CoInitiatorStatus.INVITED else timezone.now()
    return CoInitiator.objects.create(
        plan=plan,
        email=user.email,
        user=None if status == CoInitiatorStatus.INVITED else user,
        invited_by=plan.initiator,
        status=status,
        answered_at=answered,
    )
