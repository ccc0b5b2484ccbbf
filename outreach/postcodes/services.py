"""Importing a district's postcode table from a CSV file: all or nothing, the bad line named, audited."""

from __future__ import annotations

from typing import IO

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.services import record
from editions.permissions import may_in_district
from editions.phases import Action
from places.models import District, Neighbourhood
from places.postcodes.format import normalise_postcode
from places.postcodes.services import PostcodeLine, replace_postcode_table

from ..csv_import import Row, bad_row, read_csv
from ..errors import CsvImportError
from .errors import PostcodeError

MAX_LINES = 100_000
COLUMNS: dict[str, tuple[str, ...]] = {
    "postcode": ("postcode", "postal code", "zip"),
    "neighbourhood": ("neighbourhood", "neighborhood", "buurt", "wijk"),
}
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "street": ("street", "straat", "straatnaam"),
    "first_number": ("from", "first number", "huisnummer van", "van"),
    "last_number": ("to", "last number", "huisnummer tot en met", "tot en met", "t/m"),
}


def import_postcodes(*, district: District, file: IO[bytes] | bytes, by: User) -> int:
    """Replace the district's postcode table with the file's lines, or change nothing (CsvImportError).

    Columns: postcode and neighbourhood; a postcode split over neighbourhoods adds street and/or a
    house-number range (from, to). Returns the number of lines imported.
    """
    if not may_in_district(by, Action.MANAGE_EDITION, district.pk):
        raise PostcodeError("not_an_official", district=district.name)
    rows = read_csv(file, COLUMNS, optional=OPTIONAL_COLUMNS)
    if len(rows) > MAX_LINES:
        raise CsvImportError("too_many_rows", count=len(rows), limit=MAX_LINES)
    known = _neighbourhoods(district)
    lines = [_line(row, number, known, district) for number, row in rows]
    with transaction.atomic():
        before = district.postcode_areas.count()
        count = replace_postcode_table(district=district, lines=lines)
        record(
            actor=by,
            action="places.postcodes_imported",
            target=district,
            edition=None,
            before={"lines": before},
            after={"lines": count},
        )
    return count


def _neighbourhoods(district: District) -> dict[str, Neighbourhood]:
    found: dict[str, Neighbourhood] = {}
    for neighbourhood in district.neighbourhoods.all():
        found[neighbourhood.slug.casefold()] = neighbourhood
        found[" ".join(neighbourhood.name.casefold().split())] = neighbourhood
    return found


def _line(row: Row, number: int, known: dict[str, Neighbourhood], district: District) -> PostcodeLine:
    try:
        postcode = normalise_postcode(row["postcode"])
    except ValueError:
        raise bad_row(
            number, _("“%(value)s” is not a Dutch postcode (like 1061 AB)."), value=row["postcode"]
        ) from None
    neighbourhood = known.get(" ".join(row["neighbourhood"].casefold().split()))
    if neighbourhood is None:
        raise bad_row(
            number,
            _("the neighbourhood “%(value)s” is not a neighbourhood of %(district)s."),
            value=row["neighbourhood"],
            district=district.name,
        )
    street = " ".join(row.get("street", "").split())
    if len(street) > 200:
        raise bad_row(number, _("the street is longer than %(limit)s characters."), limit=200)
    first, last = _house_number(row, "first_number", number), _house_number(row, "last_number", number)
    if (first is None) != (last is None) or (first is not None and last is not None and last < first):
        raise bad_row(
            number,
            _("give both house numbers (from and to, the second not below the first), or neither."),
        )
    return PostcodeLine(
        postcode=postcode, neighbourhood=neighbourhood, street=street, first_number=first, last_number=last
    )


def _house_number(row: Row, column: str, number: int) -> int | None:
    text = row.get(column, "")
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) < 100_000:
        raise bad_row(number, _("“%(value)s” is not a house number."), value=text)
    return int(text)
