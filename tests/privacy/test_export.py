"""The download holds the resident's own rows from every app, and none of another resident's."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from deliberation.models import Respondent
from editions.models import Edition
from privacy.selectors import personal_data
from tests.execution.factories import owner_of, published_projects

from .world import make_world

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_residents_rows_and_not_another_residents(edition: Edition) -> None:
    world = make_world(edition)

    data = personal_data(world.anna)
    text = json.dumps(data, ensure_ascii=False)

    assert data["account"]["email"] == "anna@example.org"
    assert {plan["title"] for plan in data["plans"]} == {"Bankjes in het park", "Nog geheim"}
    assert [like["plan_title"] for like in data["likes"]] == ["Moestuin"]
    assert [comment["comment"] for comment in data["comments"]] == ["Goed idee, Bram!"]
    assert len(data["follows"]) == 1 and len(data["notifications"]) == 1
    assert "bram@example.org" not in text and "Bram's" not in text and "Dank je" not in text


def test_a_panel_sign_up_under_the_confirmed_address_is_in_it_with_its_contact_details(
    edition: Edition,
) -> None:
    world = make_world(edition)
    Respondent.objects.create(
        edition=edition,
        pool_id="P1",
        consent_at=world.anna.date_joined,
        name="Anna A.",
        email="ANNA@example.org",
        phone="0612345678",
        features={"buurt": "osdorp"},
    )
    Respondent.objects.create(
        edition=edition, pool_id="P2", consent_at=world.anna.date_joined, email="bram@example.org"
    )

    panel = personal_data(world.anna)["panel"]

    assert [(row["name"], row["phone"]) for row in panel] == [("Anna A.", "0612345678")]
    world.anna.email_verified_at = None
    assert personal_data(world.anna)["panel"] == []


def test_a_project_owner_gets_their_project_and_no_ballot_or_answer_is_in_it() -> None:
    _edition, _plans, _official, projects = published_projects()
    owner = owner_of(projects[0])

    data = personal_data(owner)

    assert [project["project"] for project in data["projects"]] == [projects[0].pk]
    assert "ballot" not in json.dumps(data["projects"]) and "stembiljetten staan er niet in" in data["about"]


def test_the_download_is_one_json_file_for_the_signed_in_resident_only(
    client: Client, edition: Edition
) -> None:
    world = make_world(edition)
    assert client.post("/privacy/mijn-gegevens/download/").status_code == 302  # to the login page

    client.force_login(world.anna)
    response = client.post("/privacy/mijn-gegevens/download/")

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="buurtbudget-mijn-gegevens-')
    assert json.loads(response.content)["account"]["email"] == "anna@example.org"
    assert client.get("/privacy/mijn-gegevens/download/").status_code == 405
