"""Plans for Buurtbudget West 2027, now in review: some checked, two returned for changes."""

from __future__ import annotations

from proposals.models import PlanStatus

from .accounts import bewoner
from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Regentuin en bomen op het Bos en Lommerplein",
        summary=(
            "Een deel van het stenen Bos en Lommerplein wordt een verlaagde regentuin met vier bomen en "
            "zitranden, zodat het plein koeler wordt en regenwater in de grond zakt."
        ),
        description=(
            "Het Bos en Lommerplein is in de zomer een van de heetste plekken van West, en bij een "
            "hoosbui staat het water tot aan de stoep. Een regentuin vangt het water op en laat het "
            "langzaam wegzakken.\n\n"
            "Aan de kant van de Bos en Lommerweg halen we 180 m² tegels weg. De regentuin ligt dertig "
            "centimeter lager dan het plein en krijgt planten die natte voeten en droogte verdragen. "
            "Vier lindes geven schaduw; de betonnen rand wordt een lange zitbank.\n\n"
            "Na de toets hebben we de bomen verplaatst, weg van de kabels onder het plein, en de "
            "onderhoudsafspraak met het stadsdeel toegevoegd."
        ),
        for_whom=(
            "Voor iedereen die het plein gebruikt: marktbezoekers, ouderen van het woonzorgcentrum en "
            "kinderen van de Bos en Lommerschool. Tien buren helpen twee keer per jaar met snoeien."
        ),
        address="Bos en Lommerplein, kant Bos en Lommerweg",
        point=("52.378430", "4.848680"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="landlust",
        initiator_email=bewoner(11),
        public_name="Laura W.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Tegels verwijderen en grond afgraven, 180 m²", eur(9_800)),
            ("Vier lindes met boomkrat en wortelgeleiding", eur(11_600)),
            ("Planten en substraat voor de regentuin", eur(6_400)),
            ("Betonnen zitrand", eur(8_200)),
            ("Onderhoud door hovenier, eerste 2 jaar", eur(3_000)),
        ),
    ),
    PlanSpec(
        title="Pluktuin op het Bellamyplein",
        summary=(
            "Vier grote plantenbakken met kruiden, bessen en groente op het Bellamyplein, waar buren samen "
            "zaaien, oogsten en koken."
        ),
        description=(
            "Op het Bellamyplein staan al bankjes en een speeltuin, maar er groeit weinig. Veel "
            "bewoners hebben geen balkon en zouden graag iets willen kweken.\n\n"
            "We zetten vier houten bakken van twee bij vier meter neer. Elke bak heeft een groepje buren "
            "dat hem verzorgt; wat groeit, mag iedereen plukken. Eens per maand koken we samen met wat "
            "er geoogst is, in de buurtkamer aan het plein."
        ),
        for_whom="Voor bewoners van de Bellamybuurt zonder eigen tuin, en de kinderen van de speeltuin.",
        address="Bellamyplein",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="kinkerbuurt",
        initiator_email=bewoner(13),
        public_name="Floor van der M.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Vier houten plantenbakken, 2 x 4 meter", eur(6_400)),
            ("Aarde, zaden en planten, 2 seizoenen", eur(2_200)),
            ("Gereedschap en waterkar", eur(900)),
            ("Samen koken, 10 keer", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Huiswerkklas in De Kolenkit",
        summary=(
            "Vier middagen per week huiswerkbegeleiding voor kinderen van groep 6 tot en met de tweede "
            "klas, door studenten en gepensioneerde leraren uit de buurt."
        ),
        description=(
            "Veel kinderen in De Kolenkit hebben thuis geen rustige plek om te leren, en hun ouders "
            "kunnen niet altijd helpen met rekenen of begrijpend lezen.\n\n"
            "In het buurthuis aan het Kolenkitplein is van maandag tot en met donderdag een huiswerkklas "
            "voor dertig kinderen. Studenten van de Hogeschool van Amsterdam en vijf gepensioneerde "
            "leraren begeleiden ze; er is fruit en drinken. Ouders komen eens per kwartaal kijken."
        ),
        for_whom="Voor 30 kinderen van 9 tot 14 jaar uit De Kolenkit en de Erasmusparkbuurt.",
        address="Buurthuis, Kolenkitplein",
        theme_slug="jeugd",
        neighbourhood_slug="de-kolenkit",
        initiator_email=bewoner(15),
        public_name="Samira A.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Vergoeding studenten, 38 weken", eur(15_200)),
            ("Coördinator, 8 uur per week", eur(9_800)),
            ("Laptops en lesmateriaal", eur(3_600)),
            ("Fruit en drinken", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Zomerfilm op het Van Limburg Stirumplein",
        summary=(
            "Zes zomeravonden een groot filmdoek op het plein, met films die de buurt zelf kiest en "
            "een voorprogramma van jonge makers uit West."
        ),
        description=(
            "Het Van Limburg Stirumplein is in de zomer vol, maar 's avonds is er weinig te doen voor "
            "wie niet op vakantie gaat. Buitenfilm brengt jong en oud samen.\n\n"
            "Bewoners stemmen vooraf online en in de bibliotheek over de films. Voor elke film laten "
            "studenten van de filmacademie een korte film zien die ze in de buurt hebben gemaakt. "
            "Klapstoelen lenen we van de kerk; wie wil, neemt een kleed mee."
        ),
        for_whom="Voor alle bewoners van de Staatsliedenbuurt en omliggende buurten.",
        address="Van Limburg Stirumplein",
        point=("52.382330", "4.873780"),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="staatsliedenbuurt",
        initiator_email=bewoner(14),
        public_name="Koen T.",
        status=PlanStatus.CHANGES_REQUESTED,
        cost_lines=(
            ("Huur filmdoek, projector en geluid, 6 avonden", eur(10_800)),
            ("Vertoningsrechten", eur(2_400)),
            ("Vergoeding jonge makers", eur(3_000)),
            ("Vergunning, stroom en beveiliging", eur(2_600)),
        ),
    ),
    PlanSpec(
        title="Veilige oversteek bij basisschool De Horizon",
        summary=(
            "Een zebrapad met verhoogd plateau en knipperlicht op de Jan Evertsenstraat, waar elke "
            "ochtend honderden kinderen oversteken."
        ),
        description=(
            "Bij de basisschool steken elke ochtend honderden kinderen de Jan Evertsenstraat over, tussen "
            "fietsers, auto's en de tram. Er is geen zebrapad en verkeersbrigadiers zijn er niet "
            "genoeg.\n\n"
            "Wij vragen een zebrapad met een verhoogd plateau, een knipperlicht en hekjes die kinderen "
            "naar de oversteek leiden."
        ),
        for_whom="Voor de 420 leerlingen van de school en hun ouders.",
        address="Jan Evertsenstraat, bij de Hoofdweg",
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="hoofdweg-eo",
        initiator_email=bewoner(16),
        public_name="Ouderraad De Horizon",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Verhoogd plateau", eur(24_000)),
            ("Zebrapad en knipperlicht", eur(13_500)),
            ("Hekjes langs de stoep", eur(4_200)),
        ),
    ),
    PlanSpec(
        title="Ouderensoos in de Da Costabuurt",
        summary=(
            "Elke dinsdag en vrijdag een middag samen voor ouderen: koffie, spelletjes, een gymles op de "
            "stoel en eens per maand een uitje."
        ),
        description=(
            "In de Da Costabuurt wonen veel ouderen alleen, vaak op drie hoog zonder lift. Ze komen "
            "weinig buiten en missen contact.\n\n"
            "In de kerkzaal aan de Da Costakade is twee middagen per week een soos. Een fysiotherapeut "
            "geeft stoelgym, vrijwilligers halen mensen op die slecht ter been zijn en eens per maand "
            "gaan we samen naar de markt, het museum of de Hortus."
        ),
        for_whom="Voor ouderen uit de Da Costabuurt en de Kinkerbuurt; acht vrijwilligers.",
        address="Kerkzaal, Da Costakade",
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="da-costabuurt",
        initiator_email=bewoner(20),
        public_name="Gerda R.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Huur kerkzaal, 80 middagen", eur(4_800)),
            ("Stoelgym door fysiotherapeut", eur(3_200)),
            ("Tien uitjes met vervoer", eur(4_000)),
            ("Koffie, thee en spelletjes", eur(1_300)),
        ),
    ),
    PlanSpec(
        title="Calisthenicspark in het Erasmuspark",
        summary=(
            "Een sportplek met rekstokken, brug en ringen in het Erasmuspark, waar iedereen gratis kan "
            "trainen met het eigen lichaamsgewicht."
        ),
        description=(
            "In het Erasmuspark trainen elke ochtend groepjes jongeren en volwassenen aan de "
            "speeltoestellen, die daar niet voor gemaakt zijn. Een echt calisthenicspark is veiliger en "
            "trekt ook mensen die nooit naar een sportschool gaan.\n\n"
            "De toestellen komen op het grasveld bij de ingang aan de Jan van Galenstraat. Trainers van "
            "de buurtsportvereniging geven het eerste jaar elke zaterdag een gratis les."
        ),
        for_whom="Voor jongeren en volwassenen uit Bos en Lommer en De Baarsjes.",
        address="Erasmuspark, ingang Jan van Galenstraat",
        point=("52.374620", "4.854990"),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="erasmuspark",
        initiator_email=bewoner(12),
        public_name="Mustafa Ç.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Toestellen: rekstokken, brug, ringen", eur(18_500)),
            ("Valondergrond", eur(9_000)),
            ("Plaatsing en keuring", eur(3_400)),
            ("Gratis lessen op zaterdag, 1 jaar", eur(2_600)),
        ),
    ),
    PlanSpec(
        title="Kledingbieb en naaiatelier in de Spaarndammerbuurt",
        summary=(
            "Kleding lenen in plaats van kopen, en leren repareren en vermaken: een kledingbibliotheek "
            "met naaiatelier in de plint van Het Schip."
        ),
        description=(
            "Een gezin gooit per jaar tientallen kilo's kleding weg. In een kledingbieb leen je kleding, "
            "zoals boeken in de bibliotheek: een feestjurk, een winterjas voor een groeiend kind.\n\n"
            "In de ruimte onder Het Schip richten we een kledingbieb in en een atelier met vijf "
            "naaimachines. Twee naaisters geven wekelijks les in repareren en vermaken."
        ),
        for_whom="Voor gezinnen en jongeren uit de Spaarndammer- en Zeeheldenbuurt.",
        address="Oostzaanstraat, plint van Het Schip",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="spaarndammer-en-zeeheldenbuurt",
        initiator_email=bewoner(17),
        public_name="Roos H.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Huur ruimte, 12 maanden", eur(8_400)),
            ("Inrichting: rekken, paskamer, balie", eur(4_600)),
            ("Vijf naaimachines en lockmachine", eur(3_300)),
            ("Lessen door naaisters, 40 weken", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Watertafel en schaduwdoeken in het Frederik Hendrikplantsoen",
        summary=(
            "Een watertafel waar peuters en kleuters met water spelen, en schaduwdoeken boven de "
            "zandbak van de speeltuin in het Frederik Hendrikplantsoen."
        ),
        description=(
            "De speeltuin in het plantsoen ligt in de volle zon; in juli is het zand te heet om in te "
            "spelen en gaan ouders naar huis.\n\n"
            "Een watertafel met pomp, goten en sluisjes laat kinderen spelen met water zonder dat het "
            "gevaarlijk wordt. Drie schaduwdoeken boven de zandbak en de bankjes maken de speeltuin "
            "de hele zomer bruikbaar."
        ),
        for_whom="Voor jonge kinderen tot 8 jaar uit de Frederik Hendrikbuurt en hun ouders.",
        address="Speeltuin Frederik Hendrikplantsoen",
        theme_slug="jeugd",
        neighbourhood_slug="frederik-hendrikbuurt",
        initiator_email=bewoner(19),
        public_name="Vincent O.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Watertafel met handpomp", eur(12_500)),
            ("Drie schaduwdoeken met palen", eur(7_800)),
            ("Plaatsing en aansluiting", eur(2_900)),
        ),
    ),
    PlanSpec(
        title="Boksschool voor meiden in de Van Galenbuurt",
        summary=(
            "Twee avonden per week bokstraining voor meiden van 12 tot 18 jaar, met aandacht voor "
            "zelfvertrouwen, weerbaarheid en school."
        ),
        description=(
            "Meiden in Bos en Lommer sporten veel minder dan jongens, vaak omdat er geen plek is waar ze "
            "zich thuis voelen. Boksen maakt sterk, fit en zelfverzekerd.\n\n"
            "In de gymzaal aan de Van Galenstraat geeft een vrouwelijke trainer, zelf opgegroeid in de "
            "buurt, twee avonden per week les. Na de training is er tijd om te praten over school en "
            "thuis, samen met een jongerenwerker."
        ),
        for_whom="Voor 40 meiden van 12 tot 18 jaar uit Bos en Lommer.",
        address="Gymzaal, Van Galenstraat",
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="van-galenbuurt",
        initiator_email=bewoner(18),
        public_name="Nadia el K.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Trainer, 2 avonden per week, 40 weken", eur(9_600)),
            ("Huur gymzaal", eur(4_000)),
            ("Bokszakken, handschoenen en beschermers", eur(3_100)),
            ("Jongerenwerker na de training", eur(4_800)),
        ),
    ),
    PlanSpec(
        title="Buurtconciërge voor de Westindische Buurt",
        summary=(
            "Een vaste buurtconciërge die zwerfvuil opruimt, kapotte dingen meldt en bewoners helpt de "
            "straat samen schoon te houden."
        ),
        description=(
            "Rond de containers in de Westindische Buurt ligt vaak grofvuil, en meldingen blijven "
            "liggen. Bewoners voelen zich er niet verantwoordelijk voor.\n\n"
            "Een buurtconciërge uit de buurt loopt vijf ochtenden per week een vaste ronde, ruimt op, "
            "meldt wat kapot is en spreekt bewoners aan. Eens per maand organiseert hij een "
            "opruimochtend met de kinderen van de basisschool."
        ),
        for_whom="Voor de bewoners van de Westindische Buurt; de conciërge is zelf een buurtbewoner.",
        address="Curaçaostraat en omgeving",
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="westindische-buurt",
        initiator_email=bewoner(16),
        public_name="Joost B.",
        status=PlanStatus.IN_REVIEW,
        cost_lines=(
            ("Buurtconciërge, 20 uur per week, 1 jaar", eur(26_000)),
            ("Bakfiets, grijpers en werkkleding", eur(3_800)),
            ("Opruimochtenden met de school", eur(1_200)),
        ),
    ),
)
