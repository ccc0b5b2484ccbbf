"""The home page's next steps and "find your neighbourhood": postcode → district, neighbourhood, steps."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from outreach.models import Address
from places.models import District, Neighbourhood
from places.postcodes.services import PostcodeLine, replace_postcode_table
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def finder(language: str = "en", **query: object) -> str:
    with translation.override(language):
        path = reverse("pages:neighbourhood")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def osdorp(district: District) -> Neighbourhood:
    return factories.make_neighbourhood(district=district, name="Osdorp")


@pytest.fixture
def voting_edition(district: District) -> Edition:
    return factories.make_edition_in_phase("decision", district=district, name="Buurtbudget Nieuw-West 2027")


def test_home_offers_one_big_action_per_running_edition(client: Client, voting_edition: Edition) -> None:
    factories.make_edition_in_phase("plans", district=voting_edition.district, name="Buurtbudget West 2028")
    body = page_text(client.get("/en/"))
    assert body.count("site-step__action") == 2
    assert "Vote now" in body and "Submit a plan" in body
    with translation.override("en"):
        assert reverse("voting:start", kwargs={"slug": voting_edition.slug}) in body


def test_home_has_the_postcode_form(client: Client) -> None:
    body = page_text(client.get("/"))
    assert f'action="{finder("nl")}"' in body and 'name="postcode"' in body


def test_a_postcode_in_the_table_leads_to_its_neighbourhood_and_what_is_open(
    client: Client, district: District, osdorp: Neighbourhood, voting_edition: Edition
) -> None:
    replace_postcode_table(district=district, lines=[PostcodeLine(postcode="1068 AB", neighbourhood=osdorp)])
    body = page_text(client.get(finder(postcode="1068ab")))
    assert "You live in Osdorp, Nieuw-West" in body
    assert "Vote now" in body and voting_edition.name in body


def test_a_split_postcode_asks_for_the_house_number_then_finds_the_neighbourhood(
    client: Client, district: District, osdorp: Neighbourhood
) -> None:
    geuzenveld = factories.make_neighbourhood(district=district, name="Geuzenveld")
    replace_postcode_table(
        district=district,
        lines=[
            PostcodeLine(postcode="1068 AB", neighbourhood=osdorp, first_number=1, last_number=49),
            PostcodeLine(postcode="1068 AB", neighbourhood=geuzenveld, first_number=50, last_number=99),
        ],
    )
    asked = page_text(client.get(finder(postcode="1068 AB")))
    assert "lies in more than one neighbourhood. Add your house number." in asked
    assert "You live in" not in asked
    assert "You live in Geuzenveld" in page_text(client.get(finder(postcode="1068 AB", number=52)))
    assert "We don't know house number 120" in page_text(client.get(finder(postcode="1068 AB", number=120)))


def test_without_a_table_the_address_lists_of_the_votes_answer(
    client: Client, osdorp: Neighbourhood, voting_edition: Edition
) -> None:
    Address.objects.create(
        edition=voting_edition,
        street_address="Baden Powellweg 12",
        postcode="1069 LD",
        neighbourhood=osdorp,
        eligible_count=2,
    )
    assert "You live in Osdorp" in page_text(client.get(finder(postcode="1069LD")))


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("hello", "is not a Dutch postcode"),
        ("1068 SS", "is not a Dutch postcode"),
        ("9999 ZZ", "We don&#x27;t know the postcode 9999 ZZ"),
    ],
)
def test_a_bad_or_unknown_postcode_gets_a_clear_message(client: Client, postcode: str, message: str) -> None:
    response = client.get(finder(postcode=postcode))
    body = page_text(response)
    assert response.status_code == 200
    assert message.replace("&#x27;", "'") in body.replace("&#x27;", "'")
    assert "You live in" not in body


def test_the_finder_page_answers_in_dutch(client: Client, district: District, osdorp: Neighbourhood) -> None:
    replace_postcode_table(district=district, lines=[PostcodeLine(postcode="1068 AB", neighbourhood=osdorp)])
    body = page_text(client.get(finder("nl", postcode="1068AB")))
    assert "Osdorp" in body and 'lang="nl"' in body
