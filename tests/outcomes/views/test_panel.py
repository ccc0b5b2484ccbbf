"""The facilitator's decision page, and the results page when the citizens' panel decided."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from deliberation.models import PanelDecision
from editions.models import Edition
from outcomes.models import Count, CountSource
from outcomes.selectors import section_results
from outcomes.services import count_panel_vote, record_panel_decision
from proposals.models import Plan, PlanStatus
from tests.factories import make_user

from ..factories import (
    add_ballots,
    add_panel_round,
    make_count,
    make_facilitator,
    make_official,
    make_panel,
    make_panel_edition,
    make_session,
)

pytestmark = pytest.mark.django_db


def url(name: str, edition: Edition, **kwargs: str) -> str:
    with translation.override("en"):
        return reverse(f"outcomes:{name}", kwargs={"slug": edition.slug, **kwargs})


def test_decision_page_is_for_the_facilitator_only(client: Client) -> None:
    edition, _ = make_panel_edition()
    client.force_login(make_user())
    assert client.get(url("panel_decision", edition)).status_code == 403
    client.force_login(make_official(edition))
    assert client.get(url("panel_decision", edition)).status_code == 403


def test_decision_page_lists_the_plans_and_closed_rounds(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    add_panel_round(edition=edition, by=facilitator, contents=[{"main": [plans[0].pk]}] * 2)
    client.force_login(facilitator)

    html = client.get(url("panel_decision", edition)).content.decode()

    for plan in plans:
        assert plan.title in html and f'name="reason-{plan.pk}"' in html
    assert "2 ballots" in html and 'value="count"' in html
    assert "panel-decision.js" in html and "data-cost=" in html


def test_consensus_over_budget_re_renders_with_the_input_and_an_error_summary(client: Client) -> None:
    edition, plans = make_panel_edition()
    client.force_login(make_facilitator(edition))
    data = {
        "action": "record_consensus",
        "chosen": [plans[0].pk, plans[1].pk],
        "summary": "Onze keuze.",
        **{f"reason-{p.pk}": f"Reden {p.pk}" for p in plans},
    }

    response = client.post(url("panel_decision", edition), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "utrecht-alert--error" in html and "€70,000" in html and "€60,000" in html
    assert f"Reden {plans[3].pk}</textarea>" in html and "Onze keuze.</textarea>" in html
    assert f'value="{plans[0].pk}" data-cost="4000000" checked' in html
    assert not PanelDecision.objects.exists() and not Count.objects.exists()


def test_facilitator_records_a_consensus_and_publishes_it(client: Client) -> None:
    edition, plans = make_panel_edition()
    client.force_login(make_facilitator(edition))
    data = {
        "action": "record_consensus",
        "chosen": [plans[0].pk, plans[3].pk],
        "summary": "Onze keuze.",
        **{f"reason-{p.pk}": f"Reden {p.pk}" for p in plans},
    }

    assert client.post(url("panel_decision", edition), data).status_code == 302
    page = client.get(url("panel_decision", edition)).content.decode()
    assert "Publish the decision" in page
    assert client.post(url("panel_decision", edition), {"action": "publish"}).status_code == 302

    assert PanelDecision.objects.get().published_at is not None
    assert set(Plan.objects.filter(status=PlanStatus.SELECTED).values_list("pk", flat=True)) == {
        plans[0].pk,
        plans[3].pk,
    }


def test_facilitator_counts_a_round_and_records_its_decision(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    vote = add_panel_round(edition=edition, by=facilitator, contents=[{"main": [plans[0].pk]}] * 3)
    client.force_login(facilitator)

    assert (
        client.post(url("panel_decision", edition), {"action": "count", "vote": vote.pk}).status_code == 302
    )
    page = client.get(url("panel_decision", edition)).content.decode()
    assert "Record the decision of this vote" in page and "3 voters" in page
    response = client.post(
        url("panel_decision", edition),
        {"action": "record_vote", "vote": vote.pk, f"reason-{plans[0].pk}": "Breed gedragen."},
    )

    assert response.status_code == 302
    assert PanelDecision.objects.get().vote == vote


def test_results_page_shows_a_consensus_with_the_panels_reasons_and_no_ballot_file(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    make_panel(edition, size=7, by=facilitator)
    record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons={p.pk: f"Het panel over {p.title}." for p in plans},
        funded=[plans[1].pk],
        summary="Wij kozen samen.",
    )

    html = client.get(url("result", edition)).content.decode()

    assert "decided by consensus" in html and "Wij kozen samen." in html
    for plan in plans:
        assert f"Het panel over {plan.title}." in html
    assert "no ballot file to count again" in html and 'id="comparison"' not in html
    assert 'id="turnout"' not in html and "Members of the citizens' panel" in html
    assert client.get(url("ballots", edition, key="main")).status_code == 404
    data = json.loads(client.get(url("result_json", edition)).content)
    assert data["decided_by"] == "panel" and data["panel"]["method"] == "consensus"
    assert {r["plan_id"] for r in data["panel"]["reasons"]} == {p.pk for p in plans}
    csv_text = client.get(url("result_csv", edition)).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert "Voters who chose it" not in rows[0] and "Panel members who chose it" not in rows[0]
    assert {r["The panel's reason"] for r in rows} == {f"Het panel over {p.title}." for p in plans}


def test_results_page_shows_the_panels_vote_in_its_session_and_keeps_the_recount(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    members = make_panel(edition, size=6, by=facilitator)
    session = make_session(edition, by=facilitator, number=4, title="Het besluit")
    vote = add_panel_round(
        edition=edition,
        by=facilitator,
        members=members,
        session=session,
        contents=[{"main": [plans[0].pk]}] * 5,
    )
    count = count_panel_vote(edition=edition, vote=vote, by=facilitator)
    record_panel_decision(
        edition=edition, by=facilitator, method="vote", reasons={}, funded=None, summary="", vote=vote
    )
    section = count.sections.get()

    html = client.get(url("result", edition)).content.decode()

    assert "4. Het besluit" in html and "5 of its 6 members voted" in html
    assert "Support in the panel's vote" in html and section.sha256 in html
    response = client.get(url("ballots", edition, key="main"))
    assert response.status_code == 200 and response.content == section.pb_file.encode()


def test_results_page_of_a_vote_first_hybrid_shows_the_vote_as_advice(client: Client) -> None:
    edition, plans = make_panel_edition(
        phase="panel", decision_model="hybrid", hybrid_order="vote_then_panel"
    )
    add_ballots(edition=edition, contents=[{"main": [plans[2].pk]}] * 4 + [{"main": [plans[3].pk]}])
    advice = make_count(edition=edition)
    facilitator = make_facilitator(edition)
    assert client.get(url("advice_ballots", edition, key="main")).status_code == 404
    record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons={p.pk: "Afgewogen." for p in plans},
        funded=[plans[0].pk],
        summary="",
    )

    html = client.get(url("result", edition)).content.decode()

    assert "Advice: support in the public vote" in html and "4 voters" in html
    assert "the panel's advice" in html and 'id="turnout"' in html
    assert url("advice_ballots", edition, key="main") in html
    response = client.get(url("advice_ballots", edition, key="main"))
    assert response.status_code == 200 and response.content == advice.sections.get().pb_file.encode()
    assert Count.objects.get(source=CountSource.PANEL).sections.get().selected == [plans[0].pk]


def test_the_decision_and_result_pages_read_the_same_number_of_queries_however_many_plans(
    client: Client,
) -> None:
    def queries_for(plan_count: int) -> tuple[int, int]:
        edition, plans = make_panel_edition(plan_costs=[500_000] * plan_count)
        facilitator = make_facilitator(edition)
        make_panel(edition, size=5, by=facilitator)
        record_panel_decision(
            edition=edition,
            by=facilitator,
            method="consensus",
            reasons={p.pk: "Een reden." for p in plans},
            funded=[plans[0].pk],
            summary="",
        )
        client.force_login(facilitator)
        with CaptureQueriesContext(connection) as decision_page:
            assert client.get(url("panel_decision", edition)).status_code == 200
        with CaptureQueriesContext(connection) as result_page:
            assert client.get(url("result", edition)).status_code == 200
        return len(decision_page), len(result_page)

    assert queries_for(3) == queries_for(9)


def test_the_decision_page_explains_the_counted_round_as_the_results_page_does(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    vote = add_panel_round(
        edition=edition, by=facilitator, contents=[{"main": [plans[0].pk]}] * 3 + [{"main": [plans[3].pk]}]
    )
    count_panel_vote(edition=edition, vote=vote, by=facilitator)
    client.force_login(facilitator)

    page = client.get(url("panel_decision", edition)).content.decode()

    count = Count.objects.get(source=CountSource.PANEL)
    [section] = section_results(count)
    for plan in section.plans:
        assert html.escape(plan.explanation) in page
    assert page.count("outcome-mark--funded") == len(section.funded)


def test_the_decision_page_shows_the_panels_reason_next_to_each_chosen_and_unchosen_plan(
    client: Client,
) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    make_panel(edition, size=7, by=facilitator)
    record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons={p.pk: f"Het panel over {p.title}." for p in plans},
        funded=[plans[1].pk],
        summary="Wij kozen samen.",
    )
    client.force_login(facilitator)

    page = client.get(url("panel_decision", edition)).content.decode()

    rows = re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", page, flags=re.S)
    for plan in plans:
        [row] = [r for r in rows if plan.title in r]
        assert f"Het panel over {plan.title}." in row
        assert ("Chosen by the panel" in row) == (plan.pk == plans[1].pk)
        assert ("Not chosen by the panel" in row) == (plan.pk != plans[1].pk)
