"""Amsterdam: the three buurtbudget pilot districts and three that followed, with their wijken."""

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
        "Nieuw-West is het grootste stadsdeel van Amsterdam, met ruim 165.000 inwoners. Het zijn de "
        "tuinsteden Slotermeer, Geuzenveld, Osdorp en Slotervaart, gebouwd na de oorlog. Er is veel "
        "groen en water, en er wonen veel jonge gezinnen."
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

OOST = DistrictSpec(
    slug="oost",
    name="Oost",
    description=(
        "Oost heeft zo'n 140.000 inwoners: de negentiende-eeuwse buurten rond het Oosterpark en de "
        "Dappermarkt, de Indische Buurt, de tuinstad Watergraafsmeer met Betondorp, de oude havens "
        "van het Oostelijk Havengebied en de nieuwe eilanden van IJburg en het Zeeburgereiland."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Weesperzijde", 7_900),
        NeighbourhoodSpec("Oosterparkbuurt", 13_400),
        NeighbourhoodSpec("Dapperbuurt", 12_600),
        NeighbourhoodSpec("Transvaalbuurt", 10_300),
        NeighbourhoodSpec("Indische Buurt West", 11_200),
        NeighbourhoodSpec("Indische Buurt Oost", 13_100),
        NeighbourhoodSpec("Oostelijk Havengebied", 18_900),
        NeighbourhoodSpec("Zeeburgereiland/Nieuwe Diep", 9_800),
        NeighbourhoodSpec("IJburg West", 20_300),
        NeighbourhoodSpec("IJburg Oost", 7_600),
        NeighbourhoodSpec("IJburg Zuid", 8_900),
        NeighbourhoodSpec("Frankendael", 7_800),
        NeighbourhoodSpec("Middenmeer", 15_200),
        NeighbourhoodSpec("Betondorp", 3_400),
    ),
)

WEST = DistrictSpec(
    slug="west",
    name="West",
    description=(
        "West is met zo'n 145.000 inwoners het dichtstbevolkte stadsdeel: Oud-West en De Baarsjes, "
        "Bos en Lommer en Westerpark, met de Kinkerstraat, de Jan Evertsenstraat en de Westergasfabriek, "
        "en aan het IJ de nieuwe Houthavens."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Houthavens", 3_600),
        NeighbourhoodSpec("Spaarndammer- en Zeeheldenbuurt", 10_400),
        NeighbourhoodSpec("Staatsliedenbuurt", 13_200),
        NeighbourhoodSpec("Centrale Markt", 2_900),
        NeighbourhoodSpec("Frederik Hendrikbuurt", 9_100),
        NeighbourhoodSpec("Da Costabuurt", 8_200),
        NeighbourhoodSpec("Kinkerbuurt", 7_300),
        NeighbourhoodSpec("Van Lennepbuurt", 8_600),
        NeighbourhoodSpec("Helmersbuurt", 8_400),
        NeighbourhoodSpec("Overtoomse Sluis", 7_200),
        NeighbourhoodSpec("Chassébuurt", 8_300),
        NeighbourhoodSpec("Westindische Buurt", 8_100),
        NeighbourhoodSpec("Hoofdweg e.o.", 11_200),
        NeighbourhoodSpec("Erasmuspark", 8_000),
        NeighbourhoodSpec("De Kolenkit", 7_100),
        NeighbourhoodSpec("Geuzenbuurt", 6_200),
        NeighbourhoodSpec("Van Galenbuurt", 7_300),
        NeighbourhoodSpec("Landlust", 10_100),
    ),
)

ZUID = DistrictSpec(
    slug="zuid",
    name="Zuid",
    description=(
        "Zuid heeft ruim 145.000 inwoners: De Pijp met de Albert Cuypmarkt, de Rivierenbuurt van Berlage, "
        "het Museumkwartier, de Schinkelbuurt en de Hoofddorppleinbuurt, en verder naar het zuiden "
        "Buitenveldert en de Zuidas."
    ),
    neighbourhoods=(
        NeighbourhoodSpec("Vondelbuurt", 4_900),
        NeighbourhoodSpec("Museumkwartier", 9_300),
        NeighbourhoodSpec("Willemspark", 4_600),
        NeighbourhoodSpec("Stadionbuurt", 14_100),
        NeighbourhoodSpec("Apollobuurt", 9_200),
        NeighbourhoodSpec("Schinkelbuurt", 6_400),
        NeighbourhoodSpec("Hoofddorppleinbuurt", 10_300),
        NeighbourhoodSpec("Oude Pijp", 15_200),
        NeighbourhoodSpec("Nieuwe Pijp", 10_100),
        NeighbourhoodSpec("Zuid Pijp", 9_100),
        NeighbourhoodSpec("Rijnbuurt", 10_400),
        NeighbourhoodSpec("Scheldebuurt", 9_600),
        NeighbourhoodSpec("IJselbuurt", 7_200),
        NeighbourhoodSpec("Zuidas", 4_300),
        NeighbourhoodSpec("Buitenveldert-West", 13_400),
        NeighbourhoodSpec("Buitenveldert-Oost", 8_500),
    ),
)

DISTRICTS: tuple[DistrictSpec, ...] = (NIEUW_WEST, ZUIDOOST, NOORD, OOST, WEST, ZUID)
