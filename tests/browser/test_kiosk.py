"""A vote on a community centre's kiosk in a real browser: an official switches the device into kiosk
mode, a resident votes with large text and no menu, and the kiosk is back at an empty code page —
after "next voter", and by itself after the idle time (with JavaScript, and without it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from accounts.models import Role
from editions.models import BallotFormat, Edition
from proposals.models import Plan
from tests import factories
from tests.browser.helpers import check_page, log_in
from voting.kiosk import mode

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")


@pytest.fixture
def server(live_server: Any, transactional_db: None) -> str:
    return str(live_server).rstrip("/")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def make_kiosk(page: Page, server: str) -> tuple[Edition, list[Plan]]:
    """A running vote, and the page's device switched into its kiosk by an official."""
    edition, plans = factories.make_vote(
        ballot_format=BallotFormat.APPROVAL, ballot_max_choices=2, name="Buurtbudget Kiosktest"
    )
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    log_in(page, server, official.email)
    page.goto(f"{server}/en/stemming/{edition.slug}/")
    page.get_by_role("button", name="Make this device a voting kiosk").click()
    page.wait_for_url(f"{server}/stemmen/{edition.slug}/")
    return edition, plans


def test_a_resident_votes_on_the_kiosk_and_it_is_empty_for_the_next(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    edition, plans = make_kiosk(page, server)
    problems: list[str] = []
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"  # 125 %
    expect(page.locator(".site-nav")).to_have_count(0)
    expect(page.locator(".site-header__languages")).to_be_visible()
    check_page(page, "kiosk start @390", problems)
    shot(page, "kiosk-start-390")

    _, code = factories.make_voter(edition=edition)
    page.fill("#id_code", code)
    page.locator("main form button[type=submit]").click()
    page.get_by_label(plans[1].title).check()
    expect(page.locator("#kiosk-idle-warning")).to_be_hidden()  # until the voter stops for 40 s
    check_page(page, "kiosk ballot @390", problems)
    shot(page, "kiosk-ballot-390")
    page.get_by_role("button", name="Stem").click()
    expect(page.locator("#receipt-number")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(plans[1].title)
    check_page(page, "kiosk receipt @390", problems)
    shot(page, "kiosk-receipt-390")

    page.get_by_role("link", name="Klaar: volgende kiezer").click()
    page.wait_for_url(f"{server}/stemmen/{edition.slug}/")
    expect(page.locator("#id_code")).to_have_value("")
    assert not [c for c in page.context.cookies() if c["name"] == "sessionid" and c["value"]]
    assert factories.opened_contents(edition) == [{"main": [plans[1].pk]}]
    page.goto(f"{server}/stemmen/{edition.slug}/papieren-stembiljet/")
    check_page(page, "paper ballot @390", problems)
    shot(page, "paper-ballot-390")
    assert not problems, "\n".join(problems)


def test_an_idle_ballot_goes_back_to_the_start_with_and_without_javascript(
    page: Page, server: str, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mode, "IDLE_SECONDS", 3)
    edition, _ = make_kiosk(page, server)
    kiosk_cookie = [c for c in page.context.cookies() if c["name"] == mode.COOKIE]
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        context.add_cookies(kiosk_cookie)  # type: ignore[arg-type]
        device = context.new_page()
        _, code = factories.make_voter(edition=edition)
        device.goto(f"{server}/stemmen/{edition.slug}/")
        device.fill("#id_code", code)
        device.locator("main form button[type=submit]").click()
        expect(device.locator("input[name=token]")).to_have_count(1)
        if javascript:  # warned first: with 3 s, at once
            expect(device.locator("#kiosk-idle-warning")).to_be_visible()
        expect(device.locator("input[name=token]")).to_have_count(0, timeout=8_000)  # back at the start
        assert device.url == f"{server}/stemmen/{edition.slug}/"
        expect(device.locator("#id_code")).to_have_value("")
        context.close()
