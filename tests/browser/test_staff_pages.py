"""Staff's pages (My work, review queue and plan review, shortlist, moderation) and a resident's
own pages pass an axe WCAG 2.1 AA scan and fit a phone, in Dutch and English, on the demo data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from demo.content import DEMO_PASSWORD
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from tests.browser.conftest import Site
from tests.browser.helpers import log_in, scan

pytestmark = pytest.mark.browser


def test_reviewer_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    west = Edition.objects.get(slug="buurtbudget-west-2027")
    revised = Plan.objects.filter(edition=west, status=PlanStatus.IN_REVIEW, revisions__number=2).first()
    assert revised is not None, "the demo has a revised plan back in review"
    log_in(page, site.url, "beheerder.west@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems = scan(
        page,
        site.url,
        {
            "my work": "/werk/",
            "review queue": f"/beoordelen/{west.slug}/",
            "plan review with a diff": f"/beoordelen/{west.slug}/plan/{revised.pk}/",
            "notifications": "/account/meldingen/",
        },
    )
    assert not problems, "\n".join(problems)


def test_committee_and_moderation_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    log_in(page, site.url, "beheerder.zuid@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems = scan(page, site.url, {"shortlist": "/beoordelen/buurtbudget-zuid-2027/shortlist/"})
    log_in(page, site.url, "ambtenaar.oost@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"moderation": "/plannen/moderatie/"})
    assert not problems, "\n".join(problems)


def test_a_residents_own_pages_have_no_wcag_violations(page: Page, site: Site) -> None:
    log_in(page, site.url, "bewoner@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems = scan(page, site.url, {"my plans": "/plannen/mijn-plannen/", "profile": "/account/"})
    assert not problems, "\n".join(problems)
