"""Fixtures for the review tests: an edition in its review phase, its staff, plans and a clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories


@pytest.fixture
def review_edition(district: District) -> Edition:
    """An edition halfway through its review phase (five days left), two themes, no like threshold."""
    edition = factories.make_edition_in_phase("review", district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    factories.make_theme(edition=edition, name="Sport")
    return edition


@pytest.fixture
def reviewer(district: District) -> User:
    return factories.make_staff(role=Role.REVIEWER, district=district, display_name="Rik Toetser")


@pytest.fixture
def committee_member(district: District) -> User:
    return factories.make_staff(role=Role.COMMITTEE, district=district, display_name="Cor Commissie")


@pytest.fixture
def initiator(db: None) -> User:
    return factories.make_user(email="ilse@example.org", display_name="Ilse")


@pytest.fixture
def plan(review_edition: Edition, initiator: User) -> Plan:
    """A submitted plan of € 12.500 (two cost lines)."""
    return factories.make_plan(
        edition=review_edition, title="Moestuin Sloterplas", initiator=initiator, costs=[1_000_000, 250_000]
    )


@pytest.fixture
def after_review(review_edition: Edition) -> datetime:
    """A moment just after the review phase ends (the default publication date)."""
    return factories.phase_of(review_edition, "review").ends_at + timedelta(minutes=1)


def logged_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client
