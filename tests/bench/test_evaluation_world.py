"""The learning report's benchmark data, built small: ten editions, every model, real published counts."""

from __future__ import annotations

import pytest

from bench.evaluation_world import EDITIONS, build
from editions.models import Edition
from execution.models import Blocker, Payment, Project
from outcomes.models import Count
from pbrules import parse_election
from voting.models import Ballot, Channel, Voter

pytestmark = pytest.mark.django_db


def test_a_small_scale_builds_ten_editions_with_voters_counts_and_projects() -> None:
    editions = build(scale=0.002)  # 250 voters per voting edition, 20 plans per edition

    assert len(editions) == len(EDITIONS) == 10
    assert {(e.decision_model, e.hybrid_order) for e in editions} == {
        ("online_vote", ""), ("panel", ""), ("hybrid", "panel_then_vote"), ("hybrid", "vote_then_panel")
    }  # fmt: skip
    assert len({e.district_id for e in editions}) == 5
    voting = [e for e in editions if e.decision_model != "panel"]
    assert Voter.objects.count() == Ballot.objects.count() == 250 * len(voting)
    assert Voter.objects.filter(channel=Channel.PAPER).exists()
    assert not Voter.objects.filter(neighbourhood__isnull=True).exists()
    for edition in voting:
        count = Count.objects.get(edition=edition, is_current=True)
        section = count.sections.get()
        assert count.published_at is not None and section.voters == 250
        assert len(parse_election(section.pb_file).ballots) == 250
        assert "share_with_funded_project" in section.outcome["metrics"]
        chosen = set(Project.objects.filter(edition=edition).values_list("plan_id", flat=True))
        assert chosen == set(section.selected)
    projects = Project.objects.all()
    assert Blocker.objects.count() == projects.count() == Payment.objects.filter(line__position=0).count()
    assert all(e.total_budget_cents > 0 for e in Edition.objects.all())
