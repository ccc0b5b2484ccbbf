"""Plans for Buurtbudget Nieuw-West 2026, the edition before 2027: voted on, counted and published."""

from __future__ import annotations

from proposals.models import PlanStatus

from .specs import PlanSpec, eur

FATIMA = "fatima.bennani@demo.buurtbudget.nl"
KARIM = "karim.haddou@demo.buurtbudget.nl"
INGRID = "ingrid.bakker@demo.buurtbudget.nl"
MOHAMED = "mohamed.elamrani@demo.buurtbudget.nl"
YUSUF = "yusuf.demir@demo.buurtbudget.nl"
NOOR = "bewoner@demo.buurtbudget.nl"

# Feasible plans went on the ballot; the count made the winners "selected" (see demo.services.voting).
PLANS: tuple[PlanSpec, ...] = (
    # --- Geuzenveld (own sub-budget) ---------------------------------------------------------------
    PlanSpec(
        title="Buurtmoestuin aan het Lambertus Zijlplein",
        summary=(
            "Dertig moestuinbakken, een kas en een gereedschapshok op het grasveld achter het "
            "Lambertus Zijlplein, voor buren zonder eigen tuin."
        ),
        description=(
            "Rond het Lambertus Zijlplein wonen veel gezinnen in flats zonder tuin. Op het grasveld "
            "erachter komt bijna nooit iemand. Wij willen er een buurtmoestuin maken.\n\n"
            "Dertig verhoogde bakken, ook op rolstoelhoogte, een kleine kas voor de voorjaarsteelt en "
            "een afsluitbaar hok voor gereedschap. Een tuinbegeleider helpt het eerste seizoen op "
            "woensdag en zaterdag; daarna draait de tuin op vrijwilligers.\n\n"
            "Twee bakken zijn voor de basisschool aan de overkant."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="geuzenveld",
        initiator_email=FATIMA,
        public_name="Tuingroep Geuzenveld",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Dertig moestuinbakken, waarvan zes op rolstoelhoogte", eur(9_000)),
            ("Kas en gereedschapshok", eur(7_500)),
            ("Grond, compost en zaden", eur(2_500)),
            ("Tuinbegeleider, één seizoen", eur(5_000)),
        ),
        address="Lambertus Zijlplein, Geuzenveld",
        point=("52.3816", "4.7921"),
    ),
    PlanSpec(
        title="Beweegtuin voor ouderen aan de Albardakade",
        summary=(
            "Zes beweegtoestellen voor ouderen langs het water van de Albardakade, met een jaar lang "
            "twee keer per week gratis les."
        ),
        description=(
            "Veel ouderen in Geuzenveld wandelen elke dag langs de Albardakade. Met een paar "
            "toestellen voor balans, kracht en soepelheid wordt dat rondje ook een training.\n\n"
            "De toestellen zijn gemaakt voor ouderen: met leuningen en uitleg op een bord. Een "
            "fysiotherapeut uit de buurt geeft een jaar lang op dinsdag en vrijdag een gratis les. "
            "Wie niet meer zo goed ter been is, kan meedoen vanaf een bank."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="geuzenveld",
        initiator_email=MOHAMED,
        public_name="Seniorenraad Geuzenveld",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Zes beweegtoestellen voor ouderen", eur(14_000)),
            ("Ondergrond en plaatsing", eur(3_500)),
            ("Lessen door een fysiotherapeut, 1 jaar", eur(3_500)),
        ),
        address="Albardakade, Geuzenveld",
        point=("52.3798", "4.7995"),
    ),
    PlanSpec(
        title="Jongerenpodium Geuzenveld",
        summary=(
            "Een jaar lang elke maand een open podium voor jonge rappers, zangers en dansers uit "
            "Geuzenveld, met workshops van artiesten uit Nieuw-West."
        ),
        description=(
            "Er is talent genoeg in Geuzenveld, maar geen plek om op te treden. Wij organiseren elke "
            "maand een avond in het buurthuis met licht, geluid en een echt publiek.\n\n"
            "Voor elke avond is er een workshop: schrijven, produceren, podiumpresentatie. De jongeren "
            "die meedoen kiezen zelf het programma en de presentatoren."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="geuzenveld",
        initiator_email=YUSUF,
        public_name="Jongeren van Geuzenveld",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Licht en geluid, huur voor twaalf avonden", eur(7_200)),
            ("Workshops door artiesten", eur(6_000)),
            ("Zaalhuur en promotie", eur(4_800)),
        ),
    ),
    PlanSpec(
        title="Buurtkeuken in buurthuis De Honingraat",
        summary=(
            "Elke donderdag samen koken en eten in het buurthuis, voor drie euro per persoon, met "
            "ruimte voor wie het krap heeft."
        ),
        description=(
            "In het buurthuis staat een keuken die bijna niet gebruikt wordt. Wij willen er elke "
            "donderdag een buurtmaaltijd koken, telkens uit een andere keuken: Marokkaans, Surinaams, "
            "Turks, Hollands.\n\n"
            "Een maaltijd kost drie euro; wie dat niet kan betalen, eet gratis mee. Het geld is voor "
            "een betere afzuiging, pannen en de boodschappen van het eerste jaar."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="geuzenveld",
        initiator_email=FATIMA,
        public_name="Fatima B.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Afzuiging en keukenmateriaal", eur(6_500)),
            ("Boodschappen, 45 donderdagen", eur(6_800)),
            ("Hygiënecursus voor de koks", eur(1_700)),
        ),
    ),
    # --- Osdorp-Oost (own sub-budget) --------------------------------------------------------------
    PlanSpec(
        title="Pannaveld aan de Tussen Meer",
        summary=(
            "Een pannakooi en twee basketbalpalen op het kale veld aan de Tussen Meer, waar nu alleen "
            "een kapot doel staat."
        ),
        description=(
            "Het veld aan de Tussen Meer is de enige open plek voor de kinderen uit de flats. Er staat "
            "één doel zonder net, en na regen is het een modderbad.\n\n"
            "Wij willen een pannakooi met kunstgras, twee basketbalpalen en een bank voor ouders. De "
            "jongeren van het buurtteam houden het veld schoon en organiseren elke maand een toernooi."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="osdorp-oost",
        initiator_email=YUSUF,
        public_name="Buurtteam Tussen Meer",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Pannakooi met kunstgras", eur(22_000)),
            ("Twee basketbalpalen", eur(6_500)),
            ("Grondwerk en plaatsing", eur(8_000)),
            ("Bank en afvalbak", eur(1_500)),
        ),
        address="Tussen Meer, Osdorp",
        point=("52.3583", "4.7955"),
    ),
    PlanSpec(
        title="Geveltuinen in de Meer en Vaart-buurt",
        summary=(
            "Vijftig geveltuinen langs de flats aan de Meer en Vaart, aangelegd op twee plantdagen met "
            "de buren."
        ),
        description=(
            "Langs de Meer en Vaart is alles tegels. Een geveltuin is klein, maar vijftig ervan maken "
            "de straat groener, koeler en vriendelijker.\n\n"
            "Bewoners melden zich aan; op twee zaterdagen halen we samen tegels weg en planten we. "
            "Iedereen krijgt planten die tegen droogte kunnen en een gieter."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="osdorp-oost",
        initiator_email=NOOR,
        public_name="Noor V.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Tegels eruit, vijftig geveltuinen", eur(7_500)),
            ("Planten, aarde en gieters", eur(2_000)),
            ("Plantenbakken van hout voor de smalle stoepen", eur(1_200)),
            ("Twee plantdagen met een hovenier", eur(1_300)),
        ),
    ),
    PlanSpec(
        title="Taalmaatjes Osdorp-Oost",
        summary=(
            "Veertig taalmaatjes die een jaar lang wekelijks Nederlands oefenen met een buurtgenoot, "
            "met een training en een koppelaar."
        ),
        description=(
            "Wie Nederlands leert, oefent het liefst in het echt: bij de bakker, op school, met de buren. "
            "Een taalmaatje helpt daarbij, een uur per week.\n\n"
            "Een coördinator zoekt vrijwilligers, traint ze en koppelt ze aan een buurtgenoot. Elke "
            "maand is er een taalcafé waar alle maatjes elkaar ontmoeten."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="osdorp-oost",
        initiator_email=KARIM,
        public_name="Stichting Buurtkracht",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Coördinator, 8 uur per week", eur(7_000)),
            ("Training van de vrijwilligers", eur(1_500)),
            ("Taalcafé, twaalf keer", eur(1_000)),
        ),
    ),
    PlanSpec(
        title="Zwemsteiger in de Ringvaart bij Osdorp",
        summary=(
            "Een steiger met trap in de Ringvaart aan de rand van Osdorp, zodat kinderen en volwassenen "
            "in de zomer dichtbij kunnen zwemmen."
        ),
        description=(
            "In de zomer zwemmen kinderen nu op plekken langs de Ringvaart waar je moeilijk weer uit het "
            "water komt. Met een steiger, een trap en een reddingsboei wordt dat veiliger.\n\n"
            "In juli en augustus houden vrijwilligers met een zwemdiploma 's middags toezicht."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="osdorp-oost",
        initiator_email=YUSUF,
        public_name="Zwemmers van Osdorp",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Steiger met trap", eur(28_000)),
            ("Reddingsboei, borden en afvalbakken", eur(6_000)),
            ("Toezicht in juli en augustus", eur(12_000)),
        ),
    ),
    # --- Slotervaart Noord (own sub-budget) --------------------------------------------------------
    PlanSpec(
        title="Buurtkamer aan het August Allebéplein",
        summary=(
            "Een huiskamer voor de buurt in een leeg winkelpand aan het August Allebéplein, vijf dagen "
            "per week open, met koffie, krant en spreekuren."
        ),
        description=(
            "Sinds het buurthuis dicht is, heeft Slotervaart Noord geen plek waar je zomaar binnen kunt "
            "lopen. Aan het August Allebéplein staat een winkelpand al twee jaar leeg; de eigenaar wil "
            "het een jaar tegen een lage huur verhuren.\n\n"
            "In de buurtkamer drink je koffie, lees je de krant en vind je hulp: een spreekuur over "
            "geldzaken, hulp bij formulieren, een breiclub. Vrijwilligers houden hem open, een "
            "coördinator zorgt dat het loopt."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="slotervaart-noord",
        initiator_email=MOHAMED,
        public_name="Bewoners August Allebéplein",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Huur, 12 maanden", eur(9_600)),
            ("Inrichting en keukentje", eur(6_400)),
            ("Coördinator, 12 uur per week", eur(10_000)),
        ),
        address="August Allebéplein, Slotervaart",
        point=("52.3652", "4.8270"),
    ),
    PlanSpec(
        title="Bloemenweide en bankjes in het Staalmanpark",
        summary=(
            "Een bloemenweide voor bijen en vlinders en zes nieuwe bankjes in het Staalmanpark, met "
            "een bewonersgroep die maait en onderhoudt."
        ),
        description=(
            "Het Staalmanpark is een groot grasveld waar weinig gebeurt. Een deel ervan wordt een "
            "bloemenweide: mooi om te zien en goed voor bijen en vlinders.\n\n"
            "Langs het pad komen zes bankjes met rugleuning, zodat ouderen onderweg kunnen rusten. "
            "Een groep buren maait de weide twee keer per jaar met hulp van het stadsdeel."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="slotervaart-noord",
        initiator_email=INGRID,
        public_name="Ingrid B.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Grond bewerken en inzaaien", eur(4_200)),
            ("Zaden voor de bloemenweide", eur(1_300)),
            ("Zes bankjes met rugleuning", eur(7_200)),
            ("Maaimateriaal voor de bewonersgroep", eur(1_300)),
        ),
        address="Staalmanpark, Slotervaart",
        point=("52.3623", "4.8236"),
    ),
    PlanSpec(
        title="Meidenvoetbal Slotervaart",
        summary=(
            "Twee keer per week gratis voetbaltraining voor meiden van 8 tot 16 jaar, met trainsters "
            "uit de buurt en een eigen toernooi."
        ),
        description=(
            "Op de pleintjes in Slotervaart voetballen vooral jongens. Meiden willen ook, maar dan "
            "liever met elkaar en met een trainster.\n\n"
            "Twee trainsters uit de buurt geven op woensdag en zaterdag training op het veld bij de "
            "Cornelis Lelylaan. Aan het eind van het jaar is er een toernooi met teams uit heel "
            "Nieuw-West."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="slotervaart-noord",
        initiator_email=KARIM,
        public_name="Karim H.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Twee trainsters, 1 jaar", eur(7_200)),
            ("Ballen, hesjes en doeltjes", eur(1_800)),
            ("Toernooi", eur(2_000)),
        ),
    ),
    # --- The rest of Nieuw-West (main budget) ------------------------------------------------------
    PlanSpec(
        title="Zwemles voor volwassenen in het Sloterparkbad",
        summary=(
            "Tweehonderd volwassenen uit Nieuw-West die nooit leerden zwemmen, halen hun diploma, in "
            "kleine groepen en met aparte lessen voor vrouwen."
        ),
        description=(
            "In Nieuw-West kunnen veel volwassenen niet zwemmen, vooral vrouwen die niet in Nederland "
            "opgroeiden. Dat is gevaarlijk in een stadsdeel vol water, en het houdt ook de kinderen "
            "uit het water.\n\n"
            "Samen met het Sloterparkbad bieden we tweehonderd volwassenen een cursus van twintig lessen "
            "in kleine groepen, met badmeesteressen voor de vrouwengroepen. Wie het diploma haalt, "
            "krijgt een halfjaarabonnement om te blijven zwemmen."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug=None,
        initiator_email=FATIMA,
        public_name="Stichting Zwemmen in Nieuw-West",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Badhuur en instructeurs, 200 cursisten", eur(34_000)),
            ("Halfjaarabonnementen voor geslaagden", eur(8_000)),
            ("Werving via scholen en moskeeën", eur(3_000)),
        ),
        address="Sloterparkbad, President Allendelaan",
        point=("52.3663", "4.8132"),
    ),
    PlanSpec(
        title="Zomerfestival aan de Sloterplas",
        summary=(
            "Een gratis festival van twee dagen aan de oever van de Sloterplas, met muziek, eten en "
            "sport uit alle culturen van Nieuw-West."
        ),
        description=(
            "Nieuw-West heeft de Sloterplas, maar geen feest dat van alle wijken samen is. Wij willen "
            "een festival van twee dagen op het strand aan de Noordzijde: drie podia met muziek uit "
            "Nieuw-West, een markt met eten van buurtkoks, een sportveld en een kinderplein.\n\n"
            "Programmeurs uit elke wijk kiezen de artiesten; vrijwilligers uit de buurthuizen draaien "
            "de kraampjes."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug=None,
        initiator_email=KARIM,
        public_name="Festivalcollectief Nieuw-West",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Podia, licht en geluid", eur(21_000)),
            ("Artiesten", eur(16_000)),
            ("Vergunning, beveiliging en EHBO", eur(12_000)),
            ("Toiletten, afval en schoonmaak", eur(9_000)),
        ),
        address="Sloterplas, Noordzijde",
        point=("52.3702", "4.8098"),
    ),
    PlanSpec(
        title="Energiecoaches voor Nieuw-West",
        summary=(
            "Twintig opgeleide energiecoaches bezoeken duizend huishoudens en helpen met tochtstrips, "
            "radiatorfolie en een lagere energierekening."
        ),
        description=(
            "Veel huishoudens in Nieuw-West hebben een hoge energierekening in een tochtig huis. Een "
            "energiecoach komt langs, kijkt waar warmte weglekt en brengt meteen tochtstrips, "
            "radiatorfolie en ledlampen mee.\n\n"
            "We leiden twintig buurtbewoners op tot coach; ze spreken samen elf talen. Elke coach "
            "bezoekt vijftig huishoudens, in alle wijken van Nieuw-West."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug=None,
        initiator_email=INGRID,
        public_name="Energiecoöperatie Nieuw-West",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Opleiding en vergoeding van twintig coaches", eur(22_000)),
            ("Bespaarpakketten voor 1.000 huishoudens", eur(20_000)),
            ("Coördinatie", eur(6_000)),
        ),
    ),
    PlanSpec(
        title="Speeltuin aan de Burgemeester Röellstraat vernieuwen",
        summary=(
            "Nieuwe toestellen, een waterspeelplek en schaduw voor de speeltuin aan de Burgemeester "
            "Röellstraat, ontworpen met de kinderen van de buurt."
        ),
        description=(
            "De speeltuin is meer dan dertig jaar oud; de helft van de toestellen is weggehaald omdat ze "
            "onveilig waren. Voor de honderden kinderen in de flats eromheen is er weinig anders.\n\n"
            "Kinderen van de twee scholen in de buurt tekenen mee aan het ontwerp: klimmen, schommelen "
            "en een waterpomp voor de zomer. Drie bomen geven schaduw."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="slotermeer-zuidwest",
        initiator_email=MOHAMED,
        public_name="Ouders van Slotermeer-Zuidwest",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Ontwerp met de kinderen", eur(4_000)),
            ("Speeltoestellen", eur(28_000)),
            ("Waterspeelplek", eur(9_000)),
            ("Valondergrond en drie bomen", eur(11_000)),
        ),
        address="Burgemeester Röellstraat, Slotermeer",
        point=("52.3741", "4.8069"),
    ),
    PlanSpec(
        title="Buurtmoeders Slotermeer-Noordoost",
        summary=(
            "Acht buurtmoeders die gezinnen thuis bezoeken en de weg wijzen naar school, zorg en "
            "hulp, in de taal van het gezin."
        ),
        description=(
            "Veel ouders in Slotermeer-Noordoost vinden de weg niet naar de hulp die er is: het "
            "consultatiebureau, de schuldhulp, de ouderavond. Buurtmoeders kennen die weg en spreken "
            "de taal van de gezinnen.\n\n"
            "Acht vrouwen uit de buurt worden opgeleid en krijgen een vrijwilligersvergoeding. Ze "
            "bezoeken samen tweehonderd gezinnen en houden elke week een koffieochtend."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="slotermeer-noordoost",
        initiator_email=FATIMA,
        public_name="Buurtmoeders Slotermeer",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Opleiding van acht buurtmoeders", eur(5_000)),
            ("Vrijwilligersvergoedingen, 1 jaar", eur(12_800)),
            ("Koffieochtenden en materiaal", eur(4_200)),
        ),
    ),
    PlanSpec(
        title="Bomen en bankjes op het Plein '40-'45",
        summary=(
            "Tien bomen, plantvakken en bankjes op het stenige Plein '40-'45, zodat het plein ook buiten "
            "de marktdagen een plek is om te zitten."
        ),
        description=(
            "Op marktdagen is het Plein '40-'45 vol leven; de rest van de week is het een hete, lege "
            "stenen vlakte. Met bomen en bankjes aan de randen blijft de markt ruimte houden en krijgt "
            "de buurt een plek om te zitten.\n\n"
            "De bomen komen in grote plantvakken met een zitrand, buiten de looproutes van de markt."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="slotermeer-noordoost",
        initiator_email=NOOR,
        public_name="Marktbuurt Slotermeer",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Tien bomen met boomkrat", eur(18_000)),
            ("Plantvakken met zitrand", eur(13_500)),
            ("Zes plantenbakken van hout", eur(2_000)),
            ("Vier bankjes", eur(5_500)),
        ),
        address="Plein '40-'45, Slotermeer",
        point=("52.3803", "4.8148"),
    ),
    PlanSpec(
        title="Huiswerkklas De Punt",
        summary=(
            "Vier middagen per week huiswerkbegeleiding voor kinderen uit groep 6 tot en met de tweede "
            "klas, in de bibliotheek van De Punt."
        ),
        description=(
            "In De Punt is geen plek waar kinderen rustig huiswerk kunnen maken met iemand die helpt. "
            "Studenten van de hogeschool begeleiden vier middagen per week groepjes van zes.\n\n"
            "De bibliotheek geeft de ruimte; ouders worden drie keer per jaar uitgenodigd om te zien "
            "hoe het gaat."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="de-punt",
        initiator_email=YUSUF,
        public_name="Yusuf D.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Vergoeding studenten, 1 jaar", eur(12_500)),
            ("Laptops en lesmateriaal", eur(3_500)),
        ),
    ),
    PlanSpec(
        title="Fietsenwerkplaats voor jongeren in de Middelveldsche Akerpolder",
        summary=(
            "Een werkplaats waar jongeren oude fietsen opknappen, leren sleutelen en een fiets kunnen "
            "verdienen."
        ),
        description=(
            "Jongeren uit de Akerpolder leren van een fietsenmaker hoe je een fiets repareert. De "
            "fietsen komen van het depot en van buren; wie er vijf heeft opgeknapt, mag er een houden.\n\n"
            "De werkplaats komt in een container op het terrein van het jongerencentrum en is drie "
            "middagen per week open."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="middelveldsche-akerpolder",
        initiator_email=KARIM,
        public_name="Jongerencentrum Akerpolder",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Werkplaatscontainer met inrichting", eur(8_500)),
            ("Gereedschap en onderdelen", eur(3_500)),
            ("Fietsenmaker als begeleider, 1 jaar", eur(7_000)),
        ),
    ),
    PlanSpec(
        title="Licht op het fietspad langs de Westlandgracht",
        summary=(
            "Ledverlichting langs het donkere fietspad aan de Westlandgracht, die feller wordt als er "
            "iemand aankomt."
        ),
        description=(
            "Het fietspad langs de Westlandgracht is de kortste weg naar de tram, maar 's avonds "
            "aardedonker. Veel bewoners, vooral vrouwen en scholieren, rijden daarom om.\n\n"
            "Zuinige ledlampen met een bewegingssensor branden gedimd en worden fel als er iemand "
            "aankomt. Zo is het pad veilig zonder de vleermuizen langs het water te storen."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="westlandgracht",
        initiator_email=INGRID,
        public_name="Ingrid B.",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Veertien lichtmasten met ledarmatuur en sensor", eur(24_500)),
            ("Kabels en aansluiting", eur(6_500)),
        ),
        address="Westlandgracht, fietspad",
        point=("52.3599", "4.8341"),
    ),
    PlanSpec(
        title="Fietsles voor vrouwen in Overtoomse Veld",
        summary=(
            "Honderd vrouwen leren fietsen in het verkeer, met lesfietsen, een oefenplein en een "
            "tweedehands fiets voor wie slaagt."
        ),
        description=(
            "Fietsen is in Amsterdam de snelste en goedkoopste manier om bij werk, school of de "
            "dokter te komen. Veel vrouwen in Overtoomse Veld hebben het nooit geleerd.\n\n"
            "Vrijwillige docenten geven les op een afgesloten plein en daarna in het verkeer. Wie het "
            "examen haalt, krijgt een opgeknapte fiets met slot."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="overtoomse-veld",
        initiator_email=FATIMA,
        public_name="Fietsschool Overtoomse Veld",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Twintig lesfietsen", eur(5_000)),
            ("Coördinatie en training van docenten", eur(4_500)),
            ("Fietsen met slot voor geslaagden", eur(3_000)),
        ),
    ),
    PlanSpec(
        title="Kunstroute langs de flats van Osdorp-Midden",
        summary=(
            "Tien kunstenaars uit Osdorp maken met bewoners kunstwerken op blinde gevels en in "
            "portieken, verbonden door een wandelroute."
        ),
        description=(
            "De flats van Osdorp-Midden hebben lange blinde gevels en donkere portieken. Tien "
            "kunstenaars uit het stadsdeel maken er samen met bewoners kunstwerken: muurschilderingen, "
            "mozaïeken en lichtkunst.\n\n"
            "Een wandelroute met een kaart en een audiotour verbindt de werken. In het voorjaar is er "
            "een openingswandeling met de kunstenaars."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="osdorp-midden",
        initiator_email=KARIM,
        public_name="Kunstenaars van Osdorp",
        status=PlanStatus.FEASIBLE,
        cost_lines=(
            ("Tien kunstwerken met bewoners", eur(20_000)),
            ("Materiaal en hoogwerker", eur(4_000)),
            ("Kaart, audiotour en openingswandeling", eur(2_000)),
        ),
    ),
    PlanSpec(
        title="Gratis wifi op alle pleinen van Nieuw-West",
        summary="Snelle, gratis wifi op de twaalf grootste pleinen van Nieuw-West.",
        description=(
            "Niet iedereen heeft een goed abonnement. Met gratis wifi op de pleinen kunnen jongeren "
            "buiten huiswerk maken en kunnen ouderen videobellen met familie."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug=None,
        initiator_email=NOOR,
        public_name="Noor V.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Zenders op twaalf pleinen", eur(36_000)),
            ("Aansluiting en abonnement, 1 jaar", eur(24_000)),
        ),
    ),
    PlanSpec(
        title="Drijvend terras op de Sloterplas",
        summary=("Een drijvend terras met een kiosk midden op de Sloterplas, bereikbaar met een pontje."),
        description=(
            "De Sloterplas is het mooiste water van Nieuw-West, maar je kunt er alleen omheen. Een "
            "drijvend terras met een kiosk maakt het water zelf een plek om te zijn."
        ),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug=None,
        initiator_email=MOHAMED,
        public_name="Mohamed E.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Drijvend ponton met terras", eur(38_000)),
            ("Kiosk", eur(12_000)),
            ("Pontje", eur(8_000)),
        ),
    ),
)
