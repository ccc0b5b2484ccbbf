"""Announcing, changing and cancelling plan workshops; signing up within the capacity; attendance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import Role, User
from audit.models import AuditEntry
from development.models import Workshop, WorkshopSignUp
from development.workshops.errors import WorkshopError
from development.workshops.services import (
    announce_workshop,
    cancel_sign_up,
    cancel_workshop,
    record_attendance,
    sign_up_for_workshop,
    update_workshop,
)
from editions.models import Edition
from places.models import District
from tests import factories
from tests.refusals import refused

from .helpers import details, make_workshop, official_of

pytestmark = pytest.mark.django_db


def _workshops() -> list[tuple[object, ...]]:
    return list(Workshop.objects.values_list("pk", "title", "capacity", "seats_taken", "cancelled_at"))


def _sign_ups() -> list[tuple[object, ...]]:
    return list(WorkshopSignUp.objects.values_list("pk", "user_id", "cancelled_at", "attended"))


# --- Announcing ---------------------------------------------------------------------------------


def test_an_official_announces_a_workshop_and_it_is_audited(edition: Edition) -> None:
    official = official_of(edition)
    workshop = announce_workshop(edition=edition, by=official, details=details(capacity=12, language="tr"))
    assert (workshop.capacity, workshop.language, workshop.seats_taken) == (12, "tr", 0)
    entry = AuditEntry.objects.get(action="development.workshop_announced")
    assert entry.actor_id == official.pk and entry.after["capacity"] == 12


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"hours": -1}, "ends_before_start"),
        ({"hours": 0}, "ends_before_start"),
        ({"capacity": 0}, "capacity_too_small"),
        ({"capacity": 5000}, "capacity_too_large"),
        ({"language": "fr"}, "unknown_language"),
        ({"title": "   "}, "title_required"),
        ({"place": ""}, "place_required"),
        ({"starts_at": timezone.now() - timedelta(hours=1)}, "starts_in_the_past"),
    ],
)
def test_bad_announcements_are_refused_and_save_nothing(
    edition: Edition, change: dict[str, object], code: str
) -> None:
    official = official_of(edition)
    refused(
        lambda: announce_workshop(edition=edition, by=official, details=details(**change)),  # type: ignore[arg-type]
        code,
        error=WorkshopError,
        unchanged=lambda: (_workshops(), AuditEntry.objects.count()),
    )


def test_staff_of_another_district_and_residents_cannot_announce(
    edition: Edition, other_district: District, resident: User
) -> None:
    elsewhere = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=edition.district)
    for person in (elsewhere, reviewer, resident):
        refused(
            partial(announce_workshop, edition=edition, by=person, details=details()),
            "not_allowed",
            error=WorkshopError,
            unchanged=_workshops,
        )


def test_an_official_may_announce_in_any_phase(district: District) -> None:
    edition = factories.make_edition_in_phase("result", district=district)
    workshop = announce_workshop(edition=edition, by=official_of(edition), details=details())
    assert workshop.pk is not None


# --- Changing and cancelling ---------------------------------------------------------------------


def test_the_capacity_never_goes_below_the_places_taken(edition: Edition) -> None:
    workshop = make_workshop(edition=edition, capacity=10, seats_taken=6)
    official = official_of(edition)
    error = refused(
        lambda: update_workshop(workshop=workshop, by=official, details=details(capacity=5)),
        "capacity_below_taken",
        error=WorkshopError,
        unchanged=_workshops,
    )
    assert error.params == {"taken": 6}
    changed = update_workshop(workshop=workshop, by=official, details=details(capacity=6, title="Nieuw"))
    assert (changed.capacity, changed.title) == (6, "Nieuw")
    assert AuditEntry.objects.filter(action="development.workshop_changed").count() == 1


def test_cancelling_a_workshop_mails_everyone_signed_up_in_their_language(
    edition: Edition, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    workshop = make_workshop(edition=edition, title="Begroten")
    dutch = factories.make_user(language="nl")
    english = factories.make_user(language="en")
    for person in (dutch, english):
        sign_up_for_workshop(workshop=workshop, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_workshop(workshop=workshop, by=official_of(edition))
    assert Workshop.objects.get(pk=workshop.pk).cancelled_at is not None
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        dutch.email: "Afgelast: de planwerkplaats “Begroten”",
        english.email: "Cancelled: the plan workshop “Begroten”",
    }
    assert AuditEntry.objects.get(action="development.workshop_cancelled").after == {"signed_up": 2}


def test_a_cancelled_workshop_cannot_be_cancelled_again_or_changed(edition: Edition) -> None:
    workshop = make_workshop(edition=edition)
    official = official_of(edition)
    cancel_workshop(workshop=workshop, by=official)
    workshop.refresh_from_db()
    refused(lambda: cancel_workshop(workshop=workshop, by=official), "cancelled", error=WorkshopError)
    refused(
        lambda: update_workshop(workshop=workshop, by=official, details=details()),
        "cancelled",
        error=WorkshopError,
        unchanged=_workshops,
    )


# --- Signing up -----------------------------------------------------------------------------------


def test_a_resident_signs_up_and_takes_a_place(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition, capacity=3)
    sign_up_for_workshop(workshop=workshop, user=resident)
    workshop.refresh_from_db()
    assert workshop.seats_taken == 1
    assert list(WorkshopSignUp.objects.values_list("user_id", flat=True)) == [resident.pk]


def test_signing_up_twice_is_refused(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition)
    sign_up_for_workshop(workshop=workshop, user=resident)
    refused(
        lambda: sign_up_for_workshop(workshop=workshop, user=resident),
        "already_signed_up",
        error=WorkshopError,
        unchanged=lambda: (_workshops(), _sign_ups()),
    )


def test_a_full_workshop_says_so_and_changes_nothing(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition, capacity=2, seats_taken=2)
    refused(
        lambda: sign_up_for_workshop(workshop=workshop, user=resident),
        "full",
        error=WorkshopError,
        unchanged=lambda: (_workshops(), _sign_ups()),
    )


def test_cancelling_frees_the_place_and_one_may_sign_up_again(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition, capacity=1)
    sign_up_for_workshop(workshop=workshop, user=resident)
    cancel_sign_up(workshop=workshop, user=resident)
    workshop.refresh_from_db()
    assert workshop.seats_taken == 0
    refused(lambda: cancel_sign_up(workshop=workshop, user=resident), "not_signed_up", error=WorkshopError)
    sign_up_for_workshop(workshop=workshop, user=resident)
    workshop.refresh_from_db()
    assert workshop.seats_taken == 1
    assert WorkshopSignUp.objects.filter(user=resident, cancelled_at__isnull=True).count() == 1


def test_a_past_or_cancelled_workshop_takes_no_sign_ups(edition: Edition, resident: User) -> None:
    past = make_workshop(edition=edition, starts_at=timezone.now() - timedelta(hours=1))
    cancelled = make_workshop(edition=edition)
    Workshop.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    cancelled.refresh_from_db()
    for workshop, code in ((past, "already_over"), (cancelled, "cancelled")):
        refused(
            partial(sign_up_for_workshop, workshop=workshop, user=resident),
            code,
            error=WorkshopError,
            unchanged=lambda: (_workshops(), _sign_ups()),
        )


def test_an_inactive_account_cannot_sign_up(edition: Edition) -> None:
    workshop = make_workshop(edition=edition)
    inactive = factories.make_user(is_active=False)
    refused(lambda: sign_up_for_workshop(workshop=workshop, user=inactive), "inactive_account")


def _phase_moments(edition: Edition) -> dict[str, datetime]:
    """Moments before, in and after the phases that open signing up (information through plans)."""
    phases = {p.kind: p for p in edition.phases.all()}
    return {
        "before": phases["information"].starts_at - timedelta(days=1),
        "information": phases["information"].starts_at + timedelta(days=1),
        "ideas": phases["ideas"].starts_at + timedelta(days=1),
        "plans": phases["plans"].starts_at + timedelta(days=1),
        "support": phases["support"].starts_at + timedelta(days=1),
        "review": phases["review"].starts_at + timedelta(days=1),
    }


@pytest.mark.parametrize(
    ("when", "allowed"),
    [
        ("before", False),
        ("information", True),
        ("ideas", True),
        ("plans", True),
        ("support", False),
        ("review", False),
    ],
)
def test_signing_up_is_open_in_the_phases_the_declaration_names(
    district: District, resident: User, freeze_time: Callable[[datetime], None], when: str, allowed: bool
) -> None:
    edition = factories.make_edition(district=district, kinds=factories.IDEAS_PHASE_KINDS)
    moment = _phase_moments(edition)[when]
    workshop = make_workshop(edition=edition, starts_at=moment + timedelta(days=2))
    freeze_time(moment)
    if allowed:
        sign_up_for_workshop(workshop=workshop, user=resident)
        assert WorkshopSignUp.objects.filter(workshop=workshop, user=resident).exists()
    else:
        refused(
            lambda: sign_up_for_workshop(workshop=workshop, user=resident),
            "sign_up_closed",
            error=WorkshopError,
            unchanged=lambda: (_workshops(), _sign_ups()),
        )


# --- Attendance ----------------------------------------------------------------------------------


def test_an_official_records_attendance_after_the_start_audited(edition: Edition, resident: User) -> None:
    workshop = make_workshop(edition=edition)
    sign_up = sign_up_for_workshop(workshop=workshop, user=resident)
    official = official_of(edition)
    refused(
        lambda: record_attendance(sign_up=sign_up, by=official, attended=True),
        "not_started",
        error=WorkshopError,
        unchanged=_sign_ups,
    )
    later = workshop.starts_at + timedelta(minutes=30)
    record_attendance(sign_up=sign_up, by=official, attended=True, at=later)
    record_attendance(sign_up=sign_up, by=official, attended=False, at=later)
    sign_up.refresh_from_db()
    assert (sign_up.attended, sign_up.attendance_recorded_by_id) == (False, official.pk)
    entries = AuditEntry.objects.filter(action="development.workshop_attendance").order_by("pk")
    assert [(e.before, e.after) for e in entries] == [
        ({"attended": None}, {"attended": True}),
        ({"attended": True}, {"attended": False}),
    ]


def test_only_officials_of_the_district_record_attendance(
    edition: Edition, resident: User, other_district: District
) -> None:
    workshop = make_workshop(edition=edition)
    sign_up = sign_up_for_workshop(workshop=workshop, user=resident)
    later = workshop.starts_at + timedelta(minutes=30)
    for person in (
        resident,
        factories.make_staff(role=Role.OFFICIAL, district=other_district),
        factories.make_staff(role=Role.REVIEWER, district=edition.district),
    ):
        refused(
            partial(record_attendance, sign_up=sign_up, by=person, attended=True, at=later),
            "not_allowed",
            error=WorkshopError,
            unchanged=_sign_ups,
        )
