"""A panel's ballot round in a real browser: the facilitator opens it and prints the cards, a member votes on
a 390px phone with their card's code (and cannot vote twice), and another votes on the shared tablet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from deliberation.models import BallotCard, PanelBallot
from editions.models import BallotFormat
from tests.browser.helpers import check_page, log_in
from tests.deliberation.factories import make_deciding_panel

pytestmark = pytest.mark.browser


def test_a_member_votes_in_a_round_on_a_phone_and_another_on_the_tablet(
    browser: Browser, live_server: object, transactional_db: None
) -> None:
    url = str(live_server).rstrip("/")
    edition, plans, facilitator, _ = make_deciding_panel(BallotFormat.KNAPSACK)
    problems: list[str] = []

    staff = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    staff.set_default_timeout(10_000)
    tablet = staff.new_page()
    log_in(tablet, url, facilitator.email)

    tablet.goto(url + f"/en/panel/{edition.slug}/stemronde/")
    check_page(tablet, "round page (closed)", problems)
    tablet.get_by_role("button", name="Open a round and make the cards").click()
    expect(tablet.get_by_role("heading", name="Ballot cards")).to_be_visible()
    expect(tablet.get_by_text("cannot be shown again")).to_be_visible()
    code = tablet.locator("[data-pool-id=P0001]").inner_text()
    assert len(code) == 11
    check_page(tablet, "printable cards", problems)

    phone_context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-GB", is_mobile=True
    )
    phone_context.set_default_timeout(10_000)
    phone = phone_context.new_page()
    try:
        phone.goto(url + f"/en/panel/{edition.slug}/stemmen/#code={code}")
        expect(phone.locator("#id_code")).to_have_value(code)  # filled from the QR link's fragment
        check_page(phone, "member code page", problems)
        phone.get_by_role("button", name="Go to the ballot").click()
        expect(phone.locator("h1")).to_have_text("Your ballot")
        status = phone.locator("[data-status]").first
        phone.get_by_label("Stemplan 1").check()  # € 40,000
        phone.get_by_label("Stemplan 2").check()  # € 30,000 more: over the budget
        expect(status).to_have_text("€70,000 of €60,000 chosen: €10,000 over the budget.")
        phone.get_by_label("Stemplan 2").uncheck()
        phone.get_by_label("Stemplan 3").check()
        expect(status).to_have_text("€60,000 of €60,000 chosen")
        check_page(phone, "member ballot", problems)
        phone.get_by_role("button", name="Cast my vote").click()
        expect(phone.locator("h1")).to_have_text("Your ballot is in")
        check_page(phone, "member receipt", problems)
        assert PanelBallot.objects.get().content == {"main": sorted([plans[0].pk, plans[2].pk])}

        phone.goto(url + f"/en/panel/{edition.slug}/stemmen/")
        phone.get_by_label("Code on your ballot card").fill(code)
        phone.get_by_role("button", name="Go to the ballot").click()
        expect(phone.locator("#vote-error")).to_have_text("You have already voted in this round.")
        assert PanelBallot.objects.count() == 1
    finally:
        phone_context.close()

    try:
        tablet.goto(url + f"/en/panel/{edition.slug}/stemronde/")
        expect(tablet.get_by_text("Cards used: 1 of 4")).to_be_visible()
        check_page(tablet, "round page (open)", problems)
        tablet.get_by_role("link", name="Shared tablet").click()
        expect(tablet.locator("h1")).to_have_text("Shared tablet")
        expect(tablet.get_by_role("link", name="P0002")).to_be_visible()
        expect(tablet.get_by_role("link", name="P0001")).to_have_count(0)
        check_page(tablet, "tablet list", problems)
        tablet.get_by_role("link", name="P0002").click()
        expect(tablet.locator("h1")).to_have_text("Your ballot")
        tablet.get_by_label("Stemplan 4").check()
        tablet.get_by_role("button", name="Cast my vote").click()
        expect(tablet.get_by_text("The ballot has been cast.")).to_be_visible()
        expect(tablet.get_by_role("link", name="P0002")).to_have_count(0)
        expect(tablet.locator("main")).not_to_contain_text("Stemplan 4")
        assert PanelBallot.objects.count() == 2
        assert BallotCard.objects.filter(used_at__isnull=False).count() == 2
    finally:
        staff.close()
    assert not problems, "\n".join(problems)
