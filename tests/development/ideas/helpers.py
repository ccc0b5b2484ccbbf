"""Small makers for the idea tests: an edition with neighbourhoods, and an idea posted through the service."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import User
from development.ideas.services.posting import IdeaInput, post_idea
from development.models import Idea, Workshop
from editions.models import Edition
from places.models import Neighbourhood
from tests import factories


def neighbourhood_of(edition: Edition) -> Neighbourhood:
    """A neighbourhood of the edition's district (made once, then reused)."""
    found = Neighbourhood.objects.filter(district_id=edition.district_id).order_by("pk").first()
    return found or factories.make_neighbourhood(district=edition.district, name="Slotermeer")


def make_idea(
    *,
    edition: Edition,
    initiator: User | None = None,
    title: str = "Buurtmoestuin",
    text: str = "Een moestuin op het plein, voor en door de buurt.",
    needs: Sequence[str] = ("people", "place"),
    **fields: Any,
) -> Idea:
    """An idea posted now through ``post_idea`` (the edition's phase must open ideas)."""
    return post_idea(
        edition=edition,
        initiator=initiator or factories.make_user(),
        data=IdeaInput(
            title=title,
            text=text,
            neighbourhood=fields.pop("neighbourhood", None) or neighbourhood_of(edition),
            needs=needs,
            **fields,
        ),
    )


def make_workshop(*, edition: Edition, title: str = "Planwerkplaats") -> Workshop:
    start = timezone.now() + timedelta(days=2)
    return Workshop.objects.create(
        edition=edition,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Buurthuis",
        language="nl",
        capacity=20,
        announced_by=factories.make_user(),
    )
