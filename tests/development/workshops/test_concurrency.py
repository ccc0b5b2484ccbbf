"""Thirty residents sign up for ten places at the same moment: exactly ten get one (PostgreSQL)."""

from __future__ import annotations

from collections import Counter
from functools import partial

import pytest
from django.db import connection

from accounts.models import User
from development.models import Workshop, WorkshopSignUp
from development.workshops.services import sign_up_for_workshop
from editions.models import Edition
from tests import factories
from tests.concurrency import run_at_once

from .helpers import make_workshop


@pytest.mark.django_db(transaction=True)
def test_thirty_sign_ups_at_once_for_ten_places_fill_exactly_ten() -> None:
    if connection.vendor == "sqlite":
        # The in-memory test database answers a second writer with "table is locked" instead of
        # waiting as the WAL file in production does (BEGIN IMMEDIATE serialises the writers there).
        pytest.skip("needs a database server; run with DATABASE_URL=postgres://…")
    edition: Edition = factories.make_edition(district=factories.make_district())
    workshop = make_workshop(edition=edition, capacity=10)
    people = [factories.make_user() for _ in range(30)]

    def sign_up(person_pk: int) -> object:
        fresh = Workshop.objects.select_related("edition").get(pk=workshop.pk)
        return sign_up_for_workshop(workshop=fresh, user=User.objects.get(pk=person_pk))

    outcomes = run_at_once([partial(sign_up, person.pk) for person in people])

    assert Counter(outcomes) == {"ok": 10, "full": 20}
    workshop.refresh_from_db()
    assert workshop.seats_taken == 10
    assert WorkshopSignUp.objects.filter(workshop=workshop, cancelled_at__isnull=True).count() == 10
