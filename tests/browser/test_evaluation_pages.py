"""Every page of the learning programme passes axe (WCAG 2.1 AA) without sideways scroll, in every
language at 1280 and 390 px, on the demo: the reports, and the officials' and residents' pages.

The only scan of these pages: the modules that test them on factory data (the population import, the
voter's survey after casting) scan no page this module scans."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from demo.content import DEMO_PASSWORD
from evaluation.models import Lesson
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
            "survey editing": f"/evaluatie/{FINISHED}/enquetes/voter/",
            "adding a question": f"/evaluatie/{FINISHED}/enquetes/voter/vraag/",
            "voter survey results": f"/evaluatie/{FINISHED}/enquetes/voter/resultaten/",
            "lessons": f"/evaluatie/{FINISHED}/lessen/",
            "running costs": f"/evaluatie/{FINISHED}/kosten/",
        },
    )
    log_in(page, site.url, "ambtenaar.zuidoost@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"live turnout": f"/evaluatie/{VOTE}/opkomst/"})
    lesson = Lesson.objects.filter(edition__slug=FINISHED).order_by("pk").first()
    assert lesson is not None
    with translation.override("nl"):
        edit = reverse("evaluation:lesson_edit", args=[FINISHED, lesson.pk])
    log_in(page, site.url, "ambtenaar.nieuw-west@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"lesson": edit})
    log_in(page, site.url, "kees.dekker@demo.buurtbudget.nl", DEMO_PASSWORD)
    problems += scan(page, site.url, {"my surveys": "/evaluatie/mijn-enquetes/"})
    # An initiator's survey about their project: the page every survey is answered on.
    page.goto(site.url + "/evaluatie/mijn-enquetes/")
    survey = page.locator("main a[href*='/enquete/']").first.get_attribute("href")
    assert survey is not None, "the demo initiator has no open survey"
    problems += scan(page, site.url, {"answering a survey": survey})
    assert not problems, "\n".join(problems)
