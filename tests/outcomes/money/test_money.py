"""The results page's money part: where the unspent money goes (the edition's setting), money per
neighbourhood against its residents, per theme, and per section a chart of votes against cost."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from editions.models import Edition, UnspentMoney
from outcomes import selectors
from outcomes.money import money_of
from outcomes.services import record_panel_decision
from outreach.models import Address
from proposals.models import Plan
from tests.factories import make_neighbourhood

from ..factories import make_closed_vote, make_count, make_facilitator, make_panel, make_panel_edition

pytestmark = pytest.mark.django_db

COSTS = (4_000_000, 3_000_000, 2_000_000, 1_000_000)  # the factories' plans, in order


def cost(plans: list[Plan]) -> dict[int, int]:
    return {p.pk: c for p, c in zip(plans, COSTS, strict=True)}


BUDGET = 6_500_000  # no two or three of the plans cost exactly this: money is left


def counted_with_neighbourhoods() -> tuple[Edition, list[Plan], set[int]]:
    """Plans 0 and 1 in two neighbourhoods (100 and 50 residents who could vote), 2 and 3 for everyone."""
    edition, plans = make_closed_vote(
        total_budget_cents=BUDGET, choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes"
    )
    oost = make_neighbourhood(district=edition.district, name="Oostbuurt")
    west = make_neighbourhood(district=edition.district, name="Westbuurt")
    Plan.objects.filter(pk=plans[0].pk).update(neighbourhood=oost)
    Plan.objects.filter(pk=plans[1].pk).update(neighbourhood=west)
    for street, where, residents in (("Dijk 1", oost, 60), ("Dijk 2", oost, 40), ("Laan 1", west, 50)):
        Address.objects.create(
            edition=edition,
            street_address=street,
            postcode="1000AA",
            neighbourhood=where,
            eligible_count=residents,
        )
    count = make_count(edition=edition)
    return edition, plans, set(count.sections.get().selected)


def result(edition: Edition) -> selectors.Result:
    count = selectors.published_count(edition)
    assert count is not None
    return selectors.result_of(count)


def test_unspent_money_is_the_budget_less_the_funded_plans() -> None:
    edition, plans, selected = counted_with_neighbourhoods()
    funded = sum(c for pid, c in cost(plans).items() if pid in selected)

    money = money_of(result(edition), edition)

    assert money.budget_cents == BUDGET and money.funded_cents == funded
    assert money.unspent_cents == BUDGET - funded
    assert [(s.budget_cents, s.funded_cents, s.unspent_cents) for s in money.sections] == [
        (BUDGET, funded, BUDGET - funded)
    ]


def test_money_per_neighbourhood_is_divided_by_its_residents_who_could_vote() -> None:
    edition, plans, selected = counted_with_neighbourhoods()
    costs = cost(plans)

    with translation.override("en"):
        money = money_of(result(edition), edition)
    rows = {row.name: row for row in money.neighbourhoods}

    assert money.residents_basis == "eligible" and money.residents == 150

    oost = costs[plans[0].pk] if plans[0].pk in selected else 0
    assert (rows["Oostbuurt"].eligible, rows["Oostbuurt"].cents) == (100, oost)
    assert rows["Oostbuurt"].cents_per_resident == round(oost / 100)
    west = costs[plans[1].pk] if plans[1].pk in selected else 0
    assert (rows["Westbuurt"].eligible, rows["Westbuurt"].cents_per_resident) == (50, round(west / 50))
    everyone = sum(costs[p.pk] for p in plans[2:] if p.pk in selected)
    whole = rows["Whole district"]
    assert everyone and whole.whole_district and whole.eligible == 150
    assert whole.cents_per_resident == round(everyone / 150)


def test_the_chart_marks_exactly_the_funded_plans_at_their_cost_and_voters() -> None:
    edition, plans, selected = counted_with_neighbourhoods()

    [chart] = money_of(result(edition), edition).charts

    points = {p.label: p for p in chart.points}
    assert {label for label, p in points.items() if p.marked} == {p.title for p in plans if p.pk in selected}
    assert (points[plans[0].title].x, points[plans[0].title].y) == (COSTS[0], 5)
    assert (points[plans[2].title].x, points[plans[2].title].y) == (COSTS[2], 5)


@pytest.mark.parametrize(
    ("choice", "dutch"),
    [
        (UnspentMoney.EDITION_POT, "gaat terug in de pot van deze editie"),
        (UnspentMoney.NEXT_EDITION, "gaat naar de volgende editie"),
        (UnspentMoney.DISTRICT, "gaat terug naar de gewone begroting van het stadsdeel"),
    ],
)
def test_the_part_says_how_much_is_left_and_where_it_goes_in_dutch(choice: str, dutch: str) -> None:
    edition, plans, selected = counted_with_neighbourhoods()
    Edition.objects.filter(pk=edition.pk).update(unspent_money=choice)
    edition.refresh_from_db()

    with translation.override("nl"):
        html = render_to_string("outcomes/money/_money.html", {"edition": edition, "result": result(edition)})

    left = BUDGET - sum(c for pid, c in cost(plans).items() if pid in selected)
    assert f"Er is €\N{NO-BREAK SPACE}{left // 100:,}".replace(",", ".") in html
    assert dutch in html
    assert 'id="money"' in html and "Geld per buurt, per bewoner" in html
    assert html.count('role="img"') == 1 and "dichte vierkantjes" in html
    assert not re.search(r"\sstyle=", html)  # the pages' CSP allows no style attributes


def test_a_consensus_of_the_panel_has_no_chart_and_divides_by_the_neighbourhoods_population() -> None:
    edition, plans = make_panel_edition()
    buurt = make_neighbourhood(district=edition.district, name="Panelbuurt", population=2_000)
    Plan.objects.filter(pk=plans[1].pk).update(neighbourhood=buurt)
    facilitator = make_facilitator(edition)
    make_panel(edition, size=7, by=facilitator)
    record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons={p.pk: "Omdat." for p in plans},
        funded=[plans[1].pk],
        summary="Samen gekozen.",
    )

    money = money_of(result(edition), edition)

    assert money.funded_cents == COSTS[1] and money.charts == []
    assert money.residents_basis == "population"
    [row] = [r for r in money.neighbourhoods if r.name == "Panelbuurt"]
    assert (row.cents, row.eligible, row.cents_per_resident) == (COSTS[1], 2_000, COSTS[1] // 2_000)
    with translation.override("en"):
        html = render_to_string("outcomes/money/_money.html", {"edition": edition, "result": result(edition)})
    assert "Where the money goes" in html and "<svg" not in html
    assert "the district's population figures" in html
