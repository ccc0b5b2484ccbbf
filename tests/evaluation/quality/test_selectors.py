"""The quality figures: satisfaction with the published result, greedy against Equal Shares, money per
neighbourhood, on hand-made editions; and the comparison's metrics against pbrules on a real file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from evaluation.models import PopulationFigure
from evaluation.quality.selectors import quality_figures
from outcomes.models import Count, CountSection
from outcomes.services import publish_result
from pbrules import outcome_dict, parse_election, run_rule, to_instance
from proposals.models import Plan, PlanStatus
from tests.evaluation.funnel.helpers import query_count
from tests.factories import make_neighbourhood
from tests.outcomes.factories import make_closed_vote, make_count, make_official, make_panel_edition

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[3]
PABULIB = [
    Path(p)
    for p in (
        os.environ.get("PABULIB_DIR"),
        REPO.parent / "shared/data/pabulib",
        REPO.parent.parent / "shared/data/pabulib",
    )
    if p
]


def _population(place: Any) -> None:
    """164 residents of 16 or older: 0 of 100 under 16, 90 of 16-24, 4 years of 10-19's 60 (24), 50 of 65+."""
    for age_from, age_to, gender, residents in (
        (0, 15, "vrouw", 100),
        (16, 24, "man", 90),
        (10, 19, "anders", 60),
        (65, None, "vrouw", 50),
    ):
        PopulationFigure.objects.create(
            neighbourhood=place, age_from=age_from, age_to=age_to, gender=gender, residents=residents
        )


@pytest.fixture
def voted() -> Edition:
    """Four plans (40k, 30k, 20k, 10k euro; budget 60k), four ballots {0}, {0,2}, {0,2}, {1}: greedy and
    Equal Shares both choose plans 0 (in Osdorp) and 2 (the whole district); published."""
    edition, plans = make_closed_vote(choices=[(0,), (0, 2), (0, 2), (1,)])
    osdorp = make_neighbourhood(district=edition.district, name="Osdorp")
    make_neighbourhood(district=edition.district, name="Slotervaart")
    _population(osdorp)
    Plan.objects.filter(pk=plans[0].pk).update(neighbourhood=osdorp)
    official = make_official(edition)
    publish_result(count=make_count(edition=edition, by=official), by=official)
    return edition


def publish_consensus(edition: Edition, *, by: User, selected: list[int]) -> None:
    """A published panel decision without ballots: a current count whose one section has no .pb."""
    count = Count.objects.create(
        edition=edition,
        source="panel",
        status="done",
        started_by=by,
        rule="consensus",
        satisfaction="",
        pbrules_version="",
        tie_breaking="",
        is_current=True,
        published_at=timezone.now(),
    )
    CountSection.objects.create(
        count=count,
        position=0,
        key="main",
        label=edition.name,
        budget_cents=6_000_000,
        pb_file="",
        sha256="",
        selected=selected,
        outcome={"metrics": {}},
        voters=0,
    )


def test_sections_give_the_published_results_satisfaction(voted: Edition) -> None:
    # Satisfaction by cost (cents): 40k, 60k, 60k and 0 euro: average 40k euro; 3 of 4 voters have a
    # chosen plan they supported; Gini = sum |xi - xj| / (2 n^2 mean) = 40 / (2 * 16 * 4) = 0.3125.
    figures = quality_figures(voted)
    assert figures["satisfaction"] == "cost"
    assert figures["sections"] == [
        {
            "key": "main",
            "label": voted.name,
            "voters": 4,
            "chosen": 2,
            "share_with_chosen": 0.75,
            "avg_satisfaction": 4_000_000.0,
            "gini": 0.3125,
            "rule": "greedy",
        }
    ]


def test_greedy_and_equal_shares_are_compared_on_the_same_ballots(voted: Edition) -> None:
    # Equal Shares: plan 0 first (its three supporters pay 40k of their 45k); plan 1 no longer fits,
    # plan 3 has no supporter, so completion by exhaustion adds plan 2: the same choice as greedy.
    same = {
        "satisfaction": "cost",
        "chosen": 2,
        "total_cost_cents": 6_000_000,
        "share_with_chosen": 0.75,
        "avg_satisfaction": 4_000_000.0,
        "gini": 0.3125,
    }
    assert quality_figures(voted)["comparison"] == [
        {"section": "main", "rule": "greedy", **same},
        {"section": "main", "rule": "mes", **same},
    ]


def test_money_per_neighbourhood_stands_beside_its_eligible_residents(voted: Edition) -> None:
    assert quality_figures(voted)["money_by_neighbourhood"] == [
        {"slug": "osdorp", "name": "Osdorp", "awarded_cents": 4_000_000, "eligible": 164},
        {"slug": "slotervaart", "name": "Slotervaart", "awarded_cents": 0, "eligible": None},
        {"slug": "", "name": "", "awarded_cents": 2_000_000, "eligible": None},
    ]


def test_a_panel_consensus_without_ballots_has_no_sections_but_its_money() -> None:
    edition, plans = make_panel_edition(phase="result")
    facilitator = make_official(edition)
    Plan.objects.filter(pk=plans[1].pk).update(status=PlanStatus.SELECTED, reviewed_cost_cents=2_500_000)
    publish_consensus(edition, by=facilitator, selected=[plans[1].pk])
    figures = quality_figures(edition)
    assert figures["sections"] == figures["comparison"] == []
    assert figures["money_by_neighbourhood"] == [
        {"slug": "", "name": "", "awarded_cents": 2_500_000, "eligible": None}
    ]
    assert figures["satisfaction"] == "cost"


def test_before_the_result_is_published_there_are_no_sections() -> None:
    edition, _plans = make_closed_vote(choices=[(0,)])
    make_count(edition=edition)
    figures = quality_figures(edition)
    assert figures["sections"] == figures["comparison"] == []


def test_quality_runs_as_many_queries_with_more_plans(voted: Edition) -> None:
    assert query_count(quality_figures, voted) <= 8


def test_the_comparison_on_a_real_pabulib_file_equals_pbrules_own_metrics() -> None:
    files = sorted(
        f for folder in PABULIB if folder.is_dir() for f in folder.glob("Poland_Warszawa_2019_Anin.pb")
    )
    if not files:
        pytest.skip(f"the shared pabulib files are not in {', '.join(map(str, PABULIB))}")
    text = files[0].read_text(encoding="utf-8")
    instance = to_instance(parse_election(text))
    outcomes = {
        "greedy": run_rule(instance, "greedy", satisfaction="cost", tie_breaking=None),
        "mes": run_rule(instance, "mes", satisfaction="cost", completion="exhaustion", tie_breaking=None),
    }
    edition, _plans = make_closed_vote()
    official = make_official(edition)
    count = Count.objects.create(
        edition=edition,
        status="done",
        started_by=official,
        rule="mes",
        satisfaction="cost",
        pbrules_version="test",
        tie_breaking="id",
        is_current=True,
        published_at=timezone.now(),
    )
    CountSection.objects.create(
        count=count,
        position=0,
        key="main",
        label="Anin",
        budget_cents=instance.budget,
        pb_file=text,
        sha256="",
        selected=list(outcomes["mes"].selected),
        outcome={},
        voters=instance.num_voters,
        comparison={
            label: {"satisfaction": "cost", "selected": list(o.selected)} for label, o in outcomes.items()
        },
    )
    rows = {row["rule"]: row for row in quality_figures(edition)["comparison"]}
    for label, outcome in outcomes.items():
        metrics = outcome_dict(instance, outcome)["metrics"]
        assert rows[label]["share_with_chosen"] == metrics["share_with_funded_project"]
        assert rows[label]["avg_satisfaction"] == metrics["avg_cost_satisfaction"]
        assert rows[label]["gini"] == metrics["gini_cost_satisfaction"]
        assert rows[label]["total_cost_cents"] == metrics["total_cost"]
        assert rows[label]["chosen"] == metrics["num_selected"]
    section = quality_figures(edition)["sections"][0]
    assert section["share_with_chosen"] == rows["mes"]["share_with_chosen"]


def test_where_the_panel_decides_after_the_vote_its_choice_is_measured_on_the_voters_ballots() -> None:
    # The vote's ballots as in ``voted``; the panel then chose plan 1 (30k euro) alone, by consensus.
    # Only the fourth voter supported it: share 1/4, average 30k/4 euro, Gini of (0, 0, 0, 30k) =
    # 18 / (2 * 16 * 0.75) = 0.75.
    edition, plans = make_closed_vote(
        choices=[(0,), (0, 2), (0, 2), (1,)], decision_model="hybrid", hybrid_order="vote_then_panel"
    )
    official = make_official(edition)
    make_count(edition=edition, by=official)
    publish_consensus(edition, by=official, selected=[plans[1].pk])
    figures = quality_figures(edition)
    assert figures["sections"] == [
        {
            "key": "main",
            "label": edition.name,
            "voters": 4,
            "chosen": 1,
            "share_with_chosen": 0.25,
            "avg_satisfaction": 750_000.0,
            "gini": 0.75,
            "rule": "consensus",
        }
    ]
    assert [row["rule"] for row in figures["comparison"]] == ["greedy", "mes"]
