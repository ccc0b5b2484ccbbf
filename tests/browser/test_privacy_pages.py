"""A resident's own-data pages in a browser: WCAG 2.1 AA (axe), no sideways scroll at 1280 and 390 px in
both languages, the delete form with an error, the download, and the deletion itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from accounts.models import User
from tests import factories
from tests.browser.helpers import check_page, log_in, scan

pytestmark = pytest.mark.browser


def test_your_data_pages_pass_axe_the_file_downloads_and_the_account_is_deleted(
    live_server: object, transactional_db: None, page: Page
) -> None:
    base = str(live_server).rstrip("/")
    edition = factories.make_edition(district=factories.make_district(name="Noord"))
    resident = factories.make_user(email="sanne@example.org", display_name="Sanne")
    factories.make_plan(edition=edition, initiator=resident, title="Speeltuin aan het IJ")
    log_in(page, base, resident.email)

    problems = scan(
        page, base, {"your data": "/privacy/mijn-gegevens/", "delete": "/privacy/account-verwijderen/"}
    )
    page.goto(base + "/en/privacy/account-verwijderen/")
    page.fill("input[name=confirmation]", "not my password")
    page.get_by_role("button", name="Delete my account").click()
    check_page(page, "delete with an error", problems)
    assert not problems, "\n".join(problems)
    assert "That is not your password" in page.content()

    page.goto(base + "/en/privacy/mijn-gegevens/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "sanne@example.org"
    assert data["plans"][0]["title"] == "Speeltuin aan het IJ"

    page.goto(base + "/en/privacy/account-verwijderen/")
    page.get_by_label("Show my plans without a name").check()
    page.fill("input[name=confirmation]", factories.PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url(base + "/en/privacy/account-verwijderd/")
    assert User.objects.get(pk=resident.pk).email.startswith("deleted-")
    assert resident.plans.get().public_name == "Een bewoner"
