"""The survey pages: officials edit and read results; residents answer and see their open surveys."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import translation

from evaluation.models import Response, SurveyKind
from evaluation.surveys.services import answer_survey
from tests.execution.factories import make_other_official, owner_of

from .conftest import World, complete


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"evaluation:{name}", args=args)


def test_officials_see_the_surveys_and_others_are_refused(world: World) -> None:
    client = Client()
    client.force_login(world.official)
    page = client.get(url("surveys", world.edition.slug))
    assert page.status_code == 200 and "Set up" not in page.content.decode()
    assert client.get(url("survey", world.edition.slug, "voter")).status_code == 200
    assert client.get(url("question_add", world.edition.slug, "voter")).status_code == 200
    client.force_login(make_other_official())
    assert client.get(url("surveys", world.edition.slug)).status_code == 403


def test_an_official_adds_a_question_and_a_bad_one_shows_its_reason(world: World) -> None:
    client = Client()
    client.force_login(world.official)
    data = {"key": "tijd", "text": "Hoeveel tijd kostte het?", "kind": "single", "choices": "weinig: Weinig"}
    page = client.post(url("question_add", world.edition.slug, "official"), data)
    assert page.status_code == 400 and "at least two options" in page.content.decode()
    data["choices"] = "weinig: Weinig\nveel: Veel"
    assert client.post(url("question_add", world.edition.slug, "official"), data).status_code == 302
    assert world.survey(SurveyKind.OFFICIAL).questions.filter(key="tijd").exists()


def test_results_page_says_what_is_hidden(world: World) -> None:
    survey = world.survey(SurveyKind.VOTER)
    for n in range(3):
        answer_survey(survey=survey, holder=f"h{n}", answers={"satisfaction": 4})
    client = Client()
    client.force_login(world.official)
    page = client.get(url("survey_results", world.edition.slug, "voter")).content.decode()
    assert "3 answers so far: not shown, fewer than 10." in page


def test_an_initiator_finds_and_answers_their_completion_survey(world: World) -> None:
    project = world.projects[0]
    complete(project)
    client = Client()
    client.force_login(owner_of(project))
    mine = client.get(url("my_surveys")).content.decode()
    answer_url = url("answer_project", world.survey(SurveyKind.INITIATOR_COMPLETION).pk, project.pk)
    assert answer_url in mine
    assert client.post(answer_url, {"q-satisfaction": "9"}).status_code == 400
    assert client.post(answer_url, {"q-satisfaction": "4", "q-stuck": "money"}).status_code == 200
    assert Response.objects.get().answers == {"satisfaction": 4, "stuck": "money"}
    assert answer_url not in client.get(url("my_surveys")).content.decode()
    assert client.post(answer_url, {"q-satisfaction": "2"}).status_code == 409


def test_someone_elses_project_survey_is_refused(world: World) -> None:
    complete(world.projects[0])
    client = Client()
    client.force_login(owner_of(world.projects[1]))
    answer_url = url("answer_project", world.survey(SurveyKind.INITIATOR_COMPLETION).pk, world.projects[0].pk)
    assert client.get(answer_url).status_code == 403
    assert Client().get(answer_url).status_code == 302  # anonymous: to the login page
