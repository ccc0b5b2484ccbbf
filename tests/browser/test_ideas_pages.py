"""The idea pages pass an axe WCAG 2.1 AA scan at laptop and phone width in every interface language:
the list and an idea's page for a visitor, the new-idea and join forms, and the idea's page as its
initiator sees it (requests to answer, the help still missing, the button that makes a plan)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from development.ideas.services.discussion import post_idea_comment
from development.ideas.services.people import answer_join_request, ask_to_join
from development.ideas.services.support import support_idea
from tests import factories
from tests.browser.helpers import log_in, scan
from tests.development.ideas.helpers import make_idea

pytestmark = pytest.mark.browser


def _path(name: str, **kwargs: object) -> str:
    with translation.override("nl"):
        return reverse(f"development:{name}", kwargs=kwargs)


def test_the_idea_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    district = factories.make_district(name="Nieuw-West")
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    factories.make_theme(edition=edition, name="Sport")
    initiator = factories.make_user(display_name="Fatima B.")
    idea = make_idea(
        edition=edition,
        initiator=initiator,
        title="Buurtmoestuin op het Confuciusplein",
        text="Een moestuin met bakken op hoogte.\nBuren kweken samen groente.",
        needs=("people", "know_how", "place"),
        needs_note="Iemand die verstand heeft van moestuinen.",
    )
    make_idea(edition=edition, title="Tafeltennistafel bij de Sloterplas", needs=("permit",))
    co, asking, visitor = factories.make_user(), factories.make_user(), factories.make_user()
    answer_join_request(
        member=ask_to_join(
            idea=idea, user=co, role="co_initiator", offer="Ik schrijf mee", public_name="Karim H."
        ),
        by=initiator,
        accept=True,
    )
    ask_to_join(idea=idea, user=asking, role="volunteer", offer="Twee uur per week", public_name="Ingrid B.")
    support_idea(idea=idea, user=visitor)
    post_idea_comment(idea=idea, author=visitor, body="Mijn kinderen helpen graag met zaaien.")
    detail = _path("idea", pk=idea.pk)
    problems = scan(page, base, {"idea list": _path("ideas", slug=edition.slug), "idea (visitor)": detail})
    log_in(page, base, visitor.email)
    problems += scan(page, base, {"join an idea": _path("join_idea", pk=idea.pk)})
    log_in(page, base, initiator.email)
    problems += scan(
        page, base, {"idea (initiator)": detail, "new idea": _path("new_idea", slug=edition.slug)}
    )
    assert not problems, "\n".join(problems)
