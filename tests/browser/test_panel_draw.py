"""A facilitator sets the panel size, draws the panel, sees the quota table and publishes; the draw page and
the public panel page pass axe (WCAG 2.1 AA) at 1280px and 390px, in Dutch and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from deliberation.models import Draw
from tests.browser.helpers import log_in, scan
from tests.deliberation.factories import make_facilitator, make_panel_edition, make_pool

pytestmark = pytest.mark.browser


def test_a_facilitator_draws_and_publishes_the_panel(
    page: Page, live_server: object, transactional_db: None
) -> None:
    url = str(live_server).rstrip("/")
    edition = make_panel_edition(panel_size=8)
    make_pool(edition, size=30)
    facilitator = make_facilitator(edition)

    log_in(page, url, facilitator.email)

    page.goto(url + f"/en/panel/{edition.slug}/quota/")
    page.get_by_label("Panel size").fill("6")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The panel size and quotas have been saved.")).to_be_visible()

    page.get_by_role("button", name="Draw the panel").click()
    expect(page.get_by_text("The draw has started.")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("table", name="How close each quota came")).to_be_visible()
    draw = Draw.objects.get(edition=edition, is_current=True)
    assert draw.panel_size == 6 and len(draw.selected) == 6

    problems = scan(page, url, {"draw page": f"/panel/{edition.slug}/loting/"})

    page.goto(url + f"/en/panel/{edition.slug}/loting/")
    page.get_by_role("button", name="Publish the panel").click()
    expect(page.get_by_text("The panel has been published.")).to_be_visible()

    page.goto(url + f"/en/panel/{edition.slug}/")
    expect(page.get_by_role("heading", name="Citizens' panel")).to_be_visible()
    expect(page.get_by_text(str(draw.seed)).first).to_be_visible()
    problems += scan(
        page,
        url,
        {
            "public panel": f"/panel/{edition.slug}/",
            "draw page (published)": f"/panel/{edition.slug}/loting/",
        },
    )
    assert not problems, "\n".join(problems)
