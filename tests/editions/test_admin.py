"""The edition admin: euros in, cents stored; an invalid phase chain or sub-budget sum saves nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from editions.models import Edition, Phase, SubBudget
from places.models import District

from .. import factories


def _admin_url(name: str) -> str:
    """The English admin (under /en/), so the messages checked below are the source strings."""
    with translation.override("en"):
        return reverse(name)


@pytest.fixture
def admin_client(db: None) -> Client:
    user = User.objects.create_superuser(
        email="admin@example.org", password="x-long-password", display_name="A"
    )
    client = Client()
    client.force_login(user)
    return client


def _edition_post(
    district: District, *, phases: list[tuple[str, Any, Any]], subs: list[tuple[str, str]]
) -> dict[str, str]:
    data = {
        "district": str(district.pk),
        "name": "Buurtbudget Test 2028",
        "slug": "buurtbudget-test-2028",
        "year": "2028",
        "introduction": "",
        "total_budget_cents": "500.000",
        "max_plan_cost_cents": "50.000,50",
        "unspent_money": "next_edition",
        "min_age": "16",
        "decision_model": "online_vote",
        "ballot_format": "approval",
        "ballot_max_choices": "",
        "ballot_points": "10",
        "aggregation_rule": "greedy",
        "rule_satisfaction": "cost",
        "support_threshold": "0",
        "precheck_days": "10",
        "voter_data_days": "180",
        "panel_contact_days": "0",
        "is_published": "on",
        "themes-TOTAL_FORMS": "1",
        "themes-INITIAL_FORMS": "0",
        "themes-0-name": "Groen",
        "themes-0-slug": "groen",
        "themes-0-description": "",
        "sub_budgets-TOTAL_FORMS": str(len(subs)),
        "sub_budgets-INITIAL_FORMS": "0",
        "phases-TOTAL_FORMS": str(len(phases)),
        "phases-INITIAL_FORMS": "0",
        # The review app adds the edition's checklist to this page (review/admin.py).
        "review_criteria-TOTAL_FORMS": "0",
        "review_criteria-INITIAL_FORMS": "0",
    }
    neighbourhoods = list(district.neighbourhoods.all())
    for i, (amount, _label) in enumerate(subs):
        data[f"sub_budgets-{i}-neighbourhood"] = str(neighbourhoods[i].pk)
        data[f"sub_budgets-{i}-theme"] = ""
        data[f"sub_budgets-{i}-amount_cents"] = amount
    for i, (kind, start, end) in enumerate(phases):
        data[f"phases-{i}-kind"] = kind
        data[f"phases-{i}-starts_at_0"] = start.strftime("%Y-%m-%d")
        data[f"phases-{i}-starts_at_1"] = start.strftime("%H:%M:%S")
        data[f"phases-{i}-ends_at_0"] = end.strftime("%Y-%m-%d")
        data[f"phases-{i}-ends_at_1"] = end.strftime("%H:%M:%S")
    return data


def _chain(kinds: list[str]) -> list[tuple[str, Any, Any]]:
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return [
        (k, start + timedelta(days=10 * i), start + timedelta(days=10 * (i + 1))) for i, k in enumerate(kinds)
    ]


@pytest.fixture
def district_with_neighbourhoods(db: None) -> District:
    district = factories.make_district(name="Noord")
    factories.make_neighbourhood(district=district, name="Volewijck")
    factories.make_neighbourhood(district=district, name="Kadoelen")
    return district


def test_an_edition_typed_in_euros_is_stored_in_cents_with_its_phases(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    data = _edition_post(
        district_with_neighbourhoods,
        phases=_chain(["plans", "review", "decision", "result"]),
        subs=[("200.000", "a"), ("100.000", "b")],
    )
    response = admin_client.post(_admin_url("admin:editions_edition_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(slug="buurtbudget-test-2028")
    assert edition.total_budget_cents == 50_000_000
    assert edition.max_plan_cost_cents == 5_000_050
    assert edition.unspent_money == "next_edition"
    assert sorted(SubBudget.objects.filter(edition=edition).values_list("amount_cents", flat=True)) == [
        10_000_000,
        20_000_000,
    ]
    assert Phase.objects.filter(edition=edition).count() == 4


def test_a_chain_without_the_decision_phase_is_refused_and_nothing_is_saved(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    data = _edition_post(district_with_neighbourhoods, phases=_chain(["plans", "review", "result"]), subs=[])
    response = admin_client.post(_admin_url("admin:editions_edition_add"), data)
    assert response.status_code == 200
    assert "Decision" in response.content.decode()
    assert not Edition.objects.filter(slug="buurtbudget-test-2028").exists()


def test_sub_budgets_over_the_total_are_refused_and_nothing_is_saved(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    data = _edition_post(
        district_with_neighbourhoods,
        phases=_chain(["plans", "review", "decision", "result"]),
        subs=[("400.000", "a"), ("200.000", "b")],
    )
    response = admin_client.post(_admin_url("admin:editions_edition_add"), data)
    assert response.status_code == 200
    assert "more than the total budget" in response.content.decode()
    assert not Edition.objects.exists()


def test_a_maximum_per_plan_above_the_budget_is_a_field_error_not_a_crash(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    data = _edition_post(
        district_with_neighbourhoods, phases=_chain(["plans", "review", "decision", "result"]), subs=[]
    )
    data["max_plan_cost_cents"] = "600.000"
    response = admin_client.post(_admin_url("admin:editions_edition_add"), data)
    assert response.status_code == 200
    assert "cannot be more than the total budget" in response.content.decode()
    assert not Edition.objects.exists()


def test_the_edition_list_shows_budgets_in_euros(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    factories.make_edition(district=district_with_neighbourhoods, name="Buurtbudget Noord 2026")
    response = admin_client.get(_admin_url("admin:editions_edition_changelist"))
    assert response.status_code == 200
    assert "€300,000" in response.content.decode()
