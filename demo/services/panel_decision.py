"""The demo panel's decision: a ballot round in its last session, counted, with the panel's reasons.

The round's cards and ballots are written as ``deliberation.services.ballot_round`` writes them
(each card's code is derived from the edition and the member, real codes are random); the count and
the decision go through ``outcomes.services`` at a moment in the decision phase. Publication is
recorded as ``publish_result`` would record it, at the result's publication date, without telling
the initiators again (the demo's notifications are made in one place). Made once.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections import Counter
from datetime import datetime, timedelta

from accounts.models import User
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import ballot_sections
from common import codes
from deliberation.models import (
    BallotCard,
    DecisionMethod,
    Draw,
    MemberStatus,
    PanelBallot,
    PanelDecision,
    PanelStep,
    PanelVote,
    WorkSession,
)
from deliberation.rounds.services import card_code_hash, normalise_card_code
from editions.models import Edition
from editions.phases import PhaseKind
from outcomes.models import Count
from outcomes.services import count_panel_vote, record_panel_decision

from ..content.panel_noord import DecisionSpec
from ._common import audit_once, phase_of

DEMO_CARD_KEY = b"buurtbudget-demo-panel-cards"


def demo_card_code(edition_slug: str, pool_id: str) -> str:
    """The demo's card code of a member (10 symbols, as a round's cards have)."""
    digest = hmac.new(DEMO_CARD_KEY, f"{edition_slug}:{pool_id}".encode(), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big")
    return "".join(codes.ALPHABET[(bits >> (5 * i)) & 31] for i in range(10))


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
    vote = PanelVote.objects.create(
        edition=edition,
        session=session,
        opened_by=facilitator,
        opened_at=opened_at,
        closed_by=facilitator,
        closed_at=closed_at,
    )
    present = set(session.attendance.filter(present=True).values_list("member_id", flat=True))
    members = list(draw.members.filter(status=MemberStatus.ACTIVE).order_by("pool_id"))
    BallotCard.objects.bulk_create(
        BallotCard(
            vote=vote,
            member=member,
            code_hash=card_code_hash(normalise_card_code(demo_card_code(edition.slug, member.pool_id)) or ""),
            used_at=opened_at + timedelta(minutes=5 + i) if member.pk in present else None,
        )
        for i, member in enumerate(members)
    )
    PanelBallot.objects.bulk_create(
        PanelBallot(vote=vote, content=content)
        for content in _ballots(edition, spec, voters=sum(1 for m in members if m.pk in present))
    )
    audit_once(
        actor=facilitator,
        action="panel.round.open",
        target=vote,
        edition=edition,
        at=opened_at,
        after={"session": session.number, "cards": len(members)},
    )
    audit_once(actor=facilitator, action="panel.round.close", target=vote, edition=edition, at=closed_at)
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
    result = phase_of(edition, PhaseKind.RESULT)
    published_at = min(edition.results_publish_at or result.starts_at, now)
    Count.objects.filter(pk=count.pk).update(
        started_at=decided_at, finished_at=decided_at, published_at=published_at
    )
    PanelDecision.objects.filter(pk=decision.pk).update(published_at=published_at)
    audit_once(
        actor=facilitator,
        action="outcomes.result_published",
        target=count,
        edition=edition,
        at=published_at,
        after={"selected": sorted(int(pid) for s in count.sections.all() for pid in s.selected)},
    )
    decision.refresh_from_db()
    return decision


def _ballots(edition: Edition, spec: DecisionSpec, *, voters: int) -> list[Content]:
    """Each present member's points, spread over three to five plans by the panel's preferences."""
    sections = ballot_sections(edition)
    rules = BallotRules.of(edition)
    plans = [(s.key, p.pk, spec.favourites.get(p.title, 1.0)) for s in sections for p in s.plans]
    rng = random.Random(f"panel-ballots:{edition.slug}")
    ballots = []
    for _ in range(voters):
        liked = rng.choices(plans, weights=[w for _, _, w in plans], k=spec.points_per_member)
        points = Counter((key, pk) for key, pk, _ in liked)
        raw: dict[str, dict[int, int]] = {}
        for (key, pk), given in points.items():
            raw.setdefault(key, {})[pk] = given
        ballots.append(validate_ballot(raw, sections=sections, rules=rules))
    return ballots
