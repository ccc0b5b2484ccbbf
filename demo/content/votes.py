"""The online votes: Zuidoost 2026, open now, and Nieuw-West 2026, closed, counted and published.

Addresses are demo addresses: street names are real or made up, postcodes plausible. The address
lists cover part of each district, so turnout (voters / eligible residents on the list) comes out
near what Amsterdam's buurtbudget votes reached: one in seven or eight.
"""

from __future__ import annotations

from accounts.models import Role

from .accounts import second_official, staff
from .editions import NIEUW_WEST_2026, ZUIDOOST_2026
from .specs import RegisterVoterSpec, VoterAreaSpec, VoteSpec


def _addresses(population: int, per_address: int) -> int:
    """Addresses on the demo list for a neighbourhood of ``population``."""
    return round(population / per_address)


ZUIDOOST: VoteSpec = VoteSpec(
    edition_slug=ZUIDOOST_2026.slug,
    areas=(
        VoterAreaSpec(
            "amstel-iii-bullewijk",
            (1101,),
            ("Hoogoorddreef", "Bullewijkpad", "Paasheuvelweg", "Foppingadreef"),
            _addresses(4_100, 60),
            turnout=0.07,
        ),
        VoterAreaSpec(
            "bijlmer-centrum-d-f-h",
            (1102, 1103),
            (
                "Daalwijk",
                "Dennenrode",
                "Develstein",
                "Fleerde",
                "Florijn",
                "Hoogoord",
                "Huigenbos",
                "Hakfort",
            ),
            _addresses(24_300, 60),
            turnout=0.10,
            high_rise=True,
        ),
        VoterAreaSpec(
            "bijlmer-oost-e-g-k",
            (1103, 1104),
            ("Egeldonk", "Gooioord", "Gouden Leeuw", "Groenhoven", "Kikkenstein", "Kleiburg", "Kralenbeek"),
            _addresses(27_600, 60),
            turnout=0.09,
            high_rise=True,
        ),
        VoterAreaSpec(
            "venserpolder",
            (1102,),
            ("Schepenbergweg", "Haardstee", "Venserweg", "Hondsrugweg"),
            _addresses(5_900, 60),
            turnout=0.12,
        ),
        VoterAreaSpec(
            "nellestein",
            (1106,),
            ("Nellesteinpad", "Wisseloord", "Gulden Kruis", "Kortvoort"),
            _addresses(7_400, 60),
            turnout=0.15,
        ),
        VoterAreaSpec(
            "holendrecht-reigersbos",
            (1104, 1106),
            ("Reigersbos", "Holendrechterweg", "Meerkerkdreef", "Abcoudestraat", "Rhijnspoor"),
            _addresses(17_200, 60),
            turnout=0.13,
        ),
        VoterAreaSpec(
            "gein",
            (1107,),
            ("Geinwijk", "Wageningendreef", "Bindelmeerstraat", "Gaasperplasweg", "Geinsloot"),
            _addresses(12_800, 60),
            turnout=0.14,
        ),
        VoterAreaSpec(
            "driemond",
            (1108,),
            ("Dorpsstraat", "Driemondweg", "Gaasperweg", "Van Lierweg"),
            _addresses(1_700, 40),
            turnout=0.20,
        ),
    ),
    appeal=(
        ("Voedselbos in de Bijlmer", 0.42),
        ("Geveltuinen en regentonnen in Nellestein", 0.38),
        ("Klimaatplein Venserpolder", 0.30),
        ("De Huiskamer van de Gein", 0.30),
        ("Computerhulp en taalcafé voor ouderen in Venserpolder", 0.42),
        ("Samen koken in de K-buurt", 0.40),
        ("Huiswerkclub Bijlmer-Oost", 0.45),
        ("Meidenclub Zuidoost", 0.40),
        ("Jongerenstudio Holendrecht", 0.30),
        ("Pannaveld en streetbasket in Reigersbos", 0.45),
        ("Buitenfitness langs de Gaasperplas", 0.40),
        ("Zomerfestival in het Nelson Mandelapark", 0.60),
        ("Muurschildering 'Helden van de Bijlmer'", 0.45),
    ),
    officials=(staff(Role.OFFICIAL, "zuidoost"), second_official("zuidoost")),
    paper_share=0.03,
    register=(
        RegisterVoterSpec(
            "Priscilla Asante",
            "1978-05-14",
            "1102 BK",
            "priscilla.asante@demo.buurtbudget.nl",
            "bijlmer-centrum-d-f-h",
            voted=True,
        ),
        RegisterVoterSpec(
            "Marlon Kromodimedjo",
            "1990-11-02",
            "1106 CK",
            "marlon.kromodimedjo@demo.buurtbudget.nl",
            "holendrecht-reigersbos",
        ),
        RegisterVoterSpec(
            "Esther Mensah", "1985-03-21", "1106 BN", "esther.mensah@demo.buurtbudget.nl", "nellestein"
        ),
        RegisterVoterSpec(
            "Winston Renfurm",
            "1959-08-30",
            "1103 GK",
            "winston.renfurm@demo.buurtbudget.nl",
            "bijlmer-oost-e-g-k",
        ),
    ),
    open_paper_entries=True,
    printed_codes=5,
)

NIEUW_WEST: VoteSpec = VoteSpec(
    edition_slug=NIEUW_WEST_2026.slug,
    areas=(
        VoterAreaSpec(
            "slotermeer-noordoost",
            (1063,),
            ("Slotermeerlaan", "Burgemeester de Vlugtlaan", "Aletta Jacobslaan", "Van Karnebeekstraat"),
            _addresses(16_300, 11),
            turnout=0.16,
        ),
        VoterAreaSpec(
            "slotermeer-zuidwest",
            (1064,),
            ("Burgemeester Röellstraat", "Slimmeweg", "Jan van Zutphenstraat", "Comeniusstraat"),
            _addresses(16_900, 11),
            turnout=0.15,
        ),
        VoterAreaSpec(
            "geuzenveld",
            (1067,),
            ("Lambertus Zijlplein", "Albardakade", "Troelstralaan", "Marius Bauerstraat", "Nolensstraat"),
            _addresses(19_800, 11),
            turnout=0.21,
        ),
        VoterAreaSpec(
            "eendracht",
            (1067,),
            ("Eendrachtstraat", "Koos Vorrinkweg", "Schuttersbosstraat"),
            _addresses(4_200, 11),
            turnout=0.11,
        ),
        VoterAreaSpec(
            "lutkemeer-ookmeer",
            (1067, 1069),
            ("Ookmeerweg", "Lutkemeerweg", "Zwanenbloemweg"),
            _addresses(6_100, 11),
            turnout=0.10,
        ),
        VoterAreaSpec(
            "osdorp-oost",
            (1068,),
            ("Tussen Meer", "Meer en Vaart", "Baden Powellweg", "Fred. Roeskestraat"),
            _addresses(16_700, 11),
            turnout=0.20,
        ),
        VoterAreaSpec(
            "osdorp-midden",
            (1069,),
            ("Pieter Calandlaan", "Wolbrantskerkweg", "Osdorper Ban", "Hoekenes"),
            _addresses(12_400, 11),
            turnout=0.14,
        ),
        VoterAreaSpec(
            "de-punt",
            (1069,),
            ("Tom Schreursweg", "Hemsterhuisstraat", "Puntstraat"),
            _addresses(7_300, 11),
            turnout=0.15,
        ),
        VoterAreaSpec(
            "middelveldsche-akerpolder",
            (1069,),
            ("Akersluis", "Middelveldsche Akerweg", "Wormerveerstraat", "Ruimzicht"),
            _addresses(12_900, 11),
            turnout=0.12,
        ),
        VoterAreaSpec(
            "slotervaart-noord",
            (1065,),
            ("August Allebéplein", "Staalmanplein", "Johan Huizingalaan", "Louis Couperusstraat"),
            _addresses(13_600, 11),
            turnout=0.19,
        ),
        VoterAreaSpec(
            "overtoomse-veld",
            (1064, 1065),
            ("Jan Tooropstraat", "Willem Schoutenstraat", "Wiltzanghlaan"),
            _addresses(11_800, 11),
            turnout=0.11,
        ),
        VoterAreaSpec(
            "westlandgracht",
            (1062,),
            ("Westlandgracht", "Lodewijk van Deysselstraat", "Cornelis Lelylaan"),
            _addresses(7_200, 11),
            turnout=0.15,
        ),
        VoterAreaSpec(
            "sloterdijk-nieuw-west",
            (1063,),
            ("Seineweg", "Tempelhofstraat"),
            _addresses(1_400, 11),
            turnout=0.09,
        ),
        VoterAreaSpec(
            "slotervaart-zuid",
            (1066,),
            ("Louis Davidsstraat", "Henk Sneevlietweg", "Ditlaar"),
            _addresses(12_100, 11),
            turnout=0.14,
        ),
        VoterAreaSpec(
            "sloten-nieuw-sloten",
            (1066,),
            ("Slotenseweg", "Langsom", "Oeverpad", "Sloterweg"),
            _addresses(10_300, 11),
            turnout=0.17,
        ),
    ),
    appeal=(
        # Geuzenveld, Osdorp-Oost and Slotervaart Noord: their own sections.
        ("Buurtmoestuin aan het Lambertus Zijlplein", 0.55),
        ("Beweegtuin voor ouderen aan de Albardakade", 0.50),
        ("Jongerenpodium Geuzenveld", 0.30),
        ("Buurtkeuken in buurthuis De Honingraat", 0.45),
        ("Pannaveld aan de Tussen Meer", 0.60),
        ("Geveltuinen in de Meer en Vaart-buurt", 0.45),
        ("Taalmaatjes Osdorp-Oost", 0.40),
        ("Buurtkamer aan het August Allebéplein", 0.60),
        ("Bloemenweide en bankjes in het Staalmanpark", 0.45),
        ("Meidenvoetbal Slotervaart", 0.35),
        # The main section: two favourites of all Nieuw-West, and plans for one neighbourhood.
        ("Zwemles voor volwassenen in het Sloterparkbad", 0.36),
        ("Zomerfestival aan de Sloterplas", 0.34),
        ("Energiecoaches voor Nieuw-West", 0.16),
        ("Speeltuin aan de Burgemeester Röellstraat vernieuwen", 0.15),
        ("Buurtmoeders Slotermeer-Noordoost", 0.15),
        ("Bomen en bankjes op het Plein '40-'45", 0.13),
        ("Huiswerkklas De Punt", 0.14),
        ("Fietsenwerkplaats voor jongeren in de Middelveldsche Akerpolder", 0.12),
        ("Licht op het fietspad langs de Westlandgracht", 0.12),
        ("Fietsles voor vrouwen in Overtoomse Veld", 0.12),
        ("Kunstroute langs de flats van Osdorp-Midden", 0.10),
    ),
    officials=(staff(Role.OFFICIAL, "nieuw-west"), second_official("nieuw-west")),
    paper_share=0.08,
    counted_by=staff(Role.OFFICIAL, "nieuw-west"),
)

VOTES: dict[str, VoteSpec] = {vote.edition_slug: vote for vote in (ZUIDOOST, NIEUW_WEST)}
