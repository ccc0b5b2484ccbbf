"""The demo panel's decision: a ballot round in its last session, counted, with the panel's reasons.

Made through the services, told the demo's moments in the decision phase: the round is opened,
each present member casts with their card and the round is closed (``deliberation.rounds.
services``); the count and the decision go through ``outcomes.services.panel``, and the result is
published by ``publish_result`` on its publication date, without telling the initiators again (the
demo's notifications are made in one place). Made once.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

from accounts.models import User
from ballots.sections import ballot_sections
from deliberation.models import DecisionMethod, Draw, MemberStatus, PanelDecision, PanelStep, WorkSession
from deliberation.rounds.services import card_for_code, cast_panel_ballot, close_round, open_round
from editions.models import Edition
from outcomes.services import count_panel_vote, publish_result, record_panel_decision

from ..content.panel_noord import DecisionSpec
from ._common import result_phase


def load_panel_decision(
    *, edition: Edition, spec: DecisionSpec, facilitator: User, now: datetime
) -> PanelDecision | None:
    """The panel's round, its count and its decision, published; nothing if the edition has a decision."""
    existing = PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION).first()
    if existing is not None:
        return existing
    session = WorkSession.objects.filter(edition=edition, number=spec.session_number).first()
    draw = Draw.objects.filter(edition=edition, is_current=True, published_at__isnull=False).first()
    if session is None or draw is None:
        return None
    opened_at = session.starts_at + timedelta(hours=2)
    closed_at = opened_at + timedelta(minutes=45)
    opened = open_round(edition=edition, by=facilitator, session=session, at=opened_at)
    present = set(session.attendance.filter(present=True).values_list("member_id", flat=True))
    members = list(draw.members.filter(status=MemberStatus.ACTIVE).order_by("pool_id"))
    voters = [(i, m) for i, m in enumerate(members) if m.pk in present]
    for (i, member), content in zip(voters, _ballots(edition, spec, voters=len(voters)), strict=True):
        card = card_for_code(vote=opened.vote, code=opened.codes[member.pool_id])
        cast_panel_ballot(vote=opened.vote, card=card, raw=content, at=opened_at + timedelta(minutes=5 + i))
    vote = close_round(vote=opened.vote, by=facilitator, at=closed_at)
    decided_at = closed_at + timedelta(minutes=30)
    count = count_panel_vote(edition=edition, vote=vote, by=facilitator, at=decided_at)
    titles = {p.title: p.pk for s in ballot_sections(edition) for p in s.plans}
    decision = record_panel_decision(
        edition=edition,
        by=facilitator,
        method=DecisionMethod.VOTE,
        reasons={titles[title]: reason for title, reason in spec.reasons.items() if title in titles},
        funded=None,
        summary=spec.summary,
        vote=vote,
        at=decided_at + timedelta(hours=1),
    )
    published_at = edition.results_publish_at or result_phase(edition).starts_at
    if published_at <= now:
        publish_result(count=count, by=facilitator, at=published_at, notify_initiators=False)
    decision.refresh_from_db()
    return decision


def _ballots(edition: Edition, spec: DecisionSpec, *, voters: int) -> list[dict[str, dict[int, int]]]:
    """Each present member's points, spread over three to five plans by the panel's preferences, as
    the ballot form sends them (``cast_panel_ballot`` checks them against the rules)."""
    sections = ballot_sections(edition)
    plans = [(s.key, p.pk, spec.favourites.get(p.title, 1.0)) for s in sections for p in s.plans]
    rng = random.Random(f"panel-ballots:{edition.slug}")
    ballots = []
    for _ in range(voters):
        liked = rng.choices(plans, weights=[w for _, _, w in plans], k=spec.points_per_member)
        points = Counter((key, pk) for key, pk, _ in liked)
        raw: dict[str, dict[int, int]] = {}
        for (key, pk), given in points.items():
            raw.setdefault(key, {})[pk] = given
        ballots.append(raw)
    return ballots
