"""Initiators may give their plan's title and summary in other languages (the first step, optional)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from proposals.services import submission
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"proposals:{name}", args=args)


def what_data(edition: Edition, **extra: str) -> dict[str, str]:
    theme = edition.themes.get(name="Groen")
    data = {
        "title": "Moestuin",
        "summary": "Samen groente kweken.",
        "description": "Een tuin.",
        "theme": theme.pk,
    }
    return {**{k: str(v) for k, v in data.items()}, **extra}


def test_a_new_plan_starts_with_the_titles_the_initiator_gave_in_other_languages(
    client: Client, resident: User, edition: Edition
) -> None:
    client.force_login(resident)
    page = page_text(client.get(url("start", edition.slug)))
    assert "In other languages (optional)" in page
    assert 'name="title__en"' in page and 'name="summary__en"' in page
    assert 'name="description__en"' not in page  # the description stays in the language it was written in
    response = client.post(url("start", edition.slug), what_data(edition, title__en="Vegetable garden"))
    assert response.status_code == 302
    plan = Plan.objects.get(initiator=resident)
    assert plan.title == "Moestuin"
    assert plan.translations == {"en": {"title": "Vegetable garden"}}


def test_editing_the_first_step_shows_and_changes_the_translations(
    client: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, costs=[])
    plan.translations = {"en": {"title": "Garden", "summary": "Old"}}
    plan.save()
    client.force_login(resident)
    page = page_text(client.get(url("edit", plan.pk, "wat")))
    assert 'value="Garden"' in page and '<details class="translation-fields" open>' in page
    client.post(url("edit", plan.pk, "wat"), what_data(edition, title__en="Vegetable garden", summary__en=""))
    plan.refresh_from_db()
    assert plan.translations == {"en": {"title": "Vegetable garden"}}


def test_a_too_long_translated_title_is_refused_and_nothing_changes(
    client: Client, resident: User, edition: Edition
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, costs=[])
    client.force_login(resident)
    response = client.post(url("edit", plan.pk, "wat"), what_data(edition, title__en="x" * 121))
    assert response.status_code == 200
    assert "at most 120 characters" in page_text(response)
    plan.refresh_from_db()
    assert plan.translations == {}


def test_the_service_refuses_a_language_that_does_not_exist(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT, costs=[])
    with pytest.raises(ValidationError):
        submission.save_draft(plan=plan, by=resident, fields={"translations": {"fr": {"title": "Jardin"}}})
    plan.refresh_from_db()
    assert plan.translations == {}


def test_another_resident_cannot_change_the_translations(client: Client, edition: Edition) -> None:
    owner = factories.make_user()
    plan = factories.make_plan(edition=edition, initiator=owner, status=PlanStatus.DRAFT, costs=[])
    client.force_login(factories.make_user())
    response = client.post(url("edit", plan.pk, "wat"), what_data(edition, title__en="Hijacked"))
    assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.translations == {}
