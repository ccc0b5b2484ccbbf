"""The admin page to extend a phase or close it early, reached from the edition's page (backoffice.views)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from places.models import District

from .. import factories


def _url(edition: Edition, language: str = "en") -> str:
    with translation.override(language):
        return reverse("admin:editions_edition_phase_dates", args=[edition.pk])


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


@pytest.fixture
def in_plans(district: District) -> Edition:
    return factories.make_edition_in_phase("plans", district=district)


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Extend or close a phase early"), ("nl", "Fase verlengen of vervroegd sluiten")],
)
def test_the_page_lists_the_phases_in_both_languages(
    client: Client, official: User, in_plans: Edition, language: str, title: str
) -> None:
    client.force_login(official)
    response = client.get(_url(in_plans, language), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    assert title in page
    assert len(response.context["rows"]) == in_plans.phases.count()


def test_extending_on_the_page_moves_the_end_and_logs_the_reason(
    client: Client, official: User, in_plans: Edition
) -> None:
    client.force_login(official)
    new_end = timezone.localtime(factories.phase_of(in_plans, "plans").ends_at + timedelta(days=2))
    response = client.post(
        _url(in_plans),
        {
            "phase": "plans",
            "change": "extend",
            "ends_at": new_end.strftime("%Y-%m-%dT%H:%M"),
            "reason": "Storing",
        },
    )
    assert response.status_code == 302
    assert factories.phase_of(in_plans, "plans").ends_at == new_end.replace(second=0, microsecond=0)
    assert AuditEntry.objects.get(action="editions.phase_extended").after["reason"] == "Storing"


def test_closing_early_on_the_page(client: Client, official: User, in_plans: Edition) -> None:
    client.force_login(official)
    response = client.post(_url(in_plans), {"phase": "plans", "change": "close_early", "reason": "Genoeg"})
    assert response.status_code == 302
    assert factories.phase_of(in_plans, "plans").ends_at <= timezone.now()


def test_without_a_reason_or_a_new_end_the_page_says_so_and_nothing_changes(
    client: Client, official: User, in_plans: Edition
) -> None:
    client.force_login(official)
    end = factories.phase_of(in_plans, "plans").ends_at
    response = client.post(_url(in_plans), {"phase": "plans", "change": "extend", "reason": ""})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "reason" in errors and "ends_at" in errors
    earlier = timezone.localtime(end - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        _url(in_plans), {"phase": "plans", "change": "extend", "ends_at": earlier, "reason": "x"}
    )
    assert "The new end must be later than the current end" in response.content.decode()
    assert factories.phase_of(in_plans, "plans").ends_at == end
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("who", ["official_elsewhere", "reviewer"])
def test_other_districts_and_other_roles_do_not_reach_the_page(
    client: Client, in_plans: Edition, district: District, other_district: District, who: str
) -> None:
    user = {
        "official_elsewhere": factories.make_staff(
            role=Role.OFFICIAL, district=other_district, is_staff=True
        ),
        "reviewer": factories.make_staff(role=Role.REVIEWER, district=district, is_staff=True),
    }[who]
    client.force_login(user)
    end = factories.phase_of(in_plans, "plans").ends_at
    assert client.get(_url(in_plans)).status_code == 404
    response = client.post(_url(in_plans), {"phase": "plans", "change": "close_early", "reason": "x"})
    assert response.status_code == 404
    assert factories.phase_of(in_plans, "plans").ends_at == end


def test_a_resident_is_sent_to_the_log_in(client: Client, in_plans: Edition) -> None:
    client.force_login(factories.make_user())
    assert client.get(_url(in_plans)).status_code == 302
