"""Following in the browser: the button works without JavaScript help, and the pages pass axe."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from execution.models import Follow
from tests import factories
from tests.browser.helpers import log_in, scan
from tests.execution.factories import published_projects

pytestmark = pytest.mark.browser


def test_a_resident_follows_a_project_and_the_following_pages_pass_axe(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    edition, _, _, projects = published_projects()
    resident = factories.make_user()
    with translation.override("nl"):
        project_path = projects[0].get_absolute_url()
        paths = {
            "project, visitor": project_path,
            "overview, visitor": reverse("execution:overview", args=[edition.slug]),
        }
        follow_path = reverse("execution:follow_edition", args=[edition.slug])
        followed_path = reverse("execution:followed")
    assert scan(page, base, paths) == []

    log_in(page, base, resident.email)
    page.goto(base + "/en" + project_path)
    page.get_by_role("button", name="Follow this project").click()
    page.wait_for_url(base + "/en" + project_path)
    assert Follow.objects.filter(user=resident, project=projects[0]).exists()
    assert page.get_by_role("button", name="Stop following").is_visible()
    assert (
        scan(
            page,
            base,
            {
                "project, follower": project_path,
                "follow edition": follow_path,
                "what I follow": followed_path,
            },
        )
        == []
    )
