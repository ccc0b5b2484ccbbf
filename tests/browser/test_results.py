"""The results and count pages in a real browser: no WCAG 2.1 AA violation, no sideways scroll at 390px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.helpers import PREFIXES, axe_violations
from tests.outcomes.factories import make_closed_vote, make_count, make_official

pytestmark = pytest.mark.browser


def problems(shown: Page) -> list[str]:
    return [f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in axe_violations(shown)]


def test_result_and_count_pages_are_accessible_on_a_phone(
    page: Page,
    live_server: Any,
    transactional_db: None,
) -> None:
    """In every language, on one count (set up once: reading changes nothing)."""
    edition, _ = make_closed_vote(
        choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes", name="Buurtbudget Noord 2027"
    )
    official = make_official(edition)
    make_count(edition=edition, by=official)
    client = Client()
    client.force_login(official)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page.set_viewport_size({"width": 390, "height": 844})

    for prefix in PREFIXES:
        for path in (f"{prefix}/uitslag/{edition.slug}/", f"{prefix}/uitslag/{edition.slug}/tellen/"):
            page.goto(live_server.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
            assert not problems(page), (path, problems(page))


# The demo's Nieuw-West 2026: a vote counted with Equal Shares in four sections (Osdorp-Oost has "Pannaveld").
NIEUW_WEST = "/uitslag/buurtbudget-nieuw-west-2026/"
ENGLISH = re.compile(
    r"\b(the|and|with|which|voters?|funded|chosen|round|shares?|supporters?|greedy|exhaustion|"
    r"lexicographic|satisfaction|ballots?|completed)\b",
    re.IGNORECASE,
)
# What a reader meets that is not Dutch by design: the re-count commands and the hashes.
NOT_READ = "code, .outcome-hash, svg"


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("width", [390, 1280])
def test_nieuw_west_result_is_a_short_clear_page_on_a_phone_and_a_laptop(
    page: Page, site: Site, prefix: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    response = page.goto(site.url + prefix + NIEUW_WEST)
    assert response is not None and response.ok
    # Characters, not bytes: an Arabic letter takes two bytes in UTF-8 (and the wire carries it gzipped).
    assert len(response.text()) < 100_000, len(response.text())

    # The summary comes first: the chosen plans, the money, the turnout, then the rule and its picture.
    summary = page.locator(".outcome-summary")
    assert summary.locator("li").count() == 4  # one line of chosen plans per section
    assert page.locator("figure.rule-picture svg[role=img]").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not problems(page), problems(page)
    if width == 390:
        # About five screens with everything folded (it was 25).
        assert page.evaluate("document.documentElement.scrollHeight") < 6 * 844

    # Every fold open: the tables of plans, the words, the picture in words, the settings.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not problems(page), problems(page)
    if not prefix:
        text = page.evaluate(
            "(skip) => { const c = document.querySelector('main').cloneNode(true);"
            " c.querySelectorAll(skip).forEach(e => e.remove()); return c.innerText; }",
            NOT_READ,
        )
        assert not ENGLISH.findall(text), ENGLISH.findall(text)


def test_a_phone_opens_pannaveld_and_reads_why_it_was_not_funded(page: Page, site: Site) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + NIEUW_WEST)

    assert page.get_by_role("heading", name="In het kort").is_visible()
    assert page.get_by_text("Iedereen die stemde krijgt een even groot deel van het budget.").is_visible()
    pannaveld = page.get_by_role("rowheader", name=re.compile("Pannaveld"))
    assert not pannaveld.is_visible()  # folded until asked for

    page.locator("#section-n-osdorp-oost summary").first.click()

    assert pannaveld.is_visible()
    row = page.locator("tr", has=pannaveld)
    assert "Niet gefinancierd" in row.inner_text()
    assert "436" in row.inner_text()


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("slug", ["buurtbudget-oost-2026", "buurtbudget-noord-2026"])
def test_hybrid_and_panel_results_fit_a_phone_folded_and_unfolded(
    page: Page, site: Site, slug: str, prefix: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    response = page.goto(f"{site.url}{prefix}/uitslag/{slug}/")
    assert response is not None and response.ok

    for unfold in (False, True):
        if unfold:
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert not problems(page), (slug, unfold, problems(page))
