"""The panel's consensus in a real browser: the live budget total, a refusal over budget, recording,
publishing, and the result page showing the panel's reasons; every page WCAG 2.1 AA at 390px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from deliberation.models import PanelDecision
from editions.models import BallotFormat
from proposals.models import Plan, PlanStatus
from tests.browser.helpers import check_page, log_in
from tests.deliberation.factories import make_deciding_panel

pytestmark = pytest.mark.browser


def test_a_facilitator_records_and_publishes_a_consensus_within_the_budget(
    browser: Browser, live_server: object, transactional_db: None
) -> None:
    url = str(live_server).rstrip("/")
    edition, plans, facilitator, _ = make_deciding_panel(
        BallotFormat.KNAPSACK
    )  # € 40k, 30k, 20k, 10k of € 60k
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, url, facilitator.email)

    page.goto(url + f"/en/uitslag/{edition.slug}/panel/")
    check_page(page, "decision page", problems)
    total = page.locator("output[data-total]")
    page.get_by_label(f"Chosen: {plans[0].title}").check()
    page.get_by_label(f"Chosen: {plans[1].title}").check()
    expect(total).to_have_text("€70,000 (more than the budget)")  # the total follows the ticks
    for plan in plans:
        page.get_by_label(f"The panel's reason for “{plan.title}”").fill(f"Het panel over {plan.title}.")
    page.get_by_role("button", name="Record the consensus").click()
    expect(page.get_by_text("more than the budget of €60,000")).to_be_visible()  # refused, input kept
    assert not PanelDecision.objects.exists()
    expect(page.get_by_label(f"The panel's reason for “{plans[2].title}”")).to_have_value(
        f"Het panel over {plans[2].title}."
    )

    page.get_by_label(f"Chosen: {plans[1].title}").uncheck()
    page.get_by_label(f"Chosen: {plans[2].title}").check()
    expect(total).to_have_text("€60,000")
    page.get_by_label("The panel's explanation of its decision").fill("Het panel koos samen twee plannen.")
    page.get_by_role("button", name="Record the consensus").click()
    expect(page.get_by_text("The panel's decision is recorded.")).to_be_visible()
    check_page(page, "decision page (recorded)", problems)
    page.get_by_role("button", name="Publish the decision").click()
    expect(page.get_by_text("The panel's decision is published")).to_be_visible()
    assert set(Plan.objects.filter(status=PlanStatus.SELECTED).values_list("pk", flat=True)) == {
        plans[0].pk,
        plans[2].pk,
    }

    page.goto(url + f"/en/uitslag/{edition.slug}/")
    expect(page.get_by_text("Het panel koos samen twee plannen.")).to_be_visible()
    for summary in page.locator("details.outcome-details > summary").all():  # plans fold per section
        summary.click()
    expect(page.get_by_text(f"Het panel over {plans[3].title}.")).to_be_visible()
    check_page(page, "result page (consensus)", problems)
    context.close()
    assert problems == [], "\n".join(problems)
