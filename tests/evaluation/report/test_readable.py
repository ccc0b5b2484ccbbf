"""The report reads as words and sensible units: satisfaction in euros or plans, places and keys named,
empty surveys and series that do not apply left out; every expected text worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from editions.models import Edition
from evaluation.report.parts import block_for

from .factory import Made, Place, evidence_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def test_cost_satisfaction_is_shown_as_euros_of_chosen_plans_a_voter_supported(edition: Edition) -> None:
    data = evidence_data(edition)
    quality = block_for("quality", data)
    column = list(quality.tables[0].headers).index("Average satisfaction (€)")
    assert quality.tables[0].rows[0][column] == "€32,896"  # 3,289,629.63 cents
    assert "in euros" in quality.explanation
    comparison = block_for("rule-comparison", data)
    column = list(comparison.tables[0].headers).index("Average satisfaction (€)")
    assert [row[column] for row in comparison.tables[0].rows] == ["€32,896", "€20,000"]


def test_cardinality_satisfaction_is_shown_as_a_number_of_plans(edition: Edition) -> None:
    data = evidence_data(edition)
    data["quality"]["satisfaction"] = "cardinality"
    data["quality"]["sections"][0]["avg_satisfaction"] = 1.5
    quality = block_for("quality", data)
    column = list(quality.tables[0].headers).index("Average satisfaction (plans)")
    assert quality.tables[0].rows[0][column] == "1.5"


def test_plans_for_the_whole_district_are_labelled_so(edition: Edition) -> None:
    data = evidence_data(edition)
    whole = {"slug": "", "name": ""}
    data["funnel"]["by_neighbourhood"].append({**whole, "stages": {"started": 2, "submitted": 1}})
    data["obstacles"]["by_neighbourhood"].append({**whole, "count": 1, "unsolved": 0})
    data["quality"]["money_by_neighbourhood"].append({**whole, "awarded_cents": 2_000_000, "eligible": None})
    funnel = block_for("funnel", data)
    assert [row[:3] for row in funnel.tables[0].rows] == [
        ["Slotermeer", "10", "8"],
        ["The whole district", "2", "1"],
    ]
    assert block_for("blockers", data).tables[1].rows[-1] == ["The whole district", "1", "0"]
    money = block_for("money-neighbourhoods", data)
    assert money.charts[0].categories[-1] == "The whole district"
    assert money.tables[0].rows[-1] == ["The whole district", "€20,000", "–", "–"]
    assert money.notes == []  # the whole district has no population of its own: not "missing"


def test_dropouts_name_the_review_criterion_not_its_key(edition: Edition) -> None:
    data = evidence_data(edition)
    data["funnel"]["dropouts"] = [
        {"reason": "not_feasible", "count": 2},
        {"reason": "not_feasible:legal", "count": 1, "criterion": "Legal"},  # a default: translated
        {"reason": "not_feasible:bomen", "count": 1, "criterion": "Bomenkap nodig"},  # the district's own
        {"reason": "not_feasible:maintenance", "count": 1},  # older evidence: the default of that key
    ]
    with translation.override("nl"):
        chart = block_for("dropouts", data).charts[0]
    assert list(chart.categories) == [
        "Niet haalbaar",
        "Niet haalbaar: Juridisch",
        "Niet haalbaar: Bomenkap nodig",
        "Niet haalbaar: Beheer en onderhoud",
    ]


def test_survey_categories_show_their_labels_and_only_groups_of_ten(edition: Edition) -> None:
    data = evidence_data(edition)
    data["obstacles"]["survey_categories"] = [
        {"survey_kind": "voter", "category": "permits", "label": "Vergunningen en regels", "count": 12},
        {"survey_kind": "voter", "category": "money", "label": "Geld en betalingen", "count": None},
    ]
    block = block_for("blockers", data)
    assert block.tables[-1].rows == [["Voters, after casting", "Vergunningen en regels", "12"]]
    assert block.notes == ["Survey categories chosen fewer than 10 times are not shown."]


def test_an_edition_without_blockers_says_so_instead_of_a_chart_of_zeros(edition: Edition) -> None:
    data = evidence_data(edition)
    data["obstacles"]["blockers"] = [
        {"category": c, "count": 0, "solved": 0, "unsolved": 0, "median_days_to_solve": None}
        for c in ("permit", "other")
    ]
    data["obstacles"]["by_neighbourhood"] = [{"slug": "osdorp", "name": "Osdorp", "count": 0, "unsolved": 0}]
    data["obstacles"]["survey_categories"] = []
    block = block_for("blockers", data)
    assert block.empty and block.notes == ["No blockers were recorded."]


def _survey(title: str, responses: int, *answers: int) -> dict[str, Any]:
    questions = [
        {
            "key": f"q{i}",
            "text": f"Vraag {i}",
            "kind": "scale",
            "role": "",
            "answers": n,
            "suppressed": n < 10,
            "mean": None if n < 10 else 3.0,
            "distribution": [] if n < 10 else [{"key": "3", "label": "3", "count": n}],
        }
        for i, n in enumerate(answers, start=1)
    ]
    return {"kind": "voter", "title": title, "responses": responses, "questions": questions}


def test_surveys_without_answers_are_named_once_and_fully_suppressed_ones_in_one_line(
    edition: Edition,
) -> None:
    data = evidence_data(edition)
    data["surveys"] = [
        _survey("Na het stemmen", 12, 12, 4),
        _survey("Na afloop (ambtenaren)", 0, 0, 0, 0),
        _survey("Panelleden", 6, 6, 5),
        _survey("Buurtbewoners na 6 maanden", 0, 0),
    ]
    block = block_for("surveys", data)
    assert [chart.title for chart in block.charts] == ["Na het stemmen: Vraag 1"]
    assert list(block.notes) == [
        "Na het stemmen: fewer than 10 answers, not shown: Vraag 2.",
        "Panelleden: 6 responses, fewer than 10 answers to each question: not shown.",
        "No answers (yet) to: Na afloop (ambtenaren), Buurtbewoners na 6 maanden.",
    ]
    assert block.tables[0].rows == [["Na het stemmen", "12"], ["Panelleden", "6"]]


def test_an_online_vote_without_support_shows_neither_support_nor_panel_series_or_columns(
    edition: Edition,
) -> None:
    places = (Place("a", "Buurt A", 1000, voters_online=100, voters_paper=10),)
    data = evidence_data(edition, Made(places=places))
    data["edition"]["phases"] = [p for p in data["edition"]["phases"] if p["kind"] != "support"]
    block = block_for("turnout-neighbourhoods", data)
    assert [series.name for series in block.charts[0].series] == ["Voted"]
    assert list(block.tables[0].headers) == [
        "Neighbourhood",
        "Eligible residents",
        "Plan submitters",
        "Voted online",
        "Voted on paper",
        "Turnout",
    ]
    assert block.tables[0].rows[0] == ["Buurt A", "1,000", "0", "100", "10", "11.0 %"]
    groups = block_for("participation-groups", data)
    assert list(groups.tables[0].headers) == ["Group", "Eligible residents", "Voters who said"]


def test_a_panel_shows_no_vote_columns(edition: Edition) -> None:
    edition.decision_model = "panel"
    places = (Place("a", "Buurt A", 1000, respondents=30, members=10, supporters=5),)
    block = block_for("turnout-neighbourhoods", evidence_data(edition, Made(places=places)))
    assert [series.name for series in block.charts[0].series] == [
        "Signed up for the panel",
        "Supported a plan",
    ]
    assert list(block.tables[0].headers) == [
        "Neighbourhood",
        "Eligible residents",
        "Plan submitters",
        "Supporters",
        "Panel sign-ups",
        "Panel members",
    ]
    groups = block_for("participation-groups", evidence_data(edition))
    assert list(groups.tables[0].headers) == [
        "Group",
        "Eligible residents",
        "Panel sign-ups",
        "Panel members",
    ]


def test_with_points_the_satisfaction_has_no_unit_and_is_left_out(edition: Edition) -> None:
    data = evidence_data(edition)
    data["edition"]["ballot_format"] = "cumulative"  # pbrules weighs each plan by its points
    quality = block_for("quality", data)
    headers = list(quality.tables[0].headers)
    assert not [h for h in headers if h.startswith("Average satisfaction")]
    assert "Gini of satisfaction" in headers
    assert "points or rank" in quality.explanation
    comparison = block_for("rule-comparison", data)
    assert not [h for h in comparison.tables[0].headers if h.startswith("Average satisfaction")]


def test_blockers_show_only_the_categories_and_neighbourhoods_that_had_any(edition: Edition) -> None:
    data = evidence_data(edition)
    data["obstacles"]["blockers"].append(
        {"category": "other", "count": 0, "solved": 0, "unsolved": 0, "median_days_to_solve": None}
    )
    data["obstacles"]["by_neighbourhood"].append(
        {"slug": "osdorp", "name": "Osdorp", "count": 0, "unsolved": 0}
    )
    block = block_for("blockers", data)
    assert list(block.charts[0].categories) == ["Permit"]
    assert [row[0] for row in block.tables[0].rows] == ["Permit"]
    assert block.tables[1].rows == [["Slotermeer", "3", "1"]]
