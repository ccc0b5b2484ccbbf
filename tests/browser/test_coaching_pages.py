"""The coaching pages (the district's desk, its partners, a coaching's log and steps, my coaching)
pass an axe WCAG 2.1 AA scan without sideways scroll at laptop and phone width, in every language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page

from development.coaching import services
from tests.browser.helpers import log_in, scan
from tests.development.coaching.world import make_world

pytestmark = pytest.mark.browser


def _path(name: str, **kwargs: object) -> str:
    with translation.override("nl"):
        return reverse(f"development:{name}", kwargs=kwargs)


def test_the_coaching_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    world = make_world()
    coaching = world.coaching
    services.write_note(
        coaching=coaching,
        by=world.partner_coach,
        kind="appointment",
        body="Kennismaking in het buurthuis.",
        happens_at=timezone.now() + timedelta(days=2),
    )
    services.write_note(coaching=coaching, by=world.initiator, kind="note", body="Tot dan!")
    services.mark_step(
        coaching=coaching, by=world.partner_coach, step="permit", permit="not_needed", note="Klein"
    )
    services.assign_coach(plan=world.draft, coach=world.reviewer, by=world.official)

    log_in(page, base, world.official.email)
    problems = scan(
        page,
        base,
        {
            "desk": _path("desk", slug=world.edition.slug),
            "partners": _path("partners", district=world.district.slug),
        },
    )
    log_in(page, base, world.partner_coach.email)
    problems += scan(
        page,
        base,
        {"coaching": _path("coaching", pk=coaching.pk), "my coaching": _path("my_coaching")},
    )
    assert not problems, "\n".join(problems)
