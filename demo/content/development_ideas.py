"""Ideas in Nieuw-West 2027 (plans phase): rough plans with supporters, comments, people and open needs.

Residents are named by the local part of their demo address (``accounts.resident``); moments are days
before the demo's day, all inside the plans phase. "Buurtmoestuin op het Confuciusplein" has a
co-initiator and becomes a draft plan with three cost lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from .specs import eur

EDITION_SLUG = "buurtbudget-nieuw-west-2027"


@dataclass(frozen=True)
class MemberSpec:
    person: str
    role: str  # "co_initiator" or "volunteer"
    offer: str
    accepted: bool | None  # None: asked, not answered yet


@dataclass(frozen=True)
class CommentSpec:
    person: str
    days_ago: int
    body: str


@dataclass(frozen=True)
class DraftSpec:
    theme: str  # the name of one of the edition's themes
    cost_lines: tuple[tuple[str, int], ...]  # (description, cents)


@dataclass(frozen=True)
class IdeaSpec:
    title: str
    text: str
    neighbourhood_slug: str
    initiator: str
    days_ago: int
    needs: tuple[str, ...]
    needs_note: str = ""
    found: tuple[str, ...] = ()  # needs the initiator ticked off later
    supporters: tuple[str, ...] = ()
    members: tuple[MemberSpec, ...] = ()
    comments: tuple[CommentSpec, ...] = ()
    draft: DraftSpec | None = None


IDEAS: tuple[IdeaSpec, ...] = (
    IdeaSpec(
        title="Buurtmoestuin op het Confuciusplein",
        text=(
            "Op het Confuciusplein ligt een stuk gras waar niemand iets mee doet. "
            "Wij willen daar een moestuin maken, met bakken op hoogte en twee bankjes. "
            "Buren kweken samen groente en kruiden. Kinderen van de school om de hoek helpen mee."
        ),
        neighbourhood_slug="slotermeer-noordoost",
        initiator="fatima.bennani",
        days_ago=9,  # the day after the workshop "Van idee naar plan" it came from
        needs=("people", "know_how", "place"),
        needs_note="Iemand die verstand heeft van moestuinen.",
        found=("place",),
        supporters=("ingrid.bakker", "yusuf.demir", "mohamed.elamrani", "bewoner"),
        members=(
            MemberSpec(
                "karim.haddou", "co_initiator", "Ik schrijf het plan mee en regel de begroting.", True
            ),
            MemberSpec("ingrid.bakker", "volunteer", "Elke zaterdag twee uur wieden en water geven.", True),
        ),
        comments=(
            CommentSpec("yusuf.demir", 8, "Mooi plan! Mijn kinderen willen graag helpen met zaaien."),
            CommentSpec("fatima.bennani", 7, "Dank je! Zaaien doen we in april. Iedereen is welkom."),
        ),
        draft=DraftSpec(
            theme="Groen en duurzaam",
            cost_lines=(
                ("Twee bankjes met rugleuning", eur(1_800)),
                ("Plantenbakken van hout", eur(2_400)),
                ("Zaden en plantgoed", eur(350)),
            ),
        ),
    ),
    IdeaSpec(
        title="Tafeltennistafel bij de Sloterplas",
        text=(
            "Jongeren hangen bij de Sloterplas rond en vervelen zich. "
            "Een tafeltennistafel van beton geeft ze iets te doen. We organiseren ook een toernooi."
        ),
        neighbourhood_slug="slotervaart-noord",
        initiator="yusuf.demir",
        days_ago=12,
        needs=("permit", "place"),
        needs_note="Mag een tafel op het gras bij het water?",
        supporters=("karim.haddou", "bewoner"),
        members=(MemberSpec("mohamed.elamrani", "volunteer", "Ik help bij het toernooi.", None),),
        comments=(CommentSpec("bewoner", 10, "Graag ook een bankje erbij voor de ouders."),),
    ),
    IdeaSpec(
        title="Taalcafé in de bibliotheek van Osdorp",
        text=(
            "Elke week een uur Nederlands praten met buren, bij koffie en thee. "
            "Geen les, maar oefenen in een gesprek. Vrijwilligers praten mee."
        ),
        neighbourhood_slug="osdorp-midden",
        initiator="ingrid.bakker",
        days_ago=16,
        needs=("people", "know_how"),
        supporters=("fatima.bennani", "mohamed.elamrani"),
        members=(MemberSpec("bewoner", "volunteer", "Ik ben juf geweest en praat graag mee.", True),),
    ),
    IdeaSpec(
        title="Bloembakken in de Pieter Calandlaan",
        text="Grijze stoepen worden vrolijker met bloembakken. Bewoners zorgen samen voor de planten.",
        neighbourhood_slug="osdorp-oost",
        initiator="mohamed.elamrani",
        days_ago=9,
        needs=("people", "permit"),
        supporters=("fatima.bennani",),
    ),
    IdeaSpec(
        title="Kinderkunstweek in Geuzenveld",
        text=(
            "Een week in de zomer maken kinderen kunst met een echte kunstenaar. "
            "Aan het eind hangen we alles op in het buurthuis."
        ),
        neighbourhood_slug="geuzenveld",
        initiator="bewoner",
        days_ago=7,
        needs=("know_how", "place"),
        needs_note="Een kunstenaar die met kinderen wil werken.",
        supporters=("ingrid.bakker", "yusuf.demir", "karim.haddou"),
        comments=(CommentSpec("karim.haddou", 5, "Het buurthuis aan het Lambertus Zijlplein heeft ruimte."),),
    ),
    IdeaSpec(
        title="Lichtjes langs het pad bij de Lutkemeer",
        text=(
            "Het fietspad langs de Lutkemeer is 's avonds donker. "
            "Lampjes op zonne-energie maken het veiliger."
        ),
        neighbourhood_slug="lutkemeer-ookmeer",
        initiator="karim.haddou",
        days_ago=4,
        needs=("permit", "know_how"),
        supporters=("yusuf.demir",),
    ),
)
