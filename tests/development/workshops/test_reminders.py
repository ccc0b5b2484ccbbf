"""Workshop reminders: the day before, once per workshop, to active sign-ups, in each reader's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from development.models import Workshop
from development.workshops.reminders import send_workshop_reminders
from development.workshops.services import cancel_sign_up, sign_up_for_workshop
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from tests import factories

from .helpers import make_workshop

pytestmark = pytest.mark.django_db


def _amsterdam(day: int, hour: int) -> datetime:
    return timezone.make_aware(datetime(2027, 3, day, hour, 0))


def test_reminders_go_out_the_day_before_and_only_once(
    edition: Edition, freeze_time: Callable[[datetime], None]
) -> None:
    freeze_time(timezone.now())
    workshop = make_workshop(edition=edition, starts_at=timezone.now() + timedelta(days=1, hours=1))
    later = make_workshop(edition=edition, starts_at=timezone.now() + timedelta(days=3))
    anna, bram, gone = (factories.make_user() for _ in range(3))
    for person in (anna, bram, gone):
        sign_up_for_workshop(workshop=workshop, user=person)
    sign_up_for_workshop(workshop=later, user=anna)
    cancel_sign_up(workshop=workshop, user=gone)

    sent = send_workshop_reminders(at=timezone.now())
    again = send_workshop_reminders(at=timezone.now() + timedelta(hours=2))

    assert [w.pk for w in sent] == [workshop.pk] and again == []
    reminded = Notification.objects.filter(kind=NotificationKind.WORKSHOP_REMINDER)
    assert sorted(reminded.values_list("recipient_id", flat=True)) == sorted([anna.pk, bram.pk])
    assert Workshop.objects.get(pk=workshop.pk).reminders_sent_at is not None
    assert Workshop.objects.get(pk=later.pk).reminders_sent_at is None


def test_the_day_before_is_counted_in_amsterdam_days(edition: Edition) -> None:
    """A workshop at 9:00 on the 12th is due from any hour of the 11th, not yet on the 10th."""
    workshop = make_workshop(edition=edition, starts_at=_amsterdam(12, 9))
    assert send_workshop_reminders(at=_amsterdam(10, 23)) == []
    assert [w.pk for w in send_workshop_reminders(at=_amsterdam(11, 1))] == [workshop.pk]


def test_a_cancelled_workshop_is_not_reminded(edition: Edition) -> None:
    workshop = make_workshop(edition=edition, starts_at=timezone.now() + timedelta(hours=20))
    Workshop.objects.filter(pk=workshop.pk).update(cancelled_at=timezone.now())
    assert send_workshop_reminders() == []


def test_each_reader_gets_the_reminder_in_their_own_language(
    edition: Edition, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    workshop = make_workshop(
        edition=edition, title="Begroten", starts_at=timezone.now() + timedelta(hours=20)
    )
    dutch = factories.make_user(language="nl")
    english = factories.make_user(language="en")
    for person in (dutch, english):
        sign_up_for_workshop(workshop=workshop, user=person)

    with django_capture_on_commit_callbacks(execute=True):
        out = StringIO()
        call_command("remind_workshops", stdout=out)

    assert "1 workshop(s) reminded." in out.getvalue()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[dutch.email].startswith("Herinnering: “Begroten” op ")
    assert subjects[english.email].startswith("Reminder: “Begroten” on ")
    assert "Buurthuis De Meeuw" in next(m.body for m in mail.outbox if m.to == [english.email])
