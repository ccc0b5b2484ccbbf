"""An official imports addresses, issues codes and downloads the letters; two officials enter a paper
ballot; the vote-management pages pass axe (WCAG 2.1 AA) at desktop and phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from pytest_django import Settings

from accounts.models import Role, User
from editions.models import Edition
from proposals.models import Plan
from tests import factories
from tests.browser.helpers import axe_violations, describe, log_in
from voting.models import Ballot, LetterBatch, PaperEntry, PaperEntryStatus, Voter

pytestmark = pytest.mark.browser

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def world(
    live_server: Any, transactional_db: None, settings: Settings, tmp_path: Path
) -> tuple[str, Edition, Edition, list[Plan], User, User]:
    settings.PRIVATE_FILES_ROOT = tmp_path
    settings.TASKS = IMMEDIATE
    district = factories.make_district(name="Nieuw-West")
    factories.make_neighbourhood(district=district, name="Slotervaart")
    upcoming, _ = factories.make_vote(district=district, phase="review", name="Buurtbudget Voorjaar")
    running, plans = factories.make_vote(district=district, name="Buurtbudget Najaar")
    first = factories.make_staff(role=Role.OFFICIAL, district=district, email="eerste@example.org")
    second = factories.make_staff(role=Role.OFFICIAL, district=district, email="tweede@example.org")
    return str(live_server).rstrip("/"), upcoming, running, plans, first, second


def axe_problems(page: Page, name: str) -> list[str]:
    problems = []
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"[{name} @{width}] {overflow}px horizontal scroll")
        violations = axe_violations(page)
        if violations:
            problems.append(describe(f"{name} @{width}", violations))
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def test_official_imports_addresses_issues_codes_and_downloads_letters(
    page: Page, world: tuple[str, Edition, Edition, list[Plan], User, User], tmp_path: Path
) -> None:
    base, upcoming, _, _, first, _ = world
    csv = tmp_path / "adressen.csv"
    csv.write_text(
        "adres;postcode;buurt;stemgerechtigden\n"
        "Sloterkade 1;1058 HE;Slotervaart;2\nDijk 4;1058HF;slotervaart;1\n"
    )
    log_in(page, base, first.email)
    page.goto(f"{base}/en/stemming/{upcoming.slug}/")
    problems = axe_problems(page, "manage")
    page.set_input_files("input[name=addresses-file]", str(csv))
    page.get_by_role("button", name="Import addresses").click()
    page.get_by_text("2 addresses with 3 eligible residents were imported.").wait_for()
    page.get_by_role("button", name="Issue codes for 2 addresses").click()
    page.get_by_text("3 letters are ready to download.").wait_for()
    batch = LetterBatch.objects.get()
    with page.expect_download() as info:
        page.get_by_role("link", name=f"Download letters file {batch.pk} (PDF)").click()
    pdf = Path(info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/URI (") == 3
    problems += axe_problems(page, "manage with letters")
    page.get_by_role("button", name=f"Destroy letters file {batch.pk}").click()
    page.get_by_text("The letters file has been destroyed.").wait_for()
    assert Voter.objects.count() == 3
    assert not problems, "\n".join(problems)


def test_paper_ballot_entered_by_one_official_and_confirmed_by_another(
    page: Page, world: tuple[str, Edition, Edition, list[Plan], User, User]
) -> None:
    base, _, running, plans, first, second = world
    _, code = factories.make_voter(edition=running)
    log_in(page, base, first.email)
    page.goto(f"{base}/en/stemming/{running.slug}/papier/")
    problems = axe_problems(page, "paper: find")
    page.fill("input[name=code]", code)
    page.get_by_role("button", name="Find the voter").click()
    page.get_by_label(plans[1].title).check()
    problems += axe_problems(page, "paper: ballot")
    page.get_by_role("button", name="Save the first entry").click()
    entry = PaperEntry.objects.get()
    page.get_by_text(f"entered as number {entry.pk}").wait_for()

    log_in(page, base, second.email)
    page.goto(f"{base}/en/stemming/{running.slug}/papier/tweede-invoer/")
    problems += axe_problems(page, "paper: second entry list")
    page.get_by_role("link", name=f"Enter paper ballot {entry.pk} again").click()
    assert not page.get_by_label(plans[1].title).is_checked()
    page.get_by_label(plans[1].title).check()
    page.get_by_role("button", name="Save the second entry").click()
    page.get_by_text("Both entries match: the paper ballot is counted.").wait_for()
    entry.refresh_from_db()
    assert entry.status == PaperEntryStatus.CONFIRMED and Ballot.objects.count() == 1
    page.goto(f"{base}/en/stemming/{running.slug}/")
    problems += axe_problems(page, "manage during the vote")
    page.goto(f"{base}/stemming/{running.slug}/papier/controle/")
    problems += axe_problems(page, "paper: review list (nl)")
    assert not problems, "\n".join(problems)
