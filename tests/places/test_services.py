"""Setting up places: idempotent by slug, neighbourhoods kept, bad input refused with nothing made."""

from __future__ import annotations

import pytest

from places.errors import PlaceError
from places.models import District, Municipality, Neighbourhood
from places.services import NeighbourhoodDetails, set_up_district, set_up_municipality
from tests.refusals import refused

pytestmark = pytest.mark.django_db

HOODS = (
    NeighbourhoodDetails(slug="slotermeer", name="Slotermeer", population=30_000),
    NeighbourhoodDetails(slug="geuzenveld", name="Geuzenveld", population=20_000),
)


def _counts() -> tuple[int, int, int]:
    return Municipality.objects.count(), District.objects.count(), Neighbourhood.objects.count()


def test_a_district_is_set_up_with_its_neighbourhoods() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    district = set_up_district(
        municipality=amsterdam,
        slug="nieuw-west",
        name="Nieuw-West",
        description="West.",
        neighbourhoods=HOODS,
    )
    assert (district.name, district.description, district.municipality) == ("Nieuw-West", "West.", amsterdam)
    assert sorted(district.neighbourhoods.values_list("slug", "name", "population")) == [
        ("geuzenveld", "Geuzenveld", 20_000),
        ("slotermeer", "Slotermeer", 30_000),
    ]


def test_setting_up_the_same_places_twice_neither_fails_nor_duplicates() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    first = set_up_district(municipality=amsterdam, slug="noord", name="Noord", neighbourhoods=HOODS)
    hoods = sorted(first.neighbourhoods.values_list("pk", flat=True))
    again = set_up_municipality(slug="amsterdam", name="Amsterdam")
    second = set_up_district(municipality=again, slug="noord", name="Noord", neighbourhoods=HOODS)
    assert (again.pk, second.pk) == (amsterdam.pk, first.pk)
    assert sorted(second.neighbourhoods.values_list("pk", flat=True)) == hoods
    assert _counts() == (1, 1, 2)


def test_a_second_set_up_renames_and_updates_but_keeps_neighbourhoods_it_does_not_name() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    set_up_district(municipality=amsterdam, slug="noord", name="Noord", neighbourhoods=HOODS)
    district = set_up_district(
        municipality=amsterdam,
        slug="noord",
        name="Amsterdam-Noord",
        neighbourhoods=[NeighbourhoodDetails(slug="slotermeer", name="Slotermeer", population=31_000)],
    )
    assert district.name == "Amsterdam-Noord"
    assert sorted(district.neighbourhoods.values_list("slug", "population")) == [
        ("geuzenveld", 20_000),
        ("slotermeer", 31_000),
    ]


def test_a_municipality_set_up_again_takes_the_new_name() -> None:
    set_up_municipality(slug="amsterdam", name="Amsterdam")
    assert set_up_municipality(slug="amsterdam", name="Gemeente Amsterdam").name == "Gemeente Amsterdam"
    assert Municipality.objects.count() == 1


def test_a_bad_slug_is_refused_and_nothing_is_made() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    refused(
        lambda: set_up_district(municipality=amsterdam, slug="Nieuw West!", name="Nieuw-West"),
        "bad_slug",
        error=PlaceError,
        unchanged=_counts,
    )


def test_a_neighbourhood_listed_twice_is_refused_and_nothing_is_made() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    error = refused(
        lambda: set_up_district(
            municipality=amsterdam, slug="noord", name="Noord", neighbourhoods=[*HOODS, HOODS[0]]
        ),
        "duplicate_neighbourhood",
        error=PlaceError,
        unchanged=_counts,
    )
    assert error.params == {"slug": "slotermeer"}


def test_a_place_without_a_name_or_with_a_negative_population_is_refused() -> None:
    amsterdam = set_up_municipality(slug="amsterdam", name="Amsterdam")
    refused(lambda: set_up_municipality(slug="utrecht", name="  "), "name_required", unchanged=_counts)
    refused(
        lambda: set_up_district(
            municipality=amsterdam,
            slug="noord",
            name="Noord",
            neighbourhoods=[NeighbourhoodDetails(slug="buiksloot", name="Buiksloot", population=-1)],
        ),
        "bad_population",
        unchanged=_counts,
    )
