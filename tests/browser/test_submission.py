"""A resident writes and submits a plan in a real browser; the wizard passes an axe WCAG 2.1 AA scan."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from editions.permissions import can
from editions.phases import Action
from proposals.models import Plan, PlanStatus
from tests import factories
from tests.browser.conftest import Site
from tests.browser.helpers import axe_violations, describe, log_in

pytestmark = pytest.mark.browser


def open_edition_slug(site: Site) -> str:
    resident = factories.make_user()
    edition = next(e for e in type(site.edition).objects.all() if can(resident, Action.SUBMIT_PLAN, e))
    return edition.slug


def save(page: Page) -> None:
    page.locator("main").get_by_role("button", name="Save and continue").click()


def test_a_resident_submits_a_plan_with_three_cost_lines_and_an_image(
    page: Page, site: Site, tmp_path: Path
) -> None:
    slug = open_edition_slug(site)
    resident = factories.make_user(email="schrijver@example.org", display_name="Fatima")
    picture = tmp_path / "vijver.png"
    Image.new("RGB", (640, 480), (40, 140, 90)).save(picture)
    log_in(page, site.url, resident.email)

    page.goto(site.url + f"/en/plannen/nieuw/{slug}/")
    expect(page.locator("[aria-current=step]")).to_contain_text("What and why")
    page.get_by_label("Title", exact=True).fill("Bankjes bij de vijver")
    page.get_by_label("Summary", exact=True).fill("Drie bankjes bij de vijver.")
    page.get_by_label("Description").fill("Er is nergens een plek om te zitten.")
    page.get_by_label("Theme").select_option(index=1)
    save(page)

    expect(page.locator("[aria-current=step]")).to_contain_text("Where and for whom")
    page.get_by_label("Address or place").fill("Bij de vijver")
    save(page)

    expect(page.locator("[aria-current=step]")).to_contain_text("Costs")
    rows = [("Drie bankjes", "4.500"), ("Plaatsen", "750,50"), ("Afvalbak", "300")]
    for i, (description, amount) in enumerate(rows):
        if i:
            page.get_by_role("button", name="Add a line").click()
            expect(page.locator(f"#id_form-{i}-description")).to_be_focused()
        page.fill(f"#id_form-{i}-description", description)
        page.fill(f"#id_form-{i}-amount", amount)
    expect(page.locator("#cost-total")).to_contain_text("5,550.50")  # the live total
    save(page)

    expect(page.locator("[aria-current=step]")).to_contain_text("Images")
    page.get_by_label("Image", exact=True).set_input_files(picture)
    page.get_by_label("What does the image show?").fill("Het grasveld bij de vijver")
    page.get_by_role("button", name="Upload image").click()
    expect(page.locator("main img[alt='Het grasveld bij de vijver']")).to_be_visible()
    page.get_by_role("link", name="Continue").click()

    expect(page.locator("[aria-current=step]")).to_contain_text("People")
    page.get_by_label("Name shown with the plan").fill("Fatima en buren")
    save(page)

    expect(page.locator("[aria-current=step]")).to_contain_text("Preview")
    preview = page.locator(".plan-preview")
    expect(preview).to_contain_text("Bankjes bij de vijver")
    expect(preview).to_contain_text("Afvalbak")
    page.get_by_role("button", name="Submit plan").click()
    expect(page.locator("#form-errors")).to_be_visible()  # the age confirmation is missing
    page.get_by_label("I am").check()
    page.get_by_role("button", name="Submit plan").click()

    plan = Plan.objects.get(initiator=resident)
    page.wait_for_url(site.url + "/en" + plan.get_absolute_url())
    assert plan.status == PlanStatus.SUBMITTED
    expect(page.locator("h1")).to_contain_text("Bankjes bij de vijver")  # "(in Dutch)" on this English page
    main = page.locator("main")
    expect(main).to_contain_text("Fatima en buren")
    expect(main).to_contain_text("€5,550.50")
    expect(main.locator("img[alt='Het grasveld bij de vijver']")).to_be_visible()
    assert "schrijver@example.org" not in page.content()
    assert list(plan.cost_lines.values_list("amount_cents", flat=True)) == [450_000, 75_050, 30_000]


def test_the_wizard_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    slug = open_edition_slug(site)
    resident = factories.make_user()
    edition = type(site.edition).objects.get(slug=slug)
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)
    log_in(page, site.url, resident.email)
    problems = []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        pages = {
            "start": f"/en/plannen/nieuw/{slug}/",
            **{
                step: f"/en/plannen/{plan.pk}/bewerken/{step}/"
                for step in ["wat", "waar", "kosten", "afbeeldingen", "mensen", "controleren"]
            },
            "my plans": "/en/plannen/mijn-plannen/",
            "withdraw": f"/en/plannen/{plan.pk}/verwijderen/",
        }
        for name, path in pages.items():
            page.goto(site.url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name}: {overflow}px of horizontal scroll at {width}px"
            violations = axe_violations(page)
            if violations:
                problems.append(describe(f"{name} @{width}", violations))
    # A form with errors: the cost step with a negative amount.
    page.goto(site.url + f"/en/plannen/{plan.pk}/bewerken/kosten/")
    page.fill("#id_form-0-amount", "-5")
    page.locator("main").get_by_role("button", name="Save and continue").click()
    page.wait_for_selector("#form-errors")
    violations = axe_violations(page)
    if violations:
        problems.append(describe("costs with errors", violations))
    assert not problems, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(problems)
