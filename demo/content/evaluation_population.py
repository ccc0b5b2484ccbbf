"""The demo's reference population: residents per neighbourhood by age band and gender, as CSV text.

One import per district, in the format ``evaluation.population`` reads
(``neighbourhood,age_from,age_to,gender,residents``; ``age_to`` empty: and older). Each neighbourhood
follows an age profile in the spirit of the municipality's statistics (OIS): the canal-belt ring
(De Pijp, Dapperbuurt, Oud-West) is young, IJburg and the new quarters have many children, the
garden villages and Buitenveldert are old, the post-war districts are in between with more children.
Rounding keeps every neighbourhood's total exactly its population in ``places``.
"""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Role

from .accounts import staff
from .places import DISTRICTS
from .specs import DistrictSpec

# The bands of the statistics office, fine enough for every edition's minimum age (12 or 16).
BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 11),
    (12, 15),
    (16, 17),
    (18, 24),
    (25, 39),
    (40, 64),
    (65, None),
)

# Share of residents in each band (in the order of BANDS), per kind of neighbourhood.
PROFILES: dict[str, tuple[float, ...]] = {
    "ring": (0.080, 0.025, 0.012, 0.120, 0.400, 0.270, 0.093),
    "new": (0.190, 0.060, 0.025, 0.070, 0.300, 0.290, 0.065),
    "postwar": (0.150, 0.055, 0.026, 0.100, 0.240, 0.300, 0.129),
    "green": (0.100, 0.040, 0.020, 0.070, 0.200, 0.330, 0.240),
    "village": (0.110, 0.045, 0.022, 0.070, 0.170, 0.370, 0.213),
    "mixed": (0.110, 0.040, 0.020, 0.080, 0.280, 0.310, 0.160),
    "business": (0.050, 0.015, 0.010, 0.180, 0.470, 0.220, 0.055),
}

# A district's usual profile, and the neighbourhoods that differ from it.
DISTRICT_PROFILE: dict[str, str] = {
    "nieuw-west": "postwar",
    "zuidoost": "postwar",
    "noord": "postwar",
    "oost": "ring",
    "west": "ring",
    "zuid": "ring",
}
NEIGHBOURHOOD_PROFILE: dict[str, str] = {
    # Nieuw-West
    "osdorp-midden": "green",
    "slotervaart-zuid": "green",
    "sloten-nieuw-sloten": "green",
    "middelveldsche-akerpolder": "mixed",
    "sloterdijk-nieuw-west": "business",
    "de-punt": "new",
    # Zuidoost
    "amstel-iii-bullewijk": "business",
    "nellestein": "mixed",
    "gein": "mixed",
    "driemond": "village",
    # Noord
    "tuindorp-buiksloot": "village",
    "tuindorp-nieuwendam": "green",
    "tuindorp-oostzaan": "green",
    "kadoelen": "village",
    "waterland": "village",
    "noordelijke-ij-oevers-west": "new",
    "noordelijke-ij-oevers-oost": "new",
    "nieuwendam-noord": "green",
    # Oost
    "indische-buurt-west": "postwar",
    "indische-buurt-oost": "postwar",
    "transvaalbuurt": "postwar",
    "oostelijk-havengebied": "mixed",
    "zeeburgereiland-nieuwe-diep": "new",
    "ijburg-west": "new",
    "ijburg-oost": "new",
    "ijburg-zuid": "new",
    "frankendael": "green",
    "middenmeer": "green",
    "betondorp": "village",
    # West
    "houthavens": "new",
    "de-kolenkit": "postwar",
    "geuzenbuurt": "postwar",
    "van-galenbuurt": "postwar",
    "landlust": "mixed",
    "erasmuspark": "mixed",
    "centrale-markt": "business",
    # Zuid
    "museumkwartier": "green",
    "willemspark": "green",
    "apollobuurt": "green",
    "stadionbuurt": "mixed",
    "rijnbuurt": "mixed",
    "scheldebuurt": "mixed",
    "buitenveldert-west": "green",
    "buitenveldert-oost": "green",
    "zuidas": "business",
}

# Per band: the share of women, and of residents registered as neither woman nor man.
WOMEN: tuple[float, ...] = (0.488, 0.488, 0.49, 0.51, 0.50, 0.49, 0.56)
OTHER: tuple[float, ...] = (0.0, 0.0, 0.003, 0.005, 0.004, 0.002, 0.001)


@dataclass(frozen=True)
class PopulationSpec:
    """One population import (``evaluation.population.services.import_population``)."""

    district_slug: str
    text: str  # the CSV file's text
    source: str
    by: str  # the official's e-mail address
    day: int  # when it was imported, in days from today (Europe/Amsterdam)


def _split(total: int, weights: tuple[float, ...]) -> list[int]:
    """``total`` over ``weights`` in whole numbers that add up to it exactly (largest remainder)."""
    scale = sum(weights) or 1.0
    exact = [total * w / scale for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def rows_of(district: DistrictSpec) -> list[tuple[str, int, int | None, str, int]]:
    """(neighbourhood slug, age_from, age_to, gender, residents) for every neighbourhood of the district."""
    rows = []
    for hood in district.neighbourhoods:
        profile = PROFILES[NEIGHBOURHOOD_PROFILE.get(hood.slug, DISTRICT_PROFILE[district.slug])]
        for band, residents in enumerate(_split(hood.population, profile)):
            other = OTHER[band]
            women, men, others = _split(residents, (WOMEN[band], 1 - WOMEN[band] - other, other))
            lowest, highest = BANDS[band]
            rows += [
                (hood.slug, lowest, highest, gender, count)
                for gender, count in (("vrouw", women), ("man", men), ("anders", others))
            ]
    return rows


def population_csv(district: DistrictSpec) -> str:
    """The district's figures as the CSV file an official uploads."""
    lines = ["neighbourhood,age_from,age_to,gender,residents"]
    for slug, lowest, highest, gender, residents in rows_of(district):
        lines.append(f"{slug},{lowest},{'' if highest is None else highest},{gender},{residents}")
    return "\n".join(lines) + "\n"


POPULATION: tuple[PopulationSpec, ...] = tuple(
    PopulationSpec(
        district_slug=district.slug,
        text=population_csv(district),
        source="Gemeente Amsterdam, Onderzoek en Statistiek: bevolking per buurt, 1 januari 2026 (afgerond)",
        by=staff(Role.OFFICIAL, district.slug),
        day=-30,
    )
    for district in DISTRICTS
)
