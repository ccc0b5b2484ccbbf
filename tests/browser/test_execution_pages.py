"""The execution pages in a real browser: no WCAG 2.1 AA violation in either language at 1280 and
390 px, and no sideways scroll on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from tests.browser.helpers import scan
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.browser


def test_the_execution_pages_are_accessible(page: Page, live_server: Any, transactional_db: None) -> None:
    """Set up once, then every page in every language at both widths (``scan``). The district's work
    page is scanned in test_execution_money_pages."""
    edition, plans, official, _ = published_projects()
    projects = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=35)
    add_updates(projects=projects[:1], author=plans[0].initiator, per_project=25)
    client = Client()
    client.force_login(official)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    with translation.override("nl"):
        overview = reverse("execution:overview", args=[edition.slug])
        paths = {
            "overview": overview,
            "overview, filtered": overview + "?status=running&pagina=1",
            "project with 25 updates": projects[0].get_absolute_url(),
        }
    problems = scan(page, live_server.url, paths)
    assert not problems, "\n".join(problems)
