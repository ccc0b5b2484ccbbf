"""Support and discussion: who liked which plan, who joined it, what people said, and one edit."""

from __future__ import annotations

from accounts.models import Role

from .accounts import bewoner, resident, staff
from .editions import NIEUW_WEST_2027, OOST_2027, WEST_2027, ZUID_2027
from .specs import CommentSpec, EditSpec, PlanActivitySpec, eur

OFFICIAL_OOST = staff(Role.OFFICIAL, "oost")
OFFICIAL_WEST = staff(Role.OFFICIAL, "west")
OFFICIAL_ZUID = staff(Role.OFFICIAL, "zuid")
OFFICIAL_NIEUW_WEST = staff(Role.OFFICIAL, "nieuw-west")

# Nieuw-West collects plans now: neighbours ask questions and join plans (bewoner@ is "Noor V.").
NIEUW_WEST: tuple[PlanActivitySpec, ...] = (
    PlanActivitySpec(
        "Bankjes langs de Osdorper Ban",
        co_initiators=(resident("yusuf.demir"),),
        comments=(
            CommentSpec(
                resident("karim.haddou"),
                "Goed plan! Kan er ook een bankje bij de bushalte aan de Tussen Meer? Daar staan ouderen "
                "soms een kwartier te wachten.",
                at=0.3,
                replies=(
                    CommentSpec(
                        resident("bewoner"),
                        "Goede tip, die plek nemen we mee in de wandeling met de bewoners van de "
                        "seniorenflat.",
                        at=0.2,
                    ),
                ),
            ),
            CommentSpec(
                OFFICIAL_NIEUW_WEST,
                "Ter informatie: bankjes in de openbare ruimte neemt het stadsdeel na plaatsing op in het "
                "gewone onderhoud. In de toets kijken we of de plekken niet in de weg staan voor de "
                "veegwagen.",
                at=0.75,
            ),
        ),
    ),
    PlanActivitySpec(
        "Repair café Slotervaart Zuid",
        comments=(
            CommentSpec(
                resident("ingrid.bakker"),
                "Ik kan goed naaien en kom graag een zaterdag per maand helpen met kleding repareren.",
                at=0.6,
            ),
        ),
    ),
    PlanActivitySpec(
        "Moestuin De Groene Akker in Geuzenveld",
        co_initiators=(resident("bewoner"),),
        comments=(
            CommentSpec(
                resident("mohamed.elamrani"),
                "Mogen de kinderen van de naschoolse opvang ook een bak?",
                at=0.5,
                replies=(
                    CommentSpec(resident("fatima.bennani"), "Zeker, we houden er twee voor ze vrij.", at=0.3),
                ),
            ),
        ),
    ),
)

# Oost collects support now (threshold 15): some plans are past it, some just short, some far off.
OOST: tuple[PlanActivitySpec, ...] = (
    PlanActivitySpec(
        "Tiny forest in het Flevopark",
        likes=24,
        co_initiators=(bewoner(8),),
        comments=(
            CommentSpec(
                bewoner(9),
                "Mooi plan! Blijft het grote grasveld vrij? Daar laten veel mensen 's ochtends hun hond uit.",
                at=0.2,
                replies=(
                    CommentSpec(
                        bewoner(1),
                        "Ja, het bos komt alleen op het stuk bij de ingang, ongeveer 250 m². Het grote veld "
                        "blijft zoals het is.",
                        at=0.1,
                    ),
                ),
            ),
            CommentSpec(
                OFFICIAL_OOST,
                "Goed om te weten: het Flevopark wordt door de gemeente centraal beheerd. Als het plan "
                "genoeg steun krijgt, bespreken we de precieze plek in de toetsfase met de parkbeheerder; "
                "we nemen daarvoor contact op met de initiatiefnemers.",
                at=0.5,
                replies=(CommentSpec(bewoner(8), "Dank je, we horen graag wanneer dat gesprek is.", at=0.2),),
            ),
            CommentSpec(bewoner(5), "Mijn dochter zit op De Zeeburg, ze wil nu al planten!", at=0.8),
        ),
    ),
    PlanActivitySpec(
        "Buurtkamer in de Dapperbuurt",
        likes=19,
        edit=EditSpec(
            note=(
                "Huur aangepast aan de nieuwe offerte van de corporatie; de groente voor de maaltijden "
                "krijgen we van de Voedselbank, dus de boodschappen worden goedkoper."
            ),
            at=0.45,
            for_whom="Voor ouderen die alleen wonen en nieuwe buren.",
            cost_lines=(
                ("Huur van het pand, 12 maanden", eur(7_800)),
                ("Inrichting: keuken, tafels en stoelen", eur(6_800)),
                ("Boodschappen voor 50 vrijdagmaaltijden", eur(6_000)),
                ("Training voor vrijwilligers", eur(1_400)),
            ),
        ),
        comments=(
            CommentSpec(
                bewoner(5),
                "Waarom is de huur hoger dan in de eerste versie van het plan?",
                at=0.75,
                replies=(
                    CommentSpec(
                        bewoner(2),
                        "De corporatie heeft de offerte aangepast, de servicekosten zaten er eerst niet in. "
                        "Het totaal is bijna gelijk gebleven, omdat de Voedselbank de groente levert.",
                        at=0.2,
                    ),
                ),
            ),
            CommentSpec(
                bewoner(10),
                "Ik wil graag op woensdagmiddag helpen in de buurtkamer.",
                at=0.3,
                replies=(CommentSpec(bewoner(2), "Top! Ik stuur je een bericht via de buurtapp.", at=0.3),),
            ),
        ),
    ),
    PlanActivitySpec(
        "Zwemles in open water voor kinderen op IJburg",
        likes=28,
        comments=(
            CommentSpec(
                bewoner(4),
                "Is er ook plek voor kinderen die nog geen A-diploma hebben?",
                at=0.3,
                replies=(
                    CommentSpec(
                        bewoner(5),
                        "Helaas niet: in open water moeten ze al kunnen zwemmen. Voor zwemles vanaf nul "
                        "kun je terecht bij het Sportfondsenbad, daar zijn ook gratis plekken.",
                        at=0.2,
                    ),
                ),
            ),
            CommentSpec(
                OFFICIAL_OOST,
                "Het strand bij Blijburg is een officiële zwemlocatie: de waterkwaliteit wordt in het "
                "zwemseizoen elke twee weken gemeten.",
                at=0.6,
            ),
        ),
    ),
    PlanActivitySpec(
        "Licht en kleur in de fietstunnel bij het Muiderpoortstation",
        likes=12,
        comments=(
            CommentSpec(bewoner(3), "Eindelijk! Ik fiets 's avonds altijd om.", at=0.15),
            CommentSpec(
                bewoner(9),
                "Is de verlichting niet gewoon een taak van ProRail? Dan betalen wij voor iets wat zij "
                "moeten doen.",
                at=0.4,
                replies=(
                    CommentSpec(
                        bewoner(6),
                        "Het onderhoud blijft bij ProRail. Wij betalen alleen voor betere lampen dan de "
                        "standaard en voor de schildering.",
                        at=0.2,
                    ),
                    CommentSpec(
                        OFFICIAL_OOST,
                        "Als het plan door de steunfase komt, kijken we in de toets ook wat ProRail zelf "
                        "al gepland heeft, zodat niets dubbel betaald wordt.",
                        at=0.4,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Muziekstudio voor jongeren in de Transvaalbuurt",
        likes=9,
        comments=(
            CommentSpec(
                bewoner(8),
                "Ik woon boven het jongerencentrum. Wordt de studio goed geïsoleerd?",
                at=0.2,
                replies=(
                    CommentSpec(
                        bewoner(4),
                        "Ja, het grootste deel van het budget gaat naar de isolatie, en om 22.00 uur is "
                        "het afgelopen.",
                        at=0.15,
                    ),
                ),
            ),
            CommentSpec(
                bewoner(12),
                "Die jongeren horen hier niet, stuur ze maar terug naar waar ze vandaan komen.",
                at=0.35,
                reports=(
                    (bewoner(4), "Discriminerend en gaat niet over het plan."),
                    (bewoner(7), "Kwetsend voor de jongeren uit de buurt."),
                ),
                hidden_reason=(
                    "Verborgen door de moderator: deze reactie gaat over een groep bewoners in plaats "
                    "van over het plan (huisregel 2: respect)."
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Geveltuinen in de Oosterparkbuurt",
        likes=16,
        comments=(
            CommentSpec(
                bewoner(2),
                "Kan ik me al aanmelden voor een geveltuin in de Eerste Boerhaavestraat?",
                at=0.4,
                replies=(
                    CommentSpec(
                        bewoner(7),
                        "Nog niet, de aanmelding opent als het plan gekozen is. Ik zet je op de lijst!",
                        at=0.1,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Buurtfeest op het Javaplein",
        likes=14,
        comments=(
            CommentSpec(bewoner(6), "Nog één keer steun nodig! Deel het plan met je buren.", at=0.85),
            CommentSpec(
                bewoner(11),
                "Vorig jaar was er ook zo'n feest en de hele nacht lawaai. Opruimen doen ze nooit!!!",
                at=0.5,
                reports=((bewoner(5), "Klopt niet: vorig jaar was er geen feest op het plein."),),
                replies=(
                    CommentSpec(
                        bewoner(3),
                        "Het feest eindigt om 20.00 uur en we ruimen zelf op; het afval staat in de "
                        "begroting.",
                        at=0.2,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Watertappunt en bankjes langs de Weesperzijde",
        likes=6,
        comments=(
            CommentSpec(
                bewoner(7), "Goed idee. Mijn moeder van 84 loopt er elke dag, een bankje zou helpen.", at=0.5
            ),
        ),
    ),
    PlanActivitySpec(
        "Repair Café Watergraafsmeer",
        likes=21,
        co_initiators=(bewoner(7),),
        comments=(
            CommentSpec(
                bewoner(1),
                "Kunnen jullie ook koffiezetapparaten repareren?",
                at=0.3,
                replies=(
                    CommentSpec(
                        bewoner(7),
                        "Zeker, dat is zelfs het meest gerepareerde apparaat in Repair Cafés!",
                        at=0.2,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Pumptrack op het Zeeburgereiland",
        likes=27,
        co_initiators=(bewoner(2),),
        comments=(
            CommentSpec(
                bewoner(5),
                "Kunnen kleine kinderen er ook op met een loopfiets?",
                at=0.25,
                replies=(
                    CommentSpec(
                        bewoner(10),
                        "Ja, de binnenste lus is vlakker, speciaal voor de kleintjes.",
                        at=0.15,
                    ),
                ),
            ),
            CommentSpec(
                OFFICIAL_OOST,
                "Ter informatie: het veld is na 2031 bestemd voor woningbouw. Een pumptrack kan er tot "
                "die tijd liggen en daarna worden verplaatst; dat nemen we mee in de toets.",
                at=0.55,
            ),
        ),
    ),
    PlanActivitySpec(
        "Jeu-de-boulesbaan en ontmoetingsbank in Betondorp",
        likes=11,
        comments=(
            CommentSpec(bewoner(9), "Wij doen met het hele flatje mee aan het eerste toernooi!", at=0.6),
        ),
    ),
)

# West is in review: the discussion went on while the district checked the plans.
WEST: tuple[PlanActivitySpec, ...] = (
    PlanActivitySpec(
        "Regentuin en bomen op het Bos en Lommerplein",
        co_initiators=(bewoner(19),),
        comments=(
            CommentSpec(
                bewoner(12),
                "Blijft er genoeg ruimte voor de marktkramen op woensdag?",
                at=0.15,
                replies=(
                    CommentSpec(
                        bewoner(11),
                        "Ja, de regentuin komt aan de kant van de Bos en Lommerweg, waar geen kramen staan.",
                        at=0.1,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Huiswerkklas in De Kolenkit",
        co_initiators=(bewoner(20),),
        comments=(
            CommentSpec(
                bewoner(17),
                "Mijn zoon zit in groep 7. Hoe kun je je aanmelden?",
                at=0.3,
                replies=(
                    CommentSpec(
                        bewoner(20),
                        "Via de school of in het buurthuis; als het plan doorgaat, hangen we posters op.",
                        at=0.2,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Zomerfilm op het Van Limburg Stirumplein",
        comments=(
            CommentSpec(
                bewoner(18),
                "Leuk! Kunnen er ook films met Turkse of Arabische ondertiteling bij?",
                at=0.2,
                replies=(CommentSpec(bewoner(14), "Goed idee, we zetten ze op de stemlijst.", at=0.2),),
            ),
            CommentSpec(bewoner(13), "Tot hoe laat duurt het? Ik woon aan het plein.", at=0.7),
        ),
    ),
    PlanActivitySpec(
        "Veilige oversteek bij basisschool De Horizon",
        comments=(
            CommentSpec(
                OFFICIAL_WEST,
                "Het stadsdeel bekijkt deze plek in de toetsfase samen met de afdeling Verkeer en "
                "Openbare Ruimte en het GVB, omdat er een tram rijdt.",
                at=0.6,
            ),
        ),
    ),
)

# Zuid's verdicts are public: people react to them.
ZUID: tuple[PlanActivitySpec, ...] = (
    PlanActivitySpec(
        "Buurtkeuken in De Pijp",
        co_initiators=(bewoner(23),),
        comments=(CommentSpec(bewoner(25), "Wat fijn, ik kom graag op vrijdag helpen koken.", at=0.3),),
    ),
    PlanActivitySpec(
        "Drijvende tuinen in de Boerenwetering",
        comments=(
            CommentSpec(
                bewoner(27),
                "Jammer dat het hier niet kan. We zoeken met Waternet een plek waar het wel mag.",
                at=0.85,
                replies=(
                    CommentSpec(
                        OFFICIAL_ZUID,
                        "Daar denken we graag over mee. De vijver in het Sarphatipark is misschien een "
                        "optie voor een volgende editie.",
                        at=0.3,
                    ),
                ),
            ),
        ),
    ),
    PlanActivitySpec(
        "Gratis ijsbaan op het Museumplein",
        comments=(
            CommentSpec(
                bewoner(22),
                "Een ijsbaan kost veel energie. Kan het geld niet naar een sportplek voor het hele jaar?",
                at=0.4,
            ),
        ),
    ),
)

ACTIVITY: dict[str, tuple[PlanActivitySpec, ...]] = {
    NIEUW_WEST_2027.slug: NIEUW_WEST,
    OOST_2027.slug: OOST,
    WEST_2027.slug: WEST,
    ZUID_2027.slug: ZUID,
}
