"""Plans for Buurtbudget Zuid 2027: reviewed and published; the committee is choosing its shortlist."""

from __future__ import annotations

from proposals.models import PlanStatus

from .accounts import bewoner
from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Tegels eruit, groen erin in de Rivierenbuurt",
        summary=(
            "Met de hele buurt 400 m² tegels uit de brede stoepen van de Rijnbuurt halen en er "
            "plantvakken, geveltuinen en twee boomspiegels met bloemen voor in de plaats leggen."
        ),
        description=(
            "De stoepen in de Rijnbuurt zijn breed en helemaal betegeld. Bij hitte warmen ze op, bij "
            "regen loopt het water de kelders in.\n\n"
            "Op vier zaterdagen in het voorjaar halen buren, met hulp van het stadsdeel, tegels weg. "
            "Er komen plantvakken langs de gevels en rond de boomspiegels. Elke straat kiest zelf de "
            "planten en zorgt voor water in de eerste zomer."
        ),
        for_whom="Voor de bewoners van de Kinderdijkstraat, Waalstraat en Rijnstraat; 60 buren doen mee.",
        address="Kinderdijkstraat, Waalstraat en Rijnstraat",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="rijnbuurt",
        initiator_email=bewoner(21),
        public_name="Emma L.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Tegels verwijderen en afvoeren, 400 m²", eur(8_800)),
            ("Planten, aarde en boomspiegelbloemen", eur(7_200)),
            ("Gereedschap en begeleiding op vier zaterdagen", eur(2_600)),
        ),
    ),
    PlanSpec(
        title="Buurtkeuken in De Pijp",
        summary=(
            "Drie avonden per week koken buren samen in de keuken van het buurthuis en eten ze met "
            "wie wil aanschuiven, voor € 3,50 per maaltijd."
        ),
        description=(
            "In De Pijp wonen veel mensen alleen, studenten en ouderen naast elkaar, en steeds meer "
            "mensen die moeten rondkomen van weinig.\n\n"
            "In de keuken van het buurthuis aan de Van Ostadestraat koken vrijwilligers op maandag, "
            "woensdag en vrijdag voor veertig mensen. Wat over is, gaat mee naar huis. Wie niet kan "
            "betalen, eet gratis mee."
        ),
        for_whom="Voor buurtbewoners die alleen wonen of weinig te besteden hebben; 25 vrijwilligers.",
        address="Buurthuis, Van Ostadestraat",
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="oude-pijp",
        initiator_email=bewoner(22),
        public_name="Hans van R.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Boodschappen, 150 avonden", eur(18_000)),
            ("Keukenmateriaal en servies", eur(3_500)),
            ("Coördinator vrijwilligers, 1 jaar", eur(8_400)),
        ),
    ),
    PlanSpec(
        title="Schaaktafels in het Sarphatipark",
        summary=(
            "Vier stenen schaaktafels met krukken onder de bomen van het Sarphatipark, en een kist met "
            "stukken die de schaakclub beheert."
        ),
        description=(
            "Schakers uit de buurt spelen nu op meegebrachte bordjes op de bankjes. Vaste schaaktafels "
            "maken van het park een ontmoetingsplek voor jong en oud.\n\n"
            "De schaakclub opent elke middag de kist met stukken en klokken en geeft op woensdag les aan "
            "kinderen."
        ),
        for_whom="Voor schakers van alle leeftijden, en kinderen die het willen leren.",
        address="Sarphatipark, bij de vijver",
        point=("52.354230", "4.896010"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="nieuwe-pijp",
        initiator_email=bewoner(24),
        public_name="Levi C.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Vier stenen schaaktafels met krukken", eur(9_600)),
            ("Plaatsing en fundering", eur(2_400)),
            ("Stukken, klokken en een afsluitbare kist", eur(800)),
        ),
    ),
    PlanSpec(
        title="Kunstroute door de Hoofddorppleinbuurt",
        summary=(
            "Twaalf kunstenaars uit de buurt openen in oktober een weekend hun atelier, en vier "
            "kunstwerken blijven een jaar lang in de etalages van lege winkels staan."
        ),
        description=(
            "In de Hoofddorppleinbuurt wonen en werken veel kunstenaars, maar buren weten het niet. De "
            "kunstroute laat hun werk zien en brengt bewoners met elkaar in gesprek.\n\n"
            "Een gratis route langs twaalf ateliers, met een kaart en rondleidingen. Vier winkelpanden "
            "die leeg staan, worden een jaar lang etalagegalerie."
        ),
        for_whom="Voor de hele buurt; de kunstenaars en vijftien vrijwilligers organiseren het.",
        address="Hoofddorpplein en omliggende straten",
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="hoofddorppleinbuurt",
        initiator_email=bewoner(23),
        public_name="Merel D.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Vergoeding voor kunstenaars", eur(7_200)),
            ("Kaart, bewegwijzering en website", eur(2_800)),
            ("Inrichting van vier etalagegalerieën", eur(4_400)),
        ),
    ),
    PlanSpec(
        title="Watertappunten in het Beatrixpark",
        summary=(
            "Twee watertappunten bij de speelweide en het hardlooprondje in het Beatrixpark, zodat "
            "niemand meer flesjes hoeft te kopen."
        ),
        description=(
            "In het Beatrixpark spelen, sporten en picknicken duizenden mensen, maar nergens is gratis "
            "drinkwater. Er liggen veel plastic flesjes in de struiken.\n\n"
            "Twee tappunten van Waternet, met een laag kraantje voor kinderen en een bak voor honden, "
            "bij de speelweide en bij de ingang aan de Diepenbrockstraat."
        ),
        for_whom="Voor iedereen die het park gebruikt: gezinnen, sporters, scholen van de Zuidas.",
        address="Beatrixpark, speelweide en ingang Diepenbrockstraat",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="scheldebuurt",
        initiator_email=bewoner(25),
        public_name="Yara N.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Twee watertappunten", eur(9_800)),
            ("Aansluiting op de waterleiding", eur(6_200)),
        ),
    ),
    PlanSpec(
        title="Pannakooi in Buitenveldert",
        summary=(
            "Het kapotte basketbalveldje achter de Van Boshuizenstraat wordt een pannakooi met "
            "kunstgras, waar kinderen na school kunnen voetballen."
        ),
        description=(
            "Het veldje achter de flats is al jaren kapot: de palen staan scheef en het asfalt ligt "
            "open. Kinderen uit Buitenveldert hebben nergens om de hoek een plek om te voetballen.\n\n"
            "Een pannakooi is klein, stevig en veilig. Jongeren uit de buurt helpen bij de opening en "
            "organiseren in de zomer een toernooi."
        ),
        for_whom="Voor kinderen en jongeren van 8 tot 16 jaar uit Buitenveldert.",
        address="Speelveld achter de Van Boshuizenstraat",
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="buitenveldert-west",
        initiator_email=bewoner(26),
        public_name="Frank de B.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Pannakooi met kunstgras", eur(24_500)),
            ("Oud veldje slopen en ondergrond", eur(5_800)),
            ("Opening en zomertoernooi", eur(1_200)),
        ),
    ),
    PlanSpec(
        title="Digitaal spreekuur voor ouderen in Buitenveldert",
        summary=(
            "Elke week een spreekuur in de bibliotheek waar vrijwilligers ouderen helpen met hun telefoon, "
            "DigiD, bankieren en videobellen met de kleinkinderen."
        ),
        description=(
            "Steeds meer gaat alleen nog online: de bank, de huisarts, de gemeente. Veel ouderen in "
            "Buitenveldert durven dat niet of weten niet hoe het moet.\n\n"
            "Twee ochtenden per week helpen vrijwilligers in de bibliotheek bij vragen, zonder afspraak. "
            "Eens per maand is er een les over één onderwerp, zoals veilig bankieren of nepberichten "
            "herkennen."
        ),
        for_whom="Voor ouderen uit Buitenveldert; twaalf vrijwilligers helpen.",
        address="Bibliotheek Buitenveldert, Willem van Weldammelaan",
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="buitenveldert-oost",
        initiator_email=bewoner(29),
        public_name="Ellen S.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Zes leentablets en twee laptops", eur(3_600)),
            ("Training en begeleiding vrijwilligers", eur(2_400)),
            ("Twaalf thema-lessen", eur(1_800)),
        ),
    ),
    PlanSpec(
        title="Drijvende tuinen in de Boerenwetering",
        summary=(
            "Twintig drijvende plantenvlotten langs de kade van de Boerenwetering, voor schoner water, "
            "vissen en vogels en een groener uitzicht."
        ),
        description=(
            "De Boerenwetering is een kale gracht met rechte kades. Drijvende tuinen zuiveren het water, "
            "geven vissen beschutting en zijn mooi om te zien.\n\n"
            "We leggen twintig vlotten van twee bij drie meter aan de kant van de Ruysdaelkade, "
            "beplant met lis, wederik en kattenstaart. Buren onderhouden ze vanuit een roeiboot."
        ),
        for_whom="Voor de bewoners langs de Boerenwetering en iedereen die er langs wandelt.",
        address="Boerenwetering, Ruysdaelkade",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="oude-pijp",
        initiator_email=bewoner(27),
        public_name="Ayşe K.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Twintig drijvende vlotten met beplanting", eur(22_000)),
            ("Verankering in de kade", eur(6_500)),
            ("Roeiboot en onderhoudsmateriaal", eur(2_400)),
        ),
    ),
    PlanSpec(
        title="Gratis ijsbaan op het Museumplein",
        summary=(
            "Zes weken in de winter een gratis ijsbaan op het Museumplein voor alle kinderen uit Zuid, "
            "met schaatsen te leen."
        ),
        description=(
            "Echt natuurijs is er bijna nooit meer. Kinderen uit Zuid die geen geld hebben voor de "
            "commerciële ijsbaan, leren nooit schaatsen.\n\n"
            "Wij willen een ijsbaan van 600 m² op het grasveld van het Museumplein, gratis voor "
            "iedereen tot 16 jaar, met leenschaatsen en les van de schaatsvereniging."
        ),
        for_whom="Voor alle kinderen tot 16 jaar uit Zuid.",
        address="Museumplein",
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="museumkwartier",
        initiator_email=bewoner(28),
        public_name="Thomas G.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Huur ijsbaan met koelinstallatie, 6 weken", eur(31_000)),
            ("Energie", eur(6_500)),
            ("Leenschaatsen en les", eur(2_300)),
        ),
    ),
    PlanSpec(
        title="Schoolstraat bij de scholen in de Apollobuurt",
        summary=(
            "Bij het begin en einde van de schooldag wordt de straat voor de twee basisscholen een half "
            "uur autovrij, met hekken die ouders en buren zelf neerzetten."
        ),
        description=(
            "Elke ochtend staat het voor de scholen vol met auto's die kinderen brengen. Kinderen "
            "fietsen tussen draaiende motoren door.\n\n"
            "In een schoolstraat mogen tussen 8.15 en 8.45 uur en tussen 14.45 en 15.15 uur geen auto's "
            "rijden. Vrijwillige ouders zetten de hekken neer; borden en een campagne vertellen de buurt "
            "wat er verandert."
        ),
        for_whom="Voor de 700 leerlingen van de twee scholen, hun ouders en de buren in de straat.",
        address="Michelangelostraat, bij de scholen",
        theme_slug="jeugd",
        neighbourhood_slug="apollobuurt",
        initiator_email=bewoner(30),
        public_name="Max W.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Verplaatsbare hekken en verkeersborden", eur(6_800)),
            ("Campagne en communicatie", eur(2_200)),
            ("Evaluatie na een half jaar", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Minibieb-kastjes in De Pijp",
        summary=(
            "Vijftien houten boekenkastjes op straat, gemaakt door leerlingen van het vmbo, waar buren "
            "boeken ruilen in alle talen die in De Pijp gesproken worden."
        ),
        description=(
            "Een minibieb is een kastje aan een paal of gevel waar je een boek uit haalt en er een "
            "terugzet. Het maakt lezen makkelijk en brengt buren aan de praat.\n\n"
            "Leerlingen van de houtafdeling van het vmbo bouwen vijftien kastjes. Bewoners die er een "
            "voor hun deur willen, worden 'beheerder' en houden het netjes."
        ),
        for_whom="Voor lezers van alle leeftijden in De Pijp; vijftien beheerders uit de buurt.",
        address="Verschillende straten in Zuid Pijp",
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="zuid-pijp",
        initiator_email=bewoner(21),
        public_name="Lezend De Pijp",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Hout, glas en beslag voor 15 kastjes", eur(3_000)),
            ("Begeleiding van de leerlingen", eur(1_800)),
            ("Plaatsen en startcollectie boeken", eur(1_200)),
        ),
    ),
    PlanSpec(
        title="Jongerenpodium in de Stadionbuurt",
        summary=(
            "Eén vrijdagavond per maand een podium voor jonge muzikanten, dichters en dansers uit Zuid, "
            "georganiseerd door jongeren zelf in het buurthuis bij het Olympisch Stadion."
        ),
        description=(
            "Jongeren in Zuid hebben talent maar weinig plekken om op te treden zonder entree of "
            "consumptieplicht.\n\n"
            "Een groep van tien jongeren programmeert een jaar lang elke maand een avond. Een "
            "geluidstechnicus leert hen licht en geluid te bedienen; een jongerenwerker is er elke "
            "avond bij."
        ),
        for_whom="Voor jongeren van 14 tot 23 jaar uit Zuid, op en voor het podium.",
        address="Buurthuis bij het Olympisch Stadion, Stadionplein",
        theme_slug="jeugd",
        neighbourhood_slug="stadionbuurt",
        initiator_email=bewoner(24),
        public_name="Jongerenraad Zuid",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Licht- en geluidsset", eur(8_500)),
            ("Geluidstechnicus, 12 avonden en training", eur(3_600)),
            ("Vergoeding optredens", eur(3_000)),
            ("Jongerenwerker", eur(2_400)),
        ),
    ),
)
