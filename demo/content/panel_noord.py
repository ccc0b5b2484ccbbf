"""The citizens' panel of Buurtbudget Noord 2026: set-up, population figures, letters, the pool."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Role

from .accounts import staff
from .editions import NOORD_2026


@dataclass(frozen=True)
class PanelSpec:
    """What the demo's panel recruitment did: ``weights`` skew the pool the way real pools are skewed."""

    edition_slug: str
    facilitator: str
    panel_size: int
    availability_text: str
    age_population: dict[str, int]  # residents aged 16+ per age band
    gender_population: dict[str, int]
    addresses: int  # the address list, if the edition has none yet
    streets: dict[str, tuple[str, ...]]  # per neighbourhood slug
    invitations: int
    responded: int
    open_sign_ups: int
    age_weights: dict[str, float]  # respondents' age bands, relative to the population
    gender_weights: dict[str, float]
    available_share: float
    invitation_seed: int
    draw_seed: int


PANEL_NOORD = PanelSpec(
    edition_slug=NOORD_2026.slug,
    facilitator=staff(Role.FACILITATOR, "noord"),
    panel_size=24,
    availability_text=(
        "Drie zaterdagen in de Tolhuistuin, van 10.00 tot 16.00 uur: de eerste, derde en vijfde "
        "zaterdag van de beslisfase. Je krijgt een vergoeding van € 150 per dag; kinderopvang en "
        "vervoer worden geregeld."
    ),
    # Noord's residents aged 16 and over (about 84,000), by age band and gender: rounded figures
    # in the spirit of the municipality's statistics (OIS), good enough for default quotas.
    age_population={"16-24": 10_900, "25-39": 25_300, "40-64": 32_100, "65-plus": 15_700},
    gender_population={"vrouw": 42_400, "man": 41_100, "anders": 500},
    addresses=1_200,
    streets={
        "volewijck": ("Van der Pekstraat", "Hagedoornweg"),
        "ijplein-vogelbuurt": ("Meeuwenlaan", "Merelstraat"),
        "tuindorp-buiksloot": ("Buiksloterdijk",),
        "nieuwendammerham": ("Johan van Hasseltweg", "Hamerstraat"),
        "noordelijke-ij-oevers-west": ("NDSM-plein", "Tt. Neveritaweg"),
        "noordelijke-ij-oevers-oost": ("Gedempt Hamerkanaal",),
        "tuindorp-nieuwendam": ("Purmerplein", "Zuiderzeeweg"),
        "tuindorp-oostzaan": ("Zamenhofstraat", "Kamperfoelieweg"),
        "oostzanerwerf": ("Wognumerplantsoen", "Oostzanerdijk"),
        "kadoelen": ("Kadoelenweg",),
        "waterlandpleinbuurt": ("Waterlandplein", "Beemsterstraat"),
        "buikslotermeer": ("Buikslotermeerplein", "Loenermark"),
        "banne-buiksloot": ("Bezaanjachtplein", "Banneplein"),
        "nieuwendam-noord": ("Meeuwenplein", "Kleine Kraaienstraat"),
        "waterland": ("Dorpsstraat Holysloot",),
    },
    invitations=900,
    responded=288,
    open_sign_ups=12,
    # Older residents and women answer more often, as they do in every recruitment round.
    age_weights={"16-24": 0.55, "25-39": 0.8, "40-64": 1.1, "65-plus": 1.45},
    gender_weights={"vrouw": 1.25, "man": 0.8, "anders": 1.0},
    available_share=0.84,
    invitation_seed=20_260_115,
    draw_seed=20_260_301,
)

# The demo's panels, by edition slug.
PANELS: dict[str, PanelSpec] = {PANEL_NOORD.edition_slug: PANEL_NOORD}


@dataclass(frozen=True)
class QuestionSpec:
    """A question the panel put to the district in a session, and the official's answer."""

    question: str
    answer: str
    plan_title: str = ""


@dataclass(frozen=True)
class SessionSpec:
    """One work session of the demo panel, on the ``saturday``-th Saturday of the decision phase."""

    title: str
    saturday: int
    place: str
    agenda: tuple[str, ...]
    minutes: str
    absent: int  # members who sent their apologies
    presenting: tuple[str, ...] = ()  # plan titles whose initiators present
    questions: tuple[QuestionSpec, ...] = ()


TOLHUISTUIN = "Tolhuistuin, Tolhuisweg 5, Amsterdam-Noord (zaal De Loods)"

NOORD_SESSIONS: tuple[SessionSpec, ...] = (
    SessionSpec(
        title="Kennismaken en de plannen leren kennen",
        saturday=1,
        place=TOLHUISTUIN,
        agenda=(
            "Welkom door de gespreksleider; kennismaking in tweetallen",
            "Hoe werkt het burgerpanel? Het budget van € 500.000 en de regel Eerlijk delen",
            "Toelichting van het stadsdeel op de toets: wat is haalbaar en waarom",
            "Initiatiefnemers presenteren hun plan (deel 1), met vragen van het panel",
            "Vragen verzamelen voor het stadsdeel",
        ),
        minutes=(
            "Alle 24 leden waren aanwezig. De gespreksleider legde uit hoe het panel werkt: het panel "
            "beslist zelf, het stadsdeel geeft informatie maar stemt niet mee. Het stadsdeel lichtte toe "
            "waarom de overdekte skatebaan en de buurtbus niet haalbaar zijn (kosten en vergunning).\n\n"
            "Vijf initiatiefnemers presenteerden hun plan. Het panel was positief over de AED's en de "
            "beweegroute, en had vragen over het onderhoud van de moestuin en de verlichting langs de "
            "Kadoelenweg. Die vragen zijn doorgestuurd naar het stadsdeel.\n\n"
            "Afspraak: de leden lezen voor de volgende bijeenkomst het informatiepakket met alle haalbare "
            "plannen, de oordelen van het stadsdeel en de kosten."
        ),
        absent=0,
        presenting=(
            "AED's voor heel Noord",
            "Beweegroute door het Noorderpark",
            "Moestuin achter de Van der Pekstraat",
            "Verlichting langs het fietspad aan de Kadoelenweg",
            "Speeltuin Vogelbuurt opknappen",
        ),
        questions=(
            QuestionSpec(
                question="Wie onderhoudt de moestuin achter de Van der Pekstraat na het eerste jaar?",
                answer=(
                    "De initiatiefnemers zorgen voor het dagelijks onderhoud met vrijwilligers uit de "
                    "buurt. Het stadsdeel maait de randen en haalt groenafval op, zoals bij andere "
                    "buurtmoestuinen. Als de groep stopt, wordt de plek weer grasveld."
                ),
                plan_title="Moestuin achter de Van der Pekstraat",
            ),
            QuestionSpec(
                question=(
                    "Kan de verlichting langs de Kadoelenweg 's nachts gedimd worden, voor de vleermuizen?"
                ),
                answer=(
                    "Ja. De lampen zijn dimbaar en krijgen amberkleurig licht; tussen 23.00 en 06.00 uur "
                    "branden ze op 30%. Dat is in de kosten meegenomen."
                ),
                plan_title="Verlichting langs het fietspad aan de Kadoelenweg",
            ),
            QuestionSpec(
                question="Waarom is de overdekte skatebaan onder de A10 niet haalbaar?",
                answer=(
                    "Rijkswaterstaat geeft geen toestemming voor een overkapping onder het viaduct, en de "
                    "kosten (ruim € 49.000) zijn hoger dan het maximum van € 50.000 per plan zodra de "
                    "verplichte veiligheidsmaatregelen zijn meegerekend."
                ),
                plan_title="Overdekte skatebaan onder de A10",
            ),
        ),
    ),
    SessionSpec(
        title="Plannen bespreken en antwoorden van het stadsdeel",
        saturday=3,
        place=TOLHUISTUIN,
        agenda=(
            "Terugblik op de eerste bijeenkomst",
            "Antwoorden van het stadsdeel op de vragen van het panel",
            "Initiatiefnemers presenteren hun plan (deel 2)",
            "In kleine groepen: wat vindt het panel belangrijk voor Noord?",
            "Afspraken over de beslissende bijeenkomst",
        ),
        minutes=(
            "22 leden waren aanwezig; twee leden hadden zich afgemeld. De ambtenaar van het stadsdeel "
            "beantwoordde de vragen uit de eerste bijeenkomst; de antwoorden staan hieronder.\n\n"
            "Zes initiatiefnemers presenteerden hun plan. In kleine groepen besprak het panel wat het "
            "belangrijk vindt: plannen voor jongeren, veiligheid op straat en plannen waar veel "
            "bewoners zelf aan meedoen. Het panel wil dat geld in alle delen van Noord terechtkomt.\n\n"
            "Het panel besloot in de derde bijeenkomst te stemmen met punten (10 punten per lid), "
            "geteld met de regel Eerlijk delen, en daarna per plan een reden op te schrijven."
        ),
        absent=2,
        presenting=(
            "Repair café Waterlandplein",
            "Hondenuitlaatveld in de Banne",
            "Fietswerkplaats voor jongeren in Buikslotermeer",
            "Bankjes en plantenbakken in Tuindorp Nieuwendam",
            "Zwerfvuilteam Noord",
            "Buurtbarbecue en straatfeest Tuindorp Oostzaan",
        ),
        questions=(
            QuestionSpec(
                question="Wat gebeurt er met het geld dat overblijft als het panel niet alles uitgeeft?",
                answer=(
                    "Wat overblijft gaat naar de volgende editie van Buurtbudget Noord. Het wordt niet "
                    "aan andere doelen van het stadsdeel besteed."
                ),
            ),
            QuestionSpec(
                question="Zijn de AED's ook 's nachts bereikbaar, en wie controleert ze?",
                answer=(
                    "De kasten hangen buiten en zijn dag en nacht te openen met een code van de "
                    "meldkamer. De leverancier controleert ze elke maand op afstand; het onderhoud is "
                    "vijf jaar in de prijs inbegrepen."
                ),
                plan_title="AED's voor heel Noord",
            ),
        ),
    ),
    SessionSpec(
        title="Afwegen en besluiten",
        saturday=5,
        place=TOLHUISTUIN,
        agenda=(
            "Laatste vragen en twijfels",
            "Stemming: ieder lid verdeelt 10 punten op de eigen telefoon of de tablet van de gespreksleider",
            "De uitslag volgens de regel Eerlijk delen",
            "Per plan de reden van het panel opschrijven",
            "Evaluatie van het burgerpanel",
        ),
        minutes=(
            "23 leden waren aanwezig; één lid had zich afgemeld. Na een laatste ronde vragen stemde het "
            "panel: ieder lid verdeelde 10 punten over de haalbare plannen. De uitslag volgens de "
            "De regel Eerlijk delen: alle elf haalbare plannen passen samen in het budget en krijgen "
            "geld, voor € 227.800. Het panel schreef per plan op waarom het dat plan steunt; die "
            "redenen staan bij de uitslag.\n\n"
            "De overige € 272.200 gaat naar de volgende editie. In de evaluatie gaven de leden het "
            "panel gemiddeld een 8,4; de meesten willen het de volgende keer weer doen."
        ),
        absent=1,
    ),
)

# The demo panels' work sessions, by edition slug.
SESSIONS: dict[str, tuple[SessionSpec, ...]] = {PANEL_NOORD.edition_slug: NOORD_SESSIONS}


@dataclass(frozen=True)
class DecisionSpec:
    """The demo panel's decision: a ballot round in a session, and the panel's reason per plan."""

    session_number: int
    points_per_member: int
    favourites: dict[str, float]  # plan title → how much the members like it (relative weights)
    reasons: dict[str, str]  # plan title → the panel's reason
    summary: str


NOORD_DECISION = DecisionSpec(
    session_number=3,
    points_per_member=10,
    favourites={
        "AED's voor heel Noord": 3.0,
        "Fietswerkplaats voor jongeren in Buikslotermeer": 2.6,
        "Speeltuin Vogelbuurt opknappen": 2.4,
        "Beweegroute door het Noorderpark": 2.0,
        "Zwerfvuilteam Noord": 1.8,
        "Verlichting langs het fietspad aan de Kadoelenweg": 1.7,
        "Moestuin achter de Van der Pekstraat": 1.4,
        "Repair café Waterlandplein": 1.2,
        "Bankjes en plantenbakken in Tuindorp Nieuwendam": 1.0,
        "Hondenuitlaatveld in de Banne": 0.8,
        "Buurtbarbecue en straatfeest Tuindorp Oostzaan": 0.7,
    },
    reasons={
        "AED's voor heel Noord": (
            "Het panel vindt dit het belangrijkste plan: het kan levens redden, in elke buurt van Noord, "
            "dag en nacht. Het onderhoud is vijf jaar geregeld."
        ),
        "Fietswerkplaats voor jongeren in Buikslotermeer": (
            "Jongeren leren een vak en hebben een plek om naartoe te gaan. Het panel wilde nadrukkelijk "
            "geld voor plannen voor jongeren."
        ),
        "Speeltuin Vogelbuurt opknappen": (
            "De speeltuin is versleten en wordt door veel gezinnen gebruikt. De buurt heeft zelf "
            "meegedacht over het ontwerp."
        ),
        "Beweegroute door het Noorderpark": (
            "Goed voor jong en oud, en het park is van iedereen. Het panel vond de prijs hoog, maar "
            "de route blijft jaren gebruikt worden."
        ),
        "Zwerfvuilteam Noord": (
            "Een schone straat is voor veel leden het eerste wat Noord nodig heeft. Bewoners doen zelf "
            "mee, en dat wilde het panel belonen."
        ),
        "Verlichting langs het fietspad aan de Kadoelenweg": (
            "Het fietspad voelt 's avonds onveilig. De lampen dimmen 's nachts voor de vleermuizen; "
            "dat antwoord van het stadsdeel gaf de doorslag."
        ),
        "Moestuin achter de Van der Pekstraat": (
            "Buren ontmoeten elkaar en de kinderen van de school doen mee. Het onderhoud is geregeld, "
            "zo bleek uit het antwoord van het stadsdeel."
        ),
        "Repair café Waterlandplein": (
            "Goedkoop, duurzaam en een ontmoetingsplek voor ouderen. Weinig geld voor veel bijeenkomsten."
        ),
        "Bankjes en plantenbakken in Tuindorp Nieuwendam": (
            "Een klein plan dat de straat prettiger maakt; de bewoners zorgen zelf voor de planten."
        ),
        "Hondenuitlaatveld in de Banne": (
            "Niet iedereen in het panel was enthousiast, maar het plan lost een echt probleem op "
            "(honden in de speelveldjes) en past ruim in het budget."
        ),
        "Buurtbarbecue en straatfeest Tuindorp Oostzaan": (
            "Het kleinste plan: het brengt de buurt één dag samen. Het panel vond dat het erbij hoort."
        ),
    },
    summary=(
        "Het burgerpanel koos in de derde bijeenkomst alle elf haalbare plannen. Ieder lid verdeelde "
        "10 punten; met de regel Eerlijk delen passen alle plannen samen in het budget. De "
        "plannen voor jongeren, veiligheid en een schone straat kregen de meeste punten. Wat "
        "overblijft, € 272.200, gaat naar de volgende editie van Buurtbudget Noord."
    ),
)

# The demo panels' decisions, by edition slug.
DECISIONS: dict[str, DecisionSpec] = {PANEL_NOORD.edition_slug: NOORD_DECISION}
