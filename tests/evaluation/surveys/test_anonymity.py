"""The voter survey cannot be joined to a ballot, a code or a voter (docs/evaluation.md).

A real ballot is cast with a voting code through the vote's pages; the voter answers the survey with
the pass their receipt carries; then nothing stored with the answer holds or points at the voter.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import models
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from common import codes
from editions.models import Edition
from evaluation.models import Response, Survey, SurveyKind, SurveyTicket
from evaluation.surveys.services import set_up_surveys
from proposals.models import Plan
from tests import factories
from tests.voting.views.resident import cast, open_ballot, token_of
from voting.models import Ballot, Voter

PASS = re.compile(r'name="survey_pass" value="([^"]+)"')
RECEIPT = re.compile(r'id="receipt-number">([^<]+)<')


@pytest.fixture
def vote(db: None) -> tuple[Edition, list[Plan], Survey]:
    edition, plans = factories.make_vote(ballot_max_choices=2)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    set_up_surveys(edition=edition, by=official)
    return edition, plans, Survey.objects.get(edition=edition, kind=SurveyKind.VOTER)


def cast_and_get_pass(client: Client, edition: Edition, code: str, plan: Plan) -> tuple[str, str]:
    """Cast a ballot for ``plan`` with ``code`` through the pages; (the receipt's survey pass, its number)."""
    token = token_of(open_ballot(client, edition, code))
    page = cast(client, edition, token, {"s-main": [str(plan.pk)]}).content.decode()
    found, receipt = PASS.search(page), RECEIPT.search(page)
    assert found and receipt, "the receipt offers no survey"
    return found.group(1), receipt.group(1).strip()


def answer(client: Client, survey: Survey, survey_pass: str, **answers: Any) -> Any:
    with translation.override("en"):
        url = reverse("evaluation:answer_voter", args=[survey.pk])
    data = {"survey_pass": survey_pass, "intent": "answer", **{f"q-{k}": v for k, v in answers.items()}}
    return client.post(url, data)


def row_text(instance: models.Model) -> str:
    return repr(sorted(model_to_dict(instance).items(), key=str)) + repr(instance.pk)


def test_a_voter_survey_answer_holds_nothing_of_the_voter_ballot_or_code(vote: Any) -> None:
    edition, plans, survey = vote
    neighbourhood = factories.make_neighbourhood(district=edition.district, name="Osdorp")
    voter, code = factories.make_voter(edition=edition, neighbourhood=neighbourhood)
    client = Client()
    survey_pass, receipt = cast_and_get_pass(client, edition, code, plans[0])
    questions = client.post(
        reverse("evaluation:answer_voter", args=[survey.pk]), {"survey_pass": survey_pass}
    )
    assert 'name="q-ease"' in questions.content.decode()
    done = answer(
        client, survey, survey_pass, ease="4", satisfaction="5", heard=["letter", "people"], age_band="25-39"
    )
    assert done.status_code == 200

    response, ticket, ballot = Response.objects.get(), SurveyTicket.objects.get(), Ballot.objects.get()
    secrets = [
        voter.credential_hash,
        code,
        codes.normalise(code),
        ballot.slot,
        str(ballot.pk),
        ballot.receipt,
    ]
    secrets.append(receipt)
    stored = row_text(response) + row_text(ticket)
    for secret in secrets:
        assert secret not in stored
    # The response's only references: its survey and the voter's neighbourhood (by design); no project.
    assert (response.survey_id, response.neighbourhood_id, response.project_id) == (
        survey.pk,
        neighbourhood.pk,
        None,
    )
    assert response.answers == {
        "ease": 4,
        "satisfaction": 5,
        "heard": ["letter", "people"],
        "age_band": "25-39",
    }
    assert voter.pk not in [
        v for k, v in model_to_dict(response).items() if k not in ("survey", "neighbourhood")
    ]
    # Nothing points from the answer to the vote, or from the ticket to the answer.
    fields = {f.name: f for f in Response._meta.get_fields() if f.concrete}
    assert set(fields) == {"id", "survey", "project", "neighbourhood", "submitted_on", "answers"}
    related = [f.related_model for f in fields.values() if isinstance(f.related_model, type)]
    labels = {m._meta.label for m in related if issubclass(m, models.Model)}
    assert not any(label.startswith("voting.") for label in labels)
    assert labels == {
        "evaluation.Survey",
        "execution.Project",
        "places.Neighbourhood",
    }
    assert {f.name for f in SurveyTicket._meta.get_fields() if f.concrete} == {"id", "survey", "holder_hash"}
    assert ticket.pk != response.pk
    # Its only time is a day.
    assert isinstance(Response._meta.get_field("submitted_on"), models.DateField)
    assert not isinstance(Response._meta.get_field("submitted_on"), models.DateTimeField)
    assert not any(isinstance(f, models.DateTimeField) for f in fields.values())
    assert Voter.objects.get(pk=voter.pk).ballots_cast == 1


def test_a_second_answer_is_refused_even_after_the_voter_changed_their_ballot(vote: Any) -> None:
    edition, plans, survey = vote
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    first_pass, _receipt = cast_and_get_pass(client, edition, code, plans[0])
    assert answer(client, survey, first_pass, satisfaction="3").status_code == 200
    second_pass, _receipt = cast_and_get_pass(
        client, edition, code, plans[1]
    )  # the voter changes their ballot
    again = answer(client, survey, second_pass, satisfaction="5")
    assert again.status_code == 409
    assert "already answered" in again.content.decode()
    assert [r.answers for r in Response.objects.all()] == [{"satisfaction": 3}]
    assert SurveyTicket.objects.count() == 1


def test_an_answer_outside_the_scale_is_refused_and_nothing_is_saved(vote: Any) -> None:
    edition, plans, survey = vote
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    survey_pass, _receipt = cast_and_get_pass(client, edition, code, plans[0])
    page = answer(client, survey, survey_pass, ease="9", satisfaction="4")
    assert page.status_code == 400
    assert "must be between 1 and 5" in page.content.decode()
    assert (Response.objects.count(), SurveyTicket.objects.count()) == (0, 0)
    assert answer(client, survey, survey_pass, ease="5", satisfaction="4").status_code == 200


def test_a_tampered_or_foreign_pass_is_refused(vote: Any) -> None:
    edition, plans, survey = vote
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    survey_pass, _receipt = cast_and_get_pass(client, edition, code, plans[0])
    assert answer(client, survey, survey_pass[:-2] + "xx", satisfaction="4").status_code == 403
    other, _ = factories.make_vote()
    other_survey = Survey.objects.create(edition=other, kind=SurveyKind.VOTER, title="Andere")
    assert answer(client, other_survey, survey_pass).status_code == 403
    assert Response.objects.count() == 0


def test_the_receipt_offers_no_survey_when_the_edition_has_no_open_voter_survey(vote: Any) -> None:
    edition, plans, survey = vote
    Survey.objects.filter(pk=survey.pk).update(is_open=False)
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    token = token_of(open_ballot(client, edition, code))
    page = cast(client, edition, token, {"s-main": [str(plans[0].pk)]}).content.decode()
    assert "survey_pass" not in page
    assert "receipt-number" in page


def test_the_survey_pass_never_travels_in_a_url_so_no_server_log_holds_it(vote: Any) -> None:
    edition, plans, survey = vote
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    token = token_of(open_ballot(client, edition, code))
    page = cast(client, edition, token, {"s-main": [str(plans[0].pk)]}).content.decode()
    found = PASS.search(page)
    assert found
    urls = re.findall(r'(?:href|action|src)="([^"]*)"', page)
    assert urls and not any(found.group(1) in url for url in urls)
    assert re.search(r'<form method="post" action="[^"]*">[^<]*<input[^>]*csrfmiddlewaretoken', page)
    with translation.override("en"):
        url = reverse("evaluation:answer_voter", args=[survey.pk])
    # The answer page takes the pass only from a POST body: a query string (which a log keeps) is refused.
    assert client.get(url, {"survey_pass": found.group(1)}).status_code == 405


def test_the_language_switch_on_the_voter_survey_keeps_the_answers_and_records_nothing(vote: Any) -> None:
    edition, plans, survey = vote
    _voter, code = factories.make_voter(edition=edition)
    client = Client()
    survey_pass, _receipt = cast_and_get_pass(client, edition, code, plans[0])
    with translation.override("ar"):
        url = reverse("evaluation:answer_voter", args=[survey.pk])
    data = {"survey_pass": survey_pass, "intent": "answer", "q-ease": "4", "language_switch": "ar"}
    page = client.post(url, data).content.decode()
    assert '<html lang="ar" dir="rtl"' in page and 'form="survey-form"' in page
    assert re.search(r'name="q-ease" value="4"[^>]*checked', page), "the answer given is kept"
    assert (Response.objects.count(), SurveyTicket.objects.count()) == (0, 0)
