"""What the reviewers said: checklists, internal remarks, verdicts with explanations, change requests."""

from __future__ import annotations

from accounts.models import Role
from review.models import CheckOutcome, Verdict

from .accounts import staff
from .editions import NOORD_2026, WEST_2027, ZUID_2027, ZUIDOOST_2026
from .specs import ChangeRequestSpec, EditSpec, ReviewSpec, eur

CRITERIA = ("legal", "financial", "spatial", "maintenance", "public_benefit")
OK, CONCERN, NOT_OK = CheckOutcome.OK.value, CheckOutcome.CONCERN.value, CheckOutcome.NOT_OK.value
FEASIBLE = Verdict.FEASIBLE.value
AFTER_CHANGES = Verdict.FEASIBLE_AFTER_CHANGES.value
NOT_FEASIBLE = Verdict.NOT_FEASIBLE.value


def checks(
    *, only: tuple[str, ...] = CRITERIA, **answers: tuple[str, str]
) -> tuple[tuple[str, str, str], ...]:
    """The checklist: every criterion in ``only`` is OK without a note unless ``answers`` says otherwise."""
    return tuple((key, *answers.get(key, (OK, ""))) for key in only)


REVIEWER_WEST = staff(Role.REVIEWER, "west")
REVIEWER_ZUID = staff(Role.REVIEWER, "zuid")
REVIEWER_ZUIDOOST = staff(Role.REVIEWER, "zuidoost")
REVIEWER_NOORD = staff(Role.REVIEWER, "noord")

# West is in review now: verdicts are recorded but stay internal until the publication date.
WEST: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "Regentuin en bomen op het Bos en Lommerplein",
        REVIEWER_WEST,
        started=0.05,
        checks=checks(
            spatial=(OK, "De bomen staan na de aanpassing buiten de kabelstrook."),
            maintenance=(OK, "Hovenier de eerste twee jaar, daarna in het gewone groenonderhoud."),
        ),
        internal_remarks="KLIC-melding nodig voor de uitvoering; Liander heeft de kabelkaart gestuurd.",
        change_request=ChangeRequestSpec(
            message=(
                "Onder het plein liggen kabels en leidingen. Bomen moeten minstens twee meter van de "
                "kabelstrook staan: wil je ze verplaatsen naar de rand van de regentuin? Geef ook aan wie "
                "de regentuin de eerste twee jaar onderhoudt, tot het stadsdeel het overneemt."
            ),
            at=0.15,
            deadline_days=14,
            answered=EditSpec(
                note=(
                    "Bomen verplaatst, weg van de kabels; onderhoud door een hovenier voor de eerste twee "
                    "jaar toegevoegd, zoals de toetser vroeg."
                ),
                at=0.5,
                description=(
                    "Het Bos en Lommerplein is in de zomer een van de heetste plekken van West, en bij een "
                    "hoosbui staat het water tot aan de stoep. Een regentuin vangt het water op en laat het "
                    "langzaam wegzakken.\n\n"
                    "Aan de kant van de Bos en Lommerweg halen we 180 m² tegels weg. De regentuin ligt "
                    "dertig centimeter lager dan het plein en krijgt planten die natte voeten en droogte "
                    "verdragen. Vier lindes midden in de regentuin geven schaduw; de betonnen rand wordt "
                    "een lange zitbank."
                ),
                cost_lines=(
                    ("Tegels verwijderen en grond afgraven, 180 m²", eur(9_800)),
                    ("Vier lindes met boomkrat", eur(9_400)),
                    ("Planten en substraat voor de regentuin", eur(6_400)),
                    ("Betonnen zitrand", eur(8_200)),
                ),
            ),
        ),
    ),
    ReviewSpec(
        "Pluktuin op het Bellamyplein",
        REVIEWER_WEST,
        started=0.1,
        checks=checks(spatial=(OK, "De bakken staan buiten de brandweerroute.")),
        verdict=FEASIBLE,
        recorded=0.4,
        public_explanation="De bakken passen op het plein en de buurtkamer ernaast bewaart het gereedschap.",
    ),
    ReviewSpec(
        "Huiswerkklas in De Kolenkit",
        REVIEWER_WEST,
        started=0.1,
        checks=checks(
            financial=(CONCERN, "De coördinator kan deels uit het bestaande jongerenwerk komen."),
        ),
        internal_remarks="Met de Brede School Bos en Lommer gebeld: zij willen de coördinatie delen.",
        verdict=AFTER_CHANGES,
        recorded=0.55,
        public_explanation=(
            "Haalbaar als de huiswerkklas samenwerkt met de Brede School, die de ruimte en een deel van "
            "de coördinatie levert. De initiatiefnemers hebben daarmee ingestemd."
        ),
        adjusted_cost_cents=eur(25_200),
        cost_change_reason=(
            "De Brede School betaalt de helft van de coördinator; de kosten dalen met € 4.900."
        ),
    ),
    ReviewSpec(
        "Zomerfilm op het Van Limburg Stirumplein",
        REVIEWER_WEST,
        started=0.2,
        checks=checks(
            only=("legal", "financial", "spatial"),
            legal=(CONCERN, "Evenementenvergunning nodig; eindtijd en geluid ontbreken in het plan."),
        ),
        change_request=ChangeRequestSpec(
            message=(
                "Voor film op het plein is een evenementenvergunning nodig. Voeg een geluidsplan toe: "
                "hoe laat eindigt de film (uiterlijk 23.00 uur), waar staan de speakers en hoe laat je de "
                "buren vooraf weten wanneer de avonden zijn?"
            ),
            at=0.9,
            deadline_days=12,
        ),
    ),
    ReviewSpec(
        "Veilige oversteek bij basisschool De Horizon",
        REVIEWER_WEST,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "Een zebrapad en een plateau vragen een verkeersbesluit van de gemeente."),
            spatial=(NOT_OK, "Op een tramroute mag geen verhoogd plateau liggen."),
            maintenance=(CONCERN, "Knipperlicht moet in het beheer van de gemeente komen."),
        ),
        internal_remarks="Overlegd met V&OR en het GVB; plek doorgegeven aan het programma Schoolzones.",
        verdict=NOT_FEASIBLE,
        recorded=0.35,
        public_explanation=(
            "Een zebrapad met plateau op de Jan Evertsenstraat kan niet uit het buurtbudget: "
            "verkeersmaatregelen zijn een besluit van de gemeente, en op een tramroute mag geen "
            "verhoogd plateau liggen. Het stadsdeel heeft de oversteek aangemeld bij het programma "
            "Schoolzones, dat in 2027 de omgeving van twintig scholen veiliger maakt."
        ),
    ),
    ReviewSpec(
        "Ouderensoos in de Da Costabuurt",
        REVIEWER_WEST,
        started=0.15,
        checks=checks(financial=(CONCERN, "Vervoer kan met de buurtbus van het stadsdeel.")),
        verdict=FEASIBLE,
        recorded=0.6,
        public_explanation="Een eenvoudig en goed begroot plan dat past bij het ouderenbeleid van West.",
        adjusted_cost_cents=eur(12_300),
        cost_change_reason=(
            "De soos kan voor de uitjes gratis de buurtbus van het stadsdeel gebruiken; de kosten voor "
            "vervoer vallen € 1.000 lager uit."
        ),
    ),
    ReviewSpec(
        "Calisthenicspark in het Erasmuspark",
        REVIEWER_WEST,
        started=0.4,
        checks=checks(
            only=("legal", "spatial"),
            spatial=(CONCERN, "Het grasveld is een evenemententerrein; een plek aan de rand ligt beter."),
        ),
    ),
    ReviewSpec("Kledingbieb en naaiatelier in de Spaarndammerbuurt", REVIEWER_WEST, started=0.7),
    ReviewSpec(
        "Watertafel en schaduwdoeken in het Frederik Hendrikplantsoen",
        REVIEWER_WEST,
        started=0.2,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.45,
    ),
    ReviewSpec(
        "Boksschool voor meiden in de Van Galenbuurt",
        REVIEWER_WEST,
        started=0.5,
        checks=checks(only=("legal", "financial", "spatial", "maintenance")),
    ),
    ReviewSpec(
        "Buurtconciërge voor de Westindische Buurt",
        REVIEWER_WEST,
        started=0.3,
        internal_remarks="Nagaan of dit overlapt met het buurtbeheercontract van de corporatie.",
    ),
)

# Zuid's review is over and its verdicts are published.
ZUID: tuple[ReviewSpec, ...] = (
    ReviewSpec(
        "Tegels eruit, groen erin in de Rivierenbuurt",
        REVIEWER_ZUID,
        started=0.05,
        checks=checks(maintenance=(OK, "Bewoners onderhouden de plantvakken; afspraak per straat.")),
        verdict=FEASIBLE,
        recorded=0.4,
        public_explanation="Het stadsdeel haalt de tegels samen met de bewoners weg en voert ze af.",
    ),
    ReviewSpec(
        "Buurtkeuken in De Pijp",
        REVIEWER_ZUID,
        started=0.05,
        checks=checks(legal=(CONCERN, "Koken voor groepen vraagt een hygiënecursus.")),
        verdict=AFTER_CHANGES,
        recorded=0.5,
        public_explanation=(
            "Haalbaar als de vaste koks een hygiënecursus volgen, zoals de regels voor koken voor "
            "groepen voorschrijven. Die cursus is aan de begroting toegevoegd."
        ),
        adjusted_cost_cents=eur(31_100),
        cost_change_reason="Hygiënecursus voor zes vaste koks toegevoegd: € 1.200.",
    ),
    ReviewSpec(
        "Schaaktafels in het Sarphatipark",
        REVIEWER_ZUID,
        started=0.1,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.45,
    ),
    ReviewSpec(
        "Kunstroute door de Hoofddorppleinbuurt",
        REVIEWER_ZUID,
        started=0.1,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.5,
        public_explanation="De eigenaren van drie van de vier lege panden hebben al toegezegd.",
    ),
    ReviewSpec(
        "Watertappunten in het Beatrixpark",
        REVIEWER_ZUID,
        started=0.15,
        checks=checks(financial=(CONCERN, "Waternet rekent een vast tarief, lager dan begroot.")),
        verdict=FEASIBLE,
        recorded=0.55,
        adjusted_cost_cents=eur(11_500),
        cost_change_reason=(
            "Waternet plaatst een watertappunt voor een vast tarief van € 5.750, inclusief aansluiting. "
            "Het plan kost daardoor € 4.500 minder."
        ),
    ),
    ReviewSpec(
        "Pannakooi in Buitenveldert",
        REVIEWER_ZUID,
        started=0.2,
        checks=checks(
            spatial=(CONCERN, "Te dicht bij de slaapkamers van de flat; andere hoek van het veld.")
        ),
        verdict=AFTER_CHANGES,
        recorded=0.6,
        public_explanation=(
            "Haalbaar op een andere plek: de kooi moet minstens vijftien meter van de flats staan vanwege "
            "het geluid. Het stadsdeel heeft met de initiatiefnemer de hoek bij de Arent Janszoon "
            "Ernststraat gekozen."
        ),
    ),
    ReviewSpec(
        "Digitaal spreekuur voor ouderen in Buitenveldert",
        REVIEWER_ZUID,
        started=0.2,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.5,
        public_explanation="De bibliotheek stelt de ruimte gratis beschikbaar.",
    ),
    ReviewSpec(
        "Drijvende tuinen in de Boerenwetering",
        REVIEWER_ZUID,
        started=0.1,
        checks=checks(
            legal=(
                NOT_OK,
                "Geen vaste objecten in een vaarweg zonder watervergunning; die wordt niet verleend.",
            ),
            spatial=(NOT_OK, "De kade is een beschermd stadsgezicht; verankering in de kademuur mag niet."),
            maintenance=(CONCERN, "Onderhoud vanaf het water vraagt een vaarvergunning."),
        ),
        internal_remarks="Waternet (afdeling vergunningen) heeft schriftelijk gereageerd, zie het dossier.",
        verdict=NOT_FEASIBLE,
        recorded=0.65,
        public_explanation=(
            "De Boerenwetering is een vaarweg. Waternet geeft geen vergunning voor vaste vlotten, en de "
            "kademuur mag als deel van het beschermd stadsgezicht niet worden aangeboord. Het stadsdeel "
            "zoekt graag met de initiatiefnemer naar stilstaand water waar het wel kan."
        ),
    ),
    ReviewSpec(
        "Gratis ijsbaan op het Museumplein",
        REVIEWER_ZUID,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "Het Museumplein is een evenemententerrein onder centraal beheer."),
            public_benefit=(CONCERN, "Zes weken gebruik voor bijna € 40.000; niets blijft."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.6,
        public_explanation=(
            "Het Museumplein wordt door de gemeente centraal beheerd als evenemententerrein en is in de "
            "winter al vergeven. Bovendien blijft er na zes weken niets over voor de buurt, terwijl het "
            "plan bijna het maximale bedrag kost."
        ),
    ),
    ReviewSpec(
        "Schoolstraat bij de scholen in de Apollobuurt",
        REVIEWER_ZUID,
        started=0.1,
        checks=checks(
            legal=(CONCERN, "Een schoolstraat vraagt een verkeersbesluit; mogelijk als pilot."),
        ),
        verdict=AFTER_CHANGES,
        recorded=0.7,
        public_explanation=(
            "Haalbaar als pilot van een half jaar: het stadsdeel neemt het verkeersbesluit en betaalt de "
            "hekken en borden uit het programma Schoolzones. Het buurtbudget betaalt de campagne en de "
            "evaluatie."
        ),
        adjusted_cost_cents=eur(3_700),
        cost_change_reason=(
            "Hekken en verkeersborden (€ 6.800) betaalt het stadsdeel uit het programma Schoolzones."
        ),
    ),
    ReviewSpec(
        "Minibieb-kastjes in De Pijp",
        REVIEWER_ZUID,
        started=0.3,
        checks=checks(spatial=(OK, "Kastjes aan gevels, niet op de stoep: toestemming van de eigenaar.")),
        verdict=FEASIBLE,
        recorded=0.6,
    ),
    ReviewSpec(
        "Jongerenpodium in de Stadionbuurt",
        REVIEWER_ZUID,
        started=0.3,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.75,
        public_explanation="Het buurthuis heeft de vrijdagavonden vrijgehouden.",
    ),
)

# Zuidoost's review and shortlist lie in the past; its vote is open now.
_PLAIN_FEASIBLE_ZUIDOOST = (
    "Geveltuinen en regentonnen in Nellestein",
    "Computerhulp en taalcafé voor ouderen in Venserpolder",
    "Samen koken in de K-buurt",
    "Huiswerkclub Bijlmer-Oost",
    "Meidenclub Zuidoost",
    "Jongerenstudio Holendrecht",
    "Buitenfitness langs de Gaasperplas",
    "Muurschildering 'Helden van de Bijlmer'",
    "Kerstmarkt op het Anton de Komplein",
)

ZUIDOOST: tuple[ReviewSpec, ...] = (
    *(
        ReviewSpec(title, REVIEWER_ZUIDOOST, started=0.05 + i * 0.03, checks=checks(), verdict=FEASIBLE)
        for i, title in enumerate(_PLAIN_FEASIBLE_ZUIDOOST)
    ),
    ReviewSpec(
        "Voedselbos in de Bijlmer",
        REVIEWER_ZUIDOOST,
        started=0.05,
        checks=checks(financial=(CONCERN, "Grondverbetering kan goedkoper met compost van het stadsdeel.")),
        verdict=FEASIBLE,
        recorded=0.6,
        public_explanation="Het Nelson Mandelapark heeft de plek aan de rand bij de D-buurt vrijgemaakt.",
        adjusted_cost_cents=eur(59_500),
        cost_change_reason=(
            "Het stadsdeel levert compost uit het eigen groenafval; grondverbetering kost € 4.500 minder."
        ),
    ),
    ReviewSpec(
        "Klimaatplein Venserpolder",
        REVIEWER_ZUIDOOST,
        started=0.1,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.7,
        public_explanation="Het plein komt na oplevering in het gewone onderhoud van het stadsdeel.",
    ),
    ReviewSpec(
        "De Huiskamer van de Gein",
        REVIEWER_ZUIDOOST,
        started=0.1,
        checks=checks(financial=(CONCERN, "Huur in het eerste jaar deels door de corporatie betaald.")),
        verdict=AFTER_CHANGES,
        recorded=0.75,
        public_explanation=(
            "Haalbaar als de huiskamer na het eerste jaar ook zonder buurtbudget open kan blijven. De "
            "initiatiefnemers hebben een afspraak met de corporatie over de huur toegevoegd."
        ),
        adjusted_cost_cents=eur(66_000),
        cost_change_reason="De corporatie betaalt drie maanden huur; de kosten dalen met € 6.000.",
    ),
    ReviewSpec(
        "Pannaveld en streetbasket in Reigersbos",
        REVIEWER_ZUIDOOST,
        started=0.15,
        checks=checks(),
        verdict=FEASIBLE,
        recorded=0.65,
    ),
    ReviewSpec(
        "Zomerfestival in het Nelson Mandelapark",
        REVIEWER_ZUIDOOST,
        started=0.2,
        checks=checks(legal=(CONCERN, "Evenementenvergunning: eindtijd 22.00 uur.")),
        verdict=AFTER_CHANGES,
        recorded=0.8,
        public_explanation=(
            "Haalbaar met een eindtijd van 22.00 uur in plaats van 23.00 uur, zoals de vergunning voor "
            "het park voorschrijft."
        ),
    ),
    ReviewSpec(
        "Speeltuin op het dak van de parkeergarage in Amstel III",
        REVIEWER_ZUIDOOST,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "Het dak is particulier eigendom van de garage-eigenaar."),
            spatial=(NOT_OK, "Het dak is niet berekend op een speeltuin met valondergrond."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.55,
        public_explanation=(
            "Het dak is eigendom van de garage-eigenaar, die geen toestemming geeft, en de constructie "
            "kan het gewicht van een speeltuin niet dragen. Het stadsdeel neemt een speelplek op in het "
            "plan voor de openbare ruimte van Amstel III."
        ),
    ),
    ReviewSpec(
        "Gratis sportschoolabonnementen voor jongeren",
        REVIEWER_ZUIDOOST,
        started=0.1,
        checks=checks(
            legal=(NOT_OK, "Het buurtbudget betaalt geen individuele abonnementen bij een bedrijf."),
            public_benefit=(CONCERN, "Na een jaar blijft er niets over voor de buurt."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.5,
        public_explanation=(
            "Het buurtbudget is voor voorzieningen en activiteiten die de hele buurt ten goede komen, "
            "niet voor abonnementen van individuele jongeren bij een commerciële sportschool. Jongeren "
            "kunnen een bijdrage vragen bij het Jeugdfonds Sport & Cultuur."
        ),
    ),
)

# Noord's review lies far in the past: the panel chose from the feasible plans, which are now carried out.
_PLAIN_FEASIBLE_NOORD = (
    "Buurtbarbecue en straatfeest Tuindorp Oostzaan",
    "Repair café Waterlandplein",
    "Moestuin achter de Van der Pekstraat",
    "Bankjes en plantenbakken in Tuindorp Nieuwendam",
    "Zwerfvuilteam Noord",
)

NOORD: tuple[ReviewSpec, ...] = (
    *(
        ReviewSpec(title, REVIEWER_NOORD, started=0.05 + i * 0.04, checks=checks(), verdict=FEASIBLE)
        for i, title in enumerate(_PLAIN_FEASIBLE_NOORD)
    ),
    ReviewSpec(
        "Verlichting langs het fietspad aan de Kadoelenweg",
        REVIEWER_NOORD,
        started=0.1,
        checks=checks(spatial=(CONCERN, "Het fietspad ligt langs een vleermuisroute.")),
        internal_remarks="Ecoloog van het stadsdeel heeft de lichtkleur beoordeeld.",
        verdict=AFTER_CHANGES,
        recorded=0.6,
        public_explanation=(
            "Haalbaar met amberkleurig licht dat naar beneden schijnt, zodat de vleermuizen langs de "
            "Kadoelenweg geen last hebben. De initiatiefnemer heeft de lantaarns daarop aangepast."
        ),
    ),
    ReviewSpec(
        "Speeltuin Vogelbuurt opknappen",
        REVIEWER_NOORD,
        started=0.1,
        checks=checks(
            maintenance=(OK, "De speeltuin blijft in het onderhoud en de keuring van het stadsdeel.")
        ),
        verdict=FEASIBLE,
        recorded=0.5,
        public_explanation="De toestellen voldoen aan het Warenwetbesluit attractie- en speeltoestellen.",
    ),
    ReviewSpec(
        "Hondenuitlaatveld in de Banne",
        REVIEWER_NOORD,
        started=0.15,
        checks=checks(
            legal=(CONCERN, "Het veld moet in het hondenbeleid als losloopgebied worden aangewezen.")
        ),
        verdict=AFTER_CHANGES,
        recorded=0.7,
        public_explanation=(
            "Haalbaar aan de rand van het park in plaats van naast het winkelcentrum: daar past het hek "
            "zonder bomen te kappen. Het stadsdeel wijst het veld aan als losloopgebied."
        ),
    ),
    ReviewSpec(
        "AED's voor heel Noord",
        REVIEWER_NOORD,
        started=0.2,
        checks=checks(maintenance=(OK, "De buurtvereniging beheert de kasten; HartslagNu meldt ze aan.")),
        verdict=FEASIBLE,
        recorded=0.55,
    ),
    ReviewSpec(
        "Beweegroute door het Noorderpark",
        REVIEWER_NOORD,
        started=0.2,
        checks=checks(spatial=(OK, "De toestellen staan buiten de evenementenweide.")),
        verdict=FEASIBLE,
        recorded=0.65,
        public_explanation="De parkbeheerder heeft de plekken van de toestellen goedgekeurd.",
    ),
    ReviewSpec(
        "Fietswerkplaats voor jongeren in Buikslotermeer",
        REVIEWER_NOORD,
        started=0.25,
        checks=checks(financial=(CONCERN, "Na het eerste jaar is er geen geld voor de begeleiding.")),
        verdict=AFTER_CHANGES,
        recorded=0.75,
        public_explanation=(
            "Haalbaar nu het jongerenwerk de begeleiding na het eerste jaar overneemt; die afspraak staat "
            "in het aangepaste plan."
        ),
    ),
    ReviewSpec(
        "Overdekte skatebaan onder de A10",
        REVIEWER_NOORD,
        started=0.1,
        checks=checks(
            legal=(
                NOT_OK,
                "De grond onder het viaduct is van Rijkswaterstaat, die er geen bouwwerken toestaat.",
            ),
            spatial=(NOT_OK, "Onder het viaduct geldt een veiligheidszone voor inspectie en onderhoud."),
            public_benefit=(OK, "Een droge skateplek is een echte wens van jongeren in Noord."),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.5,
        public_explanation=(
            "De grond onder het viaduct is van Rijkswaterstaat, die er vanwege inspectie en onderhoud "
            "geen vaste bouwwerken toestaat. Het stadsdeel zoekt met de skaters een andere overdekte plek "
            "en nodigt ze uit voor de volgende editie."
        ),
    ),
    ReviewSpec(
        "Buurtbus voor ouderen in Waterland",
        REVIEWER_NOORD,
        started=0.15,
        checks=checks(
            legal=(
                NOT_OK,
                "Personenvervoer met vrijwilligers vraagt een vervoersvergunning en een stichting.",
            ),
            financial=(NOT_OK, "Na het eerste jaar zijn er geen middelen voor verzekering en onderhoud."),
            public_benefit=(OK, ""),
        ),
        verdict=NOT_FEASIBLE,
        recorded=0.6,
        public_explanation=(
            "Het buurtbudget betaalt eenmalige uitgaven, maar een buurtbus kost elk jaar geld voor "
            "verzekering, onderhoud en laden, en de vrijwilligers hebben een stichting met vergunning "
            "nodig. Het stadsdeel brengt de initiatiefnemer in contact met de Regiotaxi en de "
            "Buurtbusvereniging Waterland."
        ),
    ),
)

REVIEWS: dict[str, tuple[ReviewSpec, ...]] = {
    ZUIDOOST_2026.slug: ZUIDOOST,
    NOORD_2026.slug: NOORD,
    WEST_2027.slug: WEST,
    ZUID_2027.slug: ZUID,
}
