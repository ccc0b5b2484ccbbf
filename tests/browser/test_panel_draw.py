"""A facilitator sets the panel size, draws the panel, sees the quota table and publishes; the draw page and
the public panel page pass axe (WCAG 2.1 AA) at 1280px and 390px, in Dutch and English."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from deliberation.models import Draw
from tests.browser.test_accessibility import WCAG_21_AA, describe
from tests.deliberation.factories import make_facilitator, make_panel_edition, make_pool
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

AXE = Axe()


def scan(page: Page, url: str, paths: dict[str, str]) -> list[str]:
    problems = []
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in paths.items():
            for prefix in ("", "/en"):
                response = page.goto(url + prefix + path)
                assert response is not None and response.status == 200, f"{name}: {prefix}{path}"
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 0:
                    problems.append(f"[{name} {prefix or '/nl'} @{width}] {overflow}px horizontal scroll")
                results = AXE.run(page, options=WCAG_21_AA)
                if results.violations_count:
                    problems.append(
                        describe(f"{name} {prefix or '/nl'} @{width}", results.response["violations"])
                    )
    return problems


def test_a_facilitator_draws_and_publishes_the_panel(
    page: Page, live_server: object, transactional_db: None
) -> None:
    url = str(live_server).rstrip("/")
    edition = make_panel_edition(panel_size=8)
    make_pool(edition, size=30)
    facilitator = make_facilitator(edition)

    page.goto(url + "/en/account/inloggen/")
    page.fill("input[name=username]", facilitator.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(url + "/en/")

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
