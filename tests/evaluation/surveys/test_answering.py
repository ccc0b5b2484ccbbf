"""Answering: every answer checked, a closed survey refused, one answer per holder, also when racing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from common.errors import ServiceError
from evaluation.models import Response, SurveyKind, SurveyTicket
from evaluation.surveys.holders import holder_hash
from evaluation.surveys.services import answer_survey
from tests.concurrency import run_at_once
from tests.refusals import refused

from .conftest import World


def stored() -> tuple[int, int]:
    return Response.objects.count(), SurveyTicket.objects.count()


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"satisfaction": 0}, "out_of_scale"),
        ({"satisfaction": "6"}, "out_of_scale"),
        ({"satisfaction": "veel"}, "not_a_number"),
        ({"satisfaction": True}, "not_a_number"),
        ({"satisfaction": 3, "again": "misschien"}, "unknown_choice"),
        ({"satisfaction": 3, "heard": ["letter", "radio"]}, "unknown_choice"),
        ({"satisfaction": 3, "shoe_size": 42}, "unknown_question"),
        ({"ease": 3}, "answer_required"),
    ],
)
def test_a_bad_answer_is_refused_and_nothing_is_saved(
    world: World, answers: dict[str, object], code: str
) -> None:
    survey = world.survey(SurveyKind.VOTER)
    refused(lambda: answer_survey(survey=survey, holder="voter:a", answers=answers), code, unchanged=stored)


def test_a_too_long_open_answer_is_refused(world: World) -> None:
    survey = world.survey(SurveyKind.PROJECT_USE_6)
    answers = {"use": "often", "satisfaction": 4, "remark": "x" * 2001}
    error: ServiceError = refused(
        lambda: answer_survey(survey=survey, holder="user:1", answers=answers),
        "text_too_long",
        unchanged=stored,
    )
    assert "2000" in error.message


def test_answers_are_stored_as_keys_and_numbers_with_the_day_only(world: World) -> None:
    survey = world.survey(SurveyKind.VOTER)
    moment = timezone.now().replace(year=2027, month=5, day=12, hour=23, minute=30)
    answers = {"satisfaction": " 4 ", "heard": ["social", "letter", "letter"], "again": "", "gender": "man"}
    response = answer_survey(survey=survey, holder="voter:a", answers=answers, at=moment)
    response.refresh_from_db()
    assert response.answers == {"satisfaction": 4, "heard": ["letter", "social"], "gender": "man"}
    assert response.submitted_on == timezone.localdate(moment)


def test_a_closed_survey_takes_no_answers(world: World) -> None:
    survey = world.survey(SurveyKind.VOTER)
    survey.is_open = False
    survey.save()
    refused(
        lambda: answer_survey(survey=survey, holder="voter:a", answers={"satisfaction": 3}),
        "survey_closed",
        unchanged=stored,
    )


def test_the_ticket_holds_a_keyed_hash_that_differs_per_survey(world: World) -> None:
    voter, official = world.survey(SurveyKind.VOTER), world.survey(SurveyKind.OFFICIAL)
    answer_survey(survey=voter, holder="user:7", answers={"satisfaction": 3})
    ticket = SurveyTicket.objects.get()
    assert ticket.holder_hash == holder_hash(voter, "user:7") != holder_hash(official, "user:7")
    assert "user:7" not in ticket.holder_hash and len(ticket.holder_hash) == 64


@pytest.mark.django_db(transaction=True)
def test_two_answers_by_the_same_holder_at_once_leave_one_ticket_and_one_response() -> None:
    from accounts.models import Role
    from evaluation.models import Survey
    from evaluation.surveys.services import set_up_surveys
    from tests import factories

    edition = factories.make_edition()
    set_up_surveys(edition=edition, by=factories.make_staff(role=Role.OFFICIAL, district=edition.district))
    survey = Survey.objects.get(edition=edition, kind=SurveyKind.VOTER)

    def call(points: int) -> None:
        answer_survey(survey=survey, holder="voter:race", answers={"satisfaction": points})

    outcomes = run_at_once([lambda: call(2), lambda: call(5)])
    assert sorted(outcomes) == ["already_answered", "ok"]
    assert stored() == (1, 1)
