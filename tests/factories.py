"""Factories: small functions that create valid objects with sensible defaults in the real database."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Role, StaffRole, User
from editions.models import Edition, Phase, SubBudget, Theme
from editions.phases import PHASE_CHAIN
from places.models import District, Municipality, Neighbourhood
from proposals.models import CostLine, Plan, PlanStatus

PASSWORD = "Zonnebloem-veld-2027"
PHASE_LENGTH = timedelta(days=10)
# The whole chain without the panel's phase after the vote, which only a hybrid edition with the vote
# first has (``make_edition(hybrid_order="vote_then_panel")`` adds it), and without the optional
# ideas phase (``IDEAS_PHASE_KINDS`` has it, before the plans).
ALL_PHASE_KINDS: tuple[str, ...] = tuple(
    spec.kind.value for spec in PHASE_CHAIN if spec.kind not in {"panel", "ideas"}
)
VOTE_THEN_PANEL_KINDS: tuple[str, ...] = tuple(
    spec.kind.value for spec in PHASE_CHAIN if spec.kind != "ideas"
)
IDEAS_PHASE_KINDS: tuple[str, ...] = tuple(spec.kind.value for spec in PHASE_CHAIN if spec.kind != "panel")

_sequence = itertools.count(1)


def next_number() -> int:
    return next(_sequence)


def make_municipality(*, slug: str | None = None, name: str = "Amsterdam") -> Municipality:
    """The municipality the site shows (settings.BUURTBUDGET_MUNICIPALITY_SLUG) unless told otherwise."""
    municipality, _ = Municipality.objects.get_or_create(
        slug=slug or settings.BUURTBUDGET_MUNICIPALITY_SLUG, defaults={"name": name}
    )
    return municipality


def make_district(
    *, name: str | None = None, municipality: Municipality | None = None, description: str = ""
) -> District:
    name = name or f"Stadsdeel {next_number()}"
    return District.objects.create(
        municipality=municipality or make_municipality(),
        name=name,
        slug=slugify(name),
        description=description,
    )


def make_neighbourhood(
    *, district: District, name: str | None = None, population: int | None = None
) -> Neighbourhood:
    name = name or f"Buurt {next_number()}"
    return Neighbourhood.objects.create(
        district=district, name=name, slug=slugify(name), population=population
    )


def make_user(
    *, email: str | None = None, password: str = PASSWORD, display_name: str | None = None, **fields: Any
) -> User:
    number = next_number()
    return User.objects.create_user(
        email=email or f"bewoner{number}@example.org",
        password=password,
        display_name=display_name or f"Bewoner {number}",
        **fields,
    )


def make_staff(*, role: Role, district: District, **fields: Any) -> User:
    """A user holding ``role`` in ``district``."""
    user = make_user(**fields)
    StaffRole.objects.create(user=user, district=district, role=role)
    return user


def consecutive_phases(
    *, start: datetime, kinds: Sequence[str] = ALL_PHASE_KINDS, length: timedelta = PHASE_LENGTH
) -> list[tuple[str, datetime, datetime]]:
    """(kind, starts_at, ends_at) for phases that follow each other without gaps from ``start``."""
    return [(kind, start + i * length, start + (i + 1) * length) for i, kind in enumerate(kinds)]


def make_edition(
    *,
    district: District | None = None,
    name: str | None = None,
    start: datetime | None = None,
    kinds: Sequence[str] = ALL_PHASE_KINDS,
    phases: Iterable[tuple[str, datetime, datetime]] | None = None,
    total_budget_cents: int = 30_000_000,
    max_plan_cost_cents: int = 5_000_000,
    **fields: Any,
) -> Edition:
    """An edition with dated phases: by default the whole chain, ten days each, now in the plans phase."""
    number = next_number()
    name = name or f"Buurtbudget {number}"
    edition = Edition.objects.create(
        district=district or make_district(),
        name=name,
        slug=slugify(f"{name}-{number}"),
        year=fields.pop("year", 2027),
        total_budget_cents=total_budget_cents,
        max_plan_cost_cents=max_plan_cost_cents,
        **fields,
    )
    if phases is None:
        if fields.get("hybrid_order") == "vote_then_panel" and kinds is ALL_PHASE_KINDS:
            kinds = VOTE_THEN_PANEL_KINDS
        phases = consecutive_phases(start=start or timezone.now() - 1.5 * PHASE_LENGTH, kinds=kinds)
    Phase.objects.bulk_create(
        Phase(edition=edition, kind=kind, starts_at=starts_at, ends_at=ends_at)
        for kind, starts_at, ends_at in phases
    )
    return edition


def make_theme(*, edition: Edition, name: str | None = None, description: str = "") -> Theme:
    name = name or f"Thema {next_number()}"
    return Theme.objects.create(edition=edition, name=name, slug=slugify(name), description=description)


def make_sub_budget(
    *,
    edition: Edition,
    amount_cents: int,
    neighbourhood: Neighbourhood | None = None,
    theme: Theme | None = None,
) -> SubBudget:
    return SubBudget.objects.create(
        edition=edition, neighbourhood=neighbourhood, theme=theme, amount_cents=amount_cents
    )


def make_plan(
    *,
    edition: Edition,
    title: str | None = None,
    summary: str = "Een plan voor de buurt.",
    description: str = "Wat we willen doen.\nEn hoe.",
    theme: Theme | None = None,
    neighbourhood: Neighbourhood | None = None,
    initiator: User | None = None,
    status: str = PlanStatus.SUBMITTED,
    costs: Sequence[int] = (100_000,),
    submitted_at: datetime | None = None,
) -> Plan:
    """A plan with one cost line per amount in ``costs`` (cents); submitted unless the status is draft."""
    if submitted_at is None and status != PlanStatus.DRAFT:
        submitted_at = timezone.now()
    initiator = initiator or make_user()
    plan = Plan.objects.create(
        edition=edition,
        title=title or f"Plan {next_number()}",
        summary=summary,
        description=description,
        theme=theme or edition.themes.first() or make_theme(edition=edition),
        neighbourhood=neighbourhood,
        initiator=initiator,
        public_name=initiator.display_name,
        status=status,
        submitted_at=submitted_at,
    )
    CostLine.objects.bulk_create(
        CostLine(plan=plan, description=f"Kostenpost {i + 1}", amount_cents=amount, position=i)
        for i, amount in enumerate(costs)
    )
    return plan


# --- Feasibility review and shortlist (review app) -----------------------------------------------


def make_edition_in_phase(kind: str, **fields: Any) -> Edition:
    """An edition with the whole chain of phases whose current phase is ``kind``, halfway through."""
    chain = VOTE_THEN_PANEL_KINDS if fields.get("hybrid_order") == "vote_then_panel" else ALL_PHASE_KINDS
    index = chain.index(kind)
    return make_edition(start=timezone.now() - (index + 0.5) * PHASE_LENGTH, **fields)


def phase_of(edition: Edition, kind: str) -> Phase:
    return edition.phases.get(kind=kind)


def make_likes(*, plan: Plan, count: int) -> None:
    from proposals.models import Like

    Like.objects.bulk_create(Like(plan=plan, user=make_user()) for _ in range(count))


def make_review(
    *,
    plan: Plan,
    verdict: str = "",
    public_explanation: str = "",
    adjusted_cost_cents: int | None = None,
    cost_change_reason: str = "",
    outcome: str = "ok",
    reviewer: User | None = None,
) -> Any:
    """A review of ``plan`` (put in review if it was submitted) with every default criterion answered.

    With a ``verdict`` the verdict is recorded (not published); returns the ``review.models.Review``.
    """
    from review.models import Review, ReviewCheck
    from review.services import ensure_criteria

    if plan.status == PlanStatus.SUBMITTED:
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.IN_REVIEW)
        plan.status = PlanStatus.IN_REVIEW
    review, _ = Review.objects.get_or_create(plan=plan)
    for criterion in ensure_criteria(edition=plan.edition):
        ReviewCheck.objects.update_or_create(
            review=review, criterion=criterion, defaults={"outcome": outcome, "note": ""}
        )
    if verdict:
        review.verdict = verdict
        review.public_explanation = public_explanation
        review.adjusted_cost_cents = adjusted_cost_cents
        review.cost_change_reason = cost_change_reason
        review.recorded_at = timezone.now()
        review.recorded_by = reviewer
        review.save()
    return review


# --- Submission (plans written by residents) -------------------------------------------------


def make_image_bytes(
    *,
    size: tuple[int, int] = (40, 30),
    image_format: str = "PNG",
    color: tuple[int, int, int] = (30, 120, 60),
) -> bytes:
    """A small picture encoded as ``image_format`` (PNG, JPEG, WEBP, GIF…), made with Pillow."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format=image_format)
    return out.getvalue()


def make_co_initiator(
    *, plan: Plan, user: User | None = None, email: str | None = None, status: str = "accepted"
) -> Any:
    """A co-initiator of ``plan``: accepted (with a user) unless ``status`` is "invited"."""
    from proposals.models import CoInitiator

    user = user or (make_user(email=email) if status != "invited" else None)
    return CoInitiator.objects.create(
        plan=plan,
        email=(email or (user.email if user else f"mede{next_number()}@example.org")).lower(),
        user=user if status != "invited" else None,
        invited_by=plan.initiator,
        status=status,
        answered_at=None if status == "invited" else timezone.now(),
    )


# --- The vote (voting app) ------------------------------------------------------------------------


def make_vote(
    *,
    plan_costs: Sequence[int] = (4_000_000, 3_000_000, 2_000_000, 1_000_000),
    total_budget_cents: int = 6_000_000,
    phase: str = "decision",
    **fields: Any,
) -> tuple[Edition, list[Plan]]:
    """An edition now in ``phase`` (default: the vote is open) with one feasible plan per cost."""
    edition = make_edition_in_phase(
        phase, total_budget_cents=total_budget_cents, max_plan_cost_cents=total_budget_cents, **fields
    )
    theme = make_theme(edition=edition, name=f"Groen {next_number()}")
    plans = [
        make_plan(
            edition=edition, title=f"Stemplan {i + 1}", theme=theme, status=PlanStatus.FEASIBLE, costs=(cost,)
        )
        for i, cost in enumerate(plan_costs)
    ]
    make_ballot_box(edition=edition)
    return edition, plans


# The key shares of the ballot boxes made here, by edition id (a real box's shares are never stored).
_BALLOT_BOX_SHARES: dict[int, tuple[str, ...]] = {}


def make_ballot_box(*, edition: Edition, threshold: int = 2, shares: int = 3) -> tuple[str, ...]:
    """Set up the edition's sealed ballot box through the service, as an official does; its shares."""
    from voting.services.ballot_box import set_up_ballot_box

    official = make_staff(role=Role.OFFICIAL, district=edition.district)
    issued = set_up_ballot_box(edition=edition, by=official, threshold=threshold, shares=shares)
    _BALLOT_BOX_SHARES[edition.pk] = issued.shares
    return issued.shares


def ballot_box_shares(edition: Edition) -> tuple[str, ...]:
    """The shares ``make_ballot_box`` handed out for ``edition`` (empty if it made none)."""
    return _BALLOT_BOX_SHARES.get(edition.pk, ())


def make_voter(*, edition: Edition, neighbourhood: Neighbourhood | None = None) -> tuple[Any, str]:
    """A voter with a fresh voting code; returns (voter, the plain code as printed on the letter)."""
    from common import codes
    from voting.models import Voter, VoterKind

    code = codes.new_code()
    voter = Voter.objects.create(
        edition=edition,
        kind=VoterKind.CODE,
        neighbourhood=neighbourhood,
        credential_hash=codes.credential_hash(codes.normalise(code)),
    )
    return voter, code


def make_register_voter(
    *,
    edition: Edition,
    email: str,
    name: str = "Sanne de Vries",
    birth_date: str = "1990-04-01",
    postcode: str = "1061 AB",
    neighbourhood: Neighbourhood | None = None,
) -> Any:
    """A voter on the resident register (as the register import creates them)."""
    from common import codes
    from voting.models import Voter, VoterKind

    identity = codes.register_identity(name=name, birth_date=birth_date, postcode=postcode)
    return Voter.objects.create(
        edition=edition,
        kind=VoterKind.REGISTER,
        neighbourhood=neighbourhood,
        credential_hash=codes.register_hash(identity),
        email_hash=codes.email_hash(email),
    )


def opened_ballots(edition: Edition, shares: Sequence[str] | None = None) -> dict[str, Any]:
    """slot → content of the edition's sealed ballots, opened with its shares as the count does."""
    from voting import sealing
    from voting.models import Ballot

    points = [sealing.parse_share(share) for share in (shares or ballot_box_shares(edition))]
    opener = sealing.Opener(sealing.combine_shares(points))
    context = sealing.ballot_context(edition.pk)
    return {
        slot: opener.open(sealed, context=context)
        for slot, sealed in Ballot.objects.filter(edition=edition).values_list("slot", "sealed")
    }


def opened_contents(edition: Edition) -> list[Any]:
    """The contents of the edition's sealed ballots (order unspecified)."""
    return list(opened_ballots(edition).values())
