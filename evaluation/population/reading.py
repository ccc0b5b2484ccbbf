"""Reading a population CSV: every line checked against the district before anything is written.

Columns (English or Dutch names): ``neighbourhood`` (its slug or its name, within the district),
``age_from``, ``age_to`` (empty: "and older"), ``gender`` (``vrouw``/``man``/``anders``, or
``female``/``male``/``other``) and ``residents``; separated by commas or semicolons. The whole file
is refused at the first bad line, which the message names; a neighbourhood of the district that the
file leaves out refuses it too (all of them are named).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from outreach.csv_import import bad_row, read_csv
from outreach.errors import CsvImportError
from places.demography import OLDEST_AGE
from places.models import District, Neighbourhood

from .errors import PopulationError

MAX_ROWS = 50_000
MAX_RESIDENTS = 10_000_000  # per line: more than any neighbourhood has; guards against a pasted total
COLUMNS: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("neighbourhood", "buurt", "wijk"),
    "age_from": ("age_from", "age from", "leeftijd_van", "leeftijd van", "van"),
    "gender": ("gender", "geslacht"),
    "residents": ("residents", "inwoners", "aantal"),
}
AGE_TO: dict[str, tuple[str, ...]] = {"age_to": ("age_to", "age to", "leeftijd_tot", "leeftijd tot", "tot")}
GENDER_ALIASES: dict[str, str] = {
    "vrouw": "vrouw",
    "female": "vrouw",
    "woman": "vrouw",
    "man": "man",
    "male": "man",
    "anders": "anders",
    "other": "anders",
    "x": "anders",
}


@dataclass(frozen=True)
class FigureRow:
    """One checked line of the file."""

    line: int
    neighbourhood: Neighbourhood
    age_from: int
    age_to: int | None
    gender: str
    residents: int


def _check_header(text: str) -> None:
    """``age_to`` may be empty on a line, but the header must name it (read_csv treats it as optional)."""
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = {
        " ".join(name.strip().casefold().split()) for name in next(csv.reader([first], delimiter=delimiter))
    }
    if header & set(COLUMNS["neighbourhood"]) and not header & set(AGE_TO["age_to"]):
        raise PopulationError("missing_age_to")


def _neighbourhood(lookup: dict[str, Neighbourhood], line: int, written: str) -> Neighbourhood:
    found = lookup.get(" ".join(written.casefold().split()))
    if found is None:
        raise bad_row(line, _("the district has no neighbourhood “%(name)s”."), name=written)
    return found


def _age(line: int, written: str, field: str) -> int:
    if not written.isdigit() or int(written) > OLDEST_AGE:
        raise bad_row(
            line,
            _("“%(value)s” in %(field)s is not an age (a whole number from 0 to %(oldest)s)."),
            value=written,
            field=field,
            oldest=OLDEST_AGE,
        )
    return int(written)


def _residents(line: int, written: str) -> int:
    bare = written.replace(" ", "")
    if bare.startswith("-") and bare[1:].isdigit():
        raise bad_row(line, _("the number of residents cannot be negative (“%(value)s”)."), value=written)
    if not bare.isdigit() or int(bare) > MAX_RESIDENTS:
        raise bad_row(
            line, _("“%(value)s” is not a number of residents (a whole number, 0 or more)."), value=written
        )
    return int(bare)


def _row(lookup: dict[str, Neighbourhood], line: int, row: dict[str, str]) -> FigureRow:
    neighbourhood = _neighbourhood(lookup, line, row["neighbourhood"])
    age_from = _age(line, row["age_from"], "age_from")
    age_to = _age(line, row["age_to"], "age_to") if row["age_to"] else None
    if age_to is not None and age_to < age_from:
        raise bad_row(
            line,
            _("the age band %(age_from)s–%(age_to)s ends before it starts."),
            age_from=age_from,
            age_to=age_to,
        )
    gender = GENDER_ALIASES.get(row["gender"].casefold())
    if gender is None:
        raise bad_row(
            line,
            _("“%(value)s” is not a gender here: write vrouw, man or anders (or female, male, other)."),
            value=row["gender"],
        )
    return FigureRow(line, neighbourhood, age_from, age_to, gender, _residents(line, row["residents"]))


def _band(row: FigureRow) -> str:
    return f"{row.age_from}–{row.age_to}" if row.age_to is not None else f"{row.age_from}+"


def _check_bands(rows: list[FigureRow]) -> None:
    """No band twice, no two bands of one neighbourhood and gender that share an age."""
    seen: dict[tuple[int, str], list[FigureRow]] = {}
    for row in rows:
        top = row.age_to if row.age_to is not None else OLDEST_AGE
        for other in seen.setdefault((row.neighbourhood.pk, row.gender), []):
            other_top = other.age_to if other.age_to is not None else OLDEST_AGE
            if (other.age_from, other.age_to) == (row.age_from, row.age_to):
                raise bad_row(
                    row.line,
                    _("%(neighbourhood)s, %(gender)s, %(band)s is already on line %(other)s."),
                    neighbourhood=row.neighbourhood.name,
                    gender=row.gender,
                    band=_band(row),
                    other=other.line,
                )
            if row.age_from <= other_top and other.age_from <= top:
                raise bad_row(
                    row.line,
                    _(
                        "the age band %(band)s overlaps %(other_band)s on line %(other)s "
                        "(%(neighbourhood)s, %(gender)s)."
                    ),
                    band=_band(row),
                    other_band=_band(other),
                    other=other.line,
                    neighbourhood=row.neighbourhood.name,
                    gender=row.gender,
                )
        seen[(row.neighbourhood.pk, row.gender)].append(row)


def read_population(district: District, text: str) -> list[FigureRow]:
    """The checked lines of ``text`` for ``district``; refused (``CsvImportError``/``PopulationError``)
    at the first bad line, or when a neighbourhood of the district is missing."""
    rows = read_csv(text.encode("utf-8"), COLUMNS, optional=AGE_TO)
    _check_header(text)
    if len(rows) > MAX_ROWS:
        raise CsvImportError("too_many_rows", count=len(rows), limit=MAX_ROWS)
    neighbourhoods = list(Neighbourhood.objects.filter(district=district).order_by("name"))
    lookup: dict[str, Neighbourhood] = {}
    for neighbourhood in neighbourhoods:
        lookup[" ".join(neighbourhood.name.casefold().split())] = neighbourhood
        lookup[neighbourhood.slug.casefold()] = neighbourhood
    read = [_row(lookup, line, row) for line, row in rows]
    _check_bands(read)
    present = {row.neighbourhood.pk for row in read}
    missing = [n.name for n in neighbourhoods if n.pk not in present]
    if missing:
        raise PopulationError("missing_neighbourhoods", names=", ".join(missing))
    return read
