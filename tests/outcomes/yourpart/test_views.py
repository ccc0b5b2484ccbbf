"""Your part: a voter ticks the plans they voted for and sees, from the published payments, their share."""

from __future__ import annotations

import html
import logging
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from outcomes.selectors import result_of
from outcomes.services import record_panel_decision
from outcomes.yourpart.selectors import your_part
from proposals.models import Plan

from ..factories import make_closed_vote, make_count, make_facilitator, make_panel, make_panel_edition

pytestmark = pytest.mark.django_db


def url(edition: Edition, language: str = "en") -> str:
    with translation.override(language):
        return reverse("outcomes:your_part", kwargs={"slug": edition.slug})


def text(response: object) -> str:
    body = html.unescape(response.content.decode())  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture
def counted() -> tuple[Edition, list[Plan]]:
    """Four voters, €1,000: €250 each. Buurtfeest (€400, all four) costs each €100 and is funded;
    the three voters of Speeltuin (€700) have €150 each left, €450 < €700: not funded."""
    edition, plans = make_closed_vote(
        plan_costs=(70_000, 40_000),
        total_budget_cents=100_000,
        choices=[(0, 1)] * 3 + [(1,)],
        aggregation_rule="mes",
    )
    Plan.objects.filter(pk=plans[0].pk).update(title="Speeltuin")
    Plan.objects.filter(pk=plans[1].pk).update(title="Buurtfeest")
    make_count(edition=edition)
    return edition, plans


def test_a_voter_sees_what_they_paid_for_each_chosen_plan_as_computed_by_hand(
    client: Client, counted: tuple[Edition, list[Plan]]
) -> None:
    edition, (speeltuin, feest) = counted

    response = client.post(url(edition), {"plan": [speeltuin.pk, feest.pk]})

    assert response.status_code == 200
    page = text(response)
    assert "1 of the 2 plans you ticked were chosen" in page
    assert "Every voter got an equal share of the budget to spend on the plans they chose: €250." in page
    assert "Buurtfeest : chosen. You paid €100 of your share for it." in page
    assert "Speeltuin : not chosen." in page
    assert "In total you paid €100; €150 of your share was left." in page
    assert "The voters of Speeltuin together did not have enough left to pay for it." in page


def test_the_part_equals_the_hand_computation_in_cents(counted: tuple[Edition, list[Plan]]) -> None:
    edition, (speeltuin, feest) = counted
    count = edition.counts.get()

    (section,) = your_part(count, {speeltuin.pk, feest.pk}).sections

    assert (section.share_cents, section.paid_cents, section.left_cents) == (25_000, 10_000, 15_000)
    assert [(p.title, p.funded, p.paid_cents) for p in section.plans] == [
        ("Buurtfeest", True, 10_000),
        ("Speeltuin", False, None),
    ]


def test_a_voter_who_chose_only_funded_plans_is_told_why_the_rest_stayed(
    client: Client, counted: tuple[Edition, list[Plan]]
) -> None:
    edition, (_, feest) = counted

    page = text(client.post(url(edition), {"plan": [feest.pk]}))

    assert "In total you paid €100; €150 of your share was left." in page
    assert "it could only pay for plans you chose, and they were all paid for." in page


def test_the_dutch_page_is_in_dutch(client: Client, counted: tuple[Edition, list[Plan]]) -> None:
    edition, (speeltuin, feest) = counted

    page = text(client.post(url(edition, "nl"), {"plan": [speeltuin.pk, feest.pk]}))

    assert "Je betaalde € 100 van je deel eraan." in page
    assert "Van je deel bleef € 150 over." in page
    for english in ("You paid", "share", "chosen", "voters"):
        assert english not in page


def test_ticks_never_travel_in_a_url_are_not_stored_and_no_log_holds_a_plan_id(
    client: Client, counted: tuple[Edition, list[Plan]], caplog: pytest.LogCaptureFixture
) -> None:
    edition, (speeltuin, feest) = counted
    client.get(reverse("outcomes:result", kwargs={"slug": edition.slug}))  # the facts are stored by now
    caplog.set_level(logging.DEBUG)

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url(edition), {"plan": [speeltuin.pk, feest.pk]})

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert "?" not in url(edition)
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    logged = " ".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    for pk in (speeltuin.pk, feest.pk):
        assert not re.search(rf"\b{pk}\b", logged)
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_nothing_ticked_or_a_plan_of_another_result_is_refused_with_a_message(
    client: Client, counted: tuple[Edition, list[Plan]]
) -> None:
    edition, _ = counted

    nothing = client.post(url(edition), {})
    other = client.post(url(edition), {"plan": ["999999"]})

    assert nothing.status_code == 400 and "Tick at least one plan you voted for." in text(nothing)
    assert other.status_code == 400 and "Tick only plans of this result." in text(other)


def test_the_form_offers_every_plan_per_section(client: Client, counted: tuple[Edition, list[Plan]]) -> None:
    edition, plans = counted

    response = client.get(url(edition))

    body = response.content.decode()
    assert response.status_code == 200
    assert "<fieldset" in body and "<legend" in body
    for plan in plans:
        assert f'name="plan" value="{plan.pk}"' in body


def test_a_ranking_vote_says_your_part_is_not_available(client: Client) -> None:
    edition, plans = make_closed_vote(choices=[(0, 1)], ballot_format="ranking", aggregation_rule="mes")
    make_count(edition=edition)

    response = client.post(url(edition), {"plan": [plans[0].pk]})

    assert response.status_code == 200
    assert "so it is not available here" in text(response)
    assert "You paid" not in text(response)


def test_under_most_votes_first_the_part_says_which_plans_were_chosen_without_shares(client: Client) -> None:
    edition, plans = make_closed_vote(
        plan_costs=(4_000_000, 3_000_000), choices=[(0,)] * 3 + [(1,)], aggregation_rule="greedy"
    )
    make_count(edition=edition)

    page = text(client.post(url(edition), {"plan": [plans[0].pk, plans[1].pk]}))

    assert "1 of the 2 plans you ticked were chosen" in page
    assert "equal share" not in page


def test_before_publication_there_is_no_part(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[(0,)], aggregation_rule="mes")

    assert client.get(url(edition)).status_code == 404


def test_the_form_partial_renders_with_the_results_page_context(counted: tuple[Edition, list[Plan]]) -> None:
    edition, plans = counted
    count = edition.counts.get()

    with translation.override("en"):
        partial = render_to_string(
            "outcomes/yourpart/_form.html", {"edition": edition, "result": result_of(count)}
        )

    assert f'action="{url(edition)}"' in partial and 'method="post"' in partial
    assert all(f'value="{p.pk}"' in partial for p in plans)
    assert " checked" not in partial


def test_a_result_the_citizens_panel_decided_has_no_part_per_voter(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    make_panel(edition, size=7, by=facilitator)
    record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons={p.pk: "Samen besloten." for p in plans},
        funded=[plans[1].pk],
        summary="Wij kozen samen.",
    )

    response = client.post(url(edition), {"plan": [plans[1].pk]})

    assert response.status_code == 200
    assert "The citizens' panel decided this result, so there is no part per voter to show here." in text(
        response
    )
    assert "You paid" not in text(response) and "chosen." not in text(response)
