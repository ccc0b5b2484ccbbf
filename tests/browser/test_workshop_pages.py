"""The plan workshop pages pass an axe WCAG 2.1 AA scan at laptop and phone width in every language:
the public list signed up and not, the management page with attendance, and the change form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page

from development.models import Workshop, WorkshopSignUp
from development.workshops.services import record_attendance, sign_up_for_workshop
from editions.models import Edition
from tests import factories
from tests.browser.helpers import log_in, scan
from tests.development.workshops.helpers import make_workshop, official_of

pytestmark = pytest.mark.browser


def _path(name: str, edition: Edition, **kwargs: object) -> str:
    with translation.override("nl"):
        return reverse(f"development:{name}", kwargs={"slug": edition.slug, **kwargs})


def test_the_workshop_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    edition = factories.make_edition(name="Buurtbudget Nieuw-West 2027", is_published=True)
    official = official_of(edition)
    resident = factories.make_user()
    past = make_workshop(
        edition=edition, title="Van idee naar plan", starts_at=timezone.now() + timedelta(days=1)
    )
    soon = make_workshop(edition=edition, title="Een begroting maken", capacity=3)
    make_workshop(
        edition=edition, title="Fikrinden plana", language="tr", starts_at=timezone.now() + timedelta(days=12)
    )
    came = sign_up_for_workshop(workshop=past, user=resident)
    sign_up_for_workshop(workshop=past, user=factories.make_user())
    sign_up_for_workshop(workshop=soon, user=resident)
    Workshop.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=10), ends_at=timezone.now() - timedelta(days=10, hours=-2)
    )
    record_attendance(sign_up=WorkshopSignUp.objects.get(pk=came.pk), by=official, attended=True)

    page.goto(base + _path("workshops", edition))  # anonymous: no sign-up buttons, a way to log in
    problems = scan(page, base, {"workshops (anonymous)": _path("workshops", edition)})
    log_in(page, base, resident.email)
    problems += scan(page, base, {"workshops (signed up)": _path("workshops", edition)})
    log_in(page, base, factories.make_user().email)
    problems += scan(page, base, {"workshops (not signed up)": _path("workshops", edition)})
    log_in(page, base, official.email)
    problems += scan(
        page,
        base,
        {
            "manage workshops": _path("manage_workshops", edition),
            "change a workshop": _path("edit_workshop", edition, pk=soon.pk),
        },
    )
    assert not problems, "\n".join(problems)
