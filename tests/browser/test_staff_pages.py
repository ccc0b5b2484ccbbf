"""Staff's pages (My work, review queue and plan review, shortlist, moderation) and a resident's
own pages pass an axe WCAG 2.1 AA scan and fit a phone, in Dutch and English, on the demo data."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from demo.content import DEMO_PASSWORD
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from tests.browser.conftest import Site
from tests.browser.test_accessibility import WCAG_21_AA, describe

pytestmark = pytest.mark.browser

AXE = Axe()


def log_in(page: Page, site: Site, email: str) -> None:
    page.context.clear_cookies()
    page.goto(site.url + "/en/account/inloggen/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(site.url + "/en/")


def scan(page: Page, site: Site, pages: dict[str, str]) -> list[str]:
    """axe and horizontal-scroll problems of each page, at desktop and phone width, in both languages."""
    problems = []
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            for prefix in ("", "/en"):
                response = page.goto(site.url + prefix + path)
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


def test_reviewer_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    west = Edition.objects.get(slug="buurtbudget-west-2027")
    revised = Plan.objects.filter(edition=west, status=PlanStatus.IN_REVIEW, revisions__number=2).first()
    assert revised is not None, "the demo has a revised plan back in review"
    log_in(page, site, "beheerder.west@demo.buurtbudget.nl")
    problems = scan(
        page,
        site,
        {
            "my work": "/werk/",
            "review queue": f"/beoordelen/{west.slug}/",
            "plan review with a diff": f"/beoordelen/{west.slug}/plan/{revised.pk}/",
            "notifications": "/account/meldingen/",
        },
    )
    assert not problems, "\n".join(problems)


def test_committee_and_moderation_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    log_in(page, site, "beheerder.zuid@demo.buurtbudget.nl")
    problems = scan(page, site, {"shortlist": "/beoordelen/buurtbudget-zuid-2027/shortlist/"})
    log_in(page, site, "ambtenaar.oost@demo.buurtbudget.nl")
    problems += scan(page, site, {"moderation": "/plannen/moderatie/"})
    assert not problems, "\n".join(problems)


def test_a_residents_own_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    log_in(page, site, "bewoner@demo.buurtbudget.nl")
    problems = scan(page, site, {"my plans": "/plannen/mijn-plannen/", "profile": "/account/"})
    assert not problems, "\n".join(problems)
