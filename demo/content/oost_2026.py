"""Buurtbudget Oost 2026 from review to result: the verdicts, the panel that made the shortlist, the vote.

A hybrid edition, panel first: a citizens' panel drawn from 500 letters chose ten of the twelve
feasible plans; then everyone in Oost aged 16 and over voted on them, online or on paper. The vote's
address list covers part of Oost (about 5,000 eligible residents); the panel's letters went to
addresses on the same list.
"""

from __future__ import annotations

from accounts.models import Role

from .accounts import second_official, staff
from .editions import OOST_2026
from .panel_noord import PanelSpec
from .reviews import AFTER_CHANGES, CONCERN, FEASIBLE, NOT_FEASIBLE, NOT_OK, checks
from .specs import ReviewSpec, ShortlistChoiceSpec, ShortlistSpec, VoterAreaSpec, VoteSpec, eur

REVIEWER = staff(Role.REVIEWER, "oost")
FACILITATOR = staff(Role.FACILITATOR, "oost")
OFFICIAL = staff(Role.OFFICIAL, "oost")

_SPECIAL: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "Overdekte buurtmarkt op het Krugerplein",
        REVIEWER,
        started=0.05,
        checks=checks(
            spatial=(NOT_OK, "Een vaste overkapping past niet in het bestemmingsplan van het plein."),
            maintenance=(CONCERN, "Niemand neemt het onderhoud van de overkapping over."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.4,
        public_explanation=(
            "Een vaste overkapping op het Krugerplein past niet in het bestemmingsplan, en het stadsdeel "
            "kan het onderhoud niet overnemen. Een markt met losse kramen kan wel, met een "
            "evenementenvergunning: de initiatiefnemers zijn in contact gebracht met de marktafdeling."
        ),
    ),
    ReviewSpec(
        "Zonnepanelen op de daken van IJburg Zuid",
        REVIEWER,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "De daken zijn van de corporatie en de VvE's, niet van het stadsdeel."),
            public_benefit=(CONCERN, "De opbrengst gaat naar vijf blokken, niet naar de buurt."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.45,
        public_explanation=(
            "Het buurtbudget betaalt niet voor voorzieningen op particuliere daken, en de opbrengst zou "
            "alleen bij de bewoners van vijf blokken terechtkomen. De energiecoöperatie kan subsidie "
            "aanvragen bij het Amsterdamse Klimaatfonds."
        ),
    ),
    ReviewSpec(
        "Zomeravonden op het Ambonplein",
        REVIEWER,
        started=0.15,
        checks=checks(
            legal=(CONCERN, "Evenementenvergunning nodig; muziek tot 23.00 uur, geluidsplan verplicht."),
        ),
        verdict=AFTER_CHANGES,
        recorded=0.6,
        public_explanation=(
            "Haalbaar met een evenementenvergunning: de muziek stopt om 23.00 uur en er komt een "
            "geluidsplan voor de omwonenden. De initiatiefnemers hebben dat toegezegd."
        ),
    ),
    ReviewSpec(
        "Schaduwbomen en bankjes langs de Weesperzijde",
        REVIEWER,
        started=0.2,
        checks=checks(
            spatial=(CONCERN, "Onder de kade liggen kabels: alleen bomen in bakken, geen plantgaten."),
        ),
        verdict=AFTER_CHANGES,
        recorded=0.55,
        public_explanation=(
            "Haalbaar met bomen in bakken: onder de kade liggen kabels en leidingen. De bakken kosten "
            "meer dan het plan schatte; het stadsdeel heeft de begroting aangepast."
        ),
        adjusted_cost_cents=eur(38_500),
        cost_change_reason="Grotere plantbakken met wortelbegrenzing: € 2.500 meer.",
    ),
)

_SPECIAL_TITLES = {spec.plan_title for spec in _SPECIAL}

_FEASIBLE_TITLES = (
    "Geveltuinen in de Transvaalbuurt",
    "Ontmoetingstafel in de Oosterparkbuurt",
    "Pannakooi op het Javaplein",
    "Schooltuin bij de Hortus in Frankendael",
    "Jongerenwerkplaats op IJburg",
    "Watersportdagen op het Nieuwe Diep",
    "Taalcafé in de Dapperbuurt",
    "Muurschildering 100 jaar Betondorp",
    "Buurtbus voor ouderen in Middenmeer",
    "Skateplek onder de Piet Heinkade",
)

REVIEWS: tuple[ReviewSpec, ...] = (
    *(
        ReviewSpec(title, REVIEWER, started=0.03 + i * 0.03, checks=checks(), verdict=FEASIBLE)
        for i, title in enumerate(_FEASIBLE_TITLES)
    ),
    *_SPECIAL,
)

# The panel's shortlist, recorded by the facilitator after its second evening, with the panel's reasons.
SHORTLIST = ShortlistSpec(
    chosen_by_email=FACILITATOR,
    published=True,
    choices=(
        ShortlistChoiceSpec(
            "Geveltuinen in de Transvaalbuurt",
            "Veel groen voor weinig geld, en de buren onderhouden het zelf.",
            at=0.5,
        ),
        ShortlistChoiceSpec(
            "Ontmoetingstafel in de Oosterparkbuurt",
            "Eenzaamheid onder ouderen kwam in elke tafelgroep van het panel terug.",
            at=0.5,
        ),
        ShortlistChoiceSpec(
            "Pannakooi op het Javaplein",
            "De jongste panelleden wezen erop dat er in de Indische Buurt niets voor tieners is.",
            at=0.5,
        ),
        ShortlistChoiceSpec(
            "Schooltuin bij de Hortus in Frankendael",
            "Vier scholen doen mee; kinderen uit de hele Watergraafsmeer hebben er iets aan.",
            at=0.55,
        ),
        ShortlistChoiceSpec(
            "Zomeravonden op het Ambonplein",
            "Brengt buren samen die elkaar niet kennen; het geluidsplan neemt de zorg van omwonenden weg.",
            at=0.55,
        ),
        ShortlistChoiceSpec(
            "Jongerenwerkplaats op IJburg",
            "IJburg groeit snel en heeft te weinig voor jongeren; de corporatie geeft de ruimte.",
            at=0.6,
        ),
        ShortlistChoiceSpec(
            "Watersportdagen op het Nieuwe Diep",
            "Kinderen die het water alleen van de kant kennen, leren het veilig gebruiken.",
            at=0.6,
        ),
        ShortlistChoiceSpec(
            "Schaduwbomen en bankjes langs de Weesperzijde",
            "Blijvend groen en schaduw op een plek waar ouderen nu nergens kunnen zitten.",
            at=0.65,
        ),
        ShortlistChoiceSpec(
            "Taalcafé in de Dapperbuurt",
            "Klein, goedkoop en het panel hoorde van deelnemers aan een eerder taalcafé hoeveel het helpt.",
            at=0.65,
        ),
        ShortlistChoiceSpec(
            "Muurschildering 100 jaar Betondorp",
            "Betondorp is klein en komt zelden aan bod; het jubileum is een kans die niet terugkomt.",
            at=0.7,
        ),
    ),
)

PANEL = PanelSpec(
    edition_slug=OOST_2026.slug,
    facilitator=FACILITATOR,
    panel_size=21,
    availability_text=(
        "Twee werkavonden in het Huis van de Wijk Oost, Wijttenbachstraat 36, van 18.30 tot 22.00 uur, "
        "in de vierde en de zesde week van de toetsfase. Je krijgt € 75 per avond en een maaltijd."
    ),
    # Oost's residents aged 16 and over (about 112,000), by age band and gender, rounded (OIS).
    age_population={"16-24": 13_500, "25-39": 41_000, "40-64": 40_500, "65-plus": 17_000},
    gender_population={"vrouw": 57_000, "man": 54_400, "anders": 600},
    addresses=2_500,  # the vote's address list is there first: the letters go to its addresses
    streets={},
    invitations=500,
    responded=138,
    open_sign_ups=10,
    age_weights={"16-24": 0.5, "25-39": 0.85, "40-64": 1.15, "65-plus": 1.5},
    gender_weights={"vrouw": 1.3, "man": 0.78, "anders": 1.0},
    available_share=0.8,
    invitation_seed=20_251_020,
    draw_seed=20_260_112,
)


def _addresses(population: int) -> int:
    """Addresses on the demo list for a neighbourhood of ``population`` (part of it, like a sample)."""
    return round(population / 70)


VOTE = VoteSpec(
    edition_slug=OOST_2026.slug,
    areas=(
        VoterAreaSpec(
            "weesperzijde", (1091,), ("Weesperzijde", "Tweede Boerhaavestraat"), _addresses(7_900), 0.19
        ),
        VoterAreaSpec(
            "oosterparkbuurt",
            (1091, 1092),
            ("Eerste Oosterparkstraat", "Wibautstraat", "Beukenweg"),
            _addresses(13_400),
            0.15,
        ),
        VoterAreaSpec(
            "dapperbuurt",
            (1093,),
            ("Dapperstraat", "Commelinstraat", "Wagenaarstraat"),
            _addresses(12_600),
            0.11,
        ),
        VoterAreaSpec(
            "transvaalbuurt",
            (1092,),
            ("Pretoriusstraat", "Schalk Burgerstraat", "Krugerstraat"),
            _addresses(10_300),
            0.12,
        ),
        VoterAreaSpec(
            "indische-buurt-west",
            (1094,),
            ("Javastraat", "Celebesstraat", "Borneostraat"),
            _addresses(11_200),
            0.09,
        ),
        VoterAreaSpec(
            "indische-buurt-oost",
            (1094,),
            ("Ambonplein", "Molukkenstraat", "Balistraat"),
            _addresses(13_100),
            0.08,
        ),
        VoterAreaSpec(
            "oostelijk-havengebied",
            (1019,),
            ("KNSM-laan", "Levantkade", "Javakade", "Borneokade"),
            _addresses(18_900),
            0.10,
        ),
        VoterAreaSpec(
            "zeeburgereiland-nieuwe-diep",
            (1095,),
            ("Zuiderzeeweg", "Sportheldenbuurt"),
            _addresses(9_800),
            0.10,
        ),
        VoterAreaSpec(
            "ijburg-west",
            (1086, 1087),
            ("Pampuslaan", "IJburglaan", "Krijn Taconiskade"),
            _addresses(20_300),
            0.14,
        ),
        VoterAreaSpec(
            "ijburg-oost", (1087,), ("Haveneiland-Oost", "Bert Haanstrakade"), _addresses(7_600), 0.12
        ),
        VoterAreaSpec(
            "ijburg-zuid", (1087,), ("Maria Austriastraat", "Pierre Cuypersstraat"), _addresses(8_900), 0.13
        ),
        VoterAreaSpec(
            "frankendael",
            (1097,),
            ("Middenweg", "Hugo de Vrieslaan", "Kamerlingh Onneslaan"),
            _addresses(7_800),
            0.18,
        ),
        VoterAreaSpec(
            "middenmeer",
            (1098,),
            ("Linnaeusstraat", "Watergraafsmeer", "Brinkstraat"),
            _addresses(15_200),
            0.18,
        ),
        VoterAreaSpec(
            "betondorp", (1097,), ("Brink", "Schoovenstraat", "Onderlangs"), _addresses(3_400), 0.21
        ),
    ),
    appeal=(
        ("Geveltuinen in de Transvaalbuurt", 0.45),
        ("Ontmoetingstafel in de Oosterparkbuurt", 0.40),
        ("Pannakooi op het Javaplein", 0.38),
        ("Schooltuin bij de Hortus in Frankendael", 0.42),
        ("Zomeravonden op het Ambonplein", 0.44),
        ("Jongerenwerkplaats op IJburg", 0.30),
        ("Watersportdagen op het Nieuwe Diep", 0.36),
        ("Schaduwbomen en bankjes langs de Weesperzijde", 0.22),
        ("Taalcafé in de Dapperbuurt", 0.30),
        ("Muurschildering 100 jaar Betondorp", 0.14),
    ),
    officials=(OFFICIAL, second_official("oost")),
    paper_share=0.06,
    counted_by=OFFICIAL,
)
