"""What the committees chose: Zuidoost's published shortlist, and Zuid's, half chosen and not yet public."""

from __future__ import annotations

from accounts.models import Role

from .accounts import staff
from .editions import ZUID_2027, ZUIDOOST_2026
from .specs import ShortlistChoiceSpec, ShortlistSpec

SHORTLISTS: dict[str, ShortlistSpec] = {
    ZUIDOOST_2026.slug: ShortlistSpec(
        chosen_by_email=staff(Role.COMMITTEE, "zuidoost"),
        published=True,
        choices=(
            ShortlistChoiceSpec(
                "Voedselbos in de Bijlmer",
                "Blijvend groen voor de hele Bijlmer, met lessen voor acht scholen.",
                at=0.1,
            ),
            ShortlistChoiceSpec(
                "Geveltuinen en regentonnen in Nellestein",
                "Klein, goedkoop en door bewoners zelf onderhouden; helpt tegen hitte en wateroverlast.",
                at=0.1,
            ),
            ShortlistChoiceSpec(
                "Klimaatplein Venserpolder",
                "Lost de grootste hittevlek van de Venserpolder op, met een ontwerp van de bewoners.",
                at=0.15,
            ),
            ShortlistChoiceSpec(
                "De Huiskamer van de Gein",
                "De Gein heeft geen buurthuis meer; de huiskamer vult dat gat en blijft na een jaar open.",
                at=0.2,
            ),
            ShortlistChoiceSpec(
                "Computerhulp en taalcafé voor ouderen in Venserpolder",
                "Helpt ouderen die nu afhankelijk zijn van hun kinderen om zelf hun zaken te regelen.",
                at=0.2,
            ),
            ShortlistChoiceSpec(
                "Samen koken in de K-buurt",
                "Brengt buren uit veel landen samen en vraagt weinig geld per deelnemer.",
                at=0.3,
            ),
            ShortlistChoiceSpec(
                "Huiswerkclub Bijlmer-Oost",
                "Examentraining is waar scholieren en ouders het meest om vroegen in de wijkgesprekken.",
                at=0.3,
            ),
            ShortlistChoiceSpec(
                "Meidenclub Zuidoost",
                "Voor heel Zuidoost en voor een groep die in sport en jongerenwerk weinig bereikt wordt.",
                at=0.35,
            ),
            ShortlistChoiceSpec(
                "Jongerenstudio Holendrecht",
                "Jongeren schreven en begrootten het plan zelf; het jongerencentrum geeft de ruimte.",
                at=0.4,
            ),
            ShortlistChoiceSpec(
                "Pannaveld en streetbasket in Reigersbos",
                "Maakt van een verwaarloosd veld bij de metro weer een plek waar kinderen veilig spelen.",
                at=0.45,
            ),
            ShortlistChoiceSpec(
                "Buitenfitness langs de Gaasperplas",
                "Gratis sporten voor volwassenen in de buitenlucht, met een jaar begeleiding erbij.",
                at=0.5,
            ),
            ShortlistChoiceSpec(
                "Zomerfestival in het Nelson Mandelapark",
                "Het enige cultuurplan voor heel Zuidoost, door en voor bewoners uit alle wijken.",
                at=0.6,
            ),
            ShortlistChoiceSpec(
                "Muurschildering 'Helden van de Bijlmer'",
                "Zet bewoners die de buurt dragen in het zonnetje, op een plek die iedereen ziet.",
                at=0.7,
            ),
        ),
    ),
    ZUID_2027.slug: ShortlistSpec(
        chosen_by_email=staff(Role.COMMITTEE, "zuid"),
        published=False,
        choices=(
            ShortlistChoiceSpec(
                "Tegels eruit, groen erin in de Rivierenbuurt",
                "Sluit aan bij het klimaatbeleid van Zuid en wordt door zestig buren samen uitgevoerd.",
                at=0.2,
            ),
            ShortlistChoiceSpec(
                "Buurtkeuken in De Pijp",
                "Bereikt bewoners die alleen zijn of weinig geld hebben, in de drukste buurt van Zuid.",
                at=0.25,
            ),
            ShortlistChoiceSpec(
                "Pannakooi in Buitenveldert",
                "Buitenveldert mist speelplekken voor kinderen boven de tien; de nieuwe plek stoort niemand.",
                at=0.4,
            ),
            ShortlistChoiceSpec(
                "Schoolstraat bij de scholen in de Apollobuurt",
                "Goedkoop dankzij het programma Schoolzones, en belangrijk voor 700 schoolkinderen.",
                at=0.5,
            ),
            ShortlistChoiceSpec(
                "Digitaal spreekuur voor ouderen in Buitenveldert",
                "Een klein plan met veel effect: ouderen blijven zelfstandig.",
                at=0.6,
            ),
        ),
    ),
}
