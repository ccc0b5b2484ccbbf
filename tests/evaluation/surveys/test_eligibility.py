"""Who may answer which survey, seen from the side of those who may not."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import Role
from deliberation.models import Draw, PanelDecision, PanelMember, Respondent
from evaluation.models import Response, SurveyKind
from evaluation.surveys.eligibility import months_before, open_offers, user_may_answer
from evaluation.surveys.services import answer_as_panel_member, answer_as_user
from tests import factories
from tests.execution.factories import make_other_official, owner_of
from tests.refusals import refused

from .conftest import World, complete, put_agreement_in_force


def test_an_initiator_answers_the_agreement_survey_once_per_project_of_theirs(world: World) -> None:
    mine, theirs = world.projects
    put_agreement_in_force(mine)
    put_agreement_in_force(theirs)
    survey, owner = world.survey(SurveyKind.INITIATOR_AGREEMENT), owner_of(mine)
    assert user_may_answer(survey, owner, mine)
    refused(lambda: answer_as_user(survey=survey, user=owner, answers={}, project=theirs), "not_eligible")
    answer_as_user(survey=survey, user=owner, answers={"satisfaction": 4, "stuck": "permits"}, project=mine)
    response = Response.objects.get()
    assert (response.project_id, response.neighbourhood_id) == (mine.pk, mine.plan.neighbourhood_id)
    refused(
        lambda: answer_as_user(survey=survey, user=owner, answers={"satisfaction": 2}, project=mine),
        "already_answered",
    )


def test_the_agreement_survey_waits_for_the_agreement_and_the_completion_survey_for_completion(
    world: World,
) -> None:
    project, owner = world.projects[0], owner_of(world.projects[0])
    agreement, completion = (
        world.survey(SurveyKind.INITIATOR_AGREEMENT),
        world.survey(SurveyKind.INITIATOR_COMPLETION),
    )
    assert not user_may_answer(agreement, owner, project)
    assert not user_may_answer(completion, owner, project)
    complete(project)
    assert user_may_answer(completion, owner, project)


def test_officials_of_another_district_and_anonymous_visitors_may_not_answer(world: World) -> None:
    survey = world.survey(SurveyKind.OFFICIAL)
    assert user_may_answer(survey, world.official)  # the result is published
    assert not user_may_answer(survey, make_other_official())
    assert not user_may_answer(survey, AnonymousUser())
    assert not user_may_answer(survey, factories.make_user())
    refused(lambda: answer_as_user(survey=survey, user=make_other_official(), answers={}), "not_eligible")


def test_residents_answer_about_a_project_six_months_after_its_completion(world: World) -> None:
    project, resident = world.projects[0], factories.make_user()
    six, twelve = world.survey(SurveyKind.PROJECT_USE_6), world.survey(SurveyKind.PROJECT_USE_12)
    complete(project, days_ago=100)
    assert not user_may_answer(six, resident, project)
    complete(project, days_ago=200)
    assert user_may_answer(six, resident, project)
    assert not user_may_answer(twelve, resident, project)
    assert not user_may_answer(six, AnonymousUser(), project)
    assert [(o.survey.kind, o.project) for o in open_offers(resident)] == [
        (SurveyKind.PROJECT_USE_6, project)
    ]
    answer_as_user(survey=six, user=resident, answers={"use": "often", "satisfaction": 4}, project=project)
    assert open_offers(resident) == []


def test_months_before_keeps_the_day_or_takes_the_months_last_day() -> None:
    moment = timezone.now().replace(year=2027, month=8, day=31)
    assert months_before(moment, 6).date().isoformat() == "2027-02-28"
    assert months_before(moment, 12).date().isoformat() == "2026-08-31"


def test_only_members_of_the_accepted_draw_answer_the_panel_survey_once_it_decided(world: World) -> None:
    edition, facilitator = (
        world.edition,
        factories.make_staff(role=Role.FACILITATOR, district=world.edition.district),
    )
    now = timezone.now()
    member, outsider = (
        Respondent.objects.create(edition=edition, pool_id=f"P{i}", consent_at=now, email=f"p{i}@example.org")
        for i in range(2)
    )
    draw = Draw.objects.create(
        edition=edition,
        status="done",
        seed=1,
        algorithm="legacy",
        panel_size=1,
        library_version="x",
        drawn_by=facilitator,
        is_current=True,
    )
    PanelMember.objects.create(draw=draw, respondent=member, pool_id=member.pool_id)
    survey = world.survey(SurveyKind.PANEL_MEMBER)
    answers = {"satisfaction": 4}
    refused(lambda: answer_as_panel_member(survey=survey, respondent=member, answers=answers), "not_eligible")
    PanelDecision.objects.create(
        edition=edition, method="consensus", recorded_by=facilitator, recorded_at=now - timedelta(days=1)
    )
    refused(
        lambda: answer_as_panel_member(survey=survey, respondent=outsider, answers=answers), "not_eligible"
    )
    answer_as_panel_member(survey=survey, respondent=member, answers=answers)
    refused(
        lambda: answer_as_panel_member(survey=survey, respondent=member, answers=answers), "already_answered"
    )
