"""Writing the postcode table: a district's whole table replaced at once, in one transaction.

This writer neither authorises nor audits: places sits below both. Officials import through
``outreach.postcodes.services.import_postcodes`` (which does both); the demo sets a table up here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from places.models import District, Neighbourhood

from .models import PostcodeArea


@dataclass(frozen=True)
class PostcodeLine:
    postcode: str  # normalised: "1061 AB" (places.postcodes.format.normalise_postcode)
    neighbourhood: Neighbourhood
    street: str = ""
    first_number: int | None = None
    last_number: int | None = None


@transaction.atomic
def replace_postcode_table(*, district: District, lines: Sequence[PostcodeLine]) -> int:
    """Make ``lines`` the district's postcode table (the old one goes); the number of lines kept.

    Every line's neighbourhood must belong to ``district``: a caller checks that first (ValueError).
    """
    if any(line.neighbourhood.district_id != district.pk for line in lines):
        raise ValueError("a neighbourhood of another district")
    PostcodeArea.objects.filter(district=district).delete()
    PostcodeArea.objects.bulk_create(
        (
            PostcodeArea(
                district=district,
                postcode=line.postcode,
                street=line.street,
                first_number=line.first_number,
                last_number=line.last_number,
                neighbourhood=line.neighbourhood,
            )
            for line in lines
        ),
        batch_size=1000,
    )
    return len(lines)
