"""The district's own texts on the public pages: the reader's language where entered, else Dutch marked."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from places.models import District
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

MARKED_GROEN = '<span lang="nl" dir="ltr">Groen</span> <span class="translated-fallback">(in Dutch)</span>'


def url(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def translated_edition(edition: Edition) -> Edition:
    edition.introduction = "Doe mee met je buurt."
    edition.translations = {"en": {"introduction": "Take part in your neighbourhood."}}
    edition.save()
    sport = edition.themes.get(name="Sport")
    sport.translations = {"en": {"name": "Sports"}}
    sport.save()
    phase = edition.phases.get(kind="plans")
    phase.description = "Inloop in het buurthuis op woensdag."
    phase.translations = {"en": {"description": "Drop in at the community centre on Wednesdays."}}
    phase.save()
    return edition


def test_the_edition_page_in_english_shows_the_english_texts(
    client: Client, translated_edition: Edition
) -> None:
    body = page_text(client.get(url("pages:edition", "en", translated_edition.slug)))
    assert "Take part in your neighbourhood." in body and "Doe mee met je buurt." not in body
    assert "Drop in at the community centre on Wednesdays." in body
    assert ">Sports</a>" in body
    assert MARKED_GROEN in body  # no English name for this theme


def test_the_edition_page_in_dutch_shows_the_dutch_texts_unmarked(
    client: Client, translated_edition: Edition
) -> None:
    body = page_text(client.get(url("pages:edition", "nl", translated_edition.slug)))
    assert "Doe mee met je buurt." in body and "Inloop in het buurthuis op woensdag." in body
    assert "translated-fallback" not in body


def test_the_district_page_marks_a_description_without_translation(
    client: Client, district: District
) -> None:
    district.description = "Welkom in Nieuw-West."
    district.save()
    body = page_text(client.get(url("pages:district", "en", district.slug)))
    assert (
        '<div lang="nl" dir="ltr"><p class="utrecht-paragraph site-lead">Welkom in Nieuw-West.</p></div>'
        in body
    )
    assert "(in Dutch)" in body


def test_a_plan_shows_its_initiators_english_title_and_summary(client: Client, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, title="Moestuin", summary="Samen groente kweken.")
    plan.translations = {"en": {"title": "Vegetable garden", "summary": "Growing vegetables together."}}
    plan.save()
    body = page_text(client.get(url("pages:plan", "en", plan.pk)))
    assert '<h1 class="utrecht-heading-1">Vegetable garden</h1>' in body
    assert "<title>Vegetable garden · Buurtbudget</title>" in body
    assert "Growing vegetables together." in body
    # The description exists in Dutch only: its element says so
    assert '<div lang="nl" dir="ltr"><p class="utrecht-paragraph">' in body
    assert 'About this plan <span class="translated-fallback">(in Dutch)</span>' in body
    listing = page_text(client.get(url("proposals:list", "en") + f"?edition={edition.slug}"))
    assert ">Vegetable garden</a>" in listing


def test_the_theme_filter_offers_translated_names(client: Client, translated_edition: Edition) -> None:
    body = page_text(client.get(url("proposals:list", "en") + f"?edition={translated_edition.slug}"))
    assert '<option value="sport">Sports</option>' in body


def test_translations_add_no_query_per_plan(client: Client, edition: Edition) -> None:
    def queries(count: int) -> int:
        for _ in range(count):
            plan = factories.make_plan(edition=edition)
            plan.translations = {"en": {"title": "In English"}}
            plan.save()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("pages:edition", "en", edition.slug)).status_code == 200
        return len(context.captured_queries)

    assert queries(2) == queries(8)
