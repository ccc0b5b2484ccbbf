"""The demo's coaching: the partner "Buurthuis Het Anker" in Nieuw-West with its coach, who coaches
the idea "Buurtmoestuin op het Confuciusplein" (made by the ideas' demo) with a short shared log and
two steps done. Everything goes through development.coaching's services, dated within the phase
that opens the coach's work, before ``now``; loading again changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from accounts.models import Role, User
from demo.content.accounts import COACH, staff
from development.coaching import services
from development.coaching.selectors import coaching_for
from development.models import Coaching, Idea, Partner
from editions.models import Edition
from editions.permissions import phases_opening
from editions.phases import Action
from proposals.models import Plan, PlanStatus

PARTNER = "Buurthuis Het Anker"
PARTNER_DESCRIPTION = "Buurthuis in Slotervaart. Helpt bewoners om van een idee een plan te maken."
COACHED_TITLE = "Buurtmoestuin op het Confuciusplein"


def _start(edition: Edition, now: datetime) -> datetime:
    """When the coaching starts: two weeks ago, or later if the coach's phase began later."""
    kinds = phases_opening(edition, Action.COACH)
    phase = edition.phases.filter(kind__in=kinds, starts_at__lte=now).order_by("starts_at").first()
    begin = now - timedelta(days=14)
    return max(begin, phase.starts_at + timedelta(hours=1)) if phase else begin


def load_coaching(*, edition: Edition, users: dict[str, User], now: datetime) -> Coaching | None:
    """The partner, its coach and the coaching of the demo's community garden; None without it."""
    official = users[staff(Role.OFFICIAL, edition.district.slug)]
    coach = users[COACH.email]
    partner = Partner.objects.filter(district=edition.district, name=PARTNER).first()
    start = _start(edition, now)
    if partner is None:
        partner = services.name_partner(
            district=edition.district,
            by=official,
            name=PARTNER,
            description=PARTNER_DESCRIPTION,
            at=start - timedelta(days=30),
        )
        services.add_partner_coach(
            partner=partner, by=official, email=coach.email, at=start - timedelta(days=30)
        )
    idea = Idea.objects.filter(edition=edition, title=COACHED_TITLE).first()
    plan = None
    if idea is None:
        plan = Plan.objects.filter(edition=edition, title=COACHED_TITLE, status=PlanStatus.DRAFT).first()
        if plan is None:
            return None  # the ideas' demo did not make it: nothing to coach
    existing = coaching_for(idea=idea) if idea is not None else coaching_for(plan=plan)
    if existing is not None:
        return existing
    coaching = services.assign_coach(idea=idea, plan=plan, coach=coach, by=official, at=start)
    initiator = idea.initiator if idea is not None else plan.initiator  # type: ignore[union-attr]
    _write_log(coaching=coaching, coach=coach, initiator=initiator, start=start, now=now)
    return coaching


# The shared log: (who writes, kind, text, when in twelfths of the time since the start, the
# appointment's moment in the same twelfths), then the steps the coach marked done.
LOG: tuple[tuple[str, str, str, float, float | None], ...] = (
    ("coach", "appointment", "Kennismaking in het buurthuis. Neem je tekening van de moestuin mee.", 0.5, 3),
    (
        "coach",
        "advice",
        "Over de kosten: reken met een prijs per plantenbak, niet met één bedrag voor alles. "
        "Vraag twee offertes voor de aarde en het hout.",
        4,
        None,
    ),
    (
        "coach",
        "advice",
        "Over het onderhoud: spreek af wie water geeft in de zomer. "
        "Een rooster met vijf buren is genoeg. Het stadsdeel wil dit op papier zien.",
        6,
        None,
    ),
    (
        "initiator",
        "note",
        "Dank je! Zes buren doen mee met water geven. Ik zet het rooster in het plan.",
        7,
        None,
    ),
)
STEPS: tuple[tuple[str, str, float], ...] = (
    ("cost_checked", "Twee offertes gevraagd.", 8),
    ("maintenance_arranged", "Rooster met zes buren.", 9),
)


def _write_log(*, coaching: Coaching, coach: User, initiator: User, start: datetime, now: datetime) -> None:
    twelfth = (now - start) / 12  # everything fits before now, however late the phase began
    for who, kind, body, when, happens in LOG:
        services.write_note(
            coaching=coaching,
            by=coach if who == "coach" else initiator,
            kind=kind,
            body=body,
            happens_at=start + happens * twelfth if happens is not None else None,
            at=start + when * twelfth,
        )
    for step, note, when in STEPS:
        services.mark_step(coaching=coaching, by=coach, step=step, note=note, at=start + when * twelfth)
