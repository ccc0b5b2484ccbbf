"""With the Content-Security-Policy on, a real browser blocks nothing on the main pages: public, a
resident's, staff's and the admin's, and the scripts still work (the knapsack ballot's live budget bar,
the cost step's running total, the like button's htmx swap)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import ConsoleMessage, Page, expect

from accounts.models import Role
from editions.models import BallotFormat
from proposals.models import PlanStatus
from tests import factories
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser


class Violations:
    """Every console error and uncaught script error of the page since it was watched."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def blocked(self) -> list[str]:
        return [error for error in self.errors if "Content Security Policy" in error or "page error" in error]


@pytest.fixture
def server(live_server: Any, transactional_db: None) -> str:
    return str(live_server).rstrip("/")


@pytest.fixture
def watched(page: Page) -> Iterator[Violations]:
    violations = Violations(page)
    yield violations
    assert not violations.blocked(), violations.blocked()


def visit(page: Page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, url
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")


def test_the_knapsack_ballot_bar_and_the_public_pages_run_under_the_policy(
    page: Page, server: str, watched: Violations
) -> None:
    edition, plans = factories.make_vote(ballot_format=BallotFormat.KNAPSACK, name="Buurtbudget CSP")
    _, code = factories.make_voter(edition=edition)
    for path in (
        "/",
        "/en/",
        "/plannen/",
        plans[0].get_absolute_url(),
        "/hoe-werkt-het/",
        "/toegankelijkheid/",
    ):
        visit(page, server + path)
    visit(page, server + "/bestaat-niet/", status=404)
    visit(page, server + "/plannen/?edition=%00", status=400)

    visit(page, f"{server}/en/stemmen/{edition.slug}/#code={code}")
    expect(page.locator("#id_code")).to_have_value(code)  # ballot.js read the fragment
    page.locator("main form button[type=submit]").click()
    status = page.locator("[data-status]").first
    expect(status).to_have_text("€0 of €60,000 chosen")
    page.get_by_label("Stemplan 1").check()
    expect(status).to_have_text("€40,000 of €60,000 chosen")
    assert page.locator("progress.ballot-status__bar").evaluate("bar => bar.value") == 4_000_000


def test_a_residents_pages_and_their_scripts_run_under_the_policy(
    page: Page, server: str, watched: Violations
) -> None:
    resident = factories.make_user(email="anna@example.org")
    edition = factories.make_edition_in_phase("support", support_threshold=10, name="Buurtbudget Steun")
    theirs = factories.make_plan(edition=edition, status=PlanStatus.SUBMITTED)
    factories.make_likes(plan=theirs, count=4)
    plans_edition = factories.make_edition(name="Buurtbudget Plannen")
    draft = factories.make_plan(edition=plans_edition, initiator=resident, status=PlanStatus.DRAFT)
    log_in(page, server, resident.email)

    for path in ("/plannen/mijn-plannen/", "/account/", "/account/meldingen/"):
        visit(page, server + path)

    visit(page, f"{server}/en/plannen/{draft.pk}/bewerken/kosten/")
    page.locator("input[name$='-amount']").first.fill("1.250,50")
    expect(page.locator("#cost-total")).to_have_text("€1,250.50")  # cost-total.js

    visit(page, f"{server}/en{theirs.get_absolute_url()}")
    assert page.locator("progress.support__bar").evaluate("bar => bar.value") == 40
    page.get_by_role("button", name="Support this plan").click()  # htmx swaps the section
    expect(page.locator("#steun-count")).to_contain_text("5")


def test_staff_and_admin_pages_run_under_the_policy(page: Page, server: str, watched: Violations) -> None:
    edition, _ = factories.make_vote(ballot_format=BallotFormat.APPROVAL, name="Buurtbudget Beheer")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    log_in(page, server, official.email)
    for path in ("/werk/", f"/stemming/{edition.slug}/", f"/beoordelen/{edition.slug}/"):
        visit(page, server + path)

    superuser = factories.make_user(email="beheer@example.org", is_superuser=True, is_staff=True)
    log_in(page, server, superuser.email)
    for path in ("/beheer/", "/beheer/editions/edition/", f"/beheer/editions/edition/{edition.pk}/change/"):
        visit(page, server + path)
    assert timezone.now()
