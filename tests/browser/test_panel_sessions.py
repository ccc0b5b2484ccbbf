"""A facilitator plans a work session, records attendance and minutes; the session pages and the public
meetings page pass axe (WCAG 2.1 AA) at 1280px and 390px, in Dutch and English."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from deliberation.models import Attendance, WorkSession
from tests.browser.helpers import log_in, scan
from tests.deliberation.factories import (
    make_ballot_plan,
    make_facilitator,
    make_published_panel,
    make_session_edition,
)

pytestmark = pytest.mark.browser


def test_a_facilitator_plans_a_session_and_records_attendance_and_minutes(
    page: Page, live_server: object, transactional_db: None
) -> None:
    url = str(live_server).rstrip("/")
    edition = make_session_edition()
    draw = make_published_panel(edition, size=5)
    make_ballot_plan(edition, title="Moestuin aan de Sloterplas")
    facilitator = make_facilitator(edition)

    log_in(page, url, facilitator.email)

    start = timezone.localtime(timezone.now() - timedelta(hours=1))
    page.goto(url + f"/en/panel/{edition.slug}/sessies/")
    page.get_by_label("Title", exact=True).fill("Kennismaken")
    page.get_by_label("Starts at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends at").fill((start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Place").fill("Buurthuis De Horizon")
    page.get_by_label("Agenda", exact=True).fill("Welkom\nDe plannen")
    page.get_by_role("button", name="Plan the session").click()
    expect(page.get_by_text("Session 1 has been planned.")).to_be_visible()

    members = list(draw.members.order_by("pool_id"))
    page.get_by_label(members[0].pool_id, exact=False).check()
    page.get_by_label(members[1].pool_id, exact=False).check()
    page.get_by_role("button", name="Save the attendance").click()
    expect(page.get_by_text("The attendance has been saved.")).to_be_visible()
    expect(page.get_by_text("2 of 5 members present")).to_be_visible()

    page.get_by_role("textbox", name="Minutes").fill("We maakten kennis en bespraken de plannen.")
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_text("The minutes have been saved.")).to_be_visible()

    session = WorkSession.objects.get(edition=edition)
    assert session.minutes == "We maakten kennis en bespraken de plannen."
    assert Attendance.objects.filter(session=session, present=True).count() == 2

    problems = scan(
        page,
        url,
        {
            "sessions": f"/panel/{edition.slug}/sessies/",
            "session": f"/panel/{edition.slug}/sessies/1/",
            "materials": f"/panel/{edition.slug}/sessies/materiaal/",
            "questions": f"/panel/{edition.slug}/vragen/",
            "public meetings": f"/panel/{edition.slug}/bijeenkomsten/",
        },
    )
    assert not problems, "\n".join(problems)
