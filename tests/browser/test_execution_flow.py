"""A project's week, in the browser: a follower follows it, its initiator posts an update with a photo
and an expense with a receipt from a phone, an official records a payment, the follower finds the
notification, and a visitor sees the new progress and money on the public project page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import FilePayload, Page, ViewportSize, expect

from execution.models import Expense, Payment, Update
from tests.browser.helpers import log_in
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of
from tests.factories import make_image_bytes, make_user

pytestmark = pytest.mark.browser
PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1280, "height": 900}


def _path(name: str, pk: int) -> str:
    with translation.override("nl"):
        return reverse(f"execution:{name}", args=[pk])


def _jpeg(name: str) -> FilePayload:
    return {"name": name, "mimeType": "image/jpeg", "buffer": make_image_bytes(image_format="JPEG")}


def test_an_update_an_expense_and_a_payment_reach_a_follower_and_the_public_page(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    _, _, official, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    line = project.lines.order_by("position").first()
    assert line is not None
    follower = make_user(email="volger@example.org")
    page.set_viewport_size(PHONE)

    # A resident follows the project from its page.
    log_in(page, base, follower.email)
    page.goto(base + project.get_absolute_url())
    page.get_by_role("button", name="Volg dit project").click()
    expect(page.get_by_text("Je volgt dit project.")).to_be_visible()

    # The initiator, on a phone: an update with a photo, then an expense with its receipt.
    page.context.clear_cookies()
    log_in(page, base, owner.email)
    page.goto(base + _path("post_update", project.pk))
    page.fill("textarea[name=body]", "De eerste plantenbakken staan op het plein.")
    page.set_input_files("input[name=photos]", files=[_jpeg("bakken.jpg")])
    page.fill("textarea[name=alt_texts]", "Twee houten plantenbakken op het plein")
    page.fill("input[name=percent]", "40")
    page.get_by_role("button", name="Bericht plaatsen").click()
    page.wait_for_url(f"**{project.get_absolute_url()}*")
    page.goto(base + _path("report_expense", project.pk))
    page.select_option("select[name=line]", index=1)
    page.fill("input[name=amount]", "125,50")
    page.fill("input[name=description]", "Hout en schroeven")
    page.set_input_files("input[name=receipt]", files=[_jpeg("bon.jpg")])
    page.get_by_role("button", name="Uitgave opslaan").click()
    expect(page.locator(".utrecht-alert, .messages, [role=status]").first).to_be_visible()
    expense = Expense.objects.get(project=project)
    assert expense.amount_cents == 12550 and expense.receipt.name

    # The official records a payment on the laptop.
    page.context.clear_cookies()
    page.set_viewport_size(LAPTOP)
    log_in(page, base, official.email)
    page.goto(base + _path("ledger", project.pk))
    page.select_option("select[name=payment-line]", index=1)
    page.fill("input[name=payment-amount]", "500")
    page.fill("input[name=payment-reference]", "FIN-2026-0042")
    page.get_by_role("button", name="Betaling vastleggen").click()
    expect(page.get_by_text("FIN-2026-0042").first).to_be_visible()
    assert Payment.objects.get(project=project).amount_cents == 50000

    # The follower finds the update among their notifications.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    log_in(page, base, follower.email)
    page.goto(base + reverse("notifications:list"))
    expect(page.get_by_text(f"Nieuws van “{project.plan.title}”").first).to_be_visible()

    # A visitor sees the progress, the photo and the money on the public project page.
    page.context.clear_cookies()
    page.goto(base + project.get_absolute_url())
    expect(page.get_by_text("De eerste plantenbakken staan op het plein.")).to_be_visible()
    expect(page.get_by_role("img", name="Twee houten plantenbakken op het plein")).to_be_visible()
    expect(page.locator("progress").first).to_have_attribute("value", "40")
    ledger = page.locator("table", has_text="Kostenpost 1").inner_text()
    assert "€\u00a0125,50" in ledger and "€\u00a0500" in ledger  # spent, paid
    assert "bon.jpg" not in page.content() and expense.receipt.name not in page.content()
    assert Update.objects.get(project=project).progress_percent == 40
    scroll = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert scroll <= 0
