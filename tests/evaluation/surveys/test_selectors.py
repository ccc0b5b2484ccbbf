"""Survey figures and results: counts and means worked out by hand; groups under 10 never shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evaluation.models import SurveyKind
from evaluation.surveys.selectors import survey_figures, survey_results
from evaluation.surveys.services import answer_survey

from .conftest import World


def answer_many(world: World, kind: SurveyKind, answers: Sequence[Mapping[str, object]]) -> None:
    survey = world.survey(kind)
    for n, given in enumerate(answers):
        answer_survey(survey=survey, holder=f"h{n}", answers=given)


def figure(world: World, kind: SurveyKind, key: str) -> dict[str, Any]:
    survey = next(s for s in survey_figures(world.edition) if s["kind"] == kind)
    return next(q for q in survey["questions"] if q["key"] == key)


def test_a_question_with_fewer_than_ten_answers_is_suppressed(world: World) -> None:
    answer_many(world, SurveyKind.VOTER, [{"satisfaction": 5, "ease": 4}] * 9 + [{"satisfaction": 1}])
    ease = figure(world, SurveyKind.VOTER, "ease")
    assert (ease["answers"], ease["suppressed"], ease["mean"], ease["distribution"]) == (9, True, None, [])
    # 9 × 5 + 1 × 1 = 46 over 10 answers.
    satisfaction = figure(world, SurveyKind.VOTER, "satisfaction")
    assert (satisfaction["answers"], satisfaction["suppressed"], satisfaction["mean"]) == (10, False, 4.6)
    assert [(d["key"], d["count"]) for d in satisfaction["distribution"]] == [
        ("1", 1),
        ("2", 0),
        ("3", 0),
        ("4", 0),
        ("5", 9),
    ]


def test_the_figures_are_json_ready_and_leave_out_open_text(world: World) -> None:
    answer_many(
        world,
        SurveyKind.INITIATOR_COMPLETION,
        [{"satisfaction": 3, "stuck_story": "Vergunning duurde lang"}] * 10,
    )
    survey = next(s for s in survey_figures(world.edition) if s["kind"] == SurveyKind.INITIATOR_COMPLETION)
    assert survey["responses"] == 10
    assert "stuck_story" not in [q["key"] for q in survey["questions"]]
    assert "Vergunning" not in repr(survey_figures(world.edition))


def test_a_breakdown_shows_only_groups_of_ten_or_more(world: World) -> None:
    # 12 women (satisfaction 4) and 3 men (satisfaction 2): the men are hidden, and counted as hidden.
    answers = [{"satisfaction": 4, "gender": "vrouw"}] * 12 + [{"satisfaction": 2, "gender": "man"}] * 3
    answer_many(world, SurveyKind.VOTER, answers)
    results = survey_results(world.survey(SurveyKind.VOTER))
    by_gender = next(b for b in results.breakdowns if b.by.key == "gender")
    assert [(g.key, g.answers, g.mean) for g in by_gender.groups] == [("vrouw", 12, 4.0)]
    assert by_gender.hidden_groups == 1


def test_open_answers_are_grouped_by_category_and_small_categories_hidden(world: World) -> None:
    answers = [{"satisfaction": 3, "stuck": "permits", "stuck_story": f"Vergunning {n}"} for n in range(10)]
    answers += [{"satisfaction": 3, "stuck": "money", "stuck_story": "Geld kwam laat"}] * 2
    answers += [{"satisfaction": 3, "stuck": "money"}] * 3
    answer_many(world, SurveyKind.INITIATOR_AGREEMENT, answers)
    results = survey_results(world.survey(SurveyKind.INITIATOR_AGREEMENT))
    (story,) = results.open_answers
    assert [(g.key, g.answers, len(g.texts)) for g in story.groups] == [("permits", 10, 10)]
    assert story.hidden_answers == 2
    assert all("Geld" not in text for g in story.groups for text in g.texts)
