"""Plans for Buurtbudget Nieuw-West 2027, now in its plans phase: submitted plans and two drafts."""

from __future__ import annotations

from proposals.models import PlanStatus

from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Moestuin De Groene Akker in Geuzenveld",
        summary=(
            "Een gezamenlijke moestuin op het braakliggende veldje achter de Lodewijk van Deysselstraat, "
            "met hoge bakken zodat ook ouderen en mensen in een rolstoel kunnen tuinieren."
        ),
        description=(
            "Achter onze flat ligt al jaren een veldje waar alleen honden komen. Met twaalf buren willen "
            "we er een moestuin van maken: groente en kruiden kweken, samen oogsten en koken, en kinderen "
            "laten zien waar hun eten vandaan komt.\n\n"
            "We plaatsen twintig houten bakken, waarvan acht op tafelhoogte, een afsluitbare berging voor "
            "gereedschap en een regenton. Het eerste jaar begeleidt een tuincoach van de Natuur- en "
            "Milieueducatie ons één ochtend per week, daarna doen we het zelf.\n\n"
            "Het onderhoud regelen we met een rooster; de woningcorporatie heeft schriftelijk laten weten "
            "dat ze het gebruik van het veldje steunt."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="geuzenveld",
        initiator_email="fatima.bennani@demo.buurtbudget.nl",
        public_name="Fatima B.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Grondwerk, hekwerk en een toegangspad", eur(6_500)),
            ("20 houten tuinbakken, waarvan 8 op tafelhoogte", eur(4_800)),
            ("Afsluitbare gereedschapsberging en regenton", eur(3_200)),
            ("Zaden, plantgoed en compost voor het eerste seizoen", eur(1_400)),
            ("Tuincoach, 40 ochtenden", eur(2_400)),
        ),
    ),
    PlanSpec(
        title="Buurtkamer in de plint van de Pieter Calandlaan",
        summary=(
            "Een huiskamer voor de buurt in een leegstaande winkel: koffie, een krant, een spreekuur "
            "voor formulieren en een plek waar niemand alleen hoeft te zitten."
        ),
        description=(
            "In Osdorp-Midden wonen veel ouderen alleen, en jonge moeders die de taal nog leren. Er is "
            "geen plek waar je zonder afspraak binnen kunt lopen. De winkel op de hoek van de Pieter "
            "Calandlaan staat al anderhalf jaar leeg.\n\n"
            "Wij huren die ruimte een jaar en richten haar in als buurtkamer: vijf ochtenden per week "
            "open, met vrijwilligers achter de koffiebar. Op dinsdag houdt het Sociaal Loket er "
            "spreekuur, op donderdag is er een formulierenhulp.\n\n"
            "Stichting Buurtkracht draait al drie jaar een inloop in Geuzenveld en neemt de ervaring mee. "
            "Na het eerste jaar zoeken we structurele financiering bij het stadsdeel en fondsen."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="osdorp-midden",
        initiator_email="karim.haddou@demo.buurtbudget.nl",
        public_name="Stichting Buurtkracht",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Huur van de winkelruimte, 12 maanden", eur(14_400)),
            ("Inrichting: tafels, stoelen, kasten en verlichting", eur(7_500)),
            ("Keukenblok met vaatwasser", eur(4_200)),
            ("Coördinator vrijwilligers, 8 uur per week", eur(9_000)),
        ),
    ),
    PlanSpec(
        title="Speeltuin Slotermeer-Noordoost opknappen",
        summary=(
            "De speeltuin aan het Burgemeester De Vlugtlaan-plantsoen is versleten: nieuwe valondergrond, "
            "een klimrek voor de grotere kinderen en bankjes voor ouders."
        ),
        description=(
            "Het speeltuintje in ons plantsoen is twintig jaar oud. De schommel is weggehaald, het "
            "rubber onder het klimrek ligt los en er is niets voor kinderen boven de zes jaar. Toch spelen "
            "er elke middag tientallen kinderen.\n\n"
            "Met ouders van de basisschool hebben we een ontwerp gemaakt: een nieuwe valondergrond, een "
            "duikelrek en evenwichtsbalk, en twee bankjes in de schaduw. De kinderen kozen zelf de "
            "kleuren.\n\n"
            "Het stadsdeel keurt de toestellen na plaatsing; wij organiseren twee keer per jaar een "
            "schoonmaakochtend."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="slotermeer-noordoost",
        initiator_email="mohamed.elamrani@demo.buurtbudget.nl",
        public_name="Ouders van De Vlugtschool",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Nieuwe valondergrond van rubbertegels, 140 m²", eur(12_000)),
            ("Duikelrek en evenwichtsbalk", eur(8_500)),
            ("Twee bankjes met rugleuning", eur(2_400)),
            ("Plaatsing en veiligheidskeuring", eur(3_600)),
        ),
    ),
    PlanSpec(
        title="Taalcafé Slotervaart",
        summary=(
            "Twee avonden per week Nederlands oefenen aan de keukentafel, met vrijwilligers uit de buurt "
            "en opvang voor de kinderen."
        ),
        description=(
            "Veel buren volgen een taalcursus, maar oefenen het Nederlands nergens. In het taalcafé "
            "praat je over gewone dingen: de markt, school, de huisarts. Vrijwilligers uit de buurt "
            "schuiven aan als gesprekspartner.\n\n"
            "We komen op dinsdag- en donderdagavond samen in het buurthuis om de hoek. "
            "Omdat moeders anders niet kunnen komen, is er in de zaal ernaast kinderopvang door twee "
            "vaste oppassen.\n\n"
            "De vrijwilligers krijgen vooraf een korte training van het Taalhuis van de bibliotheek."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="slotervaart-noord",
        initiator_email="mohamed.elamrani@demo.buurtbudget.nl",
        public_name="Mohamed E.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Zaalhuur, 2 avonden per week gedurende 40 weken", eur(3_120)),
            ("Kinderopvang tijdens het taalcafé", eur(4_160)),
            ("Koffie, thee en iets lekkers", eur(1_040)),
            ("Lesmateriaal en spellen", eur(900)),
            ("Training voor vrijwilligers door het Taalhuis", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Huiswerkbegeleiding voor groep 7 en 8 in Overtoomse Veld",
        summary=(
            "Studenten helpen kinderen uit groep 7 en 8 twee middagen per week met huiswerk en de "
            "doorstroomtoets, in de buurtkamer aan het August Allebéplein."
        ),
        description=(
            "Veel kinderen in Overtoomse Veld hebben thuis geen rustige plek om te leren, en hun ouders "
            "kunnen niet altijd helpen met rekenen of begrijpend lezen. Juist in groep 7 en 8 bepaalt dat "
            "mee naar welke middelbare school ze gaan.\n\n"
            "Vier studenten van de Hogeschool van Amsterdam begeleiden op maandag en woensdag groepjes van "
            "zes kinderen. Er staan laptops klaar om te oefenen; aan het eind van het jaar is er een "
            "bijeenkomst met de ouders en de juffen en meesters.\n\n"
            "Twee basisscholen in de buurt hebben al laten weten kinderen door te verwijzen."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="overtoomse-veld",
        initiator_email="yusuf.demir@demo.buurtbudget.nl",
        public_name="Yusuf D.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Vergoeding studentbegeleiders, 40 weken × 2 middagen", eur(16_000)),
            ("Zes laptops met beschermhoes", eur(4_200)),
            ("Lesmateriaal en oefenboeken", eur(800)),
            ("Afsluitende ouderbijeenkomst", eur(600)),
        ),
    ),
    PlanSpec(
        title="Geveltuinen in de Westlandgracht",
        summary=(
            "Veertig geveltuinen in de straten rond de Westlandgracht: tegels eruit, stokrozen en "
            "klimop erin."
        ),
        description=(
            "Onze straten zijn stenig en worden in de zomer bloedheet. Een geveltuin is klein, maar "
            "veertig geveltuinen maken een straat groen, houden regenwater vast en trekken bijen aan.\n\n"
            "Bewoners melden zich aan; het stadsdeel haalt op één zaterdag de tegels weg en wij zorgen "
            "voor aarde en planten. Op een workshopmiddag leert iedereen hoe je de tuin onderhoudt."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="westlandgracht",
        initiator_email="ingrid.bakker@demo.buurtbudget.nl",
        public_name="Ingrid B.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Tegels verwijderen en afvoeren, 40 geveltuinen", eur(6_000)),
            ("Planten, 40 pakketten", eur(2_400)),
            ("Tuinaarde en compost", eur(800)),
            ("Workshop onderhoud van een geveltuin", eur(500)),
        ),
    ),
    PlanSpec(
        title="Boomspiegels adopteren in Slotermeer-Zuidwest",
        summary=(
            "Zestig boomspiegels rond de Sloterplas krijgen een laag hekje en vaste planten; buren "
            "adopteren er elk één."
        ),
        description=(
            "De kale grond rond de straatbomen wordt nu vaak een hondentoilet of een plek voor "
            "vuilniszakken. Met een laag hekje en planten wordt het een klein tuintje waar mensen zuinig "
            "op zijn.\n\n"
            "Elke boomspiegel krijgt een adoptant uit de straat die water geeft en onkruid wiedt. In het "
            "voorjaar houden we een startochtend met koffie, waar iedereen planten en een gieter ophaalt.\n\n"
            "Het stadsdeel heeft de bomen gecontroleerd: de wortels hebben geen last van de beplanting."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="slotermeer-zuidwest",
        initiator_email="fatima.bennani@demo.buurtbudget.nl",
        public_name="Bewonersgroep Sloterplas-Noord",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("60 lage hekjes rond de boomspiegels", eur(5_700)),
            ("Vaste planten en bollen", eur(3_000)),
            ("Gieters en handgereedschap voor de adoptanten", eur(600)),
            ("Startochtend met koffie", eur(400)),
        ),
    ),
    PlanSpec(
        title="Sportveld Osdorp-Oost opknappen",
        summary=(
            "Het trapveld in onze buurt krijgt nieuwe doelen, een hoger hek langs de sloot en een "
            "hardlooprondje met afstandspaaltjes."
        ),
        description=(
            "Het trapveld is de enige plek in de buurt waar jongeren kunnen voetballen, maar de doelen "
            "hebben geen netten meer en de bal belandt steeds in de sloot. 's Avonds is het er donker en "
            "leeg.\n\n"
            "We vervangen de doelen, zetten een ballenvanger langs de sloot en leggen een halfverhard "
            "rondje van 400 meter rond het veld, zodat ook wandelaars en hardlopers het veld gebruiken. "
            "Buurtsportcoaches geven het eerste halfjaar op zaterdag gratis training."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="osdorp-oost",
        initiator_email="yusuf.demir@demo.buurtbudget.nl",
        public_name="Jongeren van Osdorp-Oost",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Twee voetbaldoelen met netten", eur(4_800)),
            ("Ballenvanger langs de sloot, 40 meter", eur(9_600)),
            ("Halfverhard rondje van 400 meter met afstandspaaltjes", eur(14_500)),
            ("Trainingen door buurtsportcoaches, 26 zaterdagen", eur(2_100)),
        ),
    ),
    PlanSpec(
        title="Bankjes langs de Osdorper Ban",
        summary=(
            "Acht bankjes op de wandelroute naar het winkelcentrum, zodat ouderen onderweg kunnen uitrusten."
        ),
        description=(
            "Voor veel ouderen is de wandeling naar Osdorpplein net te lang. Tussen de seniorenflat en "
            "het winkelcentrum staat geen enkel bankje, dus blijven ze thuis of nemen ze de taxi.\n\n"
            "We willen om de 150 meter een bankje met rugleuning en armleuningen, waarvan twee met een "
            "prullenbak ernaast. De plekken hebben we samen met bewoners van de seniorenflat gekozen "
            "tijdens een wandeling met de rollator.\n\n"
            "Een bankje is ook een ontmoetingsplek: wie er zit, maakt een praatje."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="osdorp-oost",
        initiator_email="bewoner@demo.buurtbudget.nl",
        public_name="Noor V.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("8 bankjes met rug- en armleuningen", eur(11_600)),
            ("Fundering en plaatsing", eur(3_200)),
            ("2 prullenbakken", eur(1_400)),
        ),
    ),
    PlanSpec(
        title="AED en reanimatiecursus voor De Punt",
        summary=(
            "Een AED in een buitenkast bij het buurthuis, 24 uur per dag bereikbaar, en dertig buren die "
            "leren reanimeren."
        ),
        description=(
            "In De Punt hangt geen enkele AED die 's nachts bereikbaar is. Bij een hartstilstand telt elke "
            "minuut, en de ambulance doet er hier gemiddeld negen minuten over.\n\n"
            "We hangen een AED in een verwarmde buitenkast aan de gevel van het buurthuis en melden die aan "
            "bij HartslagNu. Dertig buren volgen een erkende reanimatiecursus en worden burgerhulpverlener. "
            "Het buurthuis betaalt de stroom; het onderhoud voor vijf jaar zit in de begroting."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="de-punt",
        initiator_email="ingrid.bakker@demo.buurtbudget.nl",
        public_name="Ingrid B.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("AED met verwarmde buitenkast", eur(2_900)),
            ("Onderhoud en nieuwe elektroden, 5 jaar", eur(1_250)),
            ("Reanimatiecursus voor 30 buren", eur(2_250)),
        ),
    ),
    PlanSpec(
        title="Muurschildering op de garageboxen in Eendracht",
        summary=(
            "De grauwe garageboxen aan de rand van Eendracht worden een kleurrijke muurschildering, "
            "ontworpen met kinderen uit de buurt."
        ),
        description=(
            "De rij garageboxen is het eerste wat je ziet als je Eendracht binnenrijdt: grijs beton vol "
            "tags. Een muurschildering maakt er een herkenningspunt van waar de buurt trots op is.\n\n"
            "Een kunstenaar uit Nieuw-West houdt drie workshops met kinderen van twee "
            "basisscholen in de buurt; hun tekeningen worden het ontwerp. De eigenaren van de "
            "garageboxen hebben toestemming gegeven en de muur krijgt een anti-graffitilaag.\n\n"
            "De onthulling vieren we met een buurtmiddag."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="eendracht",
        initiator_email="karim.haddou@demo.buurtbudget.nl",
        public_name="Karim H.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Ontwerp en uitvoering door de kunstenaar", eur(6_000)),
            ("Verf, primer en anti-graffitilaag", eur(2_200)),
            ("Huur hoogwerker, 5 dagen", eur(1_400)),
            ("Drie tekenworkshops met kinderen", eur(1_200)),
        ),
    ),
    PlanSpec(
        title="Repair café Slotervaart Zuid",
        summary=(
            "Eén zaterdag per maand samen kapotte spullen repareren: stofzuigers, fietsen, kleding en "
            "laptops, met vrijwillige reparateurs."
        ),
        description=(
            "Een broodrooster die het niet meer doet, gooien we vaak gewoon weg. In het repair café "
            "repareren vrijwilligers samen met de eigenaar: je leert iets, het scheelt geld en er gaat "
            "minder de container in.\n\n"
            "We beginnen in de kantine van de voetbalclub, elke eerste zaterdag van de maand. Er "
            "zijn al zes vrijwilligers: een elektricien, twee naaisters, een fietsenmaker en twee "
            "computerhandige studenten. Met het budget kopen we gereedschap dat blijft."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="slotervaart-zuid",
        initiator_email="bewoner@demo.buurtbudget.nl",
        public_name="Noor V.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Gereedschapskist en meetapparatuur", eur(2_800)),
            ("Twee naaimachines", eur(1_200)),
            ("Onderdelen en verbruiksmateriaal", eur(1_500)),
            ("Zaalhuur, 12 zaterdagen", eur(1_800)),
            ("Flyers en een spandoek", eur(500)),
        ),
    ),
    PlanSpec(
        title="Hondenuitlaatveld bij de Ookmeer",
        summary=(
            "Een omheind veld waar honden los mogen, zodat het speelveld ernaast schoon blijft en kinderen "
            "er weer kunnen spelen."
        ),
        description=(
            "Rond de Ookmeer lopen honderden honden per dag, en bijna allemaal los. Ouders durven hun "
            "kinderen niet meer op het grasveld te laten spelen en de hondenpoep ligt overal.\n\n"
            "Wij stellen een omheind uitlaatveld voor aan de noordkant van het meer, met twee poorten, "
            "poepzakjesautomaten, een bank en een bord met afspraken. Het speelveld ernaast wordt dan "
            "hondvrij. Hondenbezitters uit de buurt hebben het plan mee ondertekend."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="lutkemeer-ookmeer",
        initiator_email="mohamed.elamrani@demo.buurtbudget.nl",
        public_name="Hondenbezitters Ookmeer",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Hekwerk, 220 meter", eur(11_000)),
            ("Twee sluisconstructies met poorten", eur(2_400)),
            ("Afvalbakken met poepzakjesautomaat", eur(900)),
            ("Bank en informatiebord", eur(1_600)),
        ),
    ),
    PlanSpec(
        title="Schoolplein vergroenen bij De Kinderboom",
        summary=(
            "Tegels eruit, bomen, een moestuintje en een waterspeelplek erin: een groen schoolplein dat "
            "na schooltijd open is voor de hele buurt."
        ),
        description=(
            "Het schoolplein van De Kinderboom is één grote tegelvlakte. In de zomer is het er te heet "
            "om te spelen en bij een flinke bui staat het blank.\n\n"
            "Samen met de leerlingenraad maken we een ontwerp met bomen, heuvels, een moestuin en een "
            "waterpomp. Na schooltijd en in de weekenden blijft het hek open.\n\n"
            "(Nog in concept: we wachten op de offerte van de hovenier.)"
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="middelveldsche-akerpolder",
        initiator_email="fatima.bennani@demo.buurtbudget.nl",
        public_name="Fatima B.",
        status=PlanStatus.DRAFT,
        cost_lines=(
            ("Tegels verwijderen en grondwerk", eur(9_000)),
            ("Zes bomen en beplanting", eur(6_000)),
            ("Waterpomp en wadi", eur(8_000)),
        ),
    ),
    PlanSpec(
        title="Straatverlichting in de onderdoorgang bij station Sloterdijk",
        summary=(
            "Betere verlichting in de donkere onderdoorgang tussen station Sloterdijk en de woningen, zodat "
            "je 's avonds veilig naar huis loopt."
        ),
        description=(
            "Wie 's avonds van station Sloterdijk naar huis loopt, moet door een lange, donkere "
            "onderdoorgang. Veel bewoners lopen liever om.\n\n"
            "We willen extra ledverlichting, een lichte kleur verf op de wanden en een spiegel in de "
            "bocht. Ik zoek nog buren die mee willen doen voordat ik het plan indien."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="sloterdijk-nieuw-west",
        initiator_email="bewoner@demo.buurtbudget.nl",
        public_name="Noor V.",
        status=PlanStatus.DRAFT,
        cost_lines=(
            ("Ledarmaturen met bewegingssensor", eur(7_500)),
            ("Wanden schilderen in een lichte kleur", eur(3_000)),
        ),
    ),
)
