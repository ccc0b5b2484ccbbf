"""The demo's coaching (demo.services.development_coaching), loaded on a hand-made Nieuw-West."""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import Role, User
from demo.content.accounts import COACH, staff
from demo.services.development_coaching import COACHED_TITLE, PARTNER, load_coaching
from development.coaching.access import may_coach
from development.models import CoachingNote, Partner
from editions.models import Edition
from tests import factories

from .world import make_idea

pytestmark = pytest.mark.django_db


def _nieuw_west() -> tuple[Edition, dict[str, User]]:
    district = factories.make_district(name="Nieuw-West")
    factories.make_neighbourhood(district=district)
    edition = factories.make_edition(district=district, kinds=factories.IDEAS_PHASE_KINDS)
    official = factories.make_staff(
        role=Role.OFFICIAL, district=district, email=staff(Role.OFFICIAL, "nieuw-west")
    )
    coach = factories.make_user(email=COACH.email, display_name=COACH.display_name)
    return edition, {official.email: official, coach.email: coach}


def test_the_demo_coaches_the_community_garden_with_a_log_and_two_steps() -> None:
    edition, users = _nieuw_west()
    initiator = factories.make_user()
    idea = make_idea(edition=edition, initiator=initiator, title=COACHED_TITLE)
    now = timezone.now()
    coaching = load_coaching(edition=edition, users=users, now=now)
    assert coaching is not None and coaching.idea == idea and coaching.coach == users[COACH.email]
    assert coaching.partner is not None and coaching.partner.name == PARTNER
    assert may_coach(users[COACH.email], edition.district)
    notes = list(coaching.notes.order_by("created_at"))
    assert [note.kind for note in notes] == ["appointment", "advice", "advice", "note"]
    assert notes[-1].author == initiator
    assert all(note.created_at < now for note in notes)
    assert sorted(coaching.steps.values_list("step", flat=True)) == ["cost_checked", "maintenance_arranged"]
    again = load_coaching(edition=edition, users=users, now=now)
    assert again == coaching and CoachingNote.objects.count() == 4 and Partner.objects.count() == 1


def test_without_the_idea_the_demo_names_the_partner_and_coaches_nothing() -> None:
    edition, users = _nieuw_west()
    assert load_coaching(edition=edition, users=users, now=timezone.now()) is None
    assert Partner.objects.get().coaches.get().user == users[COACH.email]
