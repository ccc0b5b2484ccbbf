"""Plans for Buurtbudget Noord 2026, chosen by a citizens' panel and now being carried out."""

from __future__ import annotations

from proposals.models import PlanStatus

from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Buurtbarbecue en straatfeest Tuindorp Oostzaan",
        summary=(
            "Eén zomerse zaterdag het Zonneplein vol tafels: een barbecue, muziek en een springkussen, "
            "zodat oude en nieuwe bewoners elkaar leren kennen."
        ),
        description=(
            "In Tuindorp Oostzaan zijn veel huizen gerenoveerd en er zijn veel nieuwe gezinnen komen "
            "wonen. Oude en nieuwe bewoners groeten elkaar, maar kennen elkaar niet.\n\n"
            "Op de laatste zaterdag van juni zetten we lange tafels op het Zonneplein. De vereniging "
            "verzorgt de barbecue, er speelt een bandje uit de buurt en kinderen hebben een springkussen. "
            "Iedereen neemt een salade of toetje mee.\n\n"
            "Het feest werd gehouden op 27 juni; ruim 300 buren kwamen langs."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="tuindorp-oostzaan",
        initiator_email="kees.dekker@demo.buurtbudget.nl",
        public_name="Bewonersvereniging Tuindorp Oostzaan",
        status=PlanStatus.COMPLETED,
        cost_lines=(
            ("Vlees, vegetarische burgers en houtskool", eur(2_800)),
            ("Huur van partytent, tafels en banken", eur(1_900)),
            ("Bandje uit de buurt", eur(1_000)),
            ("Springkussen", eur(800)),
        ),
    ),
    PlanSpec(
        title="Repair café Waterlandplein",
        summary=(
            "Elke tweede zaterdag van de maand repareren vrijwilligers samen met buren kapotte apparaten, "
            "kleding en fietsen in het winkelcentrum."
        ),
        description=(
            "Weggooien is zonde, maar een reparatie laten doen is vaak duurder dan iets nieuws. In het "
            "repair café kijk je mee met een vrijwilliger en leer je het zelf.\n\n"
            "Het winkelcentrum aan het Waterlandplein stelt een lege unit beschikbaar tegen een lage huur. "
            "Met het budget kopen we gereedschap, twee naaimachines en onderdelen. De eerste drie "
            "edities zijn geweest: 64 reparaties, waarvan 48 gelukt."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="waterlandpleinbuurt",
        initiator_email="anita.vandenberg@demo.buurtbudget.nl",
        public_name="Anita van den B.",
        status=PlanStatus.IN_EXECUTION,
        cost_lines=(
            ("Gereedschap en meetapparatuur", eur(3_200)),
            ("Twee naaimachines", eur(1_400)),
            ("Onderdelen en verbruiksmateriaal", eur(2_100)),
            ("Huur van de unit, 12 zaterdagen", eur(1_800)),
            ("Promotie in de buurt", eur(400)),
        ),
    ),
    PlanSpec(
        title="Verlichting langs het fietspad aan de Kadoelenweg",
        summary=(
            "Twaalf lantaarns op zonne-energie langs het onverlichte fietspad tussen Kadoelen en "
            "Tuindorp Oostzaan."
        ),
        description=(
            "Het fietspad langs de Kadoelenweg is 's avonds pikdonker. Scholieren en mensen die laat "
            "van hun werk komen, fietsen liever om over de drukke weg.\n\n"
            "Twaalf ledlantaarns op zonne-energie maken het pad veilig, zonder dat er kabels gegraven "
            "hoeven te worden. De lampen dimmen als er niemand is, om vleermuizen en vogels te sparen.\n\n"
            "Geplaatst in maart; het stadsdeel heeft het onderhoud overgenomen."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="kadoelen",
        initiator_email="kees.dekker@demo.buurtbudget.nl",
        public_name="Kees D.",
        status=PlanStatus.COMPLETED,
        cost_lines=(
            ("12 ledlantaarns op zonne-energie", eur(14_400)),
            ("Fundering en plaatsing", eur(3_300)),
            ("Leges en ecologisch advies", eur(800)),
        ),
    ),
    PlanSpec(
        title="Speeltuin Vogelbuurt opknappen",
        summary=(
            "De speeltuin aan het Spreeuwenpark krijgt nieuwe toestellen, een zandbak en bankjes, "
            "ontworpen samen met de kinderen van de buurt."
        ),
        description=(
            "Speeltuin Vogelbuurt is een van de oudste speeltuinen van Noord, en dat is te zien. Er is "
            "een schommel en een wipkip, en verder niets.\n\n"
            "Kinderen van twee basisscholen maakten tekeningen van hun droomspeeltuin; een speeltuinbouwer "
            "maakte er een ontwerp van met een klimtoren, een nestschommel en een grote zandbak. "
            "Ouders krijgen bankjes in de schaduw.\n\n"
            "De oude toestellen zijn weggehaald; de nieuwe worden deze maand geplaatst."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="ijplein-vogelbuurt",
        initiator_email="youssef.elidrissi@demo.buurtbudget.nl",
        public_name="Speeltuinvereniging Vogelbuurt",
        status=PlanStatus.IN_EXECUTION,
        cost_lines=(
            ("Klimtoren en nestschommel", eur(22_000)),
            ("Valondergrond", eur(11_000)),
            ("Zandbak en drie bankjes", eur(4_500)),
            ("Plaatsing en veiligheidskeuring", eur(4_500)),
        ),
    ),
    PlanSpec(
        title="Moestuin achter de Van der Pekstraat",
        summary="Een buurtmoestuin met een kas op het binnenterrein achter de Van der Pekstraat.",
        description=(
            "Het binnenterrein achter de Van der Pekstraat was een rommelig grasveld. Bewoners wilden er "
            "samen groente kweken, en de woningcorporatie gaf toestemming.\n\n"
            "Er staan nu veertien bakken en een kleine kas, waarin in het voorjaar tomaten en paprika's "
            "worden voorgekweekt. Een tuincoach begeleidde het eerste seizoen. Elke zaterdag is er een "
            "tuinochtend waar ook buren zonder bak welkom zijn.\n\n"
            "De eerste oogst is op een buurtmaaltijd samen opgegeten."
        ),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="volewijck",
        initiator_email="marieke.smit@demo.buurtbudget.nl",
        public_name="Marieke S.",
        status=PlanStatus.COMPLETED,
        cost_lines=(
            ("14 tuinbakken", eur(4_800)),
            ("Kleine kas", eur(3_500)),
            ("Tuinaarde, compost en zaden", eur(1_600)),
            ("Gereedschap", eur(1_000)),
            ("Tuincoach, eerste seizoen", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Hondenuitlaatveld in de Banne",
        summary=(
            "Een omheind losloopveld voor honden bij het winkelcentrum van de Banne, zodat het "
            "speelveld ernaast hondvrij wordt."
        ),
        description=(
            "Bewoners van de Banne klagen al jaren over hondenpoep op het speelveld. Hondenbezitters "
            "willen hun hond ook ergens los kunnen laten lopen.\n\n"
            "Het panel koos voor een omheind veld aan de rand van het park, met twee poorten, "
            "afvalbakken en een bank. Het hekwerk is besteld; de aanleg start na de winter."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="banne-buiksloot",
        initiator_email="anita.vandenberg@demo.buurtbudget.nl",
        public_name="Anita van den B.",
        status=PlanStatus.SELECTED,
        cost_lines=(
            ("Hekwerk, 190 meter", eur(9_800)),
            ("Twee poorten met sluis", eur(2_200)),
            ("Afvalbakken", eur(800)),
            ("Bank", eur(1_400)),
        ),
    ),
    PlanSpec(
        title="AED's voor heel Noord",
        summary=(
            "Tien AED's in buitenkasten op plekken waar er binnen zes minuten lopen nog geen is, en "
            "tweehonderd buren die leren reanimeren."
        ),
        description=(
            "Op de kaart van HartslagNu heeft Noord grote witte vlekken: plekken waar je bij een "
            "hartstilstand niet binnen zes minuten een AED hebt. Juist in de dorpen en de nieuwe wijken "
            "aan het IJ.\n\n"
            "We hangen tien AED's in verwarmde buitenkasten aan gevels van scholen, buurthuizen en "
            "winkels die hebben toegezegd. Tweehonderd buren volgen een reanimatiecursus en melden zich "
            "aan als burgerhulpverlener.\n\n"
            "Zes kasten hangen er; vier volgen zodra de gevelvergunningen rond zijn."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug=None,
        initiator_email="marieke.smit@demo.buurtbudget.nl",
        public_name="EHBO-vereniging Noord",
        status=PlanStatus.IN_EXECUTION,
        cost_lines=(
            ("10 AED's met verwarmde buitenkast", eur(29_000)),
            ("Reanimatiecursussen voor 200 buren", eur(6_000)),
            ("Onderhoud en elektroden, 3 jaar", eur(3_000)),
        ),
    ),
    PlanSpec(
        title="Beweegroute door het Noorderpark",
        summary=(
            "Een wandelroute van drie kilometer door het Noorderpark met tien beweegtoestellen en een "
            "wekelijkse beweegclub voor ouderen."
        ),
        description=(
            "Het Noorderpark is opgeknapt, maar er is weinig te doen voor wie wil bewegen zonder te "
            "sporten. Veel ouderen wandelen er dagelijks.\n\n"
            "Een route van drie kilometer met borden langs tien toestellen: voor balans, kracht en "
            "lenigheid. Op dinsdagochtend begeleidt een fysiotherapeut een beweegclub voor 65-plussers.\n\n"
            "De eerste vijf toestellen staan bij het zwembad; de rest volgt in het voorjaar."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="nieuwendammerham",
        initiator_email="youssef.elidrissi@demo.buurtbudget.nl",
        public_name="Youssef E.",
        status=PlanStatus.IN_EXECUTION,
        cost_lines=(
            ("10 beweegtoestellen", eur(24_000)),
            ("Ondergrond en plaatsing", eur(8_000)),
            ("Routeborden", eur(3_500)),
            ("Beweegclub met fysiotherapeut, 1 jaar", eur(4_000)),
        ),
    ),
    PlanSpec(
        title="Fietswerkplaats voor jongeren in Buikslotermeer",
        summary=(
            "Jongeren leren fietsen repareren, knappen afgedankte fietsen op en verkopen ze voor een "
            "kleine prijs aan buren."
        ),
        description=(
            "Veel jongeren in Buikslotermeer zoeken een bijbaan of stage, en veel buren zoeken een "
            "goedkope fiets. Op de zolder van het jongerencentrum staan tientallen weesfietsen.\n\n"
            "Een ervaren fietsenmaker begeleidt drie middagen per week een groep jongeren. Ze leren het "
            "vak, halen een certificaat en verkopen de opgeknapte fietsen; de opbrengst gaat naar nieuwe "
            "onderdelen.\n\n"
            "De werkplaats wordt ingericht in januari."
        ),
        theme_slug="jeugd",
        neighbourhood_slug="buikslotermeer",
        initiator_email="youssef.elidrissi@demo.buurtbudget.nl",
        public_name="Jongerencentrum Buikslotermeer",
        status=PlanStatus.SELECTED,
        cost_lines=(
            ("Inrichting van de werkplaats", eur(9_000)),
            ("Gereedschap en montagestandaards", eur(5_000)),
            ("Begeleiding door een fietsenmaker, 1 jaar", eur(11_000)),
            ("Startvoorraad onderdelen", eur(2_000)),
        ),
    ),
    PlanSpec(
        title="Bankjes en plantenbakken in Tuindorp Nieuwendam",
        summary="Vier bankjes en zes grote plantenbakken op het Purmerplein, waar nu alleen auto's staan.",
        description=(
            "Het Purmerplein is het hart van Tuindorp Nieuwendam, maar er is geen plek om te zitten. "
            "Ouderen uit de hofjes willen graag buiten een praatje maken.\n\n"
            "Vier bankjes en zes plantenbakken maken er weer een plein van. Buren onderhouden de bakken "
            "om de beurt. Opgeleverd in mei; de bankjes worden elke middag gebruikt."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="tuindorp-nieuwendam",
        initiator_email="anita.vandenberg@demo.buurtbudget.nl",
        public_name="Anita van den B.",
        status=PlanStatus.COMPLETED,
        cost_lines=(
            ("Vier bankjes", eur(5_600)),
            ("Zes plantenbakken", eur(2_700)),
            ("Beplanting", eur(1_500)),
        ),
    ),
    PlanSpec(
        title="Zwerfvuilteam Noord",
        summary=(
            "Een vast team van buren dat elke maand een schoonmaakactie houdt, met prikkers, karren en een "
            "coördinator die de acties regelt."
        ),
        description=(
            "Langs de slootkanten en in de parken van Noord ligt veel zwerfvuil. Losse schoonmaakacties "
            "helpen even, maar er is geen vaste groep die het volhoudt.\n\n"
            "Het zwerfvuilteam krijgt prikkers, hesjes en karren, en een coördinator die elke maand in "
            "een andere wijk een actie organiseert, samen met scholen en de afvalwijkcoach. Het "
            "stadsdeel haalt de zakken op.\n\n"
            "Vijf acties zijn geweest; er doen nu vaste vrijwilligers uit acht wijken mee."
        ),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug=None,
        initiator_email="youssef.elidrissi@demo.buurtbudget.nl",
        public_name="Youssef E.",
        status=PlanStatus.IN_EXECUTION,
        cost_lines=(
            ("Prikkers, hesjes, handschoenen en karren", eur(3_500)),
            ("Coördinator, 1 jaar", eur(5_000)),
            ("Twaalf schoonmaakacties", eur(1_500)),
            ("Afsluitende buurtbijeenkomst", eur(1_000)),
        ),
    ),
    PlanSpec(
        title="Overdekte skatebaan onder de A10",
        summary=(
            "Een overdekte skatebaan onder het viaduct van de ring bij Oostzanerwerf, waar je ook "
            "bij regen kunt skaten."
        ),
        description=(
            "Skaters uit Noord hebben geen plek waar ze bij regen terecht kunnen. Onder het viaduct van "
            "de A10 is het droog en maakt geluid niemand wakker.\n\n"
            "We willen er betonnen elementen gieten en verlichting aanleggen. Skaters uit de buurt helpen "
            "mee met het ontwerp en houden de baan zelf schoon."
        ),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="oostzanerwerf",
        initiator_email="youssef.elidrissi@demo.buurtbudget.nl",
        public_name="Skaters van Noord",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Betonnen skate-elementen", eur(36_000)),
            ("Verlichting", eur(8_500)),
            ("Ontwerp en vergunningen", eur(5_000)),
        ),
    ),
    PlanSpec(
        title="Buurtbus voor ouderen in Waterland",
        summary=(
            "Een elektrisch busje met vrijwillige chauffeurs dat ouderen uit de dorpen naar de "
            "huisarts en de winkel brengt."
        ),
        description=(
            "In Durgerdam, Ransdorp en Holysloot rijdt nauwelijks openbaar vervoer. Ouderen zonder auto "
            "zijn voor elke boodschap afhankelijk van familie.\n\n"
            "We willen een elektrisch busje kopen dat op vaste dagen rijdt, met vrijwilligers achter het "
            "stuur. Er hebben zich al zes chauffeurs gemeld."
        ),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="waterland",
        initiator_email="kees.dekker@demo.buurtbudget.nl",
        public_name="Kees D.",
        status=PlanStatus.NOT_FEASIBLE,
        cost_lines=(
            ("Elektrisch busje, 8 zitplaatsen", eur(42_000)),
            ("Verzekering en laadpaal, 1 jaar", eur(6_000)),
        ),
    ),
)
