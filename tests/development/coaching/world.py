"""A district with its coaching people, and another district beside it, for the coaching tests."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Role, User
from development.coaching import services
from development.models import Coaching, Idea, IdeaMember, Partner
from editions.models import Edition
from places.models import District, Neighbourhood
from proposals.models import Plan, PlanStatus

from ... import factories

LOG_TEXT = "Afspraak: de begroting samen nalopen bij het buurthuis"


def make_idea(*, edition: Edition, initiator: User | None = None, title: str = "Buurtmoestuin") -> Idea:
    initiator = initiator or factories.make_user()
    neighbourhood = Neighbourhood.objects.filter(district=edition.district).first()
    return Idea.objects.create(
        edition=edition,
        title=title,
        text="Een moestuin voor de hele buurt.",
        neighbourhood=neighbourhood or factories.make_neighbourhood(district=edition.district),
        initiator=initiator,
        public_name=initiator.display_name,
    )


def accept_member(idea: Idea, user: User, *, role: str = "co_initiator") -> IdeaMember:
    from django.utils import timezone

    return IdeaMember.objects.create(
        idea=idea,
        user=user,
        role=role,
        offer="Ik help mee",
        public_name=user.display_name,
        status="accepted",
        answered_at=timezone.now(),
    )


@dataclass
class World:
    district: District
    edition: Edition
    official: User
    reviewer: User
    partner: Partner
    partner_coach: User
    initiator: User
    idea: Idea
    draft: Plan
    coaching: Coaching
    other_district: District
    other_edition: Edition
    other_official: User
    other_partner_coach: User
    resident: User


def make_world(*, kinds: tuple[str, ...] = factories.ALL_PHASE_KINDS) -> World:
    """An edition in its plans phase with an idea coached by a partner's coach (who wrote in the log),
    a draft plan without a coach, and another district with its own official and partner coach."""
    district = factories.make_district()
    factories.make_neighbourhood(district=district)
    edition = factories.make_edition(district=district, kinds=kinds)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district)
    partner = services.name_partner(district=district, by=official, name="Buurthuis Het Anker")
    partner_coach = factories.make_user(display_name="Coach Anker")
    services.add_partner_coach(partner=partner, by=official, email=partner_coach.email)
    initiator = factories.make_user(display_name="Initiatiefnemer")
    idea = make_idea(edition=edition, initiator=initiator)
    draft = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
    coaching = services.assign_coach(idea=idea, coach=partner_coach, by=official)
    services.write_note(coaching=coaching, by=partner_coach, kind="advice", body=LOG_TEXT)

    other_district = factories.make_district()
    other_edition = factories.make_edition(district=other_district)
    other_official = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    other_partner = services.name_partner(district=other_district, by=other_official, name="Ander buurthuis")
    other_partner_coach = factories.make_user()
    services.add_partner_coach(partner=other_partner, by=other_official, email=other_partner_coach.email)
    return World(
        district=district,
        edition=edition,
        official=official,
        reviewer=reviewer,
        partner=partner,
        partner_coach=partner_coach,
        initiator=initiator,
        idea=idea,
        draft=draft,
        coaching=coaching,
        other_district=other_district,
        other_edition=other_edition,
        other_official=other_official,
        other_partner_coach=other_partner_coach,
        resident=factories.make_user(),
    )
