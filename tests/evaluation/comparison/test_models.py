"""The decision models side by side, from stored evidence only; the answers worked out by hand."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editions.models import Edition
from evaluation.comparison.metrics import compare_models, edition_metrics
from evaluation.comparison.selectors import municipality_editions
from evaluation.report.selectors import municipality_report
from places.models import District
from tests import factories
from tests.evaluation.report.factory import Delivery, Made, Place, evidence_data, store_evidence

pytestmark = pytest.mark.django_db

SMALL = Made(
    places=(Place("geuzenveld", "Geuzenveld", 1000, voters_online=100),),
    representativeness={"turnout_psi": 0.6},
    delivery=Delivery(projects=2, completed=2, in_progress=0, awarded_cents=5_000_000, spent_cents=5_000_000),
    costs={"staff_hours": 10.0, "amount_cents": 100_000, "lines": 1},
    satisfaction=3.0,
)
PANEL = Made(
    places=(Place("noord", "Noord", 3000, respondents=60, members=20),),
    representativeness={"panel_psi_age": 0.7, "panel_psi_gender": 0.9},
    delivery=Delivery(
        projects=1, completed=0, in_progress=1, median_days=None, awarded_cents=1_000_000, spent_cents=0
    ),
    costs={"staff_hours": 0.0, "amount_cents": 0, "lines": 0},
    satisfaction=None,
)


def _edition(
    district: District, name: str, year: int, model: str = "online_vote", order: str = ""
) -> Edition:
    return factories.make_edition(
        district=district, name=name, year=year, decision_model=model, hybrid_order=order
    )


def test_each_model_adds_its_editions_counts_and_averages_its_scores(district: District) -> None:
    first, second = _edition(district, "Vote 2025", 2025), _edition(district, "Vote 2026", 2026)
    panel = _edition(district, "Panel 2026", 2026, "panel")
    store_evidence(first)  # 300 of 3000 took part, PSI 0.8 and 0.9, 3 of 4 completed, 8 of 10 million spent
    store_evidence(second, SMALL)
    store_evidence(panel, PANEL)
    vote, council = compare_models(
        m.metrics for m in municipality_editions(district.municipality) if m.metrics
    )
    assert (vote.step, vote.editions, council.step, council.editions) == ("online_vote", 2, "panel", 1)
    assert vote.reach == pytest.approx(100 * 400 / 4000)  # (300 + 100) / (3000 + 1000)
    assert vote.representativeness == pytest.approx((0.85 + 0.6) / 2)  # mean of the editions' PSI means
    assert vote.satisfaction == pytest.approx(3.5)
    assert vote.completion == pytest.approx(100 * 5 / 6)  # (3 + 2) / (4 + 2)
    assert vote.spent_of_awarded == pytest.approx(100 * 13 / 15)  # (8 + 5) / (10 + 5) million
    assert vote.cost_per_participant == pytest.approx(400_000 / 400)  # cents per person
    assert vote.median_days_to_completion == pytest.approx(120.0)
    assert council.reach == pytest.approx(2.0)  # 60 of 3000
    assert council.representativeness == pytest.approx(0.8)
    assert council.completion == 0.0 and council.spent_of_awarded == 0.0
    assert council.cost_per_participant is None and council.satisfaction is None


def test_models_come_in_a_fixed_order(edition: Edition) -> None:
    steps = ["vote_then_panel", "panel", "online_vote", "panel_then_vote"]
    measured = []
    for step in steps:
        data = evidence_data(edition)
        data["edition"]["step"] = step
        measured.append(edition_metrics(data))
    assert [m.step for m in compare_models(measured)] == [
        "online_vote",
        "panel",
        "panel_then_vote",
        "vote_then_panel",
    ]


def test_an_edition_without_figures_is_named_not_counted(client: Client, district: District) -> None:
    store_evidence(_edition(district, "Met cijfers", 2025))
    _edition(district, "Zonder cijfers", 2026)
    response = client.get(reverse("evaluation:municipality", args=[district.municipality.slug]))
    assert response.status_code == 200
    assert "Zonder cijfers" in response.content.decode().split('id="toc-heading"')[0]


def _queries(client: Client, district: District) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("evaluation:municipality", args=[district.municipality.slug]))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_cross_edition_page_takes_the_same_queries_for_two_or_ten_editions(
    client: Client, district: District
) -> None:
    for year in (2020, 2021):
        store_evidence(_edition(district, f"Editie {year}", year))
    two = _queries(client, district)
    for year in range(2022, 2030):
        edition = _edition(district, f"Editie {year}", year, "panel" if year % 2 else "online_vote")
        store_evidence(edition, PANEL if year % 2 else None)
    ten = _queries(client, district)
    assert ten == two
    assert ten <= 8


def test_editions_still_deciding_are_named_and_left_out_of_every_comparison(
    client: Client, district: District
) -> None:
    store_evidence(_edition(district, "Vote 2026", 2026))  # 300 of 3000 took part
    nobody_yet = (Place("geuzenveld", "Geuzenveld", 1000), Place("slotermeer", "Slotermeer", 1000))
    store_evidence(_edition(district, "Vote 2027", 2027), Made(places=nobody_yet, decided=False))
    store_evidence(_edition(district, "Panel 2027", 2027, "panel"), Made(places=nobody_yet, decided=False))
    report = municipality_report(district.municipality)
    assert report.running == ["Panel 2027", "Vote 2027"]
    models = next(b for p in report.parts for b in p.blocks if b.anchor == "models")
    assert [row[:3] for row in models.tables[0].rows] == [["Online stemming", "1", "10,0 %"]]  # no panel row
    wanted = ("editions", "neighbourhoods")
    editions, places = (b for p in report.parts for b in p.blocks if b.anchor in wanted)
    assert [row[0] for row in editions.tables[0].rows] == ["Vote 2026"]
    assert places.tables[0].headers[1:] == ["Vote 2026"]
    assert [row[0] for row in places.tables[0].rows] == ["Osdorp", "Slotermeer"]  # not Geuzenveld
    html = client.get(reverse("evaluation:municipality", args=[district.municipality.slug])).content.decode()
    assert "Panel 2027, Vote 2027" in html
