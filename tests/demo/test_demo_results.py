"""The five questions of docs/results.md: each answered by text on the demo's Nieuw-West 2026 pages."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from proposals.models import Plan

pytestmark = pytest.mark.django_db

NIEUW_WEST_2026 = "buurtbudget-nieuw-west-2026"


def text_of(content: bytes) -> str:
    """The page's main text as a resident reads it: no tags, one space between words."""
    main = re.search(r"<main.*?</main>", content.decode(), re.S)
    assert main is not None
    words = html.unescape(re.sub(r"<[^>]+>", " ", main.group(0))).replace("\xa0", " ")
    return re.sub(r"\s+", " ", words)


def plan(title: str) -> Plan:
    return Plan.objects.get(edition__slug=NIEUW_WEST_2026, title__startswith=title)


@pytest.fixture
def result_page(demo: None, client: Client) -> str:
    response = client.get(reverse("outcomes:result", args=[NIEUW_WEST_2026]))
    assert response.status_code == 200
    return text_of(response.content)


def test_why_the_plan_with_most_votes_was_not_chosen(result_page: str) -> None:
    assert "Niet gefinancierd: de kiezers van dit plan hadden samen € 36.217, minder dan het kost." in (
        result_page
    )
    assert (
        "De 436 kiezers van dit plan hadden samen € 36.217. Dat is minder dan de € 38.000 die het kost"
        in result_page
    )


def test_why_a_plan_with_fewer_votes_got_the_money(result_page: str) -> None:
    assert (
        "Taalmaatjes Osdorp-Oost kreeg wel geld, met minder kiezers (269 tegen 436). "
        "Maar dat plan kostte € 35 per kiezer, tegen € 87 voor dit plan." in result_page
    )


def test_where_the_unspent_money_goes(result_page: str) -> None:
    assert "Er is € 57.500 over. Het geld dat over is, gaat naar de volgende editie." in result_page


def test_what_happened_to_my_vote(demo: None, client: Client) -> None:
    ticked = [plan("Geveltuinen").pk, plan("Taalmaatjes").pk, plan("Pannaveld").pk]

    response = client.post(reverse("outcomes:your_part", args=[NIEUW_WEST_2026]), {"plan": ticked})

    shown = text_of(response.content)
    assert "Geveltuinen in de Meer en Vaart-buurt : gekozen. Je betaalde € 36,81 van je deel eraan." in shown
    assert "Taalmaatjes Osdorp-Oost : gekozen. Je betaalde € 35,32 van je deel eraan." in shown
    assert "In totaal betaalde je € 72,13. Van je deel bleef € 10,94 over." in shown
    assert "De kiezers van Pannaveld aan de Tussen Meer hadden samen niet genoeg meer over" in shown


def test_whether_another_way_of_counting_would_have_chosen_my_plan(demo: None, client: Client) -> None:
    response = client.get(
        reverse("outcomes:what_if", args=[NIEUW_WEST_2026]),
        {"rule": "greedy", "budget": "100", "split": "yes"},
    )

    shown = text_of(response.content)
    assert "Alleen ter informatie. De officiële uitslag is de uitslag op de uitslagpagina." in shown
    osdorp = shown[shown.index("Osdorp-Oost: plannen die veranderen") :]
    assert osdorp.startswith(
        "Osdorp-Oost: plannen die veranderen Plan Officiële uitslag Wat als "
        "Pannaveld aan de Tussen Meer Kosten € 38.000 Niet gekozen Gekozen "
        "Taalmaatjes Osdorp-Oost Kosten € 9.500 Gekozen Niet gekozen"
    )


def test_how_equal_shares_works(result_page: str) -> None:
    assert "Iedereen die stemde krijgt een even groot deel van het budget." in result_page
    assert "Je betaalt alleen mee aan plannen die je koos." in result_page
    assert "Een plan krijgt geld als de mensen die het kozen het samen kunnen betalen uit hun deel." in (
        result_page
    )
