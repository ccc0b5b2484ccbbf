"""The plan admin never changes a status, and leaves a submitted plan's content to its services."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from tests import factories


@pytest.fixture
def admin_client(db: None) -> Client:
    user = User.objects.create_superuser(
        email="admin@example.org", password="x-long-password", display_name="A"
    )
    client = Client()
    client.force_login(user)
    return client


def _change_form(client: Client, plan: Plan) -> str:
    response = client.get(reverse("admin:proposals_plan_change", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_drafts_status_is_shown_but_not_editable(admin_client: Client, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    html = _change_form(admin_client, plan)
    assert 'name="title"' in html
    assert 'name="status"' not in html


def test_a_submitted_plan_is_read_only_in_the_admin(admin_client: Client, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, status=PlanStatus.IN_REVIEW, title="Bankjes")
    html = _change_form(admin_client, plan)
    assert 'name="title"' not in html and 'name="status"' not in html
    assert 'name="cost_lines-0-amount_cents"' not in html
    admin_client.post(
        reverse("admin:proposals_plan_change", args=[plan.pk]),
        {"title": "Iets anders", "status": PlanStatus.SELECTED},
    )
    plan.refresh_from_db()
    assert (plan.title, plan.status) == ("Bankjes", PlanStatus.IN_REVIEW)


def test_the_edition_admin_edits_the_review_checklist(admin_client: Client, edition: Edition) -> None:
    html = admin_client.get(reverse("admin:editions_edition_change", args=[edition.pk])).content.decode()
    assert 'name="review_criteria-TOTAL_FORMS"' in html
    assert 'name="verdicts_publish_at_0"' in html and 'name="shortlist_size"' in html
