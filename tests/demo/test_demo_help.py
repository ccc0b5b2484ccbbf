"""The demo has a help page for every district, with places to vote with help in the pilot districts."""

from __future__ import annotations

from django.test import Client

from common.translated.fields import other_languages
from places.models import District, HelpDesk, HelpLocation


def test_every_demo_district_has_a_helpdesk_in_every_language_the_site_offers(demo: None) -> None:
    desks = HelpDesk.objects.select_related("district")

    assert {desk.district.slug for desk in desks} == set(District.objects.values_list("slug", flat=True))
    for desk in desks:
        assert set(desk.translations) == set(other_languages())  # en, and tr and ar once offered


def test_the_pilot_districts_name_places_to_vote_with_help(demo: None, client: Client) -> None:
    for slug in ("nieuw-west", "zuidoost", "noord"):
        assert HelpLocation.objects.filter(district__slug=slug, assisted_voting=True).count() >= 2
    page = client.get("/en/hulp/zuidoost/").content.decode()
    assert "Buurthuis Kraaiennest" in page and "Help in Turkish and Arabic." in page
