"""A hybrid edition, panel first, end to end: the panel shortlists, then everyone votes on the shortlist."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from ballots.errors import BallotError
from ballots.sections import ballot_sections
from deliberation.steps import panel_step, published_decision
from editions.models import BallotFormat, DecisionModel, HybridOrder
from editions.permissions import can
from editions.phases import Action
from outcomes.selectors import published_count, result_count
from outcomes.services import compute_outcome, publish_result, start_count
from proposals.models import Plan, PlanStatus
from review.errors import ReviewError
from review.services import publish_shortlist, shortlist_plan
from tests import factories
from tests.factories import ballot_box_shares
from voting.services.casting import cast_ballot, credential_for_code

START = datetime(2027, 2, 1, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def during(edition_phases: dict[str, tuple[datetime, datetime]], kind: str) -> datetime:
    starts_at, ends_at = edition_phases[kind]
    return starts_at + (ends_at - starts_at) / 2


@pytest.mark.django_db
def test_the_panel_shortlists_and_then_everyone_votes_on_the_shortlist(
    client: Client, freeze_time: Callable[[datetime], None]
) -> None:
    edition = factories.make_edition(
        start=START,
        decision_model=DecisionModel.HYBRID,
        hybrid_order=HybridOrder.PANEL_THEN_VOTE,
        shortlist_size=2,
        ballot_format=BallotFormat.APPROVAL,
        total_budget_cents=5_000_000,
        max_plan_cost_cents=5_000_000,
    )
    phases = {p.kind: (p.starts_at, p.ends_at) for p in edition.phases.all()}
    plans = [
        factories.make_plan(
            edition=edition, title=f"Hybride plan {i}", status=PlanStatus.FEASIBLE, costs=(cost,)
        )
        for i, cost in enumerate((3_000_000, 2_000_000, 1_500_000, 1_000_000), start=1)
    ]
    facilitator = factories.make_staff(role=Role.FACILITATOR, district=edition.district)
    committee = factories.make_staff(role=Role.COMMITTEE, district=edition.district)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    assert panel_step(edition) == "shortlist"

    # The timeline names both steps for what they are in this edition.
    freeze_time(during(phases, "shortlist"))
    with translation.override("en"):
        page = client.get(edition.get_absolute_url()).content.decode()
    assert "Shortlist by the citizens" in page and "Vote on the panel" in page

    # The facilitator records the panel's shortlist (the committee does not hold it here).
    client.force_login(committee)
    assert client.get(reverse("review:shortlist", kwargs={"slug": edition.slug})).status_code == 403
    with pytest.raises(ReviewError):
        shortlist_plan(plan=plans[0], by=committee, reason="De commissie kiest hier niet.")
    client.force_login(facilitator)
    assert client.get(reverse("review:shortlist", kwargs={"slug": edition.slug})).status_code == 200
    assert can(facilitator, Action.PUBLISH_SHORTLIST, edition)
    shortlist_plan(plan=plans[1], by=facilitator, reason="Het panel vond dit het beste plan voor de jeugd.")
    shortlist_plan(plan=plans[3], by=facilitator, reason="Goedkoop en snel klaar, zei het panel.")
    with pytest.raises(ReviewError):  # the shortlist holds at most two plans
        shortlist_plan(plan=plans[2], by=facilitator, reason="Een derde plan past niet.")
    assert published_decision(edition) is None
    publish_shortlist(edition=edition, by=facilitator)
    published = published_decision(edition)
    assert published is not None and published.step == "shortlist"
    assert set(Plan.objects.filter(status=PlanStatus.SHORTLISTED).values_list("pk", flat=True)) == {
        plans[1].pk,
        plans[3].pk,
    }

    # Everyone votes on the shortlist only.
    freeze_time(during(phases, "decision"))
    (section,) = ballot_sections(edition)
    assert section.plan_ids == {plans[1].pk, plans[3].pk}
    factories.make_ballot_box(edition=edition)
    codes = [factories.make_voter(edition=edition)[1] for _ in range(3)]
    credentials = [credential_for_code(edition=edition, code=code, client_ip="10.0.0.1") for code in codes]
    with pytest.raises(BallotError):  # a plan the panel left off is not on the ballot
        cast_ballot(edition=edition, credential=credentials[0], ballot={"main": [plans[0].pk]})
    cast_ballot(edition=edition, credential=credentials[0], ballot={"main": [plans[1].pk]})
    cast_ballot(edition=edition, credential=credentials[1], ballot={"main": [plans[1].pk, plans[3].pk]})
    cast_ballot(edition=edition, credential=credentials[2], ballot={"main": [plans[3].pk]})

    # The vote's count is the result (not advice), published as usual.
    freeze_time(during(phases, "result"))
    count = compute_outcome(
        count=start_count(edition=edition, by=official, shares=ballot_box_shares(edition), background=False)
    )
    assert count.source == "vote" and result_count(edition) == count
    assert published_count(edition) == count
    publish_result(count=count, by=official)
    assert set(Plan.objects.filter(status=PlanStatus.SELECTED).values_list("pk", flat=True)) == {
        plans[1].pk,
        plans[3].pk,
    }
    with translation.override("en"):
        result_page = client.get(reverse("outcomes:result", args=[edition.slug])).content.decode()
    assert "Hybride plan 2" in result_page and "Hybride plan 1" not in result_page
