"""The demo's workshops of Nieuw-West 2027, loaded through the services into a small world."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role, User
from demo.content.accounts import staff
from demo.services.development_workshops import WORKSHOPS, load_workshops
from development.models import WorkshopSignUp
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_past_workshop_with_attendance_a_nearly_full_one_and_a_turkish_one() -> None:
    now = timezone.now()
    district = factories.make_district(name="Nieuw-West")
    day = timedelta(days=1)
    edition = factories.make_edition(
        district=district,
        phases=[
            ("information", now - 60 * day, now - 21 * day),
            ("plans", now - 21 * day, now + 27 * day),
            ("support", now + 27 * day, now + 48 * day),
            ("review", now + 48 * day, now + 90 * day),
            ("decision", now + 90 * day, now + 111 * day),
            ("result", now + 111 * day, now + 125 * day),
        ],
    )
    emails = {email for spec in WORKSHOPS for email in spec.sign_ups}
    users: dict[str, User] = {email: factories.make_user(email=email) for email in emails}
    official_email = staff(Role.OFFICIAL, district.slug)
    users[official_email] = factories.make_staff(role=Role.OFFICIAL, district=district, email=official_email)

    past, soon, turkish = load_workshops(edition=edition, users=users, now=now)

    assert past.starts_at < now < soon.starts_at < turkish.starts_at
    attended = WorkshopSignUp.objects.filter(workshop=past).values_list("attended", flat=True)
    assert sorted(attended, key=bool) == [False] * 2 + [True] * 10
    assert 0 < soon.capacity - soon.seats_taken <= 2
    assert (turkish.language, turkish.seats_taken) == ("tr", 4)
    assert WorkshopSignUp.objects.filter(workshop=soon, attended__isnull=False).count() == 0
