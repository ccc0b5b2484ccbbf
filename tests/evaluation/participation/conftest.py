"""A hand-made edition for the participation tests: two neighbourhoods with population figures.

Aker (eligible 16+: 1190) and Bos (700); by age band 16–24: 290, 25–39: 500, 40–64: 800, 65+: 300;
by gender vrouw 1300, man 590, anders 0 (worked out next to each figure below).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from editions.models import Edition
from evaluation.models import PopulationFigure
from places.models import District, Neighbourhood
from tests import factories

FIGURES = {
    "Aker": [
        (0, 15, "vrouw", 50),  # under 16: not eligible
        (16, 24, "vrouw", 100),  # 16–24: 100
        (25, 64, "vrouw", 400),  # 40 years: 25–39 (15) 150, 40–64 (25) 250
        (65, None, "vrouw", 100),  # 65+: 100
        (0, 15, "man", 50),
        (16, 64, "man", 490),  # 49 years: 16–24 (9) 90, 25–39 (15) 150, 40–64 (25) 250
        (65, None, "man", 100),
    ],  # eligible: vrouw 600 + man 590 = 1190
    "Bos": [
        (0, 17, "vrouw", 180),  # 16–17: 2 of 18 years → 20 in 16–24
        (18, 24, "vrouw", 80),
        (25, 39, "vrouw", 200),
        (40, 64, "vrouw", 300),
        (65, None, "vrouw", 100),
    ],  # eligible: 20 + 80 + 200 + 300 + 100 = 700
}


@dataclass(frozen=True)
class Place:
    edition: Edition
    aker: Neighbourhood
    bos: Neighbourhood


@pytest.fixture
def place(district: District) -> Place:
    neighbourhoods = {}
    for name, rows in FIGURES.items():
        neighbourhoods[name] = factories.make_neighbourhood(district=district, name=name)
        PopulationFigure.objects.bulk_create(
            PopulationFigure(neighbourhood=neighbourhoods[name], age_from=a, age_to=b, gender=g, residents=n)
            for a, b, g, n in rows
        )
    edition = factories.make_edition_in_phase("decision", district=district)
    return Place(edition, neighbourhoods["Aker"], neighbourhoods["Bos"])
