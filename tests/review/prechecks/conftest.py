"""Fixtures for the pre-check tests: a draft in an edition in its plans phase, its district's staff."""

from __future__ import annotations

import pytest

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan, PlanStatus
from review.models import CheckOutcome
from review.prechecks.services import NoteAnswer
from review.services import ensure_criteria
from tests import factories


@pytest.fixture
def draft(edition: Edition, initiator: User) -> Plan:
    """A draft of € 12.500 in an edition now in its plans phase (five days left)."""
    return factories.make_plan(
        edition=edition,
        title="Moestuin Sloterplas",
        initiator=initiator,
        status=PlanStatus.DRAFT,
        costs=[1_000_000, 250_000],
    )


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, display_name="Olga Ambtenaar")


@pytest.fixture
def reviewer_elsewhere(other_district: District) -> User:
    return factories.make_staff(role=Role.REVIEWER, district=other_district, display_name="Zeno Elders")


def full_answer(edition: Edition, outcome: str = CheckOutcome.OK) -> dict[str, NoteAnswer]:
    """An answer on every criterion of the edition's checklist."""
    return {
        c.key: NoteAnswer(outcome=outcome, note=f"Advies over {c.key}.")
        for c in ensure_criteria(edition=edition)
    }
