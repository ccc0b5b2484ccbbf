"""Reading the postcode table: the areas of a postcode, and the streets a district's table knows."""

from __future__ import annotations

from places.models import District

from .models import PostcodeArea


def areas_of(*, municipality_slug: str, postcode: str) -> list[PostcodeArea]:
    """The table's lines for ``postcode`` (normalised, "1061 AB") in the municipality's districts."""
    return list(
        PostcodeArea.objects.filter(district__municipality__slug=municipality_slug, postcode=postcode)
        .select_related("district", "neighbourhood")
        .order_by("street", "first_number")
    )


def has_table(district: District) -> bool:
    return PostcodeArea.objects.filter(district=district).exists()


def streets_of(*, district_id: int, neighbourhood_id: int | None = None) -> list[str]:
    """The street names the district's table knows (in one neighbourhood, if given), A–Z, once each."""
    areas = PostcodeArea.objects.filter(district_id=district_id).exclude(street="")
    if neighbourhood_id is not None:
        areas = areas.filter(neighbourhood_id=neighbourhood_id)
    return list(areas.order_by("street").values_list("street", flat=True).distinct())
