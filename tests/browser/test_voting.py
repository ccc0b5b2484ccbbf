"""A resident votes in a real browser in each ballot format, changes the vote, and axe finds no WCAG issue."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Page, expect

from editions.models import BallotFormat, Edition
from proposals.models import Plan, PlanImage
from tests import factories
from tests.browser.helpers import PREFIXES, axe_violations, describe
from voting.models import Ballot, Voter

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
FORMAT_FIELDS: dict[str, dict[str, Any]] = {
    BallotFormat.APPROVAL: {"ballot_max_choices": 2},
    BallotFormat.KNAPSACK: {},
    BallotFormat.CUMULATIVE: {"ballot_points": 10},
    BallotFormat.RANKING: {"ballot_max_choices": 3},
}


@pytest.fixture
def server(live_server: Any, transactional_db: None) -> str:
    return str(live_server).rstrip("/")


def make_vote(ballot_format: str) -> tuple[Edition, list[Plan]]:
    edition, plans = factories.make_vote(
        ballot_format=ballot_format, name="Buurtbudget Stemtest", **FORMAT_FIELDS[ballot_format]
    )
    PlanImage.objects.create(
        plan=plans[0],
        image=ContentFile(factories.make_image_bytes(size=(320, 240)), name="speeltuin.png"),
        alt_text="Een grasveld waar de speeltuin zou komen",
    )
    return edition, plans


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def enter_code(page: Page, server: str, edition: Edition, code: str, language: str = "en") -> None:
    prefix = "" if language == "nl" else f"/{language}"
    page.goto(f"{server}{prefix}/stemmen/{edition.slug}/#code={code}")
    expect(page.locator("#id_code")).to_have_value(code)  # filled from the QR link's fragment
    assert "#code" not in page.url and code not in page.url
    page.locator("main form button[type=submit]").click()
    expect(page.locator("input[name=token]")).to_have_count(1)


def status(page: Page) -> Any:
    return page.locator("[data-status]").first


# What the voter does in each format: the first ballot, then the change (on an empty form: the first
# ballot is sealed and cannot be shown again).


def vote_approval(page: Page, plans: list[Plan]) -> None:
    expect(status(page)).to_have_text("Chosen: 0 of at most 2")
    page.get_by_label("Stemplan 1").check()
    page.get_by_label("Stemplan 3").check()
    expect(status(page)).to_have_text("Chosen: 2 of at most 2")


def change_approval(page: Page, plans: list[Plan]) -> None:
    expect(page.get_by_label("Stemplan 1")).not_to_be_checked()
    page.get_by_label("Stemplan 3").check()
    page.get_by_label("Stemplan 4").check()


def vote_knapsack(page: Page, plans: list[Plan]) -> None:
    bar = page.locator("progress.ballot-status__bar")
    expect(status(page)).to_have_text("€0 of €60,000 chosen")
    page.get_by_label("Stemplan 1").check()  # € 40.000
    expect(status(page)).to_have_text("€40,000 of €60,000 chosen")
    assert bar.evaluate("bar => bar.value") == 4_000_000
    page.get_by_label("Stemplan 2").check()  # € 30.000 more: over the budget
    expect(status(page)).to_have_text("€70,000 of €60,000 chosen: €10,000 over the budget.")
    expect(page.locator(".ballot-status")).to_have_class(re.compile("ballot-status--over"))
    page.get_by_label("Stemplan 2").uncheck()
    page.get_by_label("Stemplan 3").check()  # € 20.000: exactly the budget
    expect(status(page)).to_have_text("€60,000 of €60,000 chosen")
    assert bar.evaluate("bar => bar.value") == 6_000_000


def change_knapsack(page: Page, plans: list[Plan]) -> None:
    expect(status(page)).to_have_text("€0 of €60,000 chosen")
    page.get_by_label("Stemplan 3").check()
    expect(status(page)).to_have_text("€20,000 of €60,000 chosen")
    page.get_by_label("Stemplan 2").check()
    page.get_by_label("Stemplan 4").check()
    expect(status(page)).to_have_text("€60,000 of €60,000 chosen")


def vote_cumulative(page: Page, plans: list[Plan]) -> None:
    expect(status(page)).to_have_text("Points left: 10 of 10")
    page.get_by_label("Points for Stemplan 1").fill("6")
    expect(status(page)).to_have_text("Points left: 4 of 10")
    page.get_by_label("Points for Stemplan 2").fill("4")
    expect(status(page)).to_have_text("Points left: 0 of 10")


def change_cumulative(page: Page, plans: list[Plan]) -> None:
    expect(status(page)).to_have_text("Points left: 10 of 10")
    page.get_by_label("Points for Stemplan 1").fill("9")
    page.get_by_label("Points for Stemplan 2").fill("4")
    expect(status(page)).to_contain_text("Too many points: you gave 13")
    page.get_by_label("Points for Stemplan 2").fill("1")
    expect(status(page)).to_have_text("Points left: 0 of 10")


def vote_ranking(page: Page, plans: list[Plan]) -> None:
    page.get_by_label("Choice 1").select_option(label="Stemplan 3 (€20,000)")
    page.get_by_label("Choice 2").select_option(label="Stemplan 1 (€40,000)")


def change_ranking(page: Page, plans: list[Plan]) -> None:
    expect(page.get_by_label("Choice 1")).not_to_have_value(str(plans[2].pk))
    page.get_by_label("Choice 1").select_option(label="Stemplan 4 (€10,000)")
    page.get_by_label("Choice 2").select_option(label="Stemplan 1 (€40,000)")
    page.get_by_label("Choice 3").select_option(label="Stemplan 2 (€30,000)")


STEPS: dict[str, tuple[Callable[[Page, list[Plan]], None], Callable[[Page, list[Plan]], None]]] = {
    BallotFormat.APPROVAL: (vote_approval, change_approval),
    BallotFormat.KNAPSACK: (vote_knapsack, change_knapsack),
    BallotFormat.CUMULATIVE: (vote_cumulative, change_cumulative),
    BallotFormat.RANKING: (vote_ranking, change_ranking),
}


def expected_contents(ballot_format: str, plans: list[Plan]) -> tuple[dict[str, Any], dict[str, Any]]:
    a, b, c, d = (p.pk for p in plans)
    contents: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
        BallotFormat.APPROVAL: ({"main": sorted([a, c])}, {"main": sorted([c, d])}),
        BallotFormat.KNAPSACK: ({"main": sorted([a, c])}, {"main": sorted([b, c, d])}),
        BallotFormat.CUMULATIVE: ({"main": [[a, 6], [b, 4]]}, {"main": [[a, 9], [b, 1]]}),
        BallotFormat.RANKING: ({"main": [c, a]}, {"main": [d, a, b]}),
    }
    return contents[ballot_format]


@pytest.mark.parametrize("ballot_format", list(BallotFormat.values))
def test_a_resident_casts_and_changes_a_vote(page: Page, server: str, ballot_format: str) -> None:
    edition, plans = make_vote(ballot_format)
    voter, code = factories.make_voter(edition=edition)
    first, second = expected_contents(ballot_format, plans)
    vote, change = STEPS[ballot_format]

    enter_code(page, server, edition, code)
    expect(page.locator("h1")).to_have_text("Your ballot")
    expect(page.locator("main img[alt='Een grasveld waar de speeltuin zou komen']")).to_be_visible()
    vote(page, plans)
    page.get_by_role("button", name="Cast my vote").click()

    expect(page.locator("h1")).to_have_text("Your vote has been received")
    stored = Ballot.objects.get(edition=edition)
    assert factories.opened_contents(edition) == [first]
    expect(page.locator("#receipt-number")).to_have_text(stored.receipt)
    shot(page, f"receipt-{ballot_format}-1280")

    page.get_by_role("button", name="Change my vote").click()
    expect(page.locator("h1")).to_have_text("Your ballot")
    expect(page.locator("main")).to_contain_text("You have already voted")
    expect(page.locator("main")).to_contain_text("your earlier choices cannot be shown")
    change(page, plans)
    page.get_by_role("button", name="Cast my new vote").click()

    expect(page.locator("h1")).to_have_text("Your vote has been changed")
    assert factories.opened_contents(edition) == [second]
    voter.refresh_from_db()
    assert voter.ballots_cast == 2


def test_a_refused_ballot_focuses_its_error_and_keeps_the_choice(page: Page, server: str) -> None:
    edition, _ = make_vote(BallotFormat.KNAPSACK)
    _, code = factories.make_voter(edition=edition)
    enter_code(page, server, edition, code)
    page.get_by_label("Stemplan 1").check()
    page.get_by_label("Stemplan 2").check()
    page.get_by_role("button", name="Cast my vote").click()  # the server refuses it: over budget
    expect(page.locator("#ballot-error")).to_be_focused()
    expect(page.locator("#ballot-error")).to_contain_text("more than the budget")
    expect(page.get_by_label("Stemplan 1")).to_be_checked()
    expect(page.get_by_label("Stemplan 2")).to_be_checked()
    page.locator("#ballot-error a").click()
    assert page.url.endswith("#section-main")
    assert not Ballot.objects.exists()


def test_the_ballot_works_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        edition, plans = make_vote(BallotFormat.KNAPSACK)
        _, code = factories.make_voter(edition=edition)
        page.goto(f"{server}/en/stemmen/{edition.slug}/")
        page.get_by_label("Voting code").fill(code)
        page.get_by_role("button", name="Go to the ballot").click()
        page.get_by_label("Stemplan 2").check()
        page.get_by_label("Stemplan 4").check()
        page.get_by_role("button", name="Cast my vote").click()
        expect(page.locator("h1")).to_have_text("Your vote has been received")
        assert factories.opened_contents(edition) == [{"main": sorted([plans[1].pk, plans[3].pk])}]
    finally:
        context.close()


@pytest.mark.parametrize("language", [prefix.strip("/") or "nl" for prefix in PREFIXES])
def test_the_voting_pages_have_no_wcag_violations_or_horizontal_scroll(
    page: Page, server: str, language: str
) -> None:
    problems: list[str] = []

    def check(name: str, width: int) -> None:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: {overflow}px of horizontal scroll at {width}px"
        violations = axe_violations(page)
        if violations:
            problems.append(describe(f"{name} @{width} {language}", violations))
        shot(page, f"{name}-{language}-{width}")

    for ballot_format in BallotFormat.values:
        edition, plans = make_vote(ballot_format)
        factories.make_register_voter(edition=edition, email=f"{ballot_format}@example.org")
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            _, code = factories.make_voter(edition=edition)
            enter_code(page, server, edition, code, language)
            check(f"ballot-{ballot_format}", width)
            if ballot_format == BallotFormat.KNAPSACK:
                page.locator(f"input[value='{plans[0].pk}']").check()
                page.locator(f"input[value='{plans[1].pk}']").check()
                page.locator("main form.ballot button[type=submit]").click()
                page.wait_for_selector("#ballot-error")
                check("ballot-refused", width)
                page.locator(f"input[value='{plans[1].pk}']").uncheck()
            elif ballot_format == BallotFormat.CUMULATIVE:
                page.locator(f"#p-main-{plans[0].pk}").fill("3")
            elif ballot_format == BallotFormat.RANKING:
                page.locator("#r-main-1").select_option(str(plans[0].pk))
            else:
                page.locator(f"input[value='{plans[0].pk}']").check()
            page.locator("main form.ballot button[type=submit]").click()
            page.wait_for_selector("#receipt-number")
            check(f"receipt-{ballot_format}", width)
            if ballot_format == BallotFormat.APPROVAL:
                prefix = "" if language == "nl" else f"/{language}"
                page.goto(f"{server}{prefix}/stemmen/{edition.slug}/")
                check("start", width)
                page.locator("main form button[type=submit]").click()  # empty code: an error
                page.wait_for_selector("#form-errors")
                check("start-with-error", width)
                page.goto(f"{server}{prefix}/stemmen/{edition.slug}/e-mail/")
                check("email", width)
    closed, _ = factories.make_vote(phase="result")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{server}{'/en' if language == 'en' else ''}/stemmen/{closed.slug}/")
        check("start-closed", width)
    assert Voter.objects.filter(ballots_cast=1).count() == 8
    assert not problems, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)
