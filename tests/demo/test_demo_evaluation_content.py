"""The learning programme's demo content: population figures, survey answers, lessons and costs."""

from __future__ import annotations

from collections import Counter

from demo.content import EDITIONS
from demo.content.evaluation import COSTS, LESSONS, POPULATION, SURVEY_ANSWERS, responses_of
from demo.content.evaluation_population import BANDS, rows_of
from demo.content.places import DISTRICTS
from evaluation.models import AdoptableSetting, SurveyKind

ANCHORS = {
    "turnout-neighbourhoods", "participation-groups", "representativeness", "funnel", "dropouts",
    "durations", "blockers", "help-requests", "quality", "rule-comparison", "money-neighbourhoods",
    "delivery", "surveys", "costs", "models",
}  # fmt: skip
YEAR = {spec.slug: spec.year for spec in EDITIONS}


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
