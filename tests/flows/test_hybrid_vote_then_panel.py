"""A hybrid edition with the vote first, end to end: everyone votes, the count advises, the panel decides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import translation

from deliberation.models import PanelDecision
from outcomes.models import CountSource
from outcomes.selectors import advice_count, published_count
from outcomes.services import compute_outcome, start_count
from proposals.models import Plan, PlanStatus
from tests.factories import ballot_box_shares, make_vote, make_voter, phase_of
from tests.outcomes.factories import make_facilitator, make_official
from voting.services.casting import cast_ballot, credential_for_code

IP = "192.0.2.44"


def test_everyone_votes_then_the_panel_decides_with_the_vote_as_advice(
    client: Client, db: None, freeze_time: Callable[[datetime], None]
) -> None:
    # Plans of 40k, 30k, 20k, 10k euro; budget 60k. The vote favours plans 2 and 3.
    edition, plans = make_vote(decision_model="hybrid", hybrid_order="vote_then_panel")
    for chosen in ([2, 3], [2, 3], [2], [0], [3]):
        _, code = make_voter(edition=edition)
        cast_ballot(
            edition=edition,
            credential=credential_for_code(edition=edition, code=code, client_ip=IP),
            ballot={"main": [plans[i].pk for i in chosen]},
        )

    # The vote closes; the panel's phase begins.
    freeze_time(phase_of(edition, "panel").starts_at + timedelta(days=1))
    official = make_official(edition)
    vote_count = compute_outcome(
        count=start_count(edition=edition, by=official, shares=ballot_box_shares(edition), background=False)
    )
    assert vote_count.source == CountSource.VOTE and advice_count(edition) == vote_count
    assert {plans[2].pk, plans[3].pk} <= set(vote_count.sections.get().selected)
    assert published_count(edition) is None

    with translation.override("en"):
        result_url = reverse("outcomes:result", kwargs={"slug": edition.slug})
        count_url = reverse("outcomes:count", kwargs={"slug": edition.slug})
        decision_url = reverse("outcomes:panel_decision", kwargs={"slug": edition.slug})
        edition_url = edition.get_absolute_url()
    before = client.get(result_url)
    assert before.templates[0].name == "outcomes/not_published.html"
    client.force_login(official)
    count_page = client.get(count_url).content.decode()
    assert "advice to the citizens' panel" in count_page and 'value="publish"' not in count_page

    # The panel decides by consensus: plans 0 and 3, against the advice for plan 2.
    facilitator = make_facilitator(edition)
    client.force_login(facilitator)
    page = client.get(decision_url).content.decode()
    assert "Advice: support in the public vote" in page and "3 voters" in page
    response = client.post(
        decision_url,
        {
            "action": "record_consensus",
            "chosen": [plans[0].pk, plans[3].pk],
            "summary": "Het panel woog het advies en koos anders.",
            **{f"reason-{p.pk}": f"Afweging {p.title}." for p in plans},
        },
    )
    assert response.status_code == 302
    assert client.post(decision_url, {"action": "publish"}).status_code == 302

    decision = PanelDecision.objects.get(edition=edition)
    assert decision.published_at is not None
    selected = set(
        Plan.objects.filter(edition=edition, status=PlanStatus.SELECTED).values_list("pk", flat=True)
    )
    assert selected == {plans[0].pk, plans[3].pk}
    assert published_count(edition) is not None and published_count(edition).source == CountSource.PANEL  # type: ignore[union-attr]

    client.logout()
    html = client.get(result_url).content.decode()
    assert "decided by consensus" in html and "Het panel woog het advies en koos anders." in html
    assert "Afweging Stemplan 3." in html and "Advice: support in the public vote" in html
    assert "chosen in the vote" in html
    timeline = client.get(edition_url).content.decode()
    assert "Vote (advice to the panel)" in timeline
    assert "Decision by the citizens&#x27; panel" in timeline
