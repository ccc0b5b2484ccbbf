"""The execution pages in a real browser: no WCAG 2.1 AA violation in either language at 1280 and
390 px, and no sideways scroll on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from tests.browser.helpers import PREFIXES
from tests.browser.test_results import problems
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_execution_pages_are_accessible(
    page: Page, live_server: Any, transactional_db: None, prefix: str, width: int
) -> None:
    edition, plans, official, _ = published_projects()
    projects = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=35)
    add_updates(projects=projects[:1], author=plans[0].initiator, per_project=25)
    client = Client()
    client.force_login(official)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": width, "height": 900})
    paths = [
        reverse("execution:overview", args=[edition.slug]),
        reverse("execution:overview", args=[edition.slug]) + "?status=running&pagina=1",
        projects[0].get_absolute_url(),
        reverse("execution:district_work", args=[edition.slug]),
    ]
    for path in paths:
        page.goto(live_server.url + prefix + path)
        if width == 390:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        found = problems(page)
        assert not found, (path, found)
