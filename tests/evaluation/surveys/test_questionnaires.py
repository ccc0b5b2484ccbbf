"""Setting up and editing the questionnaires: the standard templates in Dutch, once; officials only."""

from __future__ import annotations

from django.utils import translation

from audit.models import AuditEntry
from common.errors import ServiceError
from evaluation.models import Question, QuestionKind, QuestionRole, Survey, SurveyKind
from evaluation.surveys.services import (
    QuestionData,
    answer_survey,
    move_question,
    remove_question,
    save_question,
    set_survey_open,
    set_up_surveys,
    update_survey,
)
from tests.execution.factories import make_other_official
from tests.refusals import refused

from .conftest import World


def test_setting_up_creates_one_survey_per_kind_in_dutch_and_is_idempotent(world: World) -> None:
    assert set(Survey.objects.filter(edition=world.edition).values_list("kind", flat=True)) == set(SurveyKind)
    voter = world.survey(SurveyKind.VOTER)
    assert voter.title == "Hoe was het stemmen?"
    roles = set(voter.questions.values_list("role", flat=True))
    assert {"age_band", "gender", "first_time", "voted_municipal", "satisfaction"} <= roles
    age = voter.questions.get(role=QuestionRole.AGE_BAND)
    assert [c["key"] for c in age.choices] == ["16-24", "25-39", "40-64", "65-plus", "prefer_not"]
    assert not age.required
    assert set_up_surveys(edition=world.edition, by=world.official) == []
    assert Survey.objects.filter(edition=world.edition).count() == len(SurveyKind)
    assert AuditEntry.objects.filter(action="evaluation.surveys_set_up").count() == 1


def test_the_initiators_survey_has_a_category_question_with_the_blocker_categories(world: World) -> None:
    survey = world.survey(SurveyKind.INITIATOR_COMPLETION)
    category = survey.questions.get(role=QuestionRole.CATEGORY)
    keys = [c["key"] for c in category.choices]
    assert keys[:6] == ["permits", "money", "district_response", "volunteers", "location", "other"]
    assert survey.questions.filter(kind=QuestionKind.TEXT).exists()


def test_an_official_of_another_district_cannot_set_up_or_edit(world: World) -> None:
    stranger = make_other_official()
    refused(lambda: set_up_surveys(edition=world.edition, by=stranger), "not_district")
    survey = world.survey(SurveyKind.OFFICIAL)
    refused(
        lambda: update_survey(survey=survey, by=stranger, title="X", introduction=""),
        "not_district",
        unchanged=lambda: Survey.objects.get(pk=survey.pk).title,
    )


def test_officials_edit_add_move_remove_and_close(world: World) -> None:
    survey = world.survey(SurveyKind.OFFICIAL)
    update_survey(survey=survey, by=world.official, title="Terugblik", introduction="Kort.")
    data = QuestionData(key="werkdruk", kind="scale", text="Hoe zwaar was het?", scale_min=1, scale_max=3)
    added = save_question(survey=survey, by=world.official, data=data)
    keys = list(survey.questions.values_list("key", flat=True))
    assert keys[-1] == "werkdruk"
    move_question(question=added, by=world.official, offset=-1)
    assert list(survey.questions.values_list("key", flat=True))[-2] == "werkdruk"
    remove_question(question=added, by=world.official)
    assert not survey.questions.filter(key="werkdruk").exists()
    set_survey_open(survey=survey, by=world.official, is_open=False)
    survey.refresh_from_db()
    assert (survey.title, survey.is_open) == ("Terugblik", False)


def test_a_question_with_answers_keeps_its_kind_and_choice_keys(world: World) -> None:
    survey = world.survey(SurveyKind.VOTER)
    answer_survey(survey=survey, holder="voter:x", answers={"again": "yes", "satisfaction": 4})
    again = survey.questions.get(key="again")
    renamed = QuestionData(
        key="again",
        kind="single",
        text="Opnieuw?",
        choices=[{"key": "ja", "label": "Ja"}, {"key": "nee", "label": "Nee"}],
    )
    error: ServiceError = refused(
        lambda: save_question(survey=survey, by=world.official, data=renamed, question=again),
        "has_answers",
        unchanged=lambda: Question.objects.get(pk=again.pk).choices,
    )
    with translation.override("en"):
        assert "its kind and its options' keys cannot change" in error.message
    same_keys = QuestionData(key="again", kind="single", text="Zou u weer stemmen?", choices=again.choices)
    save_question(survey=survey, by=world.official, data=same_keys, question=again)
    assert Question.objects.get(pk=again.pk).text == "Zou u weer stemmen?"


def test_a_bad_question_is_refused_with_its_reason(world: World) -> None:
    survey = world.survey(SurveyKind.OFFICIAL)
    count = survey.questions.count
    bad_scale = QuestionData(key="x", kind="scale", text="X?", scale_min=5, scale_max=5)
    refused(
        lambda: save_question(survey=survey, by=world.official, data=bad_scale),
        "scale_not_valid",
        unchanged=count,
    )
    one_choice = QuestionData(key="x", kind="single", text="X?", choices=[{"key": "a", "label": "A"}])
    refused(
        lambda: save_question(survey=survey, by=world.official, data=one_choice),
        "choices_required",
        unchanged=count,
    )
    taken = QuestionData(key="satisfaction", kind="text", text="X?")
    refused(lambda: save_question(survey=survey, by=world.official, data=taken), "key_taken", unchanged=count)
