"""Panel factories: an edition with neighbourhood / age band / gender features, and a pool of respondents."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from accounts.models import Role, User
from deliberation.models import (
    DecisionMethod,
    Draw,
    DrawStatus,
    Feature,
    FeatureValue,
    MemberStatus,
    PanelDecision,
    PanelMember,
    PanelSetup,
    Respondent,
    WorkSession,
)
from deliberation.sessions.services import plan_session
from editions.models import BallotFormat, Edition
from proposals.models import Plan, PlanStatus
from tests import factories

HOUR = timedelta(hours=1)

# feature key → (name, [(value key, label, population)])
FEATURES: dict[str, tuple[str, list[tuple[str, str, int]]]] = {
    "buurt": (
        "Buurt",
        [
            ("slotervaart", "Slotervaart", 4000),
            ("osdorp", "Osdorp", 3000),
            ("geuzenveld", "Geuzenveld", 3000),
        ],
    ),
    "leeftijd": (
        "Leeftijd",
        [
            ("16-24", "16–24 jaar", 1500),
            ("25-44", "25–44 jaar", 3500),
            ("45-64", "45–64 jaar", 3000),
            ("65", "65+", 2000),
        ],
    ),
    "gender": ("Gender", [("vrouw", "Vrouw", 5000), ("man", "Man", 4800), ("anders", "Anders", 200)]),
}


def make_panel_edition(
    *, phase: str = "review", panel_size: int = 8, algorithm: str = "maximin", **fields: object
) -> Edition:
    """An edition now in ``phase`` with the three features, their population figures and a panel set-up."""
    edition = factories.make_edition_in_phase(phase, **fields)
    PanelSetup.objects.create(edition=edition, panel_size=panel_size, algorithm=algorithm)
    for position, (key, (name, values)) in enumerate(FEATURES.items()):
        feature = Feature.objects.create(edition=edition, key=key, name=name, position=position)
        FeatureValue.objects.bulk_create(
            FeatureValue(feature=feature, key=vkey, label=label, population=population, position=i)
            for i, (vkey, label, population) in enumerate(values)
        )
    return edition


def make_pool(edition: Edition, *, size: int, seed: int = 1, skip: Sequence[str] = ()) -> list[Respondent]:
    """``size`` respondents whose features follow the population figures (seeded), with contact details."""
    rng = random.Random(seed)
    now = timezone.now()
    people = []
    start = Respondent.objects.filter(edition=edition).count()
    for i in range(start, start + size):
        features = {}
        for key, (_, values) in FEATURES.items():
            if key in skip:
                continue
            features[key] = rng.choices([v[0] for v in values], weights=[v[2] for v in values])[0]
        people.append(
            Respondent(
                edition=edition,
                pool_id=f"P{i + 1:04d}",
                features=features,
                consent_at=now,
                name=f"Deelnemer {i + 1}",
                email=f"deelnemer{i + 1}@example.org",
                phone=f"06-{i + 1:08d}",
            )
        )
    return Respondent.objects.bulk_create(people)


def make_facilitator(edition: Edition) -> User:
    return factories.make_staff(role=Role.FACILITATOR, district=edition.district)


def make_session_edition(*, phase: str = "decision", **fields: Any) -> Edition:
    """A published panel edition now in ``phase``."""
    fields.setdefault("decision_model", "panel")
    fields.setdefault("is_published", True)
    return make_panel_edition(phase=phase, **fields)


def make_published_panel(
    edition: Edition, *, size: int = 6, dropped: int = 0, by: User | None = None
) -> Draw:
    """A published current draw of ``size`` active members (pool ids P0001…) and ``dropped`` who left.

    The rows are written directly (no sortition run): for tests that are not about the draw.
    """
    people = make_pool(edition, size=size + dropped + 2)[: size + dropped]
    draw = Draw.objects.create(
        edition=edition,
        status=DrawStatus.DONE,
        seed=7,
        algorithm="maximin",
        panel_size=size,
        library_version="test",
        selected=[p.pool_id for p in people],
        drawn_by=by or factories.make_user(),
        is_current=True,
        published_at=timezone.now() - timedelta(days=1),
    )
    PanelMember.objects.bulk_create(
        PanelMember(
            draw=draw,
            respondent=p,
            pool_id=p.pool_id,
            status=MemberStatus.ACTIVE if i < size else MemberStatus.DROPPED_OUT,
        )
        for i, p in enumerate(people)
    )
    return draw


def make_ballot_plan(
    edition: Edition, *, title: str | None = None, adjusted_cost_cents: int | None = None, **fields: Any
) -> Plan:
    """A feasible plan with a published review: on the ballot."""
    plan = factories.make_plan(edition=edition, title=title, status=PlanStatus.FEASIBLE, **fields)
    review = factories.make_review(
        plan=plan,
        verdict="feasible",
        public_explanation="Past goed in het groenplan.",
        adjusted_cost_cents=adjusted_cost_cents,
        cost_change_reason="Duurder beplanting." if adjusted_cost_cents else "",
    )
    review.published_at = timezone.now()
    review.save()
    if adjusted_cost_cents:
        Plan.objects.filter(pk=plan.pk).update(reviewed_cost_cents=adjusted_cost_cents)
    return plan


def make_deciding_panel(
    ballot_format: str = BallotFormat.KNAPSACK, *, phase: str = "decision", **fields: Any
) -> tuple[Edition, list[Plan], User, list[PanelMember]]:
    """A panel edition in ``phase`` (plans of € 40k, 30k, 20k, 10k; budget € 60k), its facilitator, and
    its published panel: four active members (P0001–P0004) and one who dropped out (P0005)."""
    edition, plans = factories.make_vote(
        decision_model="panel", ballot_format=ballot_format, phase=phase, **fields
    )
    facilitator = make_facilitator(edition)
    draw = make_published_panel(edition, size=4, dropped=1, by=facilitator)
    return edition, plans, facilitator, list(draw.members.order_by("pool_id"))


def make_work_session(edition: Edition, by: User, *, starts_at: datetime | None = None) -> WorkSession:
    start = starts_at or timezone.now() - HOUR
    return plan_session(
        edition=edition,
        by=by,
        title="Kennismaken",
        starts_at=start,
        ends_at=start + 3 * HOUR,
        place="Buurthuis De Horizon",
        agenda="Welkom\nDe plannen\nVragen",
    )


def publish_decision(edition: Edition, by: User) -> PanelDecision:
    return PanelDecision.objects.create(
        edition=edition,
        method=DecisionMethod.CONSENSUS,
        recorded_by=by,
        published_at=timezone.now(),
    )
