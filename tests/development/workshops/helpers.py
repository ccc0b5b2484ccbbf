"""Small factories for the workshop tests: a workshop of an edition, some time from now."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from accounts.models import Role, User
from development.models import Workshop
from development.workshops.services import WorkshopDetails
from editions.models import Edition
from tests import factories


def official_of(edition: Edition) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=edition.district)


def details(
    *,
    starts_at: datetime | None = None,
    hours: float = 2,
    capacity: int = 10,
    language: str = "nl",
    title: str = "Van idee naar plan",
    place: str = "Buurthuis De Meeuw",
) -> WorkshopDetails:
    starts = starts_at or timezone.now() + timedelta(days=5)
    return WorkshopDetails(
        title=title,
        description="We maken samen een begroting.",
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        place=place,
        language=language,
        capacity=capacity,
    )


def make_workshop(
    *,
    edition: Edition,
    starts_at: datetime | None = None,
    capacity: int = 10,
    seats_taken: int = 0,
    language: str = "nl",
    title: str = "Van idee naar plan",
) -> Workshop:
    starts = starts_at or timezone.now() + timedelta(days=5)
    return Workshop.objects.create(
        edition=edition,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="Buurthuis De Meeuw",
        language=language,
        capacity=capacity,
        seats_taken=seats_taken,
        announced_by=official_of(edition),
    )
