"""The live turnout page: officials of the district only, refreshing itself during the vote, no ballots."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from accounts.models import Role
from editions.models import Edition
from places.models import District
from tests import factories

from .conftest import Place
from .voters import add_voters


def _url(edition: Edition) -> str:
    return reverse("evaluation:live_turnout", kwargs={"slug": edition.slug})


def test_an_official_sees_turnout_per_neighbourhood_and_the_laggards_refreshing_every_30_seconds(
    client: Client, place: Place
) -> None:
    add_voters(place.edition, place.aker, online=100, paper=19)
    add_voters(place.edition, place.bos, online=35)
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=place.edition.district))
    page = client.get(_url(place.edition)).content.decode()
    assert 'hx-trigger="every 30s"' in page and f'hx-get="{_url(place.edition)}"' in page
    assert "Aker" in page and "10,0 %" in page and "5,0 %" in page and 'class="bb-lags"' in page
    assert page.count('class="bb-lags"') == 1 and 'id="live-turnout"' in page and "<svg" in page
    assert "Nu verversen" in page  # a refresh link for those without JavaScript
    partial = client.get(_url(place.edition), headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<section id="live-turnout"') and "<html" not in partial


def test_after_the_vote_the_page_shows_the_figures_without_refreshing(
    client: Client, district: District
) -> None:
    factories.make_neighbourhood(district=district, name="Aker")
    edition = factories.make_edition_in_phase("result", district=district)
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=district))
    response = client.get(_url(edition))
    assert response.status_code == 200 and "hx-trigger" not in response.content.decode()


def test_others_are_kept_out_and_an_edition_without_a_vote_has_no_such_page(
    client: Client, place: Place, other_district: District
) -> None:
    url = _url(place.edition)
    assert client.get(url).status_code == 302
    for person in (
        factories.make_user(),
        factories.make_staff(role=Role.OFFICIAL, district=other_district),
        factories.make_staff(role=Role.REVIEWER, district=place.edition.district),
    ):
        client.force_login(person)
        assert client.get(url).status_code == 403
    panel = factories.make_edition_in_phase(
        "decision", district=place.edition.district, decision_model="panel"
    )
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=place.edition.district))
    assert client.get(_url(panel)).status_code == 404
