"""Eligible residents from the population figures: bands summed, straddling bands split over their years."""

from __future__ import annotations

from fractions import Fraction

from evaluation.models import PopulationFigure
from evaluation.population.selectors import (
    district_population,
    eligible_by_group,
    eligible_residents,
    residents_between,
    template_rows,
    whole,
)
from places.models import District, Neighbourhood
from tests import factories


def _figure(
    neighbourhood: Neighbourhood, age_from: int, age_to: int | None, gender: str, residents: int
) -> None:
    PopulationFigure.objects.create(
        neighbourhood=neighbourhood, age_from=age_from, age_to=age_to, gender=gender, residents=residents
    )


def test_a_band_straddling_the_minimum_age_counts_its_years_at_or_above_it() -> None:
    band = PopulationFigure(age_from=15, age_to=19, gender="man", residents=100)
    # 15–19 is 5 years, of which 16, 17, 18, 19 are 16 or older: 4/5 of 100.
    assert residents_between([band], 16, None) == 80
    # 15–19 against the reporting band 16–24: the same 4 years; against 25–39 none.
    assert residents_between([band], 16, 24) == 80 and residents_between([band], 25, 39) == 0


def test_an_open_band_runs_to_100_when_it_must_be_split() -> None:
    band = PopulationFigure(age_from=60, age_to=None, gender="vrouw", residents=410)
    # 60–100 is 41 years; 65–100 is 36 of them: 410 × 36/41 = 360; 60–64: 5 × 10 = 50.
    assert residents_between([band], 65, None) == 360 and residents_between([band], 40, 64) == 50
    # Wholly inside an open range it counts fully, whatever its top.
    assert residents_between([PopulationFigure(age_from=105, age_to=None, residents=3)], 65, None) == 3


def test_sums_are_rounded_to_the_nearest_resident_at_the_end() -> None:
    assert whole(Fraction(5, 2)) == 3 and whole(Fraction(7, 3)) == 2
    bands = [
        PopulationFigure(age_from=0, age_to=17, residents=9),
        PopulationFigure(age_from=0, age_to=17, residents=9),
    ]
    # 9 × 2/18 = 1 each (not rounded twice): 2.
    assert whole(residents_between(bands, 16, None)) == 2


def test_eligible_residents_per_neighbourhood_follow_the_editions_minimum_age(district: District) -> None:
    aker = factories.make_neighbourhood(district=district, name="Aker")
    bos = factories.make_neighbourhood(district=district, name="Bos")
    empty = factories.make_neighbourhood(district=district, name="Nieuwbouw")
    _figure(aker, 0, 17, "vrouw", 180)  # 12–17: 6 of 18 years → 60; 16–17: 2 of 18 → 20
    _figure(aker, 18, None, "vrouw", 500)
    _figure(aker, 18, None, "man", 400)
    _figure(bos, 0, 11, "man", 120)  # nobody of 12 or older
    _figure(bos, 12, 15, "man", 40)  # 12–15: all for 12, none for 16
    sixteen = factories.make_edition(district=district, min_age=16)
    twelve = factories.make_edition(district=district, min_age=12)
    assert eligible_residents(sixteen) == {aker.pk: 920, bos.pk: 0, empty.pk: None}
    assert eligible_residents(twelve) == {aker.pk: 960, bos.pk: 40, empty.pk: None}
    # A neighbourhood without figures: no district breakdown rather than a guess; one neighbourhood's
    assert (
        eligible_by_group(sixteen) is None and eligible_by_group(sixteen, neighbourhood_id=empty.pk) is None
    )
    # Aker's open bands 18+ run to 100 (83 years): 16–24 gets 20 (16–17 of 0–17) + 900 × 7/83 = 95.9;
    # 25–39: 900 × 15/83 = 162.7; 40–64: 900 × 25/83 = 271.1; 65+: 900 × 36/83 = 390.4 (sum 920)
    assert eligible_by_group(sixteen, neighbourhood_id=aker.pk) == {
        "age_band": {"16-24": 96, "25-39": 163, "40-64": 271, "65-plus": 390},
        "gender": {"vrouw": 520, "man": 400, "anders": 0},
    }


def test_eligible_by_age_band_and_gender_over_the_district(district: District) -> None:
    aker = factories.make_neighbourhood(district=district, name="Aker")
    _figure(aker, 0, 17, "vrouw", 180)  # 16–17 → 20 in 16–24
    _figure(aker, 18, 24, "vrouw", 80)
    _figure(aker, 25, 64, "man", 400)  # 40 years: 25–39 is 15 → 150; 40–64 is 25 → 250
    _figure(aker, 65, None, "anders", 30)
    edition = factories.make_edition(district=district, min_age=16)
    assert eligible_by_group(edition) == {
        "age_band": {"16-24": 100, "25-39": 150, "40-64": 250, "65-plus": 30},
        "gender": {"vrouw": 100, "man": 400, "anders": 30},
    }


def test_the_population_page_and_the_template_read_the_current_figures(district: District) -> None:
    aker = factories.make_neighbourhood(district=district, name="Aker")
    bos = factories.make_neighbourhood(district=district, name="Bos")
    assert len(template_rows(district)) == 2 * 3 * 5 and template_rows(district)[0] == (
        "aker",
        0,
        15,
        "vrouw",
        None,
    )
    _figure(aker, 0, 15, "vrouw", 50)
    _figure(aker, 16, None, "vrouw", 150)
    page = district_population(district)
    assert [(row.neighbourhood, row.total, row.adults) for row in page.rows] == [
        (aker, 200, 150),
        (bos, None, None),
    ]
    assert page.total is None and page.latest is None
    assert template_rows(district) == [("aker", 0, 15, "vrouw", 50), ("aker", 16, None, "vrouw", 150)]
