"""The learning report's pages: per edition and across the municipality, on hand-made evidence."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from editions.models import Edition
from evaluation.models import EditionEvidence
from evaluation.report.figures import ANCHORS

from .factory import Made, Place, store_evidence

pytestmark = pytest.mark.django_db


def test_the_edition_report_shows_each_figure_with_its_anchor_and_rates(
    client: Client, edition: Edition
) -> None:
    store_evidence(edition)
    response = client.get(reverse("evaluation:report", args=[edition.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    for anchor in set(ANCHORS) - {"models"}:
        assert f'id="{anchor}"' in html
    # Slotermeer: 150 + 50 voters of 1,000 eligible = 20,0 %; Osdorp 100 of 2,000 = 5,0 %; all: 300 of 3,000.
    assert "20,0 %" in html and "5,0 %" in html and "10,0 %" in html
    assert "<svg" in html


def test_missing_population_figures_are_said_plainly(client: Client, edition: Edition) -> None:
    store_evidence(edition, Made(places=(Place("a", "Buurt A", None, voters_online=10),)))
    html = client.get(reverse("evaluation:report", args=[edition.slug])).content.decode()
    assert "Nog geen bevolkingscijfers" in html or "No population figures imported yet" in html


def test_the_municipality_report_shows_the_models_side_by_side(client: Client, edition: Edition) -> None:
    store_evidence(edition)
    slug = edition.district.municipality.slug
    response = client.get(reverse("evaluation:municipality", args=[slug]))
    assert response.status_code == 200
    assert 'id="models"' in response.content.decode()


def test_a_report_without_evidence_computes_it(client: Client, edition: Edition) -> None:
    response = client.get(reverse("evaluation:report", args=[edition.slug]))
    assert response.status_code == 200
    assert EditionEvidence.objects.filter(edition=edition).exists()
