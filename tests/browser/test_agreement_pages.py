"""The agreement pages (the page, the proposal form with an error, the set-up, the public history)
pass an axe WCAG 2.1 AA scan and fit a phone, in Dutch and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from execution.agreements.services import confirm_agreement, propose_agreement
from tests.browser.helpers import check_page, log_in, scan
from tests.execution.agreements.conftest import Setting, setting  # noqa: F401 -- the fixture

pytestmark = pytest.mark.browser


def test_agreement_pages_have_no_wcag_violations(
    page: Page,
    live_server: object,
    transactional_db: None,
    setting: Setting,  # noqa: F811
) -> None:
    base = str(live_server).rstrip("/")
    first = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
    )
    confirm_agreement(agreement=first, by=setting.official)
    propose_agreement(
        project=setting.project,
        by=setting.official,
        milestones=setting.milestones(key=1),
        payments=setting.payments()[:1],
        change_reason="De beplanting doet het stadsdeel zelf.",
    )
    pk = setting.project.pk
    log_in(page, base, setting.owner.email)
    problems = scan(
        page,
        base,
        {
            "agreement": f"/uitvoering/project/{pk}/afspraken/",
            "history": f"/uitvoering/project/{pk}/afspraken/geschiedenis/",
        },
    )
    log_in(page, base, setting.official.email)
    problems += scan(page, base, {"set up": f"/uitvoering/project/{pk}/inrichten/"})
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + f"/uitvoering/project/{pk}/afspraken/voorstel/")
        page.fill("#id_milestone-0-planned_on", "2000-01-01")
        page.get_by_role("button", name="Deze versie voorstellen").click()
        check_page(page, f"proposal refused @{width}", problems)
    assert not problems, "\n".join(problems)
