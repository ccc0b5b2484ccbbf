"""The public plan list and detail pages: filters from the query string, drafts hidden, pagination."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from places.models import District
from proposals.models import PlanStatus
from proposals.views.public import PAGE_SIZE
from tests import factories
from tests.helpers import Rendered, page_text

pytestmark = pytest.mark.django_db


def list_url(**query: object) -> str:
    with translation.override("en"):
        url = reverse("proposals:list")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def shown_titles(response: Rendered) -> list[str]:
    # On a page in another language a Dutch title is wrapped in <span lang="nl"> and marked "(in Dutch)".
    return re.findall(r'class="card__title[^"]*"><a [^>]*>(?:<span lang[^>]*>)?([^<]+)<', page_text(response))


def test_the_list_shows_public_plans_with_their_cost(client: Client, edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Moestuin", costs=[1_000_000, 250_000])
    factories.make_plan(edition=edition, title="Geheim", status=PlanStatus.DRAFT)
    response = client.get(list_url())
    assert response.status_code == 200
    assert shown_titles(response) == ["Moestuin"]
    assert "€12,500" in page_text(response)
    assert "1 plan found" in page_text(response)


def test_a_draft_has_no_public_page(client: Client, edition: Edition) -> None:
    draft = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_detail_page_shows_the_cost_lines_and_their_total(client: Client, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, title="Moestuin", costs=[1_000_000, 250_050])
    response = client.get(plan.get_absolute_url())
    body = page_text(response)
    assert response.status_code == 200
    assert "Kostenpost 1" in body and "Kostenpost 2" in body
    assert "€\N{NO-BREAK SPACE}12.500,50" in body
    assert "€\N{NO-BREAK SPACE}10.000" in body


def test_an_unknown_plan_is_404(client: Client) -> None:
    assert client.get(reverse("pages:plan", args=[999_999])).status_code == 404


def test_the_list_filters_by_neighbourhood_theme_and_status(
    client: Client, edition: Edition, district: District
) -> None:
    west = factories.make_neighbourhood(district=district, name="Slotervaart")
    green, sport = edition.themes.order_by("name")
    factories.make_plan(edition=edition, title="A", neighbourhood=west, theme=green)
    factories.make_plan(edition=edition, title="B", theme=green, status=PlanStatus.FEASIBLE)
    factories.make_plan(
        edition=edition, title="C", neighbourhood=west, theme=sport, status=PlanStatus.FEASIBLE
    )
    assert sorted(shown_titles(client.get(list_url(neighbourhood=west.pk)))) == ["A", "C"]
    assert sorted(shown_titles(client.get(list_url(edition=edition.slug, theme=green.slug)))) == ["A", "B"]
    assert sorted(shown_titles(client.get(list_url(status="feasible")))) == ["B", "C"]
    combined = client.get(
        list_url(edition=edition.slug, neighbourhood=west.pk, theme=sport.slug, status="feasible")
    )
    assert shown_titles(combined) == ["C"]


def test_the_list_searches(client: Client, edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Moestuin aan de Sloterplas")
    factories.make_plan(edition=edition, title="Buurtfeest")
    assert shown_titles(client.get(list_url(q="moestuin"))) == ["Moestuin aan de Sloterplas"]


def test_the_list_sorts_by_total_cost(client: Client, edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Duur", costs=[100, 90_000, 90_000])
    factories.make_plan(edition=edition, title="Goedkoop", costs=[50_000])
    assert shown_titles(client.get(list_url(sort="cost_asc"))) == ["Goedkoop", "Duur"]
    assert shown_titles(client.get(list_url(sort="cost_desc"))) == ["Duur", "Goedkoop"]


def test_invalid_filter_values_are_reported_and_ignored(client: Client, edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Moestuin", status=PlanStatus.FEASIBLE)
    factories.make_plan(edition=edition, title="Buurtfeest")
    response = client.get(
        list_url(
            neighbourhood="abc",
            status="bogus",
            sort="sideways",
            theme="nope",
            edition="unknown",
            q="moestuin",
        )
    )
    assert response.status_code == 200
    assert shown_titles(response) == ["Moestuin"], "the valid search still applies"
    body = page_text(response)
    for field in ["neighbourhood", "status", "sort", "theme", "edition"]:
        assert f'id="id_{field}_error"' in body, f"the bad {field} is not reported"
    assert sorted(shown_titles(client.get(list_url(status="draft")))) == ["Buurtfeest", "Moestuin"]


def test_asking_for_drafts_by_status_shows_no_draft(client: Client, edition: Edition) -> None:
    factories.make_plan(edition=edition, title="Geheim", status=PlanStatus.DRAFT)
    response = client.get(list_url(status="draft"))
    assert response.status_code == 200
    assert "Geheim" not in page_text(response)
    assert 'id="id_status_error"' in page_text(response)


def test_the_list_is_paginated_and_keeps_the_filters(client: Client, edition: Edition) -> None:
    for number in range(PAGE_SIZE + 3):
        factories.make_plan(edition=edition, title=f"Plan {number:02d}")
    first = client.get(list_url(sort="title"))
    assert len(shown_titles(first)) == PAGE_SIZE
    assert "Page 1 of 2" in page_text(first)
    assert 'href="?sort=title&amp;pagina=2"' in first.content.decode()
    second = client.get(list_url(sort="title", pagina=2))
    assert shown_titles(second) == [f"Plan {n:02d}" for n in range(PAGE_SIZE, PAGE_SIZE + 3)]
    for bad in ["999", "abc", "-1"]:
        response = client.get(list_url(sort="title", pagina=bad))
        assert response.status_code == 200
        assert shown_titles(response)


def test_the_filters_are_not_each_marked_optional(client: Client, edition: Edition) -> None:
    page = client.get(list_url()).content.decode()
    assert 'id="id_q"' in page
    assert "(optional)" not in page
