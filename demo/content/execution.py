"""What happened to the chosen plans of Noord 2026, Nieuw-West 2026 and Oost 2026 once they became projects.

Each story is told in days after the project opened (the result's publication); the demo replays it
through the execution services at those moments, and stops at today: a step not yet due is skipped.
Amounts are shares (in percent) of a cost line's award, so the stories stay true if a plan's costs change.
"""

from __future__ import annotations

from dataclasses import dataclass

from execution.models import BlockerCategory, ProjectStatus

KEES = "kees.dekker@demo.buurtbudget.nl"
ANITA = "anita.vandenberg@demo.buurtbudget.nl"
YOUSSEF = "youssef.elidrissi@demo.buurtbudget.nl"
MARIEKE = "marieke.smit@demo.buurtbudget.nl"
NOOR = "bewoner@demo.buurtbudget.nl"
FATIMA = "fatima.bennani@demo.buurtbudget.nl"
INGRID = "ingrid.bakker@demo.buurtbudget.nl"


@dataclass(frozen=True)
class MilestoneSpec:
    title: str
    day: int  # planned, in days after the project opened
    share: int = 0  # percent of the first line's award paid on reaching it (an instalment); 0: none
    reached_day: int | None = None


@dataclass(frozen=True)
class UpdateSpec:
    day: int
    body: str
    percent: int | None = None
    milestone: int | None = None  # the index of the milestone it reports reached
    photos: tuple[str, ...] = ()  # what each photo shows (its alt text); the demo draws the picture
    hidden: str = ""  # a moderator hid it the next day, with this reason


@dataclass(frozen=True)
class MoneySpec:
    day: int
    share: int  # percent of the line's award
    line: int = 0
    what: str = ""  # an expense's description; a payment's reference is made from the project


@dataclass(frozen=True)
class BlockerSpec:
    day: int
    category: BlockerCategory
    description: str
    resolved_day: int | None = None
    resolution: str = ""


@dataclass(frozen=True)
class HelpSpec:
    day: int
    question: str
    answer_day: int | None = None
    answer: str = ""


@dataclass(frozen=True)
class ReportSpec:
    day: int
    achieved: str
    participants: int
    beneficiaries: int
    accepted_day: int
    photos: tuple[str, ...] = ()
    # The district first returned it with a question (day, note); it came back two days later.
    returned: tuple[int, str] | None = None


@dataclass(frozen=True)
class ProjectStory:
    plan_title: str
    status: ProjectStatus  # where the story ends (if its days have come)
    agreed_day: int | None = 14  # both sides confirmed the agreement; None: still being agreed
    advance: int = 40  # percent of every line's award paid in advance, once agreed
    milestones: tuple[MilestoneSpec, ...] = ()
    started_day: int = 21
    updates: tuple[UpdateSpec, ...] = ()
    payments: tuple[MoneySpec, ...] = ()
    expenses: tuple[MoneySpec, ...] = ()
    blockers: tuple[BlockerSpec, ...] = ()
    help: tuple[HelpSpec, ...] = ()
    report: ReportSpec | None = None
    delay: tuple[int, str] | None = None  # (day, reason)
    stop: tuple[int, str] | None = None
    followers: tuple[str, ...] = ()
    # A version 2 of the agreement: (day, what changes and why, the milestone whose date moves, new day).
    change: tuple[int, str, int, int] | None = None
    # Before it, a first proposal (the milestone 40 days earlier, with this reason) that the district
    # declined with ``change_declined``.
    change_first_reason: str = ""
    change_declined: str = ""


NOORD_STORIES: tuple[ProjectStory, ...] = (
    ProjectStory(
        plan_title="Buurtbarbecue en straatfeest Tuindorp Oostzaan",
        status=ProjectStatus.COMPLETED,
        agreed_day=7,
        advance=50,
        milestones=(
            MilestoneSpec("Vergunning evenement binnen", 30, reached_day=26),
            MilestoneSpec("Het feest op het Zonneplein", 60, share=50, reached_day=60),
        ),
        started_day=10,
        updates=(
            UpdateSpec(
                26,
                "De evenementenvergunning is binnen! Het feest gaat door, over een maand op het Zonneplein.",
                30,
                0,
            ),
            UpdateSpec(
                45,
                "De tent, tafels en banken zijn besteld en het bandje heeft bevestigd. Wie helpt opbouwen?",
                55,
                photos=("Buren tellen klapstoelen in de schuur van de vereniging",),
            ),
            UpdateSpec(
                60,
                "Wat een dag: ruim driehonderd buren op het Zonneplein. Dank aan iedereen die hielp!",
                100,
                1,
                photos=("Lange tafels vol buren op het Zonneplein", "Kinderen op het springkussen"),
            ),
        ),
        payments=(MoneySpec(60, 50, 0), MoneySpec(60, 50, 1)),
        expenses=(
            MoneySpec(58, 96, 0, "Vlees, burgers en houtskool bij de groothandel"),
            MoneySpec(59, 100, 1, "Huur partytent, tafels en banken"),
            MoneySpec(60, 100, 2, "Optreden bandje"),
            MoneySpec(60, 100, 3, "Huur springkussen"),
        ),
        report=ReportSpec(
            70,
            "Op de feestdag stonden lange tafels op het Zonneplein. Ruim driehonderd buren aten mee; veel "
            "nieuwe bewoners leerden hun buren kennen en er is nu een buurtappgroep met 140 leden.",
            participants=35,
            beneficiaries=310,
            accepted_day=78,
            photos=("Het Zonneplein aan het eind van de middag",),
        ),
        followers=(ANITA, MARIEKE),
    ),
    ProjectStory(
        plan_title="Verlichting langs het fietspad aan de Kadoelenweg",
        status=ProjectStatus.COMPLETED,
        agreed_day=12,
        advance=0,
        milestones=(
            MilestoneSpec("Opdracht aan de aannemer", 40, share=30, reached_day=38),
            MilestoneSpec("Lantaarnpalen geplaatst en aangesloten", 100, share=70, reached_day=104),
        ),
        started_day=20,
        updates=(
            UpdateSpec(
                38,
                "Het stadsdeel heeft de aannemer opdracht gegeven; plaatsing volgt over twee maanden.",
                25,
                0,
            ),
            UpdateSpec(
                104,
                "Alle twaalf palen staan en branden. Het fietspad is 's avonds eindelijk goed verlicht.",
                100,
                1,
                photos=("Nieuwe lantaarnpalen langs het fietspad in het donker",),
            ),
        ),
        payments=(MoneySpec(40, 30, 0), MoneySpec(105, 70, 0)),
        blockers=(
            BlockerSpec(
                60,
                BlockerCategory.PROCUREMENT,
                "De aannemer kan pas zes weken later leveren dan afgesproken.",
                resolved_day=75,
                resolution="Andere leverancier voor de palen gevonden via het raamcontract van de gemeente.",
            ),
        ),
        report=ReportSpec(
            110,
            "Twaalf led-palen langs 800 meter fietspad. Fietsers en wandelaars zeggen dat ze zich 's avonds "
            "veiliger voelen.",
            participants=6,
            beneficiaries=2500,
            accepted_day=118,
        ),
        followers=(KEES,),
    ),
    ProjectStory(
        plan_title="Moestuin achter de Van der Pekstraat",
        status=ProjectStatus.COMPLETED,
        advance=60,
        milestones=(
            MilestoneSpec("Bakken gebouwd en gevuld", 45, reached_day=50),
            MilestoneSpec("Eerste oogstfeest", 110, share=40, reached_day=112),
        ),
        updates=(
            UpdateSpec(30, "Het hout is binnen. Zaterdag bouwen we de eerste tien bakken, kom je ook?", 20),
            UpdateSpec(
                50,
                "Alle bakken staan en zijn gevuld met aarde. Er staan al tomaten en boontjes in.",
                50,
                0,
                photos=("Verhoogde moestuinbakken met jonge plantjes",),
            ),
            UpdateSpec(112, "Ons eerste oogstfeest: soep van eigen groenten voor veertig buren.", 100, 1),
        ),
        payments=(MoneySpec(112, 40, 0),),
        expenses=(MoneySpec(28, 90, 0, "Hout, schroeven en tuinaarde"),),
        help=(
            HelpSpec(
                20,
                "Mogen we water tappen uit de brandkraan op het plein voor de moestuin?",
                answer_day=24,
                answer="Nee, maar Waternet plaatst een tappunt; het stadsdeel betaalt de aansluiting.",
            ),
        ),
        report=ReportSpec(
            118,
            "Zestien moestuinbakken, een gereedschapskist en een vaste groep van twintig tuinders.",
            participants=20,
            beneficiaries=60,
            accepted_day=125,
        ),
        followers=(YOUSSEF,),
    ),
    ProjectStory(
        plan_title="Bankjes en plantenbakken in Tuindorp Nieuwendam",
        status=ProjectStatus.COMPLETED,
        advance=0,
        milestones=(MilestoneSpec("Bankjes en bakken geplaatst", 70, share=100, reached_day=66),),
        updates=(
            UpdateSpec(
                66,
                "Zes bankjes en acht plantenbakken staan in de buurt. De buren zorgen voor de planten.",
                100,
                0,
                photos=("Een nieuw bankje naast een plantenbak met lavendel",),
            ),
        ),
        payments=(MoneySpec(68, 100, 0),),
        report=ReportSpec(
            80,
            "Zes bankjes en acht plantenbakken; vijf buren hebben de zorg voor de planten op zich genomen.",
            participants=9,
            beneficiaries=400,
            accepted_day=90,
            photos=("Zes nieuwe bankjes langs het Zuiderzeeplein",),
            returned=(
                83,
                "Mooi! Kun je een foto toevoegen van de bankjes, en zeggen welke buren de planten doen?",
            ),
        ),
    ),
    ProjectStory(
        plan_title="Repair café Waterlandplein",
        status=ProjectStatus.RUNNING,
        milestones=(
            MilestoneSpec("Ruimte en gereedschap geregeld", 40, reached_day=35),
            MilestoneSpec("Tien repair-middagen gehouden", 200, share=30),
        ),
        updates=(
            UpdateSpec(
                35, "We mogen elke tweede zaterdag in het buurthuis. Het gereedschap is binnen.", 25, 0
            ),
            UpdateSpec(
                90,
                "Vijf middagen gehouden, 74 spullen gerepareerd: vooral lampen, broeken en "
                "koffiezetapparaten.",
                50,
                photos=("Een vrijwilliger repareert een staande lamp",),
            ),
        ),
        expenses=(MoneySpec(33, 80, 0, "Gereedschapskoffers en soldeerstations"),),
        followers=(KEES, ANITA),
    ),
    ProjectStory(
        plan_title="Speeltuin Vogelbuurt opknappen",
        status=ProjectStatus.DELAYED,
        advance=0,
        milestones=(
            MilestoneSpec("Ontwerp met de kinderen vastgesteld", 40, reached_day=42),
            MilestoneSpec("Nieuwe toestellen geplaatst", 100, share=100),
        ),
        updates=(
            UpdateSpec(
                42,
                "Dertig kinderen kozen samen het ontwerp: een klimrek, een nestschommel en een zandbak.",
                30,
                0,
                photos=("Kinderen wijzen hun favoriete toestel aan op een tekening",),
            ),
        ),
        blockers=(
            BlockerSpec(
                95,
                BlockerCategory.PERMIT,
                "De bodem onder de speeltuin moet eerst worden onderzocht voordat er gegraven mag worden.",
            ),
        ),
        delay=(96, "Het bodemonderzoek duurt nog ruim twee maanden; daarna worden de toestellen geplaatst."),
        change=(
            100,
            "Plaatsing van de toestellen verschoven naar na het bodemonderzoek.",
            1,
            180,
        ),
        change_first_reason="De leverancier kan pas later leveren.",
        change_declined=(
            "Eerst moet het bodemonderzoek klaar zijn; die datum valt ervoor. Stel een datum erna voor."
        ),
        followers=(MARIEKE, YOUSSEF, ANITA),
    ),
    ProjectStory(
        plan_title="AED's voor heel Noord",
        status=ProjectStatus.RUNNING,
        advance=0,
        milestones=(
            MilestoneSpec("Tien AED's opgehangen", 60, share=50, reached_day=58),
            MilestoneSpec("Tweehonderd buren getraind", 150, share=50),
        ),
        updates=(
            UpdateSpec(
                58, "Tien AED's hangen in een kast aan de gevel en zijn aangemeld bij HartslagNu.", 50, 0
            ),
            UpdateSpec(100, "Al 120 buren hebben de reanimatiecursus gevolgd.", 70),
        ),
        payments=(MoneySpec(60, 50, 0),),
        help=(
            HelpSpec(
                110,
                "Wie betaalt de nieuwe elektroden als een AED is gebruikt?",
            ),
        ),
        followers=(KEES,),
    ),
    ProjectStory(
        plan_title="Beweegroute door het Noorderpark",
        status=ProjectStatus.RUNNING,
        milestones=(MilestoneSpec("Route uitgezet met bordjes", 90, share=60),),
        updates=(UpdateSpec(50, "De route van 3 kilometer is uitgelopen met de fysiotherapeut.", 30),),
        expenses=(MoneySpec(52, 30, 0, "Ontwerp van de routebordjes"),),
    ),
    ProjectStory(
        plan_title="Zwerfvuilteam Noord",
        status=ProjectStatus.RUNNING,
        advance=50,
        milestones=(MilestoneSpec("Honderd vrijwilligers op pad", 120, share=50, reached_day=110),),
        updates=(
            UpdateSpec(
                110,
                "Honderd vrijwilligers lopen elke week een rondje. Samen al 900 zakken zwerfvuil.",
                60,
                0,
                photos=("Vrijwilligers met grijpers en vuilniszakken langs het water",),
            ),
            UpdateSpec(
                112,
                "Te koop: mijn oude bakfiets, goed onderhouden. Bel 06-12345678.",
                hidden="Een advertentie met een telefoonnummer hoort niet bij de berichten van dit project.",
            ),
        ),
        expenses=(MoneySpec(40, 70, 0, "Grijpers, hesjes en handschoenen"),),
        blockers=(
            BlockerSpec(
                70,
                BlockerCategory.VOLUNTEERS,
                "In de schoolvakantie haakten veel vrijwilligers af.",
                resolved_day=100,
                resolution="Samen met twee scholen een jongerenploeg opgezet.",
            ),
        ),
        followers=(MARIEKE,),
    ),
    ProjectStory(
        plan_title="Hondenuitlaatveld in de Banne",
        status=ProjectStatus.PREPARING,
        agreed_day=None,
        help=(
            HelpSpec(20, "Mag het hek om het veld 1,20 meter hoog zijn?", 26, "Ja, dat past in de regels."),
        ),
    ),
    ProjectStory(
        plan_title="Fietswerkplaats voor jongeren in Buikslotermeer",
        status=ProjectStatus.STOPPED,
        agreed_day=None,
        stop=(
            75,
            "Er is in Buikslotermeer geen ruimte te vinden; de initiatiefnemers dienen het plan volgend jaar "
            "opnieuw in met een locatie.",
        ),
        blockers=(
            BlockerSpec(
                30, BlockerCategory.LOCATION, "De beoogde ruimte in het jongerencentrum is toch niet vrij."
            ),
        ),
    ),
)

# Nieuw-West 2026's result was published twelve days ago: its projects are still being agreed.
NIEUW_WEST_STORIES: tuple[ProjectStory, ...] = (
    ProjectStory(
        plan_title="Buurtmoestuin aan het Lambertus Zijlplein",
        status=ProjectStatus.PREPARING,
        agreed_day=8,
        milestones=(
            MilestoneSpec("Bakken en kas gebouwd", 90, share=30),
            MilestoneSpec("Eerste seizoen met tuinbegeleider", 240, share=30),
        ),
        followers=(NOOR, INGRID),
    ),
)

# Oost 2026's result was published about eight months ago: most projects are done, some still run.
OOST_STORIES: tuple[ProjectStory, ...] = (
    ProjectStory(
        plan_title="Geveltuinen in de Transvaalbuurt",
        status=ProjectStatus.COMPLETED,
        agreed_day=10,
        advance=60,
        milestones=(
            MilestoneSpec("Eerste plantdag: dertig tuinen", 45, reached_day=44),
            MilestoneSpec("Tweede plantdag: alle zestig tuinen", 80, share=40, reached_day=86),
        ),
        started_day=14,
        updates=(
            UpdateSpec(
                44,
                "Dertig geveltuinen in één zaterdag! Het stadsdeel had de tegels al weggehaald.",
                50,
                0,
                photos=("Buren planten lavendel en stokrozen langs een gevel",),
            ),
            UpdateSpec(86, "Alle zestig tuinen liggen erin. Op de Pretoriusstraat bloeit het al.", 100, 1),
        ),
        payments=(MoneySpec(86, 40, 0),),
        expenses=(
            MoneySpec(40, 95, 0, "Planten, aarde en klimrekken bij de kwekerij"),
            MoneySpec(44, 100, 1, "Gereedschap en lunch plantdag"),
        ),
        help=(
            HelpSpec(
                20,
                "Haalt het stadsdeel de tegels weg, of moeten we dat zelf doen?",
                23,
                "Het stadsdeel haalt ze weg in de week voor elke plantdag, en neemt ze mee.",
            ),
        ),
        report=ReportSpec(
            100,
            "Zestig geveltuinen in vier straten; elke tuin heeft een vaste verzorger.",
            participants=75,
            beneficiaries=600,
            accepted_day=108,
        ),
    ),
    ProjectStory(
        plan_title="Ontmoetingstafel in de Oosterparkbuurt",
        status=ProjectStatus.COMPLETED,
        agreed_day=9,
        advance=50,
        milestones=(
            MilestoneSpec("Eerste maaltijd", 30, reached_day=28),
            MilestoneSpec("Vijftig maaltijden", 140, share=25, reached_day=138),
            MilestoneSpec("Honderd maaltijden", 200, share=25, reached_day=199),
        ),
        updates=(
            UpdateSpec(28, "De eerste ontmoetingstafel: 26 gasten en soep van Fatma.", 10, 0),
            UpdateSpec(138, "Vijftig maaltijden verder. Er komen nu elke keer meer dan dertig buren.", 55, 1),
            UpdateSpec(
                199, "De honderdste maaltijd! Een vaste kern van twaalf koks gaat door na dit jaar.", 100, 2
            ),
        ),
        payments=(MoneySpec(138, 25, 0), MoneySpec(199, 25, 0), MoneySpec(199, 50, 2)),
        expenses=(
            MoneySpec(100, 60, 0, "Boodschappen, eerste halfjaar"),
            MoneySpec(30, 100, 1, "Huur keuken"),
        ),
        report=ReportSpec(
            205,
            "Honderd maaltijden met gemiddeld 31 gasten; 40 buren kookten mee.",
            participants=40,
            beneficiaries=180,
            accepted_day=212,
        ),
    ),
    ProjectStory(
        plan_title="Taalcafé in de Dapperbuurt",
        status=ProjectStatus.COMPLETED,
        agreed_day=7,
        advance=50,
        milestones=(
            MilestoneSpec("Taalcafé open", 21, reached_day=21),
            MilestoneSpec("Eerste halfjaar", 180, share=50, reached_day=182),
        ),
        started_day=10,
        updates=(
            UpdateSpec(21, "Het taalcafé is open: 34 deelnemers op de eerste dinsdag.", 20, 0),
            UpdateSpec(182, "Een halfjaar taalcafé: 46 vaste deelnemers aan 15 tafels.", 100, 1),
        ),
        payments=(MoneySpec(182, 50, 0),),
        expenses=(MoneySpec(21, 100, 1, "Lesmateriaal en spellen"),),
        report=ReportSpec(
            190,
            "Twee middagen per week, 46 vaste deelnemers; drie van hen zijn nu zelf vrijwilliger.",
            participants=15,
            beneficiaries=46,
            accepted_day=201,
            returned=(195, "Graag de bonnen van de koffie erbij."),
        ),
    ),
    ProjectStory(
        plan_title="Schooltuin bij de Hortus in Frankendael",
        status=ProjectStatus.COMPLETED,
        agreed_day=16,
        advance=40,
        milestones=(
            MilestoneSpec("Tuintjes aangelegd", 60, share=30, reached_day=67),
            MilestoneSpec("Oogstfeest met vier scholen", 170, share=30, reached_day=171),
        ),
        started_day=20,
        updates=(
            UpdateSpec(67, "Veertig tuintjes liggen klaar; volgende week zaaien de eerste klassen.", 40, 0),
            UpdateSpec(171, "Oogstfeest: 110 kinderen kookten pompoensoep van eigen oogst.", 100, 1),
        ),
        payments=(MoneySpec(67, 30, 0), MoneySpec(171, 30, 0), MoneySpec(171, 60, 1)),
        blockers=(
            BlockerSpec(
                35,
                BlockerCategory.PERMIT,
                "Het hek om de tuin vraagt een omgevingsvergunning; de aanleg ligt stil.",
                resolved_day=58,
                resolution="Een lager hek zonder vergunning, afgesproken met de parkbeheerder.",
            ),
        ),
        report=ReportSpec(
            180,
            "Vier scholen, 110 leerlingen, veertig tuintjes en een tuinjuf die blijft.",
            participants=12,
            beneficiaries=110,
            accepted_day=190,
        ),
    ),
    ProjectStory(
        plan_title="Zomeravonden op het Ambonplein",
        status=ProjectStatus.COMPLETED,
        agreed_day=12,
        advance=50,
        milestones=(
            MilestoneSpec("Vergunning binnen", 50, reached_day=55),
            MilestoneSpec("Zesde zomeravond", 120, share=50, reached_day=121),
        ),
        updates=(
            UpdateSpec(55, "De vergunning is binnen: zes vrijdagen, de eerste over drie weken.", 30, 0),
            UpdateSpec(
                121,
                "Zes avonden, 2.300 bezoekers en geen enkele klacht van de buren.",
                100,
                1,
                photos=("Buren dansen voor het podium op het Ambonplein",),
            ),
        ),
        payments=(MoneySpec(121, 50, 0), MoneySpec(121, 50, 1), MoneySpec(121, 50, 2)),
        blockers=(
            BlockerSpec(
                30,
                BlockerCategory.PERMIT,
                "De vergunning voor het geluid blijft liggen bij de omgevingsdienst.",
                resolved_day=52,
                resolution="Het stadsdeel belde de omgevingsdienst; vergunning verleend.",
            ),
        ),
        report=ReportSpec(
            135,
            "Zes zomeravonden met muziek uit de buurt, een film en eten van de toko's.",
            participants=22,
            beneficiaries=2300,
            accepted_day=150,
        ),
    ),
    ProjectStory(
        plan_title="Pannakooi op het Javaplein",
        status=ProjectStatus.DELAYED,
        agreed_day=20,
        advance=20,
        milestones=(
            MilestoneSpec("Kooi besteld", 60, reached_day=64),
            MilestoneSpec("Kooi geplaatst en geopend", 150, share=80),
        ),
        updates=(
            UpdateSpec(
                64, "De pannakooi is besteld; de leverancier plant de plaatsing in het voorjaar.", 30, 0
            ),
        ),
        blockers=(
            BlockerSpec(
                110,
                BlockerCategory.LOCATION,
                "Onder het asfalt ligt een waterleiding; de kooi moet drie meter opschuiven.",
            ),
        ),
        help=(HelpSpec(115, "Wie beslist of de kooi op het grasveld naast de speeltuin mag?"),),
        delay=(140, "De plek moet opnieuw bepaald worden: onder het asfalt ligt een waterleiding."),
    ),
    ProjectStory(
        plan_title="Jongerenwerkplaats op IJburg",
        status=ProjectStatus.STOPPED,
        agreed_day=None,
        blockers=(
            BlockerSpec(
                25,
                BlockerCategory.LOCATION,
                "De corporatie verhuurt de bedrijfsruimte aan de Pampuslaan toch aan een winkel.",
            ),
            BlockerSpec(
                60,
                BlockerCategory.COOPERATION,
                "Het stadsdeel en de initiatiefnemers vinden samen geen andere ruimte op IJburg.",
            ),
        ),
        help=(
            HelpSpec(
                30,
                "Heeft het stadsdeel een leegstaande ruimte op IJburg die we kunnen huren?",
                52,
                "Niet op korte termijn; het stadsdeel zoekt mee bij de corporaties.",
            ),
        ),
        stop=(
            95,
            "Zonder ruimte kan de werkplaats niet open. Het geld gaat terug naar het budget; de jongeren "
            "dienen het plan in Oost 2027 opnieuw in, met een ruimte in het nieuwe jongerencentrum.",
        ),
    ),
    ProjectStory(
        plan_title="Watersportdagen op het Nieuwe Diep",
        status=ProjectStatus.RUNNING,
        agreed_day=18,
        advance=50,
        milestones=(
            MilestoneSpec("Eerste vijf zaterdagen", 120, share=25, reached_day=125),
            MilestoneSpec("Alle tien zaterdagen", 400, share=25),
        ),
        updates=(
            UpdateSpec(
                125, "Vijf zaterdagen, 74 kinderen op het water. In het voorjaar volgt de rest.", 50, 0
            ),
        ),
        payments=(MoneySpec(125, 25, 0),),
        help=(
            HelpSpec(
                40,
                "Mogen kinderen zonder zwemdiploma A meedoen als ze een zwemvest dragen?",
                47,
                "Nee: het zwemdiploma is een eis van de verzekering. Het stadsdeel wijst op de zwemles.",
            ),
        ),
    ),
)

STORIES: dict[str, tuple[ProjectStory, ...]] = {
    "buurtbudget-noord-2026": NOORD_STORIES,
    "buurtbudget-nieuw-west-2026": NIEUW_WEST_STORIES,
    "buurtbudget-oost-2026": OOST_STORIES,
}

# Residents who follow a whole edition (one of them voted: following is not linked to the ballot).
EDITION_FOLLOWERS: dict[str, tuple[str, ...]] = {
    "buurtbudget-noord-2026": (KEES, MARIEKE),
    "buurtbudget-nieuw-west-2026": (FATIMA, NOOR),
}
