"""A district with two neighbourhoods and its official, for the population tests."""

from __future__ import annotations

import pytest

from accounts.models import Role, User
from places.models import District, Neighbourhood
from tests import factories


@pytest.fixture
def slotermeer(district: District) -> Neighbourhood:
    return factories.make_neighbourhood(district=district, name="Slotermeer")


@pytest.fixture
def osdorp(district: District) -> Neighbourhood:
    return factories.make_neighbourhood(district=district, name="Osdorp")


@pytest.fixture
def official(district: District, slotermeer: Neighbourhood, osdorp: Neighbourhood) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district)
