"""Plans for Buurtbudget Oost 2027, now collecting support: every plan is submitted and waits for likes."""

from __future__ import annotations

from proposals.models import PlanStatus

from .accounts import bewoner
from .specs import PlanSpec, eur

PLANS: tuple[PlanSpec, ...] = (
    PlanSpec(
        title="Tiny forest in het Flevopark",
        summary=(
            "Een minibos zo groot als een tennisbaan, dicht geplant met inheemse bomen en struiken, "
            "aan de rand van het Flevopark. Kinderen van drie scholen planten en onderzoeken mee."
        ),
        description=(
            "Een tiny forest groeit tien keer sneller dan een gewoon bos en trekt binnen een paar jaar "
            "vogels, vlinders en egels aan. Het houdt regenwater vast en is in de zomer een koele plek.\n\n"
            "Op het grasveld bij de ingang aan de Insulindeweg planten we op één zaterdag in maart 600 "
            "bomen en struiken: eik, haagbeuk, vlier, hazelaar en meidoorn. IVN begeleidt de aanleg en "
            "geeft de eerste twee jaar natuurlessen aan groep 5 tot en met 8.\n\n"
            "Een groep van twaalf buren en de scholen houden het bos bij; na drie jaar heeft het bijna "
            "geen onderhoud meer nodig."
        ),
        for_whom=(
            "Voor de buurt rond het Flevopark en de leerlingen van de Pieter Jan Veth-school, de "
            "Indische Buurt-school en De Zeeburg. Twaalf buren helpen bij het onderhoud."
        ),
        address="Flevopark, grasveld bij de ingang Insulindeweg",
        point=("52.362460", "4.947820"),
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="indische-buurt-oost",
        initiator_email=bewoner(1),
        public_name="Sophie de V.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Bomen en struiken, 600 stuks", eur(9_500)),
            ("Grond bewerken en compost", eur(6_000)),
            ("Begeleiding door IVN, aanleg en 2 jaar lessen", eur(8_500)),
            ("Informatiebord en laag hekje", eur(2_200)),
        ),
    ),
    PlanSpec(
        title="Buurtkamer in de Dapperbuurt",
        summary=(
            "Een leeg winkelpand aan de Dapperstraat wordt een huiskamer voor de buurt: koffie, een "
            "leestafel, een spreekuur voor formulieren en elke vrijdag samen eten."
        ),
        description=(
            "In de Dapperbuurt wonen veel ouderen alleen, en jonge gezinnen die net verhuisd zijn kennen "
            "nog niemand. Een plek om zonder afspraak binnen te lopen ontbreekt sinds het buurthuis dicht "
            "is.\n\n"
            "De woningcorporatie verhuurt ons een leeg winkelpand voor een maatschappelijke huur. "
            "Vrijwilligers houden de buurtkamer vijf dagen per week open. Op dinsdag helpt een "
            "vrijwilliger van het Financieel Spreekuur met brieven en formulieren, op vrijdag koken "
            "buren om de beurt voor dertig mensen.\n\n"
            "Het budget is voor het eerste jaar; daarna betalen we de huur uit een bijdrage van de "
            "corporatie en een kleine vergoeding voor de maaltijden."
        ),
        for_whom=(
            "Voor ouderen die alleen wonen, nieuwe buren en iedereen die hulp zoekt bij formulieren. "
            "Twintig vrijwilligers uit de buurt houden de buurtkamer open."
        ),
        address="Dapperstraat 68",
        point=("52.362810", "4.927020"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="dapperbuurt",
        initiator_email=bewoner(2),
        public_name="Jasper K.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Huur van het pand, 12 maanden", eur(9_600)),
            ("Inrichting: keuken, tafels en stoelen", eur(6_800)),
            ("Boodschappen voor 50 vrijdagmaaltijden", eur(4_500)),
            ("Training voor vrijwilligers", eur(1_400)),
        ),
    ),
    PlanSpec(
        title="Zwemles in open water voor kinderen op IJburg",
        summary=(
            "Kinderen op IJburg wonen tussen het water, maar veel van hen kunnen niet veilig in open "
            "water zwemmen. Een zomer lang zwemles bij het strand van Blijburg."
        ),
        description=(
            "Op IJburg is overal water, en elk jaar gaat het bijna mis met een kind dat van een steiger "
            "springt. Een zwemdiploma uit het zwembad is niet genoeg: in het IJmeer is het water koud, "
            "troebel en er staat stroming.\n\n"
            "Met de reddingsbrigade geven we in juni, juli en augustus twee middagen per week les in "
            "open water aan kinderen van 8 tot 12 jaar met een A-diploma. Ze leren zwemmen met kleren "
            "aan, zichzelf redden en een ander helpen. Zwemvesten en wetsuits blijven bij de brigade.\n\n"
            "Ouders die dat willen, krijgen een avond uitleg over veilig zwemmen in open water."
        ),
        for_whom="Voor 120 kinderen van 8 tot 12 jaar uit IJburg en hun ouders.",
        address="Strand Blijburg, Pampuslaan",
        point=("52.353490", "5.000960"),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="ijburg-west",
        initiator_email=bewoner(5),
        public_name="Lieke M.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Lessen door de reddingsbrigade, 24 middagen", eur(9_600)),
            ("Wetsuits en zwemvesten in kindermaten", eur(4_800)),
            ("Boeien en afzetlijn", eur(1_900)),
            ("Voorlichtingsavond voor ouders", eur(700)),
        ),
    ),
    PlanSpec(
        title="Licht en kleur in de fietstunnel bij het Muiderpoortstation",
        summary=(
            "De donkere fietstunnel onder het spoor wordt lichter en vrolijker: ledverlichting en een "
            "muurschildering die jongeren uit de buurt ontwerpen."
        ),
        description=(
            "Veel bewoners, vooral vrouwen en scholieren, fietsen 's avonds om de tunnel heen omdat ze "
            "zich er niet veilig voelen. De lampen doen het vaak niet en de muren zijn grauw.\n\n"
            "We willen de tunnel helder verlichten met ledlijnen langs het plafond en de muren laten "
            "beschilderen door een kunstenaar samen met jongeren van het buurthuis. De kunstenaar "
            "gebruikt verf waar graffiti weer af te wassen is.\n\n"
            "ProRail en het stadsdeel hebben laten weten dat ze mee willen denken over de uitvoering."
        ),
        for_whom=(
            "Voor iedereen die tussen de Indische Buurt en de Transvaalbuurt fietst of loopt, vooral "
            "scholieren van het Ir. Lelycollege en mensen die 's avonds van het station komen."
        ),
        address="Fietstunnel Muiderpoortstation, Oetewalerstraat",
        point=("52.360560", "4.931190"),
        theme_slug="veilig-en-schoon",
        neighbourhood_slug="transvaalbuurt",
        initiator_email=bewoner(6),
        public_name="Tarik B.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Ledverlichting, vandaalbestendig, inclusief aansluiting", eur(21_000)),
            ("Muurschildering door kunstenaar met jongeren", eur(9_500)),
            ("Anti-graffitilaag", eur(2_800)),
        ),
    ),
    PlanSpec(
        title="Muziekstudio voor jongeren in de Transvaalbuurt",
        summary=(
            "Een kleine opnamestudio in het jongerencentrum, waar jongeren onder begeleiding hun eigen "
            "muziek maken, opnemen en laten horen."
        ),
        description=(
            "In de Transvaalbuurt maken veel jongeren muziek op hun telefoon, maar een plek om echt op te "
            "nemen kost al snel € 50 per uur. In het jongerencentrum staat een kamer leeg die geschikt is "
            "als studio.\n\n"
            "We isoleren de kamer, kopen een goede computer, microfoons en monitors, en twee producers "
            "uit de buurt geven een jaar lang drie avonden per week begeleiding. Eén keer per kwartaal "
            "is er een optreden in het Badhuistheater."
        ),
        for_whom="Voor jongeren van 14 tot 23 jaar uit Oost, met of zonder muziekervaring.",
        address="Jongerencentrum, Kraaipanstraat",
        theme_slug="jeugd",
        neighbourhood_slug="transvaalbuurt",
        initiator_email=bewoner(4),
        public_name="Jongerencollectief Transvaal",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Geluidsisolatie van de studioruimte", eur(11_500)),
            ("Computer, software, microfoons en monitors", eur(7_800)),
            ("Begeleiding door twee producers, 1 jaar", eur(15_600)),
            ("Vier optredens in het Badhuistheater", eur(2_400)),
        ),
    ),
    PlanSpec(
        title="Geveltuinen in de Oosterparkbuurt",
        summary=(
            "Vijftig geveltuinen in de smalle straten rond het Oosterpark, aangelegd op twee "
            "zaterdagen met de buurt en onderhouden door de bewoners zelf."
        ),
        description=(
            "In de straten rond het Oosterpark staat nauwelijks een boom. Een geveltuin van één tegel "
            "breed maakt de straat al groener, koeler en vriendelijker.\n\n"
            "Bewoners melden zich aan; wij halen de tegels weg, brengen aarde en planten, en zetten op "
            "elke plek een bordje met wie de tuin verzorgt. Een hovenier geeft uitleg over planten die "
            "tegen schaduw en droogte kunnen."
        ),
        for_whom="Voor de bewoners van de Tweede Boerhaavestraat, de Ruyschstraat en de straten ertussen.",
        address="Tweede Boerhaavestraat en omgeving",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="oosterparkbuurt",
        initiator_email=bewoner(7),
        public_name="Annelies P.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Tegels verwijderen en afvoeren, 50 geveltuinen", eur(4_500)),
            ("Planten, aarde en bordjes", eur(3_200)),
            ("Twee plantdagen met een hovenier", eur(1_600)),
        ),
    ),
    PlanSpec(
        title="Buurtfeest op het Javaplein",
        summary=(
            "Een gratis feest op het Javaplein met muziek en eten uit alle keukens van de Indische "
            "Buurt, georganiseerd door de winkeliers en bewoners samen."
        ),
        description=(
            "In de Indische Buurt wonen mensen uit meer dan honderd landen, maar ze ontmoeten elkaar "
            "weinig. Een buurtfeest brengt ze een zondagmiddag in juni samen op het plein.\n\n"
            "Er is een podium voor bandjes en dansgroepen uit de buurt, twintig kramen waar buren "
            "gerechten laten proeven, en een kinderhoek. Afval scheiden we ter plekke; het plein is om "
            "20.00 uur weer schoon."
        ),
        for_whom="Voor alle bewoners van de Indische Buurt; vijftig vrijwilligers helpen mee.",
        address="Javaplein",
        point=("52.363340", "4.939470"),
        theme_slug="kunst-en-cultuur",
        neighbourhood_slug="indische-buurt-west",
        initiator_email=bewoner(3),
        public_name="Hafsa E.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Podium, geluid en licht", eur(4_800)),
            ("Kramen, tenten en stroom", eur(3_100)),
            ("Vergoeding voor artiesten", eur(2_500)),
            ("Vergunning, beveiliging en afval", eur(1_600)),
        ),
    ),
    PlanSpec(
        title="Watertappunt en bankjes langs de Weesperzijde",
        summary=(
            "Langs de Amstel bij de Weesperzijde komen een watertappunt en vijf bankjes, zodat ouderen "
            "en wandelaars onderweg kunnen rusten en drinken."
        ),
        description=(
            "De Weesperzijde is een geliefde wandelroute langs de Amstel, maar tussen de Berlagebrug en "
            "de Ceintuurbaan staat geen enkel bankje. Ouderen uit de buurt lopen daardoor minder ver dan "
            "ze willen.\n\n"
            "We vragen vijf stevige bankjes met rugleuning en armleuningen, om de driehonderd meter, en "
            "één watertappunt van Waternet bij de roeivereniging."
        ),
        for_whom="Voor ouderen, wandelaars en hardlopers langs de Amstel.",
        address="Weesperzijde, tussen de Ceintuurbaan en de Berlagebrug",
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="weesperzijde",
        initiator_email=bewoner(8),
        public_name="Dewi S.",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Vijf bankjes met rug- en armleuningen, geplaatst", eur(8_500)),
            ("Watertappunt, aansluiting door Waternet", eur(5_400)),
        ),
    ),
    PlanSpec(
        title="Repair Café Watergraafsmeer",
        summary=(
            "Elke tweede zaterdag van de maand repareren vrijwilligers samen met buren kapotte "
            "spullen: van stofzuigers en fietsen tot kleding en laptops."
        ),
        description=(
            "Weggooien is zonde, en repareren is gezellig. In de Watergraafsmeer wonen genoeg mensen die "
            "kunnen solderen, naaien of fietsen maken; ze zoeken alleen een plek en gereedschap.\n\n"
            "In de kantine van sportpark Middenmeer richten we een werkplaats in met een naaimachine, "
            "een soldeerstation en fietsgereedschap. Koffie en thee zijn gratis; wie wil, geeft een "
            "vrijwillige bijdrage voor de onderdelen."
        ),
        for_whom="Voor iedereen uit de Watergraafsmeer en Betondorp; vijftien vrijwillige reparateurs.",
        address="Kantine sportpark Middenmeer, Radioweg",
        theme_slug="groen-en-duurzaam",
        neighbourhood_slug="middenmeer",
        initiator_email=bewoner(9),
        public_name="Repair Café Watergraafsmeer",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Gereedschap, naaimachine en soldeerstation", eur(3_600)),
            ("Onderdelen en materiaal, 1 jaar", eur(1_800)),
            ("Huur kantine, 12 zaterdagen", eur(1_440)),
            ("Koffie, thee en flyers", eur(660)),
        ),
    ),
    PlanSpec(
        title="Pumptrack op het Zeeburgereiland",
        summary=(
            "Een golvende baan van asfalt waar kinderen en jongeren fietsen, skaten en steppen, op het "
            "braakliggende veld naast het skatepark."
        ),
        description=(
            "Op het Zeeburgereiland wonen steeds meer gezinnen, maar voor kinderen boven de tien is er "
            "weinig te doen. Een pumptrack is een rondgaande baan met heuvels en bochten; je komt vooruit "
            "door te 'pompen' in plaats van te trappen.\n\n"
            "De baan is geschikt voor fietsen, steps, skateboards en rolstoelen en vraagt nauwelijks "
            "onderhoud. Jongeren uit de buurt hebben het ontwerp gekozen uit drie voorstellen van de "
            "bouwer."
        ),
        for_whom="Voor kinderen en jongeren van 6 tot 18 jaar uit het Zeeburgereiland en IJburg.",
        address="Veld naast skatepark, Zuider IJdijk",
        point=("52.370520", "4.963980"),
        theme_slug="sport-en-bewegen",
        neighbourhood_slug="zeeburgereiland-nieuwe-diep",
        initiator_email=bewoner(10),
        public_name="Jongeren van het Zeeburgereiland",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Ontwerp en grondwerk", eur(8_000)),
            ("Asfaltbaan, 450 m²", eur(26_500)),
            ("Twee bankjes en een afvalbak", eur(2_100)),
            ("Opening met clinic", eur(900)),
        ),
    ),
    PlanSpec(
        title="Jeu-de-boulesbaan en ontmoetingsbank in Betondorp",
        summary=(
            "Op het Brink in Betondorp komt een jeu-de-boulesbaan met een lange bank in de schaduw, "
            "zodat jong en oud elkaar elke dag tegenkomen."
        ),
        description=(
            "Het Brink is het hart van Betondorp, maar er is niets te doen. Oudere bewoners vragen al "
            "jaren om een jeu-de-boulesbaan; de kinderen van de basisschool willen er ook op spelen.\n\n"
            "We leggen een baan van 4 bij 15 meter aan met een rand van hout en zetten een lange bank "
            "onder de bomen. De buurtvereniging beheert de ballen en organiseert elke maand een "
            "toernooi."
        ),
        for_whom="Voor alle bewoners van Betondorp, van de basisschool tot het ouderencomplex.",
        address="Brink, Betondorp",
        point=("52.342540", "4.946940"),
        theme_slug="samen-en-sociaal",
        neighbourhood_slug="betondorp",
        initiator_email=bewoner(4),
        public_name="Buurtvereniging Betondorp",
        status=PlanStatus.SUBMITTED,
        cost_lines=(
            ("Aanleg jeu-de-boulesbaan met houten rand", eur(7_200)),
            ("Lange bank, geplaatst", eur(2_600)),
            ("Jeu-de-boulesballen en opbergkist", eur(600)),
        ),
    ),
)
