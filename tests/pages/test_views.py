"""Public pages in Dutch and English: home, district, edition, about, accessibility and the error pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from editions.models import Edition
from editions.phases import PHASES
from places.models import District
from proposals.models import PlanStatus
from tests import factories
from tests.helpers import dutch, html_lang, language_switch, page_text

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def url(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


# Home, district and edition


def test_home_lists_the_districts_and_their_editions_that_have_not_ended(client: Client) -> None:
    west = factories.make_district(name="Nieuw-West")
    factories.make_district(name="Zuidoost")
    elsewhere = factories.make_district(
        name="Centrum", municipality=factories.make_municipality(slug="utrecht")
    )
    now = timezone.now()
    factories.make_edition(district=west, name="Lopend 2027")
    factories.make_edition(district=west, name="Binnenkort 2028", start=now + timedelta(days=30))
    factories.make_edition(district=west, name="Afgelopen 2024", start=now - timedelta(days=400))
    factories.make_edition(district=west, name="Verborgen 2027", is_published=False)
    factories.make_edition(district=elsewhere, name="Utrechtse editie")
    body = page_text(client.get("/en/"))
    assert "Nieuw-West" in body and "Zuidoost" in body
    assert "Lopend 2027" in body and "Binnenkort 2028" in body
    assert "Afgelopen 2024" not in body
    assert "Verborgen 2027" not in body
    assert "Centrum" not in body and "Utrechtse editie" not in body
    assert "No edition is running in this district at the moment." in body


def test_home_says_so_when_every_edition_of_a_district_has_ended(client: Client) -> None:
    district = factories.make_district(name="Noord")
    long_ago = timezone.now() - timedelta(days=400)
    factories.make_edition(district=district, name="Afgelopen 2024", start=long_ago)
    body = page_text(client.get("/en/"))
    assert "Afgelopen 2024" not in body
    assert "No edition is running in this district at the moment." in body
    assert '<ul class="site-grid">\n      </ul>' not in body


def test_the_district_page_shows_its_neighbourhoods_and_editions(client: Client, district: District) -> None:
    factories.make_neighbourhood(district=district, name="Slotervaart")
    factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    response = client.get(district.get_absolute_url())
    body = page_text(response)
    assert response.status_code == 200
    assert "Slotervaart" in body and "Buurtbudget Nieuw-West 2027" in body


def test_an_unknown_district_is_404(client: Client) -> None:
    assert client.get(url("pages:district", "nl", "nergens")).status_code == 404


def test_the_edition_page_shows_budget_sub_budgets_themes_and_timeline(
    client: Client, edition: Edition, district: District
) -> None:
    slotervaart = factories.make_neighbourhood(district=district, name="Slotervaart")
    factories.make_sub_budget(edition=edition, neighbourhood=slotervaart, amount_cents=10_000_000)
    factories.make_sub_budget(edition=edition, theme=edition.themes.get(name="Groen"), amount_cents=5_000_050)
    factories.make_plan(edition=edition, title="Moestuin")
    factories.make_plan(edition=edition, title="Geheim", status=PlanStatus.DRAFT)
    body = page_text(client.get(url("pages:edition", "en", edition.slug)))
    assert "€300,000" in body
    assert "Slotervaart" in body and "€100,000" in body
    # The theme has no English name: its Dutch one, marked
    assert (
        'Theme: <span lang="nl" dir="ltr">Groen</span> <span class="translated-fallback">(in Dutch)</span>'
        in body
    )
    assert "€50,000.50" in body
    assert "Groen" in body and "Sport" in body
    for entry in ["Information", "Plans", "Feasibility review", "Decision", "Result", "Evaluation"]:
        assert f'<span class="timeline__name">{entry}</span>' in body
    assert "Moestuin" in body and "Geheim" not in body


@pytest.mark.parametrize(
    ("decision_model", "hybrid_order", "who_decides"),
    [
        ("online_vote", "", "Online vote"),
        ("panel", "", "Citizens' panel"),
        ("hybrid", "panel_then_vote", "The panel shortlists the plans, then everyone votes on the shortlist"),
        ("hybrid", "vote_then_panel", "Everyone votes, then the panel decides with the vote as advice"),
    ],
)
def test_the_edition_page_says_who_decides_and_in_a_hybrid_in_which_order(
    client: Client, district: District, decision_model: str, hybrid_order: str, who_decides: str
) -> None:
    edition = factories.make_edition(
        district=district, decision_model=decision_model, hybrid_order=hybrid_order
    )
    body = page_text(client.get(url("pages:edition", "en", edition.slug)))
    assert f'Who decides</dt><dd class="utrecht-data-list__item-value">{who_decides}</dd>' in body


def test_the_edition_page_says_what_you_can_do_now_and_until_when(
    client: Client, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    start = datetime(2027, 3, 1, 9, 0, tzinfo=AMSTERDAM)
    edition = factories.make_edition(district=district, start=start)
    freeze_time(start + 3 * factories.PHASE_LENGTH + timedelta(days=2))  # in the review phase
    review_ends = {"nl": "zaterdag 10 april 2027, 09:00", "en": "Saturday 10 April 2027, 09:00"}
    for language, until in review_ends.items():
        body = page_text(client.get(url("pages:edition", language, edition.slug)))
        with translation.override(language):
            expected = [
                translation.gettext("What you can do now"),
                str(PHASES["review"].resident_text),
                translation.gettext("Until %(until)s.") % {"until": until},
            ]
        for text in expected:
            assert text in body, (language, text)
    assert dutch("What you can do now") in page_text(client.get(url("pages:edition", "nl", edition.slug)))


def test_the_edition_page_before_the_start_names_the_first_phase(
    client: Client, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    start = datetime(2027, 3, 1, 9, 0, tzinfo=AMSTERDAM)
    edition = factories.make_edition(district=district, start=start)
    freeze_time(start - timedelta(days=3))
    body = page_text(client.get(url("pages:edition", "en", edition.slug)))
    assert "The next phase, Information, starts on Monday 1 March 2027, 09:00." in body


def test_the_edition_page_after_the_end_thanks_everyone(
    client: Client, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    start = datetime(2027, 3, 1, 9, 0, tzinfo=AMSTERDAM)
    edition = factories.make_edition(district=district, start=start)
    freeze_time(start + 100 * factories.PHASE_LENGTH)
    body = page_text(client.get(url("pages:edition", "en", edition.slug)))
    assert "This edition has ended. Thank you to everyone who took part." in body


def test_an_unpublished_or_unknown_edition_is_404(client: Client, district: District) -> None:
    hidden = factories.make_edition(district=district, is_published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(url("pages:edition", "nl", "bestaat-niet")).status_code == 404


def test_about_and_accessibility_pages(client: Client) -> None:
    assert "How Buurtbudget works" in page_text(client.get(url("pages:about", "en")))
    assert "Accessibility statement" in page_text(client.get(url("pages:accessibility", "en")))
    assert dutch("How Buurtbudget works") in page_text(client.get(url("pages:about", "nl")))
    assert dutch("Accessibility statement") in page_text(client.get(url("pages:accessibility", "nl")))


# Error pages


def test_the_404_page_is_friendly_and_translated(client: Client) -> None:
    dutch_page = client.get("/bestaat-niet/")
    assert dutch_page.status_code == 404
    assert html_lang(dutch_page) == "nl"
    assert dutch("Page not found") in page_text(dutch_page)
    assert 'href="/"' in dutch_page.content.decode()
    english = client.get("/en/does-not-exist/")
    assert english.status_code == 404
    assert html_lang(english) == "en"
    assert "Page not found" in page_text(english)
    assert "Go to the home page" in page_text(english)


def test_the_404_page_offers_the_same_address_in_the_other_language(client: Client) -> None:
    assert language_switch(client.get("/bestaat-niet/?x=1")) == {
        "nl": "/bestaat-niet/?x=1",
        "en": "/en/bestaat-niet/?x=1",
        "tr": "/tr/bestaat-niet/?x=1",
        "ar": "/ar/bestaat-niet/?x=1",
    }
    assert language_switch(client.get("/ar/does-not-exist/")) == {
        "nl": "/does-not-exist/",
        "en": "/en/does-not-exist/",
        "tr": "/tr/does-not-exist/",
        "ar": "/ar/does-not-exist/",
    }


@pytest.mark.urls("tests.pages.urls_raising")
def test_the_500_page_shows_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    from tests.pages.urls_raising import SECRET

    client = Client(raise_request_exception=False)
    response = client.get("/ontploffen/")
    body = page_text(response)
    assert response.status_code == 500
    assert "Er ging iets mis" in body and "Something went wrong" in body
    assert SECRET not in body
    assert "Traceback" not in body and "RuntimeError" not in body


# Every page in both languages


def _public_pages(edition: Edition) -> dict[str, tuple[str, tuple[object, ...]]]:
    plan = factories.make_plan(edition=edition, title="Moestuin")
    return {
        "home": ("pages:home", ()),
        "about": ("pages:about", ()),
        "accessibility": ("pages:accessibility", ()),
        "district": ("pages:district", (edition.district.slug,)),
        "edition": ("pages:edition", (edition.slug,)),
        "plan list": ("proposals:list", ()),
        "plan detail": ("pages:plan", (plan.pk,)),
        "login": ("accounts:login", ()),
        "register": ("accounts:register", ()),
        "login link request": ("accounts:login_link_request", ()),
    }


def test_every_page_is_dutch_at_the_root_and_english_under_en(client: Client, edition: Edition) -> None:
    for label, (name, args) in _public_pages(edition).items():
        dutch_url, english_url = url(name, "nl", *args), url(name, "en", *args)
        assert english_url == "/en" + dutch_url, label
        dutch_page = client.get(dutch_url)
        assert dutch_page.status_code == 200, label
        assert html_lang(dutch_page) == "nl", label
        assert dutch("Skip to main content") in page_text(dutch_page), label
        every_language = {code: url(name, code, *args) for code in ("nl", "en", "tr", "ar")}
        assert language_switch(dutch_page) == every_language, label
        english_page = client.get(english_url)
        assert english_page.status_code == 200, label
        assert html_lang(english_page) == "en", label
        assert "Skip to main content" in page_text(english_page), label
        assert language_switch(english_page) == every_language, label


def test_the_language_switch_keeps_the_query_string(client: Client, edition: Edition) -> None:
    response = client.get("/plannen/?q=moestuin&sort=title")
    assert language_switch(response)["en"] == "/en/plannen/?q=moestuin&sort=title"
