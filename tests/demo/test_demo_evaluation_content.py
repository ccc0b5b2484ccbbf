"""The learning programme's demo content: population figures, survey answers, lessons and costs."""

from __future__ import annotations

from collections import Counter

from demo.content import EDITIONS
from demo.content.evaluation import (
    COSTS,
    LESSONS,
    POPULATION,
    SURVEY_ANSWERS,
    SURVEY_KINDS_OPEN,
    SURVEYS_SET_UP,
    SurveyAnswersSpec,
    responses_of,
)
from demo.content.evaluation_population import BANDS, rows_of
from demo.content.places import DISTRICTS
from editions.models import Edition
from evaluation.models import AdoptableSetting, QuestionKind, SurveyKind
from evaluation.report.figures import ANCHORS
from evaluation.surveys.questionnaires import QuestionTemplate, standard_survey

YEAR = {spec.slug: spec.year for spec in EDITIONS}
MIN_AGE = {spec.slug: spec.min_age for spec in EDITIONS}


def test_population_covers_every_neighbourhood_and_adds_up_to_its_population() -> None:
    assert {p.district_slug for p in POPULATION} == {d.slug for d in DISTRICTS}
    for district in DISTRICTS:
        totals: Counter[str] = Counter()
        for slug, _lowest, _highest, gender, residents in rows_of(district):
            assert gender in {"vrouw", "man", "anders"} and residents >= 0
            totals[slug] += residents
        assert totals == {hood.slug: hood.population for hood in district.neighbourhoods}


def test_population_csv_has_the_import_header_and_one_line_per_band_and_gender() -> None:
    spec = next(p for p in POPULATION if p.district_slug == "oost")
    lines = spec.text.strip().splitlines()
    district = next(d for d in DISTRICTS if d.slug == "oost")

    assert lines[0] == "neighbourhood,age_from,age_to,gender,residents"
    assert len(lines) - 1 == len(district.neighbourhoods) * len(BANDS) * 3
    assert "weesperzijde,65,,vrouw," in spec.text


def test_older_neighbourhoods_are_older_than_the_young_ring() -> None:
    oost = next(d for d in DISTRICTS if d.slug == "oost")
    rows = rows_of(oost)

    def share_65_plus(slug: str) -> float:
        mine = [r for r in rows if r[0] == slug]
        return sum(r[4] for r in mine if r[1] == 65) / sum(r[4] for r in mine)

    assert share_65_plus("betondorp") > 2 * share_65_plus("dapperbuurt")


def test_survey_answers_expand_to_exactly_the_specified_counts() -> None:
    for spec in SURVEY_ANSWERS:
        assert spec.kind in SurveyKind.values
        responses = responses_of(spec)
        assert len(responses) == spec.responses
        for question in spec.answers:
            given: Counter[object] = Counter()
            for response in responses:
                value = response.answers.get(question.question_key)
                for item in value if isinstance(value, list) else [value]:
                    if item is not None:
                        given[item] += 1
            assert given == Counter(dict(question.counts)), (spec.kind, question.question_key)
        assert responses_of(spec) == responses  # the same on every load


def test_open_answers_go_to_responses_of_their_category() -> None:
    spec = next(
        s
        for s in SURVEY_ANSWERS
        if s.edition_slug == "buurtbudget-oost-2026" and s.kind == "initiator_agreement"
    )
    stories = [r.answers for r in responses_of(spec) if "stuck_story" in r.answers]

    assert {answers["stuck"] for answers in stories} == {"permits", "location"}


def test_surveys_show_results_for_large_groups_and_suppress_small_ones() -> None:
    sizes = {(s.edition_slug, s.kind): s.responses for s in SURVEY_ANSWERS}

    assert sizes[("buurtbudget-nieuw-west-2026", "voter")] >= 500
    assert any(size < 10 for size in sizes.values()) and any(10 <= size < 30 for size in sizes.values())
    voters = next(
        s for s in SURVEY_ANSWERS if s.kind == "voter" and s.edition_slug == "buurtbudget-nieuw-west-2026"
    )
    ages = dict(next(q for q in voters.answers if q.question_key == "age_band").counts)
    genders = dict(next(q for q in voters.answers if q.question_key == "gender").counts)
    assert ages["65-plus"] > 4 * ages["16-24"] and genders["vrouw"] > genders["man"]
    assert genders["anders"] < 10  # shown as suppressed


def test_lessons_point_at_report_figures_and_are_adopted_by_later_editions() -> None:
    for lesson in LESSONS:
        assert lesson.evidence in ANCHORS and lesson.finding and lesson.recommendation
        assert lesson.adopted_setting in AdoptableSetting.values
        if lesson.adopted_in_slug is not None:
            assert YEAR[lesson.adopted_in_slug] > YEAR[lesson.edition_slug]
        else:
            assert lesson.adopted_setting == ""
    adopted = {(lesson.edition_slug, lesson.adopted_setting) for lesson in LESSONS}
    assert ("buurtbudget-oost-2026", "hybrid_order") in adopted
    assert ("buurtbudget-nieuw-west-2026", "support_threshold") in adopted


def test_the_panel_costs_more_per_participant_than_the_vote() -> None:
    money = Counter[str]()
    for cost in COSTS:
        assert cost.staff_hours >= 0 and cost.amount_cents >= 0 and cost.description
        money[cost.edition_slug] += cost.amount_cents
    panel_per_member = money["buurtbudget-noord-2026"] / 24
    vote_per_voter = money["buurtbudget-nieuw-west-2026"] / 5_000
    assert panel_per_member > 20 * vote_per_voter


def _fits(question: QuestionTemplate, value: object) -> bool:
    """Whether ``value`` is an answer ``answer_survey`` takes for ``question``."""
    keys = {key for key, _label in question.choices}
    if question.kind == QuestionKind.SCALE:
        assert question.scale is not None
        return isinstance(value, int) and question.scale[0] <= value <= question.scale[1]
    if question.kind == QuestionKind.SINGLE:
        return value in keys
    if question.kind == QuestionKind.MULTIPLE:
        return isinstance(value, list) and bool(value) and set(value) <= keys
    return isinstance(value, str) and 0 < len(value) <= 2000


def _questions(spec: SurveyAnswersSpec) -> dict[str, QuestionTemplate]:
    edition = Edition(min_age=MIN_AGE[spec.edition_slug])
    return {q.key: q for q in standard_survey(SurveyKind(spec.kind), edition).questions}


def test_survey_answers_fit_the_standard_questionnaires_with_every_required_answer() -> None:
    for spec in SURVEY_ANSWERS:
        questions = _questions(spec)
        required = {key for key, question in questions.items() if question.required}
        for response in responses_of(spec):
            assert set(response.answers) <= set(questions), (
                spec.kind,
                set(response.answers) - set(questions),
            )
            for key, value in response.answers.items():
                assert _fits(questions[key], value), (spec.edition_slug, spec.kind, key, value)
            assert required <= set(response.answers), (spec.edition_slug, spec.kind)


def test_surveys_are_set_up_before_their_first_answers_and_answered_in_the_past() -> None:
    for spec in SURVEY_ANSWERS:
        assert SURVEYS_SET_UP[spec.edition_slug] < spec.first_day <= spec.last_day < 0
    assert SURVEY_KINDS_OPEN == {"buurtbudget-zuidoost-2026": ("voter",)}
    assert {s.edition_slug for s in SURVEY_ANSWERS} == set(SURVEYS_SET_UP) - set(SURVEY_KINDS_OPEN)
