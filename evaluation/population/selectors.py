"""Reads of the reference population: eligible residents per neighbourhood and per age band and gender.

How bands are counted. The statistics office's bands rarely match an edition's minimum age or the
reporting bands (``places.demography.age_bands``). A band that lies wholly inside the wanted ages
counts fully; a band that straddles the edge is split evenly over its years: 100 residents aged
15–19 give 80 aged 16 or older (4 of its 5 years). A band without an upper age ("80 and older") is
taken to run to ``OPEN_BAND_TOP`` (100) when it has to be split — it rarely must, as the last
reporting band is open too. Sums are exact fractions, rounded to the nearest resident at the end.
A neighbourhood without figures has no eligible count (``None``): nothing is guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from editions.models import Edition
from places.demography import GENDERS, age_bands
from places.models import District, Neighbourhood

from ..models import PopulationFigure, PopulationImport

OPEN_BAND_TOP = 100
REPORTING_MIN_AGE = 16  # the population page shows residents of 16 and older, the most common limit


def residents_between(figures: Iterable[PopulationFigure], lowest: int, highest: int | None) -> Fraction:
    """Residents aged ``lowest``…``highest`` (``None``: and older) in ``figures``, straddling bands split
    evenly over their years (see the module text)."""
    total = Fraction(0)
    for figure in figures:
        top = figure.age_to if figure.age_to is not None else max(OPEN_BAND_TOP, figure.age_from)
        if highest is None and figure.age_to is None and figure.age_from >= lowest:
            total += figure.residents  # an open band inside an open range: all of it, whatever its top
            continue
        upper = top if highest is None else min(top, highest)
        overlap = upper - max(figure.age_from, lowest) + 1
        if overlap > 0:
            total += Fraction(figure.residents * overlap, top - figure.age_from + 1)
    return total


def whole(residents: Fraction) -> int:
    """A sum of (split) residents as a whole number: the nearest, halves up."""
    return floor(residents + Fraction(1, 2))


def figures_by_neighbourhood(district_id: int) -> dict[int, list[PopulationFigure]]:
    """The district's figures, by neighbourhood id (neighbourhoods without figures absent)."""
    by_neighbourhood: dict[int, list[PopulationFigure]] = defaultdict(list)
    for figure in PopulationFigure.objects.filter(neighbourhood__district_id=district_id):
        by_neighbourhood[figure.neighbourhood_id].append(figure)
    return dict(by_neighbourhood)


def eligible_residents(edition: Edition) -> dict[int, int | None]:
    """Residents of the edition's minimum age or older, per neighbourhood id of its district (every
    neighbourhood; ``None`` where it has no figures)."""
    figures = figures_by_neighbourhood(edition.district_id)
    return {
        pk: whole(residents_between(figures[pk], edition.min_age, None)) if pk in figures else None
        for pk in Neighbourhood.objects.filter(district_id=edition.district_id).values_list("pk", flat=True)
    }


def eligible_by_group(
    edition: Edition, *, neighbourhood_id: int | None = None
) -> dict[str, dict[str, int]] | None:
    """Eligible residents per age band (``age_bands(min_age)`` keys) and per gender (``GENDERS`` keys):
    {"age_band": {key: n}, "gender": {key: n}}, of the whole district, or of one neighbourhood;
    ``None`` unless every neighbourhood counted has figures."""
    figures = figures_by_neighbourhood(edition.district_id)
    neighbourhoods = set(
        Neighbourhood.objects.filter(district_id=edition.district_id).values_list("pk", flat=True)
    )
    if neighbourhood_id is not None:
        neighbourhoods &= {neighbourhood_id}
    if not neighbourhoods or not neighbourhoods <= set(figures):
        return None
    every = [figure for pk in neighbourhoods for figure in figures[pk]]
    return {
        "age_band": {
            key: whole(residents_between(every, lowest, highest))
            for key, _label, lowest, highest in age_bands(edition.min_age)
        },
        "gender": {
            key: whole(residents_between([f for f in every if f.gender == key], edition.min_age, None))
            for key, _label in GENDERS
        },
    }


@dataclass(frozen=True)
class NeighbourhoodPopulation:
    neighbourhood: Neighbourhood
    total: int | None
    adults: int | None  # REPORTING_MIN_AGE or older


@dataclass(frozen=True)
class DistrictPopulation:
    district: District
    rows: list[NeighbourhoodPopulation]
    latest: PopulationImport | None
    total: int | None
    adults: int | None


def district_population(district: District) -> DistrictPopulation:
    """The population page: each neighbourhood's residents (all, and 16 or older) and the last import."""
    figures = figures_by_neighbourhood(district.pk)
    rows = [
        NeighbourhoodPopulation(
            neighbourhood=n,
            total=sum(f.residents for f in figures[n.pk]) if n.pk in figures else None,
            adults=whole(residents_between(figures[n.pk], REPORTING_MIN_AGE, None))
            if n.pk in figures
            else None,
        )
        for n in Neighbourhood.objects.filter(district=district).order_by("name")
    ]
    complete = bool(rows) and all(row.total is not None for row in rows)
    return DistrictPopulation(
        district=district,
        rows=rows,
        latest=PopulationImport.objects.filter(district=district).select_related("imported_by").first(),
        total=sum(row.total or 0 for row in rows) if complete else None,
        adults=sum(row.adults or 0 for row in rows) if complete else None,
    )


TEMPLATE_BANDS: tuple[tuple[int, int | None], ...] = ((0, 15), (16, 24), (25, 39), (40, 64), (65, None))


def template_rows(district: District) -> list[tuple[str, int, int | None, str, int | None]]:
    """The lines of the downloadable CSV: the district's current figures, or (without any) every
    neighbourhood in the reporting bands and genders with the residents left to fill in."""
    current = list(
        PopulationFigure.objects.filter(neighbourhood__district=district)
        .select_related("neighbourhood")
        .order_by("neighbourhood__name", "gender", "age_from")
    )
    if current:
        return [(f.neighbourhood.slug, f.age_from, f.age_to, f.gender, f.residents) for f in current]
    return [
        (n.slug, lowest, highest, gender, None)
        for n in Neighbourhood.objects.filter(district=district).order_by("name")
        for gender, _label in GENDERS
        for lowest, highest in TEMPLATE_BANDS
    ]
