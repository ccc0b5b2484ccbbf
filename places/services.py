"""Setting up the geography: a municipality, and a district with its neighbourhoods, each by slug.

Staff edit places in the admin; commands and the demo set them up here. Setting up the same place
twice changes nothing the second time, so a set-up can be run again safely.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction

from common.translated import clean_translations

from .errors import PlaceError
from .models import District, Municipality, Neighbourhood


@dataclass(frozen=True)
class NeighbourhoodDetails:
    slug: str
    name: str
    population: int | None = None


def set_up_municipality(*, slug: str, name: str) -> Municipality:
    """Create the municipality with this slug, or give the existing one this name."""
    _check(slug=slug, name=name)
    municipality, _ = Municipality.objects.update_or_create(slug=slug, defaults={"name": name.strip()})
    return municipality


@transaction.atomic
def set_up_district(
    *,
    municipality: Municipality,
    slug: str,
    name: str,
    description: str = "",
    neighbourhoods: Sequence[NeighbourhoodDetails] = (),
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> District:
    """Create or update the municipality's district ``slug`` and each of ``neighbourhoods`` (by slug).

    ``translations``: the description in other languages (``{"en": {"description": "…"}}``).

    Neighbourhoods the district has but ``neighbourhoods`` does not name are kept: plans, addresses
    and sub-budgets may point at them.
    """
    _check(slug=slug, name=name)
    seen: set[str] = set()
    for neighbourhood in neighbourhoods:
        _check(slug=neighbourhood.slug, name=neighbourhood.name)
        if neighbourhood.population is not None and neighbourhood.population < 0:
            raise PlaceError("bad_population", slug=neighbourhood.slug)
        if neighbourhood.slug in seen:
            raise PlaceError("duplicate_neighbourhood", slug=neighbourhood.slug)
        seen.add(neighbourhood.slug)
    texts = clean_translations(District, translations)
    district, _ = District.objects.update_or_create(
        municipality=municipality,
        slug=slug,
        defaults={"name": name.strip(), "description": description, "translations": texts},
    )
    existing = {n.slug: n for n in district.neighbourhoods.all()}
    for details in neighbourhoods:
        wanted = {"name": details.name.strip(), "population": details.population}
        current = existing.get(details.slug)
        if current is None:
            Neighbourhood.objects.create(district=district, slug=details.slug, **wanted)
        elif any(getattr(current, field) != value for field, value in wanted.items()):
            Neighbourhood.objects.filter(pk=current.pk).update(**wanted)
    return district


def _check(*, slug: str, name: str) -> None:
    try:
        validate_slug(slug)
    except ValidationError:
        raise PlaceError("bad_slug", slug=slug) from None
    if not name.strip():
        raise PlaceError("name_required", slug=slug)
