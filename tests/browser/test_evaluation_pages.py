"""Every page of the learning programme passes axe (WCAG 2.1 AA) without sideways scroll, in Dutch and
English at 1280 and 390 px, on the demo: the reports, and the officials' and residents' pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from demo.content import DEMO_PASSWORD
from tests.browser.conftest import Site
from tests.browser.helpers import log_in, scan

pytestmark = pytest.mark.browser
VOTE = "buurtbudget-zuidoost-2026"
FINISHED = "buurtbudget-nieuw-west-2026"


def test_every_new_page_passes_axe_in_both_languages_at_laptop_and_phone_width(
    page: Page, site: Site
) -> None:
    public = {
        "learning report (vote)": f"/evaluatie/{FINISHED}/",
        "learning report (panel)": "/evaluatie/buurtbudget-noord-2026/",
        "learning report (hybrid)": "/evaluatie/buurtbudget-oost-2026/",
        "all editions compared": "/evaluatie/gemeente/amsterdam/",
    }
    problems = scan(page, site.url, public)
    log_in(page, site.url, "ambtenaar.nieuw-west@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(
        page,
        site.url,
        {
            "population": "/evaluatie/bevolking/nieuw-west/",
            "surveys": f"/evaluatie/{FINISHED}/enquetes/",
            "voter survey results": f"/evaluatie/{FINISHED}/enquetes/voter/resultaten/",
            "lessons": f"/evaluatie/{FINISHED}/lessen/",
            "running costs": f"/evaluatie/{FINISHED}/kosten/",
        },
    )
    log_in(page, site.url, "ambtenaar.zuidoost@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"live turnout": f"/evaluatie/{VOTE}/opkomst/"})
    log_in(page, site.url, "kees.dekker@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"my surveys": "/evaluatie/mijn-enquetes/"})
    assert not problems, "\n".join(problems)
