"""The demo's postcodes: every pilot district's residents find their neighbourhood by postcode."""

from __future__ import annotations

import re

import pytest

from outreach.models import Address
from outreach.postcodes.errors import PostcodeError
from outreach.postcodes.selectors import find_neighbourhood

pytestmark = pytest.mark.django_db


def test_a_postcode_from_the_table_and_one_from_a_vote_address_list_find_their_neighbourhood(
    demo: None,
) -> None:
    osdorp = find_neighbourhood(municipality_slug="amsterdam", postcode="1068 AC", house_number=12)
    assert (osdorp.district.name, osdorp.neighbourhood.name) == ("Nieuw-West", "Osdorp-Oost")
    noord = find_neighbourhood(municipality_slug="amsterdam", postcode="1031aa")
    assert noord.district.name == "Noord"
    address = Address.objects.filter(edition__district__slug="zuidoost").first()
    assert address is not None
    zuidoost = find_neighbourhood(
        municipality_slug="amsterdam", postcode=address.postcode, house_number=_number(address.street_address)
    )
    assert zuidoost.district.name == "Zuidoost"


def test_the_split_osdorp_postcode_asks_for_the_house_number(demo: None) -> None:
    with pytest.raises(PostcodeError) as asked:
        find_neighbourhood(municipality_slug="amsterdam", postcode="1068 AC")
    assert asked.value.code == "needs_number"


def _number(street_address: str) -> int:
    """The house number of "Hoogoorddreef 1-2" (number 1, second floor)."""
    found = re.match(r"\d+", street_address.split()[-1])
    assert found is not None
    return int(found.group())
