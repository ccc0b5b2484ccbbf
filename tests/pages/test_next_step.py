"""The resident's one big action per running edition, read from the phase declaration."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from editions.models import DecisionModel
from editions.timeline import timeline_of
from pages.next_step import next_step
from tests import factories

pytestmark = pytest.mark.django_db


def step_in(kind: str, **fields: object) -> tuple[str, str] | None:
    edition = factories.make_edition_in_phase(kind, **fields)
    with translation.override("en"):
        step = next_step(edition, timeline_of(edition))
    return (step.label, step.url) if step else None


@pytest.mark.parametrize(
    ("kind", "label", "url_part"),
    [
        ("plans", "Submit a plan", "/plannen/nieuw/"),
        ("support", "Support plans", "/plannen/?edition="),
        ("review", "See what happens now", "/edities/"),
        ("decision", "Vote now", "/stemmen/"),
        ("result", "See the result", "/uitslag/"),
        ("execution", "Follow the work", "/uitvoering/"),
    ],
)
def test_each_phase_of_an_online_vote_offers_its_step(kind: str, label: str, url_part: str) -> None:
    step = step_in(kind)
    assert step is not None
    assert step[0] == label and url_part in step[1]


def test_where_the_panel_decides_the_decision_phase_does_not_offer_a_vote() -> None:
    step = step_in("decision", decision_model=DecisionModel.PANEL)
    assert step is not None
    assert step[0] == "Follow the citizens' panel" and "/panel/" in step[1]


def test_a_panel_edition_asks_residents_to_sign_up_while_plans_are_not_yet_open() -> None:
    step = step_in("information", decision_model=DecisionModel.PANEL)
    assert step is not None and step[0] == "Sign up for the citizens' panel"


def test_an_edition_that_has_not_started_or_has_ended_offers_no_step() -> None:
    coming = factories.make_edition(start=timezone.now() + timedelta(days=3))
    ended = factories.make_edition(start=timezone.now() - timedelta(days=1000))
    assert next_step(coming, timeline_of(coming)) is None
    assert next_step(ended, timeline_of(ended)) is None
