"""The learning programme's demo content: population, survey answers, lessons and running costs.

Declarative, for the finished editions (Nieuw-West 2026: a vote; Noord 2026: a panel; Oost 2026: a
panel's shortlist, then a vote), loaded by ``demo.services.evaluation`` through the evaluation
services: ``PopulationSpec`` → ``import_population``; ``SurveyAnswersSpec`` → ``answer_survey`` on the
edition's survey of that kind, one call per response (``responses_of`` expands it, reproducibly; the
question and choice keys are those of ``evaluation.surveys.questionnaires``); ``LessonSpec`` →
``add_lesson``; ``CostSpec`` → ``add_cost``. Days count from the day the demo is loaded
(Europe/Amsterdam).

Survey answers are skewed as real ones are: older residents and women answer more, the young and
men less; some groups stay under ten answers, so the report shows its suppression.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from accounts.models import Role

from .accounts import staff
from .editions import NIEUW_WEST_2026, NIEUW_WEST_2027, NOORD_2026, OOST_2026, OOST_2027, ZUIDOOST_2026
from .evaluation_population import POPULATION, PopulationSpec
from .specs import eur

__all__ = [
    "COSTS",
    "LESSONS",
    "POPULATION",
    "SURVEYS_SET_UP",
    "SURVEY_ANSWERS",
    "SURVEY_KINDS_OPEN",
    "AnswerCounts",
    "CostSpec",
    "LessonSpec",
    "PopulationSpec",
    "ResponseSpec",
    "SurveyAnswersSpec",
    "TextAnswers",
    "responses_of",
]

Answer = int | str


@dataclass(frozen=True)
class AnswerCounts:
    """How many responses gave each answer to one question; the rest of the responses skipped it.

    ``multiple``: a question with several choices, where each count is the responses that ticked
    that choice (a response may tick several).
    """

    question_key: str
    counts: tuple[tuple[Answer, int], ...]
    multiple: bool = False


@dataclass(frozen=True)
class TextAnswers:
    """Open answers to ``question_key``, each given by a response whose ``category_key`` answer is the
    category named with it (None: any response)."""

    question_key: str
    texts: tuple[tuple[str | None, str], ...]
    category_key: str = "stuck"


@dataclass(frozen=True)
class SurveyAnswersSpec:
    """The answers to one edition's survey of one kind (``evaluation.models.SurveyKind`` value).

    Question keys are those of the standard questionnaires (``evaluation.surveys.questionnaires``).
    ``projects``: for the per-project kinds, how many responses concern each project (plan title);
    ``neighbourhoods``: how many responses name each neighbourhood (slug), where the survey knows it.
    """

    edition_slug: str
    kind: str
    responses: int
    answers: tuple[AnswerCounts, ...]
    first_day: int
    last_day: int
    texts: tuple[TextAnswers, ...] = ()
    projects: tuple[tuple[str, int], ...] = ()
    neighbourhoods: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ResponseSpec:
    """One response as ``evaluation.models.Response`` stores it (the survey is the spec's)."""

    answers: dict[str, Answer | list[str]]
    submitted_day: int
    project_title: str | None = None
    neighbourhood_slug: str | None = None


def _spread(labels: tuple[tuple[str, int], ...], total: int, rng: random.Random) -> list[str | None]:
    values: list[str | None] = [label for label, count in labels for _ in range(count)]
    values += [None] * (total - len(values))
    rng.shuffle(values)
    return values[:total]


def responses_of(spec: SurveyAnswersSpec) -> list[ResponseSpec]:
    """The spec's responses, the same on every load (the generator is seeded by edition and kind)."""
    rng = random.Random(f"survey:{spec.edition_slug}:{spec.kind}")
    answers: list[dict[str, Answer | list[str]]] = [{} for _ in range(spec.responses)]
    for question in spec.answers:
        if question.multiple:
            for choice, count in question.counts:
                for index in sorted(rng.sample(range(spec.responses), count)):
                    ticked = answers[index].setdefault(question.question_key, [])
                    assert isinstance(ticked, list)
                    ticked.append(str(choice))
            continue
        values: list[Answer | None] = [value for value, count in question.counts for _ in range(count)]
        values += [None] * (spec.responses - len(values))
        rng.shuffle(values)
        for given, value in zip(answers, values, strict=True):
            if value is not None:
                given[question.question_key] = value
    for texts in spec.texts:
        free = list(range(spec.responses))
        rng.shuffle(free)
        for category, text in texts.texts:
            index = next(
                i
                for i in free
                if texts.question_key not in answers[i]
                and (category is None or answers[i].get(texts.category_key) == category)
            )
            answers[index][texts.question_key] = text
    projects = _spread(spec.projects, spec.responses, rng) if spec.projects else [None] * spec.responses
    places = (
        _spread(spec.neighbourhoods, spec.responses, rng) if spec.neighbourhoods else [None] * spec.responses
    )
    span = spec.last_day - spec.first_day
    return [
        ResponseSpec(
            answers=given,
            submitted_day=spec.first_day + round(span * (i / max(1, spec.responses - 1)) ** 2),
            project_title=project,
            neighbourhood_slug=place,
        )
        for i, (given, project, place) in enumerate(zip(answers, projects, places, strict=True))
    ]


def _scale(*counts: int) -> tuple[tuple[Answer, int], ...]:
    """Counts of the answers 1, 2, 3, 4 and 5 on a five-point scale."""
    return tuple((value, count) for value, count in enumerate(counts, start=1) if count)


def _choices(**counts: int) -> tuple[tuple[Answer, int], ...]:
    return tuple((key, count) for key, count in counts.items() if count)


def _demographics(
    age: dict[str, int], gender: dict[str, int], first_time: dict[str, int], voted: dict[str, int]
) -> tuple[AnswerCounts, ...]:
    return (
        AnswerCounts("age_band", tuple(age.items())),
        AnswerCounts("gender", tuple(gender.items())),
        AnswerCounts("first_time", tuple(first_time.items())),
        AnswerCounts("voted_municipal", tuple(voted.items())),
    )


# --- Which editions have surveys ------------------------------------------------------------------

# The day (from today) each district set up the edition's surveys from the standard questionnaires:
# the finished editions before their first answers, Zuidoost 2026 the day before its vote opened.
SURVEYS_SET_UP: dict[str, int] = {
    NIEUW_WEST_2026.slug: -36,
    NOORD_2026.slug: -150,
    OOST_2026.slug: -289,
    ZUIDOOST_2026.slug: -12,
}
# The surveys left open where not all are (the rest is closed when set up): a voter of Zuidoost 2026
# is offered the voter survey after casting, nothing else is asked while the vote runs.
SURVEY_KINDS_OPEN: dict[str, tuple[str, ...]] = {ZUIDOOST_2026.slug: ("voter",)}


# --- Voters, after casting ----------------------------------------------------------------------

VOTERS_NIEUW_WEST = SurveyAnswersSpec(
    edition_slug=NIEUW_WEST_2026.slug,
    kind="voter",
    responses=640,
    first_day=-34,
    last_day=-13,
    answers=(
        AnswerCounts("ease", _scale(14, 31, 88, 251, 248)),
        AnswerCounts("again", _choices(yes=452, maybe=151, no=29)),
        AnswerCounts(
            "heard",
            _choices(letter=471, poster=96, social=118, people=164, news=41, meeting=38, other=22),
            multiple=True,
        ),
        AnswerCounts("satisfaction", _scale(22, 47, 162, 271, 138)),
        *_demographics(
            {"16-24": 37, "25-39": 138, "40-64": 248, "65-plus": 171, "prefer_not": 28},
            {"vrouw": 352, "man": 244, "anders": 7, "prefer_not": 19},
            {"yes": 389, "no": 224, "prefer_not": 9},
            {"yes": 471, "no": 104, "dont_know": 21, "prefer_not": 18},
        ),
    ),
    neighbourhoods=(
        ("geuzenveld", 96),
        ("osdorp-oost", 81),
        ("slotervaart-noord", 67),
        ("slotermeer-noordoost", 62),
        ("slotermeer-zuidwest", 55),
        ("sloten-nieuw-sloten", 48),
        ("osdorp-midden", 43),
        ("middelveldsche-akerpolder", 38),
        ("slotervaart-zuid", 39),
        ("overtoomse-veld", 30),
        ("de-punt", 26),
        ("westlandgracht", 27),
        ("lutkemeer-ookmeer", 13),
        ("eendracht", 9),
        ("sloterdijk-nieuw-west", 2),
    ),
)

VOTERS_OOST = SurveyAnswersSpec(
    edition_slug=OOST_2026.slug,
    kind="voter",
    responses=118,
    first_day=-262,
    last_day=-242,
    answers=(
        AnswerCounts("ease", _scale(3, 6, 19, 49, 39)),
        AnswerCounts("again", _choices(yes=71, maybe=36, no=9)),
        AnswerCounts(
            "heard",
            _choices(letter=88, poster=21, social=25, people=27, news=12, meeting=6, other=4),
            multiple=True,
        ),
        # Lower than in Nieuw-West: voters found that the panel had already chosen for them.
        AnswerCounts("satisfaction", _scale(8, 17, 39, 40, 14)),
        *_demographics(
            {"16-24": 6, "25-39": 29, "40-64": 46, "65-plus": 31, "prefer_not": 4},
            {"vrouw": 66, "man": 45, "anders": 2, "prefer_not": 3},
            {"yes": 63, "no": 51, "prefer_not": 2},
            {"yes": 97, "no": 11, "dont_know": 5, "prefer_not": 3},
        ),
    ),
    neighbourhoods=(
        ("middenmeer", 19),
        ("weesperzijde", 11),
        ("frankendael", 10),
        ("oosterparkbuurt", 13),
        ("ijburg-west", 17),
        ("dapperbuurt", 8),
        ("transvaalbuurt", 7),
        ("oostelijk-havengebied", 11),
        ("indische-buurt-west", 6),
        ("indische-buurt-oost", 5),
        ("betondorp", 4),
        ("ijburg-zuid", 4),
        ("ijburg-oost", 2),
    ),
)

# --- Panel members, after the decision (or the shortlist) ---------------------------------------

PANEL_NOORD = SurveyAnswersSpec(
    edition_slug=NOORD_2026.slug,
    kind="panel_member",
    responses=21,
    first_day=-148,
    last_day=-135,
    answers=(
        AnswerCounts("informed", _scale(0, 1, 3, 9, 8)),
        AnswerCounts("heard", _scale(0, 1, 2, 8, 10)),
        AnswerCounts("again", _choices(yes=17, maybe=3, no=1)),
        AnswerCounts("satisfaction", _scale(0, 0, 2, 9, 10)),
    ),
    texts=(
        TextAnswers(
            "better",
            (
                (None, "Meer tijd met de initiatiefnemers; tien minuten per plan was te kort."),
                (None, "De stukken een week eerder thuis, dan kun je je beter voorbereiden."),
                (None, "Een vierde zaterdag: de laatste ronde ging te snel."),
            ),
        ),
    ),
)

PANEL_OOST = SurveyAnswersSpec(
    edition_slug=OOST_2026.slug,
    kind="panel_member",
    responses=17,
    first_day=-288,
    last_day=-270,
    answers=(
        AnswerCounts("informed", _scale(0, 2, 4, 7, 4)),
        AnswerCounts("heard", _scale(0, 1, 3, 8, 5)),
        AnswerCounts("again", _choices(yes=12, maybe=4, no=1)),
        AnswerCounts("satisfaction", _scale(0, 1, 4, 8, 4)),
    ),
    texts=(
        TextAnswers(
            "better",
            (
                (None, "Twee avonden is te weinig om twaalf plannen echt te bespreken."),
                (None, "Jammer dat wij alleen de shortlist maakten en niet zelf mochten kiezen."),
            ),
        ),
    ),
)

# --- Initiators, at the agreement and at completion ---------------------------------------------

_STORIES_STUCK = (
    ("permits", "De vergunning voor het evenement lag weken bij de omgevingsdienst; niemand wist bij wie."),
    ("money", "Het voorschot kwam pas na zes weken; we hebben de eerste inkopen zelf voorgeschoten."),
    ("district_response", "Op de vraag over het hek kregen we pas na drie weken antwoord."),
    ("location", "De ruimte die was toegezegd ging toch naar een winkel."),
)

INITIATORS_NOORD = SurveyAnswersSpec(
    edition_slug=NOORD_2026.slug,
    kind="initiator_agreement",
    responses=14,
    first_day=-120,
    last_day=-95,
    answers=(
        AnswerCounts("cooperation", _scale(0, 1, 3, 6, 4)),
        AnswerCounts("stuck", _choices(permits=4, money=3, district_response=2, volunteers=1, nowhere=4)),
        AnswerCounts("satisfaction", _scale(0, 1, 3, 7, 3)),
    ),
    texts=(TextAnswers("stuck_story", _STORIES_STUCK[:3]),),
    projects=(
        ("Buurtbarbecue en straatfeest Tuindorp Oostzaan", 2),
        ("Verlichting langs het fietspad aan de Kadoelenweg", 1),
        ("Moestuin achter de Van der Pekstraat", 2),
        ("Bankjes en plantenbakken in Tuindorp Nieuwendam", 1),
        ("Repair café Waterlandplein", 2),
        ("Speeltuin Vogelbuurt opknappen", 2),
        ("AED's voor heel Noord", 1),
        ("Beweegroute door het Noorderpark", 1),
        ("Zwerfvuilteam Noord", 2),
    ),
)

# Fewer than ten answers: the report shows this survey as suppressed.
COMPLETION_NOORD = SurveyAnswersSpec(
    edition_slug=NOORD_2026.slug,
    kind="initiator_completion",
    responses=6,
    first_day=-24,
    last_day=-8,
    answers=(
        AnswerCounts("cooperation", _scale(0, 0, 1, 3, 2)),
        AnswerCounts("stuck", _choices(permits=1, money=1, nowhere=4)),
        AnswerCounts("satisfaction", _scale(0, 0, 0, 3, 3)),
    ),
    projects=(
        ("Buurtbarbecue en straatfeest Tuindorp Oostzaan", 2),
        ("Verlichting langs het fietspad aan de Kadoelenweg", 1),
        ("Moestuin achter de Van der Pekstraat", 2),
        ("Bankjes en plantenbakken in Tuindorp Nieuwendam", 1),
    ),
)

INITIATORS_OOST = SurveyAnswersSpec(
    edition_slug=OOST_2026.slug,
    kind="initiator_agreement",
    responses=12,
    first_day=-215,
    last_day=-195,
    answers=(
        AnswerCounts("cooperation", _scale(0, 2, 3, 5, 2)),
        AnswerCounts("stuck", _choices(permits=4, location=2, money=2, district_response=1, nowhere=3)),
        AnswerCounts("satisfaction", _scale(1, 1, 4, 4, 2)),
    ),
    texts=(TextAnswers("stuck_story", (_STORIES_STUCK[0], _STORIES_STUCK[3])),),
    projects=(
        ("Geveltuinen in de Transvaalbuurt", 2),
        ("Ontmoetingstafel in de Oosterparkbuurt", 2),
        ("Pannakooi op het Javaplein", 2),
        ("Schooltuin bij de Hortus in Frankendael", 2),
        ("Zomeravonden op het Ambonplein", 2),
        ("Watersportdagen op het Nieuwe Diep", 1),
        ("Taalcafé in de Dapperbuurt", 1),
    ),
)

COMPLETION_OOST = SurveyAnswersSpec(
    edition_slug=OOST_2026.slug,
    kind="initiator_completion",
    responses=10,
    first_day=-24,
    last_day=-3,
    answers=(
        AnswerCounts("cooperation", _scale(0, 1, 2, 4, 3)),
        AnswerCounts("stuck", _choices(permits=3, money=1, volunteers=1, nowhere=5)),
        AnswerCounts("satisfaction", _scale(0, 0, 2, 5, 3)),
    ),
    projects=(
        ("Geveltuinen in de Transvaalbuurt", 2),
        ("Ontmoetingstafel in de Oosterparkbuurt", 2),
        ("Schooltuin bij de Hortus in Frankendael", 2),
        ("Zomeravonden op het Ambonplein", 2),
        ("Taalcafé in de Dapperbuurt", 2),
    ),
)

# --- Officials, at the end of the edition -------------------------------------------------------

OFFICIALS_NOORD = SurveyAnswersSpec(
    edition_slug=NOORD_2026.slug,
    kind="official",
    responses=11,
    first_day=-20,
    last_day=-5,
    answers=(
        AnswerCounts("cooperation", _scale(0, 1, 2, 6, 2)),
        AnswerCounts("stuck", _choices(permits=3, money=2, district_response=1, other=2, nowhere=3)),
        AnswerCounts("satisfaction", _scale(0, 1, 2, 6, 2)),
    ),
)

# Seven officials of Oost answered: under ten, so the report suppresses it.
OFFICIALS_OOST = SurveyAnswersSpec(
    edition_slug=OOST_2026.slug,
    kind="official",
    responses=7,
    first_day=-12,
    last_day=-2,
    answers=(
        AnswerCounts("cooperation", _scale(0, 1, 2, 3, 1)),
        AnswerCounts("stuck", _choices(location=2, permits=2, other=1, nowhere=2)),
        AnswerCounts("satisfaction", _scale(0, 1, 3, 3, 0)),
    ),
)

# No survey of residents near a project yet: six months after the first completion (Geveltuinen in
# de Transvaalbuurt, Oost) is still ahead.

SURVEY_ANSWERS: tuple[SurveyAnswersSpec, ...] = (
    VOTERS_NIEUW_WEST,
    VOTERS_OOST,
    PANEL_NOORD,
    PANEL_OOST,
    INITIATORS_NOORD,
    COMPLETION_NOORD,
    INITIATORS_OOST,
    COMPLETION_OOST,
    OFFICIALS_NOORD,
    OFFICIALS_OOST,
)


# --- Lessons --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonSpec:
    """A lesson (``evaluation.lessons.services.add_lesson``, which puts it at the end of its edition's
    register: the order here is the register's); ``evidence`` is a figure anchor of the learning
    report, ``adopted_setting`` an ``AdoptableSetting`` value ("" for a way of working)."""

    edition_slug: str
    finding: str
    evidence: str
    evidence_note: str
    recommendation: str
    created_by: str
    created_day: int
    adopted_in_slug: str | None = None
    adopted_setting: str = ""
    adopted_note: str = ""


NW = staff(Role.OFFICIAL, "nieuw-west")
NOORD_OFFICIAL = staff(Role.OFFICIAL, "noord")
OOST_OFFICIAL = staff(Role.OFFICIAL, "oost")

LESSONS: tuple[LessonSpec, ...] = (
    LessonSpec(
        NIEUW_WEST_2026.slug,
        "Jongeren van 16 tot 24 stemden veel minder dan ouderen: zij zijn een op de zeven inwoners van "
        "16 jaar en ouder, maar een op de zestien stemmers die na het stemmen de enquête invulden en hun "
        "leeftijd gaven.",
        "participation-groups",
        "Deelname per leeftijdsgroep tegen de bevolking",
        "Stembussen op papier op de mbo-scholen en in de jongerencentra, en een stemcode op het "
        "studentenadres.",
        NW,
        -8,
        adopted_in_slug=NIEUW_WEST_2027.slug,
        adopted_note="Nieuw-West 2027 zet papieren stembussen op vier scholen en twee jongerencentra.",
    ),
    LessonSpec(
        NIEUW_WEST_2026.slug,
        "Op de stemlijst stonden veel plannen met weinig draagvlak: in het algemene deel kregen alleen "
        "de zwemles en het zomerfestival veel stemmen, de andere negen plannen weinig.",
        "funnel",
        "Van ingediend tot gekozen",
        "Vraag steun vóór de toets: een plan gaat pas door als 50 bewoners het steunen.",
        NW,
        -8,
        adopted_in_slug=NIEUW_WEST_2027.slug,
        adopted_setting="support_threshold",
        adopted_note="Nieuw-West 2027 heeft een steunfase met een drempel van 50.",
    ),
    LessonSpec(
        NIEUW_WEST_2026.slug,
        "Zes van de vijftien wijken kregen geen enkel plan, waaronder Eendracht, Lutkemeer/Ookmeer en "
        "Sloterdijk Nieuw-West; alleen de drie wijken met een eigen deel van het budget waren zeker van "
        "geld. In Lutkemeer/Ookmeer en Sloterdijk Nieuw-West was de opkomst ook het laagst.",
        "money-neighbourhoods",
        "Toegekend bedrag per wijk tegen het aantal inwoners",
        "Geef elke wijk een eigen deel van het budget, naar rato van het aantal inwoners.",
        NW,
        -7,
        adopted_in_slug=NIEUW_WEST_2027.slug,
        adopted_setting="sub_budgets",
        adopted_note="Vijftien wijkbudgetten in Nieuw-West 2027.",
    ),
    LessonSpec(
        NIEUW_WEST_2026.slug,
        "De opkomst in Lutkemeer/Ookmeer en Sloterdijk Nieuw-West bleef onder de helft van die in "
        "Geuzenveld.",
        "turnout-neighbourhoods",
        "Opkomst per wijk",
        "Stuur tijdens de stemming buurtwerkers naar de wijken waar de opkomst achterblijft (live opkomst).",
        NW,
        -6,
    ),
    LessonSpec(
        NOORD_2026.slug,
        "Het burgerpanel leek op Noord: leeftijd en geslacht van de leden weken nauwelijks af van de "
        "bevolking, terwijl de aanmeldingen scheef waren.",
        "participation-groups",
        "Leeftijd en gender van inwoners, aanmeldingen en panelleden",
        "Houd de loting met quota per leeftijd, geslacht en wijk vast.",
        NOORD_OFFICIAL,
        -20,
    ),
    LessonSpec(
        NOORD_2026.slug,
        "Initiatiefnemers liepen het vaakst vast op vergunningen (4 van de 14 in de enquête bij de "
        "afspraak), en het knelpunt over de vergunning voor de speeltuin in de Vogelbuurt is nog niet "
        "opgelost.",
        "blockers",
        "Knelpunten per categorie, opgelost en niet opgelost",
        "Een vast aanspreekpunt voor vergunningen bij het stadsdeel, vanaf de afspraak.",
        NOORD_OFFICIAL,
        -19,
    ),
    LessonSpec(
        NOORD_2026.slug,
        "Het panel kostte per deelnemer ruim twaalf keer zoveel als de online stemming in Nieuw-West "
        "(€ 121 per aanmelding tegen € 10 per stemmer), maar de panelleden waren veel tevredener over de "
        "beslissing dan de stemmers.",
        "costs",
        "Kosten van de editie per deelnemer",
        "Combineer: laat een panel de lijst maken en iedereen stemmen, zodat bereik en verdieping samengaan.",
        NOORD_OFFICIAL,
        -18,
    ),
    LessonSpec(
        OOST_2026.slug,
        "De opkomst bij de stemming over de shortlist van het panel was laag, vooral in de Indische "
        "Buurt; stemmers gaven de laagste tevredenheid van alle edities: het panel had al gekozen.",
        "turnout-neighbourhoods",
        "Opkomst per wijk en tevredenheid van stemmers",
        "Draai de volgorde om: eerst stemt iedereen, daarna beslist het panel met de uitslag als advies.",
        OOST_OFFICIAL,
        -10,
        adopted_in_slug=OOST_2027.slug,
        adopted_setting="hybrid_order",
        adopted_note="Oost 2027: eerst de stemming, daarna het burgerpanel.",
    ),
    LessonSpec(
        OOST_2026.slug,
        "Er waren meer goede plannen dan geld: tien plannen op de shortlist vroegen samen € 241.300, "
        "het budget was € 200.000.",
        "funnel",
        "Van ingediend tot gekozen",
        "Verhoog het budget, en vraag steun vóór de toets zodat de lijst korter wordt.",
        OOST_OFFICIAL,
        -9,
        adopted_in_slug=OOST_2027.slug,
        adopted_setting="total_budget_cents",
        adopted_note="Oost 2027 verdeelt € 400.000, met een steundrempel van 15.",
    ),
    LessonSpec(
        OOST_2026.slug,
        "De Jongerenwerkplaats op IJburg is gestopt omdat de toegezegde ruimte verviel; dat knelpunt "
        "is nooit opgelost.",
        "blockers",
        "Knelpunten per categorie, opgelost en niet opgelost",
        "Toets bij een plan met een ruimte of die schriftelijk is toegezegd, vóór de stemming.",
        OOST_OFFICIAL,
        -9,
        adopted_in_slug=OOST_2027.slug,
        adopted_note="De toets in Oost 2027 vraagt een verklaring van de eigenaar van de ruimte.",
    ),
    LessonSpec(
        OOST_2026.slug,
        "Het panel maakte de shortlist in twee avonden; leden vonden dat te kort.",
        "surveys",
        "Enquête onder panelleden",
        "Plan drie bijeenkomsten voor het panel.",
        OOST_OFFICIAL,
        -8,
    ),
)


# --- Running costs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostSpec:
    """One line of what running an edition took (``evaluation.models.ProcessCost``)."""

    edition_slug: str
    description: str
    staff_hours: Decimal = field(default_factory=Decimal)
    amount_cents: int = 0
    entered_by: str = ""
    entered_day: int = -5


def _costs(edition_slug: str, by: str, *lines: tuple[str, str, int]) -> tuple[CostSpec, ...]:
    """Cost lines of one edition: (description, staff hours, amount in whole euros)."""
    return tuple(
        CostSpec(edition_slug, description, Decimal(hours), eur(euros), by)
        for description, hours, euros in lines
    )


COSTS: tuple[CostSpec, ...] = (
    *_costs(
        NIEUW_WEST_2026.slug,
        NW,
        ("Brieven met stemcodes: drukken en verzenden (36.000)", "12", 34_200),
        ("Campagne: posters, flyers en advertenties", "40", 8_500),
        ("Informatieavonden in vier buurthuizen", "48", 3_200),
        ("Haalbaarheidstoets van 24 plannen", "180", 0),
        ("Papieren stembiljetten invoeren en controleren", "60", 0),
        ("Telling, uitslag en publicatie", "16", 0),
        ("Hosting en beheer van het platform", "20", 2_400),
    ),
    *_costs(
        NOORD_2026.slug,
        NOORD_OFFICIAL,
        ("Uitnodigingsbrieven voor het panel (900)", "8", 990),
        ("Vergoeding panelleden: 24 leden, drie zaterdagen", "0", 10_800),
        ("Zaalhuur Tolhuistuin en catering", "6", 8_300),
        ("Kinderopvang en vervoer voor panelleden", "4", 1_650),
        ("Externe gespreksleiders", "0", 14_500),
        ("Werving en loting", "60", 0),
        ("Ondersteuning van de werksessies en vragen van het panel", "90", 0),
        ("Haalbaarheidstoets van 13 plannen", "140", 0),
        ("Begeleiding van de projecten", "110", 0),
    ),
    *_costs(
        OOST_2026.slug,
        OOST_OFFICIAL,
        ("Uitnodigingsbrieven voor het panel (500)", "6", 550),
        ("Vergoeding panelleden: 21 leden, twee avonden", "0", 3_150),
        ("Zaalhuur Huis van de Wijk en maaltijden", "4", 2_600),
        ("Gespreksleider voor het panel", "0", 6_500),
        ("Brieven met stemcodes: drukken en verzenden", "8", 9_800),
        ("Campagne voor de stemming", "24", 4_200),
        ("Werving en loting", "40", 0),
        ("Haalbaarheidstoets van 14 plannen", "110", 0),
        ("Papieren stembiljetten invoeren en controleren", "12", 0),
        ("Begeleiding van de projecten", "95", 0),
    ),
)
