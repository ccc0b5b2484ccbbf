"""Plans for Buurtbudget Zuidoost 2026, now in its vote: shortlisted, feasible and rejected plans."""

from __future__ import annotations

from proposals.models import PlanStatus

from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Voedselbos in de Bijlmer",
        summary=(
            "Een eetbaar bos van noten, fruitbomen en bessenstruiken in de Bijlmer, waar scholen les "
            "krijgen en iedereen mag plukken."
        ),
        description=(
            "In een voedselbos groeien bomen, struiken en kruiden in lagen, zoals in een natuurlijk bos, "
            "maar bijna alles is eetbaar: walnoten, appels, vijgen, bessen, daslook. Na de aanleg heeft "
            "het weinig onderhoud nodig en het wordt elk jaar rijker.\n\n"
            "We planten op een halve hectare aan de rand van het Nelson Mandelapark, dichtbij de D-buurt. "
            "Een ontwerper maakt het plan samen met bewoners die bomen kennen uit Suriname, Ghana en de "
            "Antillen. Acht basisscholen krijgen er twee jaar lang natuurlessen.\n\n"
            "De eerste jaren beschermt een licht hekwerk de jonge aanplant; daarna is het bos altijd open."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="bijlmer-centrum-d-f-h",
        initiator_email="priscilla.asante@demo.buurtbudget.nl",
        public_name="Stichting Voedselbos Bijlmer",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Ontwerp met bewoners", eur(6_000)),
            ("Bomen, struiken, kruiden en zaden", eur(24_000)),
            ("Grondverbetering en paden", eur(18_500)),
            ("Natuurlessen voor 8 basisscholen, 2 jaar", eur(9_500)),
            ("Tijdelijk hekwerk rond de jonge aanplant", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Geveltuinen en regentonnen in Nellestein",
        summary=(
            "Zestig geveltuinen en veertig regentonnen, zodat de laagbouw van Nellestein groener "
            "en koeler wordt."
        ),
        description=(
            "De straten van Nellestein zijn in de zomer warm en bij hoosbuien lopen de putten over. "
            "Geveltuinen en regentonnen helpen allebei, en bewoners kunnen ze zelf onderhouden.\n\n"
            "Bewoners melden zich aan voor een geveltuin, een regenton of allebei. Op twee "
            "zaterdagen halen we met de buurt tegels weg en planten we; een hovenier geeft uitleg over "
            "planten die tegen droogte kunnen."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="nellestein",
        initiator_email="esther.mensah@demo.buurtbudget.nl",
        public_name="Esther M.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Tegels verwijderen, 60 geveltuinen", eur(7_800)),
            ("Acht plantenbakken bij de portieken", eur(1_200)),
            ("Planten, zaden en aarde", eur(3_600)),
            ("40 regentonnen met aansluiting op de regenpijp", eur(3_600)),
            ("Twee plantdagen met een hovenier", eur(1_800)),
        ),
    ),
    PlanSpec(
        title="Klimaatplein Venserpolder",
        summary=(
            "Het stenige plein midden in de Venserpolder wordt een koel, groen plein met regentuinen, "
            "bomen en zitranden."
        ),
        description=(
            "Het plein tussen de portiekflats is een hittevlek: in juli meet het er 15 graden meer dan in "
            "het park. Er staat geen boom en nergens kun je zitten.\n\n"
            "Een landschapsarchitect heeft met twintig bewoners een ontwerp gemaakt. Verlaagde regentuinen "
            "vangen het water op, acht bomen geven schaduw en brede betonnen randen worden zitplekken. "
            "Het stadsdeel heeft bevestigd dat het plein na oplevering in het gewone onderhoud komt."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="venserpolder",
        initiator_email="winston.renfurm@demo.buurtbudget.nl",
        public_name="Bewonerscommissie Venserpolder",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Ontwerp en begeleiding door een landschapsarchitect", eur(4_500)),
            ("Regentuinen en wadi", eur(20_000)),
            ("Plantenbakken met zitrand", eur(2_000)),
            ("Acht bomen met boomkrat", eur(12_000)),
            ("Betonnen zitranden", eur(7_500)),
        ),
    ),
    PlanSpec(
        title="De Huiskamer van de Gein",
        summary=(
            "Een buurthuiskamer in de Gein, zes dagen per week open: koffie, een maaltijd op vrijdag, "
            "hulp bij brieven en activiteiten die bewoners zelf bedenken."
        ),
        description=(
            "Sinds het buurthuis aan de Gein dichtging, is er geen plek meer waar bewoners elkaar "
            "zomaar tegenkomen. Ouderen zitten veel thuis, nieuwe bewoners kennen niemand.\n\n"
            "Wij huren een bedrijfsruimte onder de Gein-flat en richten die in als huiskamer, met een "
            "keuken voor de vrijdagmaaltijd. Een betaalde coördinator zorgt voor een rooster van "
            "vrijwilligers, zodat de deur altijd open is als beloofd.\n\n"
            "Er zijn al 25 vrijwilligers aangemeld, van bingo tot naailes."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="gein",
        initiator_email="esther.mensah@demo.buurtbudget.nl",
        public_name="Buurtvereniging Gein",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Huur bedrijfsruimte, 12 maanden", eur(18_000)),
            ("Verbouwing en inrichting", eur(21_000)),
            ("Keuken", eur(9_000)),
            ("Coördinator, 16 uur per week", eur(24_000)),
        ),
    ),
    PlanSpec(
        title="Computerhulp en taalcafé voor ouderen in Venserpolder",
        summary=(
            "Ouderen leren met DigiD, bankzaken en beeldbellen omgaan, en oefenen daarna Nederlands bij een "
            "kop koffie."
        ),
        description=(
            "Steeds meer gaat online: de huurtoeslag, de bank, een afspraak bij de huisarts. Veel ouderen "
            "in de Venserpolder lopen daar vast en durven het niet te vragen.\n\n"
            "Twee ochtenden per week helpen vrijwilligers op laptops van het project; wie wil, blijft "
            "daarna voor het taalcafé. De bibliotheek leidt de vrijwilligers op."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="venserpolder",
        initiator_email="winston.renfurm@demo.buurtbudget.nl",
        public_name="Winston R.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Acht laptops", eur(6_400)),
            ("Begeleiding en opleiding van vrijwilligers", eur(6_000)),
            ("Zaalhuur", eur(2_400)),
            ("Koffie en thee", eur(1_200)),
        ),
    ),
    PlanSpec(
        title="Samen koken in de K-buurt",
        summary=(
            "Elke week koken buren uit verschillende landen voor elkaar in het buurthuis: veertig "
            "avonden, tachtig gasten per avond."
        ),
        description=(
            "In de K-buurt wonen mensen uit meer dan zestig landen, maar ze eten zelden samen. Koken "
            "verbindt: wie kookt, vertelt over zijn land; wie eet, proeft en praat mee.\n\n"
            "We breiden de keuken van het buurthuis uit zodat er voor tachtig mensen gekookt kan worden. "
            "Elke donderdag kookt een andere buurtgenoot, met hulp van een kok. De maaltijd kost "
            "gasten drie euro; wie dat niet kan betalen, eet gratis mee.\n\n"
            "Alle koks volgen eerst een korte cursus hygiëne."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="bijlmer-oost-e-g-k",
        initiator_email="priscilla.asante@demo.buurtbudget.nl",
        public_name="Priscilla A.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Uitbreiding keuken van het buurthuis", eur(14_000)),
            ("Boodschappen, 40 kookavonden", eur(12_000)),
            ("Begeleiding door een kok", eur(6_000)),
            ("Hygiënecursus voor de koks", eur(2_000)),
        ),
    ),
    PlanSpec(
        title="Huiswerkclub Bijlmer-Oost",
        summary=(
            "Vier middagen per week huiswerkbegeleiding en examentraining voor middelbare scholieren uit "
            "de E-, G- en K-buurt."
        ),
        description=(
            "Veel scholieren in Bijlmer-Oost hebben thuis geen bureau en geen rust, en bijles is duur. "
            "Daardoor blijven talenten liggen.\n\n"
            "De huiswerkclub is open van maandag tot en met donderdag in een buurtruimte bij Kraaiennest. "
            "Studenten en gepensioneerde docenten helpen met plannen, wiskunde en Engels. In het voorjaar "
            "is er examentraining voor de eindexamenklassen.\n\n"
            "Ouders komen drie keer per jaar op een ouderavond om te horen hoe het gaat."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="bijlmer-oost-e-g-k",
        initiator_email="marlon.kromodimedjo@demo.buurtbudget.nl",
        public_name="Marlon K.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Vergoeding begeleiders, 4 middagen per week", eur(28_000)),
            ("Tien laptops", eur(8_000)),
            ("Lesmateriaal", eur(2_500)),
            ("Examentraining", eur(2_000)),
            ("Ouderavonden", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Meidenclub Zuidoost",
        summary=(
            "Sporten, praten en samen op pad: een wekelijkse club voor meiden van 12 tot 18 uit "
            "heel Zuidoost."
        ),
        description=(
            "Meiden doen minder aan sport dan jongens en hebben minder plekken in de buurt die van hen "
            "zijn. De meidenclub is zo'n plek.\n\n"
            "Elke woensdagmiddag is er een training (dans, boksen, voetbal, wisselend) en daarna een "
            "praatgroep met jonge vrouwelijke mentoren uit Zuidoost. Vier keer per jaar gaan we samen "
            "op pad. De club is voor meiden uit alle wijken, dus we wisselen van sporthal."
        ),
        theme_slug="jeugd",
        neighbourhood_slug=None,
        initiator_email="priscilla.asante@demo.buurtbudget.nl",
        public_name="Meidenclub Zuidoost",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Trainers, 40 woensdagen", eur(14_000)),
            ("Zaalhuur", eur(7_000)),
            ("Vier uitjes", eur(4_000)),
            ("Vergoeding mentoren", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Jongerenstudio Holendrecht",
        summary=(
            "Een geluiddichte studio in het jongerencentrum waar jongeren muziek en podcasts maken, met "
            "begeleiding van producers uit de buurt."
        ),
        description=(
            "Zuidoost heeft een rijke muziekgeschiedenis, maar voor een studio moeten jongeren naar de "
            "andere kant van de stad, en dat kost geld.\n\n"
            "In het jongerencentrum in Holendrecht bouwen we een kleine studio. Twee producers "
            "uit de buurt geven workshops en begeleiden jongeren bij hun eerste opnames. Wie een podcast "
            "wil maken over de buurt, kan er ook terecht.\n\n"
            "De opening vieren we met een optreden van jongeren die er hun eerste nummer opnamen."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="holendrecht-reigersbos",
        initiator_email="marlon.kromodimedjo@demo.buurtbudget.nl",
        public_name="Marlon K.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Geluidsisolatie van de ruimte", eur(15_000)),
            ("Studioapparatuur", eur(16_000)),
            ("Begeleiding door producers, 1 jaar", eur(12_000)),
            ("Openingsavond", eur(2_000)),
        ),
    ),
    PlanSpec(
        title="Speeltuin op het dak van de parkeergarage in Amstel III",
        summary=(
            "Een speeltuin op het dak van een parkeergarage, voor de gezinnen in de nieuwe "
            "woontorens van Amstel III."
        ),
        description=(
            "In Amstel III zijn de afgelopen jaren duizenden woningen bijgekomen, maar er is nog geen "
            "speelplek. Het dak van de parkeergarage aan de Hullenbergweg is groot en leeg.\n\n"
            "We willen er een omheinde speeltuin maken met toestellen voor kinderen tot twaalf jaar. "
            "Ruim 140 gezinnen uit de nieuwe torens tekenden onze petitie."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="amstel-iii-bullewijk",
        initiator_email="winston.renfurm@demo.buurtbudget.nl",
        public_name="Winston R.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Ontwerp en constructieberekening", eur(8_000)),
            ("Speeltoestellen", eur(32_000)),
            ("Valondergrond", eur(14_000)),
            ("Hoog hekwerk rond het dak", eur(16_000)),
        ),
    ),
    PlanSpec(
        title="Pannaveld en streetbasket in Reigersbos",
        summary=(
            "Een pannakooi en twee basketbalpalen op het verwaarloosde trapveld bij metrostation Reigersbos."
        ),
        description=(
            "Jongeren uit Reigersbos hangen nu rond bij het metrostation, omdat er niets te doen is. "
            "Het trapveld ernaast ligt vol kuilen.\n\n"
            "We plaatsen een pannakooi en een streetbasketveld op een nieuwe kunststof ondergrond. "
            "Jongeren hebben meegedacht over de plek, zichtbaar vanaf de straat zodat het veilig voelt. "
            "Een buurtsportcoach organiseert in de zomer toernooien."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="holendrecht-reigersbos",
        initiator_email="marlon.kromodimedjo@demo.buurtbudget.nl",
        public_name="Jongerenraad Reigersbos",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Pannakooi", eur(24_000)),
            ("Twee basketbalpalen", eur(7_000)),
            ("Kunststof ondergrond", eur(15_000)),
            ("Plaatsing", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Buitenfitness langs de Gaasperplas",
        summary=(
            "Acht fitnesstoestellen op de hardlooproute rond de Gaasperplas, met een jaar lang "
            "gratis bootcamp."
        ),
        description=(
            "Rond de Gaasperplas wordt veel gewandeld en hardgelopen, maar wie kracht wil trainen moet "
            "naar een dure sportschool.\n\n"
            "Langs de route komen acht toestellen voor alle niveaus, ook voor ouderen. Eén avond per week "
            "geeft een trainer gratis bootcamp, zodat mensen leren hoe de toestellen werken."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="gein",
        initiator_email="esther.mensah@demo.buurtbudget.nl",
        public_name="Esther M.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Acht fitnesstoestellen", eur(22_000)),
            ("Valondergrond", eur(7_000)),
            ("Plaatsing", eur(3_500)),
            ("Bootcamplessen, 1 jaar", eur(3_500)),
        ),
    ),
    PlanSpec(
        title="Gratis sportschoolabonnementen voor jongeren",
        summary="Een jaar lang gratis sportschool voor 250 jongeren uit Zuidoost.",
        description=(
            "Sporten is gezond, maar een sportschool is voor veel gezinnen te duur. Met een gratis "
            "abonnement kunnen jongeren een jaar lang sporten.\n\n"
            "We kopen 250 jaarabonnementen in bij sportscholen in Zuidoost en verdelen ze via scholen "
            "en jongerenwerk. Na een jaar kijken we hoeveel jongeren zijn blijven sporten."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug=None,
        initiator_email="winston.renfurm@demo.buurtbudget.nl",
        public_name="Winston R.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("250 jaarabonnementen", eur(54_000)),
            ("Administratie en verdeling", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Zomerfestival in het Nelson Mandelapark",
        summary=(
            "Een gratis zomerfestival van twee dagen met muziek, dans en eten uit heel Zuidoost, met een "
            "kinderplein en podium voor talent uit de buurt."
        ),
        description=(
            "Zuidoost is de meest diverse plek van Nederland, en dat mag gevierd worden. Het festival "
            "brengt buren uit alle wijken samen, op loopafstand en gratis.\n\n"
            "Op het hoofdpodium staan bekende artiesten uit Zuidoost; het tweede podium is voor talent "
            "uit de buurt, van gospelkoren tot drill. Er is een kinderplein met een springkussen en "
            "schminken, en kramen met eten van bewoners.\n\n"
            "De organisatie ligt bij een stichting die al vijf edities van een kleiner buurtfeest "
            "organiseerde; vrijwilligers ruimen elke avond het park op."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug=None,
        initiator_email="priscilla.asante@demo.buurtbudget.nl",
        public_name="Stichting Zuidoost Viert",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Podia, licht en geluid", eur(16_000)),
            ("Artiesten", eur(14_000)),
            ("Vergunning, beveiliging en EHBO", eur(8_000)),
            ("Kinderplein", eur(4_000)),
            ("Toiletten en afvalafvoer", eur(3_000)),
        ),
    ),
    PlanSpec(
        title="Muurschildering 'Helden van de Bijlmer'",
        summary=(
            "Een grote muurschildering op de kopgevel van flat Hoogoord met portretten van bewoners die "
            "de buurt hebben gemaakt."
        ),
        description=(
            "Iedereen kent wel iemand die de buurt draaiende houdt: de vrouw die al dertig jaar de "
            "kerstmarkt regelt, de voetbaltrainer, de buurvrouw die voor iedereen kookt. Zij verdienen "
            "een plek op de muur.\n\n"
            "Bewoners dragen helden voor; een jury van buurtgenoten kiest er zes. Twee muralisten uit "
            "Zuidoost schilderen hun portretten op de kopgevel van Hoogoord, met hun verhaal op een bord "
            "en via een QR-code."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="bijlmer-centrum-d-f-h",
        initiator_email="marlon.kromodimedjo@demo.buurtbudget.nl",
        public_name="Marlon K.",
        status=PlanStatus.SHORTLISTED,
        cost_lines=(
            ("Twee muralisten", eur(18_000)),
            ("Verf en anti-graffitilaag", eur(5_000)),
            ("Hoogwerker", eur(4_500)),
            ("Verhalen ophalen en informatiebord", eur(4_500)),
        ),
    ),
    PlanSpec(
        title="Kerstmarkt op het Anton de Komplein",
        summary="Een kerstmarkt van één weekend met kramen van ondernemers en bewoners uit Zuidoost.",
        description=(
            "In december is het Anton de Komplein donker en leeg. Een kerstmarkt brengt licht, muziek en "
            "bezoekers naar het hart van Zuidoost.\n\n"
            "Twintig kramen, waarvan de helft voor bewoners die iets zelfgemaakts verkopen, lichtjes in de "
            "bomen en koren uit de buurt."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="bijlmer-centrum-d-f-h",
        initiator_email="esther.mensah@demo.buurtbudget.nl",
        public_name="Esther M.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Huur van 20 kramen", eur(4_500)),
            ("Feestverlichting", eur(3_000)),
            ("Muziek en koren", eur(2_500)),
            ("Vergunning en beveiliging", eur(2_000)),
        ),
    ),
)
