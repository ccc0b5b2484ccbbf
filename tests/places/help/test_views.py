"""The help pages: each district's helpdesk in the reader's language, and the links that lead there."""

from __future__ import annotations

import pytest
from django.test import Client

from editions.models import BallotFormat, Edition
from places.help.selectors import phone_link, whatsapp_link
from places.help.services import HelpLocationDetails, set_up_help_desk
from places.models import District
from tests.voting.views.resident import make_format_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def help_desk(district: District) -> None:
    set_up_help_desk(
        district=district,
        address="Osdorpplein 1",
        phone="020 123 4567",
        whatsapp="06 1234 5678",
        opening_hours="ma–vr 9:00–17:00",
        translations={"en": {"opening_hours": "Mon–Fri 9:00–17:00"}},
        locations=[
            HelpLocationDetails(
                name="Buurthuis De Aker", address="Aker 2", assisted_voting=True, notes="Hulp in het Turks"
            )
        ],
    )


def test_the_district_page_shows_the_helpdesk_and_where_to_vote_with_help(
    client: Client, district: District, help_desk: None
) -> None:
    page = client.get(f"/hulp/{district.slug}/").content.decode()

    assert "020 123 4567" in page and 'href="tel:0201234567"' in page
    assert 'href="https://wa.me/31612345678"' in page
    assert "Buurthuis De Aker" in page and "Je kunt hier stemmen met hulp." in page


def test_a_translated_text_is_shown_and_a_missing_one_is_dutch_and_marked(
    client: Client, district: District, help_desk: None
) -> None:
    page = client.get(f"/en/hulp/{district.slug}/").content.decode()

    assert "Mon–Fri 9:00–17:00" in page and "ma–vr" not in page
    assert '<div class="site-shown" lang="nl" dir="ltr"><p>Hulp in het Turks</p></div>' in page
    assert "(in Dutch)" in page


def test_a_district_without_a_helpdesk_says_so_and_an_unknown_one_is_not_found(
    client: Client, district: District
) -> None:
    assert "nog niet" in client.get(f"/hulp/{district.slug}/").content.decode()
    assert client.get("/hulp/bestaat-niet/").status_code == 404


def test_the_list_names_every_district(client: Client, district: District, other_district: District) -> None:
    page = client.get("/hulp/").content.decode()

    assert f'href="/hulp/{district.slug}/"' in page and f'href="/hulp/{other_district.slug}/"' in page


def test_the_footer_leads_to_the_help_of_the_pages_district_or_else_to_the_list(
    client: Client, edition: Edition, district: District
) -> None:
    assert f'href="/hulp/{district.slug}/"' in client.get(edition.get_absolute_url()).content.decode()
    assert 'href="/hulp/"' in client.get("/hoe-werkt-het/").content.decode()


def test_a_wrong_voting_code_leads_to_the_districts_helpdesk(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)

    page = client.post(f"/stemmen/{edition.slug}/", {"code": "AAAA-BBBB-CCCC-DDDD-E"}).content.decode()

    assert "De helpdesk helpt je" in page
    assert page.count(f'href="/hulp/{edition.district.slug}/"') >= 2  # the error's link and the footer's


@pytest.mark.parametrize(
    ("number", "link"),
    [
        ("06 1234 5678", "https://wa.me/31612345678"),
        ("+31 6 1234 5678", "https://wa.me/31612345678"),
        ("0031 6 1234 5678", "https://wa.me/31612345678"),
    ],
)
def test_whatsapp_links_use_the_international_number(number: str, link: str) -> None:
    assert whatsapp_link(number) == link
    assert phone_link("+31 20 123 4567") == "tel:+31201234567"
