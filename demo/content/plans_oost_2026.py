"""Plans for Buurtbudget Oost 2026, the edition before 2027: the panel's shortlist, voted on, carried out."""

from __future__ import annotations

from proposals.models import PlanStatus

from .accounts import bewoner
from .specs import PlanSpec, eur

# The panel shortlisted ten feasible plans; the vote made the winners "selected" and publishing the
# result opened their projects (see demo.services.voting and demo.services.execution).
PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Geveltuinen in de Transvaalbuurt",
        summary=(
            "Zestig geveltuinen in de Transvaalbuurt: de stoeptegels eruit, planten erin, aangelegd "
            "met de buren op twee zaterdagen."
        ),
        description=(
            "De straten van de Transvaalbuurt zijn stenig en worden in de zomer heet. Een geveltuin "
            "is klein, maar zestig ervan maken een straat koeler en groener, en houden regenwater vast.\n\n"
            "Bewoners melden zich aan; het stadsdeel haalt de tegels weg, wij leveren aarde, planten "
            "en een klimrek, en op twee plantdagen helpen buren elkaar. Wie een tuin krijgt, tekent "
            "dat hij hem onderhoudt."
        ),
        for_whom="Voor de bewoners van de Transvaalbuurt; zestig huishoudens krijgen een geveltuin.",
        address="Pretoriusstraat en Schalk Burgerstraat",
        point=("52.353910", "4.925620"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="transvaalbuurt",
        initiator_email=bewoner(5),
        public_name="Lieke M.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Planten, aarde en klimrekken voor 60 tuinen", eur(10_800)),
            ("Gereedschap en twee plantdagen", eur(2_400)),
            ("Folder en aanmelding", eur(1_600)),
        ),
    ),
    PlanSpec(
        title="Ontmoetingstafel in de Oosterparkbuurt",
        summary=(
            "Elke woensdag en zondag een lange tafel in buurthuis De Meevaart: samen eten voor "
            "vijf euro, voor wie alleen woont of gewoon gezelschap wil."
        ),
        description=(
            "Veel ouderen in de Oosterparkbuurt eten elke dag alleen. Een vaste tafel twee keer per "
            "week brengt buren samen die elkaar anders niet zouden spreken.\n\n"
            "Vrijwillige koks uit de buurt koken om de beurt, met recepten uit hun eigen keuken. "
            "Het budget betaalt een jaar lang de boodschappen, de huur van de keuken en een "
            "coördinator voor acht uur per week."
        ),
        for_whom="Voor ouderen en iedereen die alleen eet; dertig gasten per maaltijd.",
        address="Balistraat 48a",
        point=("52.358140", "4.918930"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="oosterparkbuurt",
        initiator_email=bewoner(7),
        public_name="Annelies P.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Boodschappen voor 100 maaltijden", eur(9_000)),
            ("Huur keuken en zaal, 12 maanden", eur(4_800)),
            ("Coördinator, 8 uur per week", eur(8_200)),
        ),
    ),
    PlanSpec(
        title="Pannakooi op het Javaplein",
        summary=(
            "Een pannakooi met kunstgras op het Javaplein, waar nu een kaal stuk asfalt ligt, met "
            "wekelijkse toernooien van het jongerenwerk."
        ),
        description=(
            "Op het Javaplein hangen 's avonds jongeren rond omdat er niets te doen is. Een pannakooi "
            "is klein, veilig en trekt jongens en meiden uit de hele Indische Buurt.\n\n"
            "Het jongerenwerk organiseert elke vrijdag een toernooi, met een meidenuur ervoor. De "
            "kooi komt op het asfalt naast de speeltuin; het stadsdeel onderhoudt hem daarna."
        ),
        for_whom="Voor kinderen en jongeren van 8 tot 18 uit de Indische Buurt.",
        address="Javaplein, naast de speeltuin",
        point=("52.363270", "4.939410"),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="indische-buurt-west",
        initiator_email=bewoner(6),
        public_name="Tarik B.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Pannakooi met kunstgras, geleverd en geplaatst", eur(27_500)),
            ("Toernooien en meidenuur, 40 weken", eur(3_500)),
        ),
    ),
    PlanSpec(
        title="Schooltuin bij de Hortus in Frankendael",
        summary=(
            "Een schooltuin in Park Frankendael waar vier basisscholen uit Oost een jaar lang groenten "
            "zaaien, oogsten en koken."
        ),
        description=(
            "Veel kinderen in Oost hebben nooit een wortel uit de grond getrokken. De oude kwekerij in "
            "Park Frankendael heeft een stuk grond dat al jaren braak ligt.\n\n"
            "Met een tuinjuf van de buurtboerderij maken we veertig tuintjes. Vier scholen komen elke "
            "week; in de zomervakantie houden buren de tuin bij."
        ),
        for_whom="Voor de leerlingen van groep 5 en 6 van vier basisscholen in Oost.",
        address="Park Frankendael, oude kwekerij",
        point=("52.352260", "4.933540"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="frankendael",
        initiator_email=bewoner(8),
        public_name="Dewi S.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Grond, hekwerk en veertig tuintjes", eur(8_500)),
            ("Tuinjuf, 36 weken", eur(7_800)),
            ("Zaden, gereedschap en kookmiddag", eur(2_200)),
        ),
    ),
    PlanSpec(
        title="Zomeravonden op het Ambonplein",
        summary=(
            "Zes vrijdagavonden in de zomer muziek, film en eten op het Ambonplein, gemaakt door "
            "buren en ondernemers uit de Indische Buurt."
        ),
        description=(
            "Het Ambonplein is het hart van de Indische Buurt Oost, maar buren kennen elkaar er "
            "nauwelijks. Zes zomeravonden met muziek uit de buurt, een openluchtfilm en eten van de "
            "toko's op het plein brengen daar verandering in.\n\n"
            "Een groep van tien buren programmeert; de ondernemers op het plein doen mee. Alles is "
            "gratis en om 23.00 uur afgelopen."
        ),
        for_whom="Voor de hele buurt rond het Ambonplein; zo'n 400 bezoekers per avond.",
        address="Ambonplein",
        point=("52.361770", "4.945300"),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="indische-buurt-oost",
        initiator_email=bewoner(3),
        public_name="Hafsa E.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Podium, geluid en licht, 6 avonden", eur(13_500)),
            ("Filmscherm en vertoningsrechten", eur(4_500)),
            ("Muzikanten uit de buurt", eur(6_000)),
            ("Vergunning, EHBO en afval", eur(2_000)),
        ),
    ),
    PlanSpec(
        title="Jongerenwerkplaats op IJburg",
        summary=(
            "Een werkplaats in een leegstaande bedrijfsruimte op IJburg waar jongeren leren lassen, "
            "timmeren en fietsen repareren, met begeleiding van vakmensen."
        ),
        description=(
            "Op IJburg wonen veel jongeren en er is weinig voor ze. Een werkplaats geeft ze een plek "
            "om iets te maken en een vak te proeven.\n\n"
            "Drie vakmensen uit de buurt begeleiden vier middagen per week. De woningcorporatie stelt "
            "een bedrijfsruimte aan de Pampuslaan ter beschikking; het budget betaalt gereedschap, "
            "inrichting en de begeleiding in het eerste jaar."
        ),
        for_whom="Voor jongeren van 12 tot 21 op IJburg; zestig deelnemers in het eerste jaar.",
        address="Pampuslaan",
        point=("52.356650", "5.001730"),
        theme_slug="jeugd",
        neighbourhood_slug="ijburg-west",
        initiator_email=bewoner(10),
        public_name="Jongeren van IJburg",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Gereedschap en machines", eur(14_000)),
            ("Inrichting en veiligheid", eur(9_000)),
            ("Begeleiding door vakmensen, 40 weken", eur(15_000)),
        ),
    ),
    PlanSpec(
        title="Watersportdagen op het Nieuwe Diep",
        summary=(
            "Tien zaterdagen kanoën, suppen en zeilen voor kinderen uit Oost die nog nooit op het "
            "water zaten, met de watersportvereniging aan het Nieuwe Diep."
        ),
        description=(
            "Oost ligt aan het water, maar veel kinderen kunnen er niet bij: een lidmaatschap is "
            "duur. De vereniging aan het Nieuwe Diep opent tien zaterdagen haar deuren.\n\n"
            "Kinderen met een zwemdiploma leren kanoën, suppen en zeilen in kleine groepjes, met "
            "gediplomeerde instructeurs. Scholen en het jongerenwerk melden de kinderen aan."
        ),
        for_whom="Voor kinderen van 8 tot 14 uit heel Oost; 150 kinderen in een seizoen.",
        address="Nieuwe Diep, watersportvereniging",
        point=("52.367930", "4.963480"),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="zeeburgereiland-nieuwe-diep",
        initiator_email=bewoner(9),
        public_name="Watersport Nieuwe Diep",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Instructeurs, 10 zaterdagen", eur(9_000)),
            ("Huur boten en zwemvesten", eur(5_200)),
            ("Vervoer en lunch", eur(1_800)),
        ),
    ),
    PlanSpec(
        title="Schaduwbomen en bankjes langs de Weesperzijde",
        summary=(
            "Twaalf bomen in grote bakken en zes bankjes langs de Weesperzijde, zodat je er in de "
            "zomer in de schaduw aan de Amstel kunt zitten."
        ),
        description=(
            "Langs de Weesperzijde is de kade breed en warm, en je kunt er nergens zitten. Bomen in "
            "bakken kunnen op de kade zonder de kabels eronder te raken.\n\n"
            "Buren van de Weesperzijde geven de bomen water in de eerste twee zomers; het stadsdeel "
            "neemt daarna het onderhoud over."
        ),
        for_whom="Voor wandelaars, ouderen en gezinnen langs de Amstel.",
        address="Weesperzijde, tussen de Berlagebrug en de Ceintuurbaan",
        point=("52.352010", "4.907650"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="weesperzijde",
        initiator_email=bewoner(1),
        public_name="Sophie de V.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Twaalf bomen in plantbakken", eur(26_400)),
            ("Zes bankjes, geleverd en geplaatst", eur(9_600)),
        ),
    ),
    PlanSpec(
        title="Taalcafé in de Dapperbuurt",
        summary=(
            "Elke dinsdag en donderdag een taalcafé in de bibliotheek aan het Dappermarkt-plein: "
            "Nederlands oefenen met buren, bij koffie en een spelletje."
        ),
        description=(
            "Wie net Nederlands leert, oefent te weinig buiten de les. In het taalcafé praten "
            "nieuwkomers met buren over gewone dingen: de markt, de school, het weer.\n\n"
            "Vijftien vrijwilligers leiden de tafels; het budget betaalt een coördinator, materiaal en "
            "koffie voor een jaar."
        ),
        for_whom="Voor nieuwkomers en anderstaligen in de Dapperbuurt; veertig deelnemers per week.",
        address="Dapperstraat, OBA Dappermarkt",
        point=("52.362200", "4.927100"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="dapperbuurt",
        initiator_email=bewoner(2),
        public_name="Jasper K.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Coördinator, 6 uur per week", eur(8_400)),
            ("Lesmateriaal en spellen", eur(1_600)),
            ("Koffie en thee, 80 middagen", eur(2_500)),
        ),
    ),
    PlanSpec(
        title="Muurschildering 100 jaar Betondorp",
        summary=(
            "Een muurschildering op de kopgevel aan de Brink over honderd jaar Betondorp, ontworpen "
            "met de oudste en de jongste bewoners."
        ),
        description=(
            "Betondorp werd honderd jaar geleden gebouwd als proef met betonnen huizen. Een "
            "muurschildering vertelt dat verhaal, met de gezichten van bewoners van toen en nu.\n\n"
            "Een kunstenaar uit de buurt maakt het ontwerp in drie middagen met de basisschool en "
            "het ouderencentrum; de woningcorporatie geeft de gevel."
        ),
        for_whom="Voor de bewoners van Betondorp en bezoekers van de wijk.",
        address="Brink, kopgevel",
        point=("52.350310", "4.950260"),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="betondorp",
        initiator_email=bewoner(4),
        public_name="Buurtvereniging Betondorp",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Kunstenaar: ontwerp en schildering", eur(16_000)),
            ("Hoogwerker, verf en gevelvoorbereiding", eur(6_500)),
            ("Ontwerpmiddagen met school en ouderen", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Buurtbus voor ouderen in Middenmeer",
        summary=(
            "Een elektrische buurtbus met vrijwillige chauffeurs die ouderen in Middenmeer naar de "
            "markt, de huisarts en het buurthuis brengt."
        ),
        description=(
            "Ouderen in Middenmeer die slecht ter been zijn komen de deur nauwelijks uit: de tram is "
            "ver en een taxi duur. Een buurtbus rijdt vaste rondes en op afspraak.\n\n"
            "Het budget betaalt de lease van de bus voor een jaar; twintig vrijwillige chauffeurs "
            "rijden in diensten."
        ),
        for_whom="Voor ouderen in Middenmeer en de Watergraafsmeer.",
        address="Middenweg",
        point=("52.353520", "4.941680"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="middenmeer",
        initiator_email=bewoner(4),
        public_name="Ruben van L.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Lease elektrische bus, 12 maanden", eur(26_000)),
            ("Verzekering en laadpas", eur(6_500)),
            ("Training chauffeurs", eur(3_000)),
        ),
    ),
    PlanSpec(
        title="Skateplek onder de Piet Heinkade",
        summary=(
            "Een kleine skateplek onder het viaduct van de Piet Heinkade: droog bij regen en ver van "
            "de woningen."
        ),
        description=(
            "Skaters in het Oostelijk Havengebied rijden nu op de pleinen, tot ergernis van de buren. "
            "Onder het viaduct is ruimte, het is er droog en niemand woont er vlakbij.\n\n"
            "We bouwen een paar betonnen elementen met een skateparkbouwer; skaters uit de buurt "
            "ontwerpen mee."
        ),
        for_whom="Voor skaters van 10 tot 25 uit het Oostelijk Havengebied.",
        address="Piet Heinkade, onder het viaduct",
        point=("52.376950", "4.927610"),
        theme_slug="jeugd",
        neighbourhood_slug="oostelijk-havengebied",
        initiator_email=bewoner(10),
        public_name="Skaters Oostelijk Havengebied",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Betonnen skate-elementen", eur(32_000)),
            ("Ontwerp met skaters", eur(4_000)),
        ),
    ),
    PlanSpec(
        title="Overdekte buurtmarkt op het Krugerplein",
        summary=(
            "Een vaste overkapping op het Krugerplein voor een wekelijkse buurtmarkt met kramen van bewoners."
        ),
        description=(
            "Het Krugerplein is groot en leeg. Een overkapping maakt er elke zaterdag een markt van, "
            "ook als het regent.\n\n"
            "Bewoners huren een kraam voor weinig geld; de opbrengst betaalt het onderhoud."
        ),
        for_whom="Voor de Transvaalbuurt en iedereen die iets wil verkopen of ruilen.",
        address="Krugerplein",
        point=("52.352180", "4.923490"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="transvaalbuurt",
        initiator_email=bewoner(7),
        public_name="Marktgroep Krugerplein",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Overkapping, fundering en montage", eur(36_000)),
            ("Tien marktkramen", eur(4_000)),
        ),
    ),
    PlanSpec(
        title="Zonnepanelen op de daken van IJburg Zuid",
        summary=(
            "Zonnepanelen op de daken van vijf woonblokken op IJburg Zuid, waarvan de opbrengst naar "
            "de bewoners gaat."
        ),
        description=(
            "De daken van IJburg Zuid zijn plat en liggen vol in de zon. Met panelen erop besparen de "
            "bewoners op hun energierekening.\n\n"
            "Een energiecoöperatie uit de buurt legt de panelen en verdeelt de opbrengst."
        ),
        for_whom="Voor de bewoners van vijf woonblokken op IJburg Zuid.",
        address="Krijn Taconiskade",
        point=("52.350180", "5.003920"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="ijburg-zuid",
        initiator_email=bewoner(9),
        public_name="Bart J.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Zonnepanelen en omvormers", eur(33_000)),
            ("Montage en keuring", eur(5_000)),
        ),
    ),
)
