"""The report's figures from hand-made evidence, each expected value worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from editions.models import Edition
from evaluation.report.blocks import Block
from evaluation.report.parts import block_for, edition_parts

from .factory import Made, Place, evidence_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def _values(block: Block, chart: int = 0) -> dict[str, list[Any]]:
    return {series.name: list(series.values) for series in block.charts[chart].series}


def test_turnout_is_voters_over_eligible_residents_per_neighbourhood(edition: Edition) -> None:
    block = block_for("turnout-neighbourhoods", evidence_data(edition))
    assert list(block.charts[0].categories) == ["Slotermeer", "Osdorp", "All neighbourhoods"]
    values = _values(block)
    # (150 + 50) / 1000, 100 / 2000, 300 / 3000
    assert values["Voted"] == pytest.approx([20.0, 5.0, 10.0])
    # supporters: 120 / 1000, 80 / 2000, 200 / 3000
    assert values["Supported a plan"] == pytest.approx([12.0, 4.0, 200 / 30])
    assert "Signed up for the panel" not in values  # an online vote has no panel
    assert block.notes == []


def test_a_neighbourhood_without_population_has_no_rate_and_a_note(edition: Edition) -> None:
    places = (Place("a", "Buurt A", 100, voters_online=10), Place("b", "Buurt B", None, voters_online=5))
    block = block_for("turnout-neighbourhoods", evidence_data(edition, Made(places=places)))
    assert _values(block)["Voted"] == [pytest.approx(10.0), None, None]
    assert block.notes == ["No population figures for: Buurt B."]


def test_groups_compare_shares_of_residents_panel_and_voters(edition: Edition) -> None:
    edition.decision_model, edition.hybrid_order = "hybrid", "panel_then_vote"
    block = block_for("participation-groups", evidence_data(edition))
    age = _values(block, 0)
    assert age["Residents"] == pytest.approx([20.0, 80.0])  # 600 and 2400 of 3000
    assert age["Panel members"] == pytest.approx([20.0, 80.0])  # 2 and 8 of 10
    assert age["Voters who said"] == pytest.approx([50.0, 50.0])  # 20 and 20 of 40


def test_groups_suppress_voters_when_fewer_than_ten_answered(edition: Edition) -> None:
    block = block_for("participation-groups", evidence_data(edition, Made(voter_answers=None)))
    assert _values(block, 0)["Voters who said"] == [None, None]
    assert any("Fewer than 10" in note for note in block.notes)


def test_representativeness_shows_only_the_known_scores_with_how_they_are_computed(edition: Edition) -> None:
    block = block_for("representativeness", evidence_data(edition))
    assert _values(block)["Score"] == [0.5, 0.8, 0.9]
    assert [fact.value for fact in block.facts] == ["0.50", "0.80", "0.90"]
    assert "PSI" in block.explanation
    assert "lowest" in block.facts[0].explanation


def test_money_per_eligible_resident(edition: Edition) -> None:
    block = block_for("money-neighbourhoods", evidence_data(edition))
    # 60,000 euros over 1,000 residents = 60 euros; 40,000 over 2,000 = 20 euros.
    assert [row[3] for row in block.tables[0].rows] == ["€60", "€20"]


def test_delivery_rates_and_costs_per_participant(edition: Edition) -> None:
    evidence = evidence_data(edition)
    delivery = block_for("delivery", evidence)
    assert [fact.value for fact in delivery.facts] == ["75.0 %", "120.0", "80.0 %"]  # 3 of 4; 8 of 10 million
    costs = block_for("costs", evidence)
    values = {fact.label: fact.value for fact in costs.facts}
    assert values["People who took part in the decision"] == "300"
    assert values["Costs per participant"] == "€10"  # 3,000 euros over 300 people
    assert values["Staff hours per participant"] == "0.33"  # 100 hours over 300 people


def test_surveys_show_large_groups_and_suppress_small_ones(edition: Edition) -> None:
    block = block_for("surveys", evidence_data(edition))
    assert len(block.charts) == 1
    assert list(block.charts[0].series[0].values) == [10, 20, 10]
    assert block.charts[0].notes == ["Average: 4.00"]
    assert any("Eerste keer?" in note and "fewer than 10" in note for note in block.notes)


def test_the_rule_comparison_puts_each_rule_side_by_side(edition: Edition) -> None:
    block = block_for("rule-comparison", evidence_data(edition))
    assert _values(block) == {"Method of Equal Shares": [75.0], "Most votes first (greedy)": [60.0]}


def test_a_section_not_in_the_evidence_says_it_is_not_available(edition: Edition) -> None:
    data = evidence_data(edition)
    data["obstacles"] = None
    block = block_for("blockers", data)
    assert block.empty and block.notes == ["These figures are not available yet."]


def test_the_parts_hold_every_anchor_of_an_edition_once(edition: Edition) -> None:
    anchors = [block.anchor for part in edition_parts(evidence_data(edition)) for block in part.blocks]
    assert len(anchors) == len(set(anchors)) == 14
