"""The postcode table's reads and its writer: areas of a postcode, the streets of a district."""

from __future__ import annotations

import pytest

from places.models import District, PostcodeArea
from places.postcodes.format import normalise_postcode
from places.postcodes.selectors import areas_of, streets_of
from places.postcodes.services import PostcodeLine, replace_postcode_table
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("typed", "normalised"), [("1061ab", "1061 AB"), (" 1061  AB ", "1061 AB")])
def test_a_postcode_is_written_one_way(typed: str, normalised: str) -> None:
    assert normalise_postcode(typed) == normalised


@pytest.mark.parametrize("typed", ["", "0161 AB", "1061 SS", "1061 A", "10611 AB", "1061-AB"])
def test_what_is_not_a_dutch_postcode_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        normalise_postcode(typed)


def test_streets_come_once_each_and_per_neighbourhood(district: District) -> None:
    osdorp = factories.make_neighbourhood(district=district, name="Osdorp")
    west = factories.make_neighbourhood(district=district, name="Slotervaart")
    replace_postcode_table(
        district=district,
        lines=[
            PostcodeLine(
                postcode="1068 AC",
                neighbourhood=osdorp,
                street="Pieter Calandlaan",
                first_number=1,
                last_number=49,
            ),
            PostcodeLine(
                postcode="1068 AD",
                neighbourhood=osdorp,
                street="Pieter Calandlaan",
                first_number=50,
                last_number=99,
            ),
            PostcodeLine(postcode="1068 AE", neighbourhood=osdorp, street="Baden Powellweg"),
            PostcodeLine(postcode="1064 AA", neighbourhood=west, street="Johan Huizingalaan"),
            PostcodeLine(postcode="1064 AB", neighbourhood=west),
        ],
    )
    assert streets_of(district_id=district.pk) == [
        "Baden Powellweg",
        "Johan Huizingalaan",
        "Pieter Calandlaan",
    ]
    assert streets_of(district_id=district.pk, neighbourhood_id=west.pk) == ["Johan Huizingalaan"]
    assert [
        a.postcode for a in areas_of(municipality_slug=district.municipality.slug, postcode="1068 AC")
    ] == ["1068 AC"]


def test_a_neighbourhood_of_another_district_is_refused_and_nothing_changes(
    district: District, other_district: District
) -> None:
    elsewhere = factories.make_neighbourhood(district=other_district)
    with pytest.raises(ValueError):
        replace_postcode_table(
            district=district, lines=[PostcodeLine(postcode="1068 AB", neighbourhood=elsewhere)]
        )
    assert not PostcodeArea.objects.exists()
