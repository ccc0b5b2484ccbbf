"""The learning report's pages in a real browser: no WCAG 2.1 AA violation in either language at 1280
and 390 px, no sideways scroll on a phone, readable without JavaScript; screenshots in /tmp/shots."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from accounts.models import Role
from evaluation.costs.services import add_cost
from evaluation.lessons.services import LessonText, add_lesson
from tests import factories
from tests.browser.helpers import PREFIXES
from tests.browser.test_results import problems
from tests.evaluation.report.factory import store_evidence

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots/evaluation")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_learning_report_pages_are_accessible(
    page: Page, live_server: Any, transactional_db: None, prefix: str, width: int
) -> None:
    district = factories.make_district(name="Nieuw-West")
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    later = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2028", year=2028)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    store_evidence(edition)
    store_evidence(later)
    text = LessonText(
        finding="Osdorp stemde veel minder dan Slotermeer.",
        recommendation="Een stembus op de markt in Osdorp.",
        evidence="turnout-neighbourhoods",
        adopted_in=later,
        adopted_setting="phases",
    )
    add_lesson(edition=edition, by=official, text=text)
    add_cost(
        edition=edition, by=official, description="Drukwerk", staff_hours=Decimal(12), amount_cents=150_000
    )
    client = Client()
    client.force_login(official)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": width, "height": 900})
    paths = {
        "report": reverse("evaluation:report", args=[edition.slug]),
        "municipality": reverse("evaluation:municipality", args=[district.municipality.slug]),
        "lessons": reverse("evaluation:lessons", args=[edition.slug]),
        "costs": reverse("evaluation:costs", args=[edition.slug]),
    }
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in paths.items():
        page.goto(live_server.url + prefix + path)
        page.screenshot(path=str(SHOTS / f"{name}-{prefix.strip('/') or 'nl'}-{width}.png"), full_page=True)
        if width == 390:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        found = problems(page)
        assert not found, (path, found)
