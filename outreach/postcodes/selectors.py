"""Finding a resident's neighbourhood by postcode: the postcode table first, else the address lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from outreach.models import Address
from places.models import District, Neighbourhood
from places.postcodes.format import normalise_postcode
from places.postcodes.selectors import areas_of

from .errors import PostcodeError


@dataclass(frozen=True)
class Found:
    postcode: str
    neighbourhood: Neighbourhood
    district: District


def find_neighbourhood(*, municipality_slug: str, postcode: str, house_number: int | None = None) -> Found:
    """The neighbourhood of ``postcode`` (and ``house_number`` where the postcode is split), or PostcodeError.

    The district's postcode table answers when it has the postcode; else the voting address lists of
    the municipality's editions do (their lines carry a postcode and a neighbourhood).
    """
    try:
        normalised = normalise_postcode(postcode)
    except ValueError:
        raise PostcodeError("bad_postcode", value=postcode.strip()[:20]) from None
    areas = areas_of(municipality_slug=municipality_slug, postcode=normalised)
    if areas:
        matching = [a for a in areas if house_number is None or a.holds(house_number)]
        neighbourhoods = {a.neighbourhood_id: a.neighbourhood for a in matching}
    else:
        neighbourhoods = _from_address_lists(municipality_slug, normalised, house_number)
    if not neighbourhoods:
        if house_number is not None and (areas or _on_address_lists(municipality_slug, normalised)):
            raise PostcodeError("unknown_number", number=house_number, postcode=normalised)
        raise PostcodeError("unknown_postcode", postcode=normalised)
    if len(neighbourhoods) > 1:
        raise PostcodeError("needs_number", postcode=normalised)
    neighbourhood = next(iter(neighbourhoods.values()))
    return Found(postcode=normalised, neighbourhood=neighbourhood, district=neighbourhood.district)


def _address_lines(municipality_slug: str, postcode: str) -> list[Address]:
    return list(
        Address.objects.filter(
            edition__district__municipality__slug=municipality_slug, postcode=postcode
        ).select_related("neighbourhood__district")
    )


def _on_address_lists(municipality_slug: str, postcode: str) -> bool:
    return Address.objects.filter(
        edition__district__municipality__slug=municipality_slug, postcode=postcode
    ).exists()


def _from_address_lists(
    municipality_slug: str, postcode: str, house_number: int | None
) -> dict[int, Neighbourhood]:
    lines = _address_lines(municipality_slug, postcode)
    if house_number is not None:
        number = re.compile(rf"(?<!\d){house_number}(?!\d)")
        lines = [line for line in lines if number.search(line.street_address)]
    return {line.neighbourhood_id: line.neighbourhood for line in lines}
