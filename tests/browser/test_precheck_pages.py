"""The pre-check pages pass an axe WCAG 2.1 AA scan at laptop and phone width in every language: the
initiator's ask form and answered pre-check, the reviewers' queue and the answer form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from accounts.models import Role
from proposals.models import PlanStatus
from review.prechecks.services import NoteAnswer, answer_precheck, ask_precheck
from review.services import ensure_criteria
from tests import factories
from tests.browser.helpers import log_in, scan

pytestmark = pytest.mark.browser


def _path(name: str, **kwargs: object) -> str:
    with translation.override("nl"):
        return reverse(f"review:{name}", kwargs=kwargs)


def test_the_pre_check_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    district = factories.make_district(name="Nieuw-West")
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district, display_name="Ahmed Ouali")
    initiator = factories.make_user(display_name="Fatima B.")
    drafts = [
        factories.make_plan(edition=edition, title=title, initiator=initiator, status=PlanStatus.DRAFT)
        for title in (
            "Buurtmoestuin op het Confuciusplein",
            "Bankjes bij de Sloterplas",
            "Speeltuin Geuzenveld",
        )
    ]
    answered = ask_precheck(plan=drafts[0], by=initiator, question="Mag dit op het plein?")
    notes = {
        c.key: NoteAnswer(outcome="concern", note="Vraag op tijd toestemming.")
        for c in ensure_criteria(edition=edition)
    }
    answer_precheck(
        precheck=answered, by=reviewer, notes=notes, summary="Een mooi plan.\nLet op het onderhoud."
    )
    waiting = ask_precheck(plan=drafts[1], by=initiator, question="Kloppen de kosten?")

    log_in(page, base, initiator.email)
    problems = scan(
        page,
        base,
        {
            "ask for a pre-check": _path("plan_prechecks", pk=drafts[2].pk),
            "an answered pre-check": _path("precheck", pk=answered.pk),
        },
    )
    log_in(page, base, reviewer.email)
    problems += scan(
        page,
        base,
        {
            "the reviewers' queue": _path("precheck_queue", slug=edition.slug),
            "answer a pre-check": _path("precheck", pk=waiting.pk),
        },
    )
    assert not problems, "\n".join(problems)
