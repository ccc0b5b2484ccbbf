"""The menu's "Vote": the one open vote's code page, or a list of the open and coming votes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def overview() -> str:
    with translation.override("en"):
        return reverse("voting:overview")


def test_one_open_vote_goes_straight_to_its_code_page(client: Client) -> None:
    edition = factories.make_edition_in_phase("decision")
    factories.make_edition_in_phase("plans")
    response = client.get(overview())
    with translation.override("en"):
        assert response["Location"] == reverse("voting:start", kwargs={"slug": edition.slug})


def test_several_open_votes_are_listed_with_the_coming_ones(client: Client) -> None:
    first = factories.make_edition_in_phase("decision", name="Buurtbudget Noord 2027")
    second = factories.make_edition_in_phase("decision", name="Buurtbudget Zuidoost 2027")
    coming = factories.make_edition(name="Buurtbudget Oost 2028", start=timezone.now() + timedelta(days=2))
    body = page_text(client.get(overview()))
    assert body.count("Vote now") == 2 and first.name in body and second.name in body
    assert "Coming votes" in body and coming.name in body


def test_without_an_open_vote_the_page_says_so(client: Client) -> None:
    factories.make_edition_in_phase("plans")
    assert "No vote is open at the moment." in page_text(client.get(overview()))
