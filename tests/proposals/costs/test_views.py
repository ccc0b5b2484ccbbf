"""Typical costs on the pages: the fragment the cost step asks for, the step without JS, the review."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan, PlanStatus
from tests import factories
from tests.helpers import page_text

from .helpers import benches, past_edition, reviewed_plan

pytestmark = pytest.mark.django_db

SIX = [10_000, 20_000, 30_000, 40_000, 50_000, 60_000]


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def earlier(district: District) -> Edition:
    edition = past_edition(district)
    benches(edition, SIX)
    return edition


@pytest.fixture
def draft(resident: User, edition: Edition) -> Plan:
    return reviewed_plan(edition, [("Twee bankjes met rugleuning", 84_000)], status=PlanStatus.DRAFT)


@pytest.fixture
def logged_in(client: Client, draft: Plan) -> Client:
    client.force_login(draft.initiator)
    return client


def test_the_fragment_gives_the_median_spread_and_plans_of_the_typed_line(
    client: Client, edition: Edition, earlier: Edition
) -> None:
    response = client.get(
        url("proposals:cost_suggestions", edition.slug), {"form-3-description": "2 Bankjes"}
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "“bankjes”: median €350 in 6 reviewed plans." in text
    assert re.search(r"Middle half</th><td[^>]*>€225 to €475</td>", text)
    assert re.search(r"Lowest and highest</th><td[^>]*>€100 to €600</td>", text)
    assert len(re.findall(r'href="/en/plannen/\d+/"', text)) == 5
    assert "<html" not in text  # a fragment, not a page


def test_the_fragment_says_when_there_are_too_few_or_no_reviewed_lines(
    client: Client, edition: Edition, earlier: Edition
) -> None:
    benches(earlier, [5_000, 6_000], status=PlanStatus.FEASIBLE)  # "Koffie en thee" is in all eight
    few = reviewed_plan(earlier, [("Plantenbakken", 9_000)])
    reviewed_plan(earlier, [("Plantenbak van hout", 9_500)])
    assert few.pk
    text = page_text(
        client.get(url("proposals:cost_suggestions", edition.slug), {"description": "Plantenbak"})
    )
    assert "Only 2 reviewed plans mention “plantenbak”: too few for a typical price." in text
    assert "median" not in text
    nothing = page_text(
        client.get(url("proposals:cost_suggestions", edition.slug), {"description": "Luchtkasteel"})
    )
    assert "No reviewed plan of an earlier edition has a cost line like this yet." in nothing
    assert page_text(client.get(url("proposals:cost_suggestions", edition.slug))).strip() == ""


def test_the_fragment_is_in_dutch_on_dutch_pages(client: Client, edition: Edition, earlier: Edition) -> None:
    with translation.override("nl"):
        address = reverse("proposals:cost_suggestions", args=[edition.slug])
    text = page_text(client.get(address, {"description": "Bankje"}))
    assert "€\N{NO-BREAK SPACE}350" in text
    assert "goedgekeurde plannen" in text


def test_the_cost_step_shows_the_saved_lines_suggestions_and_asks_for_new_ones_while_typing(
    logged_in: Client, draft: Plan, earlier: Edition
) -> None:
    response = logged_in.get(url("proposals:edit", draft.pk, "kosten"))
    text = page_text(response)
    assert "“bankjes”: median €350 in 6 reviewed plans." in text
    region = re.search(
        r'<div class="cost-suggestions__region" id="cost-suggestions-0" aria-live="polite">', text
    )
    assert region
    field = re.search(r'<input[^>]*name="form-0-description"[^>]*>', text)
    assert field
    assert f'hx-get="{url("proposals:cost_suggestions", draft.edition.slug)}"' in field.group()
    assert 'hx-target="#cost-suggestions-0"' in field.group()
    assert "delay:500ms" in field.group()


def test_show_typical_costs_works_without_javascript_and_saves_nothing(
    logged_in: Client, draft: Plan, earlier: Edition
) -> None:
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "form-0-description": "Bankjes",
        "form-0-amount": "400",
        "form-1-description": "Luchtkasteel",
        "form-1-amount": "1",
        "suggest": "1",
    }
    response = logged_in.post(url("proposals:edit", draft.pk, "kosten"), data)
    text = page_text(response)
    assert response.status_code == 200
    assert "“bankjes”: median €350 in 6 reviewed plans." in text
    assert "No reviewed plan of an earlier edition has a cost line like this yet." in text
    assert 'value="Luchtkasteel"' in text
    assert [line.description for line in draft.cost_lines.all()] == ["Twee bankjes met rugleuning"]


def test_saving_the_step_still_goes_on_to_the_next(logged_in: Client, draft: Plan, earlier: Edition) -> None:
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "form-0-description": "Bankje",
        "form-0-amount": "400",
    }
    response = logged_in.post(url("proposals:edit", draft.pk, "kosten"), data)
    assert response.status_code == 302
    assert [line.description for line in draft.cost_lines.all()] == ["Bankje"]
    text = page_text(logged_in.get(url("proposals:edit", draft.pk, "kosten")))
    assert "“bankje”: median €350 in 6 reviewed plans." in text


def test_the_reviewer_sees_each_lines_distance_from_the_median(
    client: Client, district: District, earlier: Edition
) -> None:
    in_review = factories.make_edition_in_phase("review", district=district)
    plan = reviewed_plan(
        in_review,
        [("Twee bankjes", 84_000), ("Bankje", 17_500), ("Koffie en thee", 5_000), ("Luchtkasteel", 100)],
        status=PlanStatus.IN_REVIEW,
    )
    factories.make_review(plan=plan)
    client.force_login(factories.make_staff(role=Role.REVIEWER, district=district))
    text = page_text(client.get(url("review:plan", in_review.slug, plan.pk)))
    assert "Costs compared with earlier editions" in text
    assert "+140% above the median of 6 reviewed plans for “bankjes” (€350)." in text
    assert "50% below the median of 6 reviewed plans for “bankje” (€350)." in text
    assert "At the median of 6 reviewed plans for “koffie” (€50)." in text
    assert "Middle half €225 to €475; lowest €100, highest €600." in text
    assert "No reviewed plan of an earlier edition has a cost line like this yet." in text


def test_the_fragment_of_an_unknown_or_unpublished_edition_is_not_found(
    client: Client, edition: Edition
) -> None:
    assert (
        client.get(url("proposals:cost_suggestions", "geen-editie"), {"description": "Bank"}).status_code
        == 404
    )
    Edition.objects.filter(pk=edition.pk).update(is_published=False)
    assert (
        client.get(url("proposals:cost_suggestions", edition.slug), {"description": "Bank"}).status_code
        == 404
    )
