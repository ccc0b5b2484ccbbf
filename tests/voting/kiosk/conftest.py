"""Fixtures of the kiosk's tests: a running vote in the people's district, and a kiosk device."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import Role
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories
from tests.conftest import People
from tests.voting.views.staff import client_for, url


@pytest.fixture
def vote(district: District) -> tuple[Edition, list[Plan]]:
    return factories.make_vote(district=district, ballot_max_choices=2)


@pytest.fixture
def kiosk(vote: tuple[Edition, list[Plan]], people: People) -> Client:
    """A device switched into kiosk mode for the vote by an official of its district."""
    device = client_for(people.staff[Role.OFFICIAL])
    response = device.post(url("kiosk_on", vote[0]))
    assert response.status_code == 302
    return device
