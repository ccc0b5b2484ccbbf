"""Amsterdam and its three buurtbudget pilot districts, with their neighbourhoods (wijken)."""

from __future__ import annotations

from .specs import DistrictSpec, NeighbourhoodSpec

MUNICIPALITY_SLUG = "amsterdam"
MUNICIPALITY_NAME = "Amsterdam"

# Neighbourhoods are Amsterdam's wijken (the former buurtcombinaties); populations are rounded
# approximations of recent municipal figures, good enough for turnout and representation charts.
NIEUW_WEST = DistrictSpec(
    slug="nieuw-west",
    name="Nieuw-West",
    description=(
        "Nieuw-West is met ruim 165.000 inwoners het grootste stadsdeel van Amsterdam: de tuinsteden "
        "Slotermeer, Geuzenveld, Osdorp en Slotervaart, gebouwd na de oorlog volgens het Algemeen "
        "Uitbreidingsplan, met veel groen, water en jonge gezinnen."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Slotermeer-Noordoost", 16_300),
        NeighbourhoodSpec("Slotermeer-Zuidwest", 16_900),
        NeighbourhoodSpec("Geuzenveld", 19_800),
        NeighbourhoodSpec("Eendracht", 4_200),
        NeighbourhoodSpec("Lutkemeer/Ookmeer", 6_100),
        NeighbourhoodSpec("Osdorp-Oost", 16_700),
        NeighbourhoodSpec("Osdorp-Midden", 12_400),
        NeighbourhoodSpec("De Punt", 7_300),
        NeighbourhoodSpec("Middelveldsche Akerpolder", 12_900),
        NeighbourhoodSpec("Slotervaart Noord", 13_600),
        NeighbourhoodSpec("Overtoomse Veld", 11_800),
        NeighbourhoodSpec("Westlandgracht", 7_200),
        NeighbourhoodSpec("Sloterdijk Nieuw-West", 1_400),
        NeighbourhoodSpec("Slotervaart Zuid", 12_100),
        NeighbourhoodSpec("Sloten/Nieuw-Sloten", 10_300),
    ),
)

ZUIDOOST = DistrictSpec(
    slug="zuidoost",
    name="Zuidoost",
    description=(
        "Zuidoost telt zo'n 90.000 inwoners met meer dan 130 nationaliteiten: de Bijlmermeer met zijn "
        "vernieuwde hoogbouw, Gaasperdam, het dorp Driemond en het werkgebied rond de Johan Cruijff "
        "ArenA en Amstel III."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Amstel III/Bullewijk", 4_100),
        NeighbourhoodSpec("Bijlmer-Centrum (D, F, H)", 24_300),
        NeighbourhoodSpec("Bijlmer-Oost (E, G, K)", 27_600),
        NeighbourhoodSpec("Venserpolder", 5_900),
        NeighbourhoodSpec("Nellestein", 7_400),
        NeighbourhoodSpec("Holendrecht/Reigersbos", 17_200),
        NeighbourhoodSpec("Gein", 12_800),
        NeighbourhoodSpec("Driemond", 1_700),
    ),
)

NOORD = DistrictSpec(
    slug="noord",
    name="Noord",
    description=(
        "Noord, aan de overkant van het IJ, heeft ruim 100.000 inwoners: de tuindorpen van de jaren "
        "twintig, de wijken uit de jaren zestig rond het Waterlandplein en de Banne, de nieuwe buurten "
        "aan de IJ-oevers en de dorpen van Landelijk Noord."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Volewijck", 10_600),
        NeighbourhoodSpec("IJplein/Vogelbuurt", 10_200),
        NeighbourhoodSpec("Tuindorp Buiksloot", 2_300),
        NeighbourhoodSpec("Nieuwendammerham", 7_100),
        NeighbourhoodSpec("Noordelijke IJ-oevers West", 4_900),
        NeighbourhoodSpec("Noordelijke IJ-oevers Oost", 3_800),
        NeighbourhoodSpec("Tuindorp Nieuwendam", 5_200),
        NeighbourhoodSpec("Tuindorp Oostzaan", 6_600),
        NeighbourhoodSpec("Oostzanerwerf", 7_200),
        NeighbourhoodSpec("Kadoelen", 3_100),
        NeighbourhoodSpec("Waterlandpleinbuurt", 10_100),
        NeighbourhoodSpec("Buikslotermeer", 11_300),
        NeighbourhoodSpec("Banne Buiksloot", 10_700),
        NeighbourhoodSpec("Nieuwendam-Noord", 9_600),
        NeighbourhoodSpec("Waterland", 1_800),
    ),
)

DISTRICTS: tuple[DistrictSpec, ...] = (NIEUW_WEST, ZUIDOOST, NOORD)
