"""notify: one stored notification per recipient, e-mail after the commit, in the reader's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import User
from notifications.models import Notification, NotificationKind
from notifications.services import mark_read, notify
from notifications.texts import SUBJECTS, body_for, localised_url, moment_param
from tests import factories

pytestmark = pytest.mark.django_db

PARAMS = {"plan": "Moestuin", "author": "Anna", "excerpt": "Mooi plan"}


def subject_in(language: str) -> str:
    with translation.override(language):
        return str(SUBJECTS[NotificationKind.COMMENT]) % PARAMS


def test_the_mail_is_sent_only_after_the_commit(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    bram = factories.make_user()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipients=[bram], kind=NotificationKind.COMMENT, params=PARAMS, url="/plannen/1/")
    assert Notification.objects.filter(recipient=bram).count() == 1
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [[bram.email]]
    assert Notification.objects.get().emailed_at is not None


def test_no_mail_when_the_recipient_turned_email_off(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    quiet = factories.make_user(email_notifications=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[quiet], kind=NotificationKind.COMMENT, params=PARAMS)
    assert Notification.objects.filter(recipient=quiet).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize("language", ["nl", "en", "tr", "ar"])
def test_the_mail_is_in_the_recipients_language(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks, language: str
) -> None:
    reader = factories.make_user(language=language)
    with (
        translation.override("en" if language == "nl" else "nl"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(recipients=[reader], kind=NotificationKind.COMMENT, params=PARAMS, url="/plannen/7/#comment-3")
    (sent,) = mail.outbox
    assert sent.subject == subject_in(language)
    expected_path = "/plannen/7/#comment-3" if language == "nl" else f"/{language}/plannen/7/#comment-3"
    assert sent.body.endswith(expected_path)


def test_each_recipient_gets_one_notification_and_the_excluded_none(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    anna, bram, author = factories.make_user(), factories.make_user(), factories.make_user()
    inactive = factories.make_user(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[anna, bram, anna, author, inactive],
            kind=NotificationKind.COMMENT,
            params=PARAMS,
            exclude=author,
        )
    assert sorted(Notification.objects.values_list("recipient", flat=True)) == sorted([anna.pk, bram.pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([anna.email, bram.email])


def test_mark_read_touches_only_the_users_unread_notifications(resident: User) -> None:
    other = factories.make_user()
    notify(recipients=[resident, other], kind=NotificationKind.COMMENT, params=PARAMS)
    assert mark_read(user=resident) == 1
    assert Notification.objects.get(recipient=other).read_at is None


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/plannen/7/#comment-3", "en", "/en/plannen/7/#comment-3"),
        ("/en/plannen/7/", "nl", "/plannen/7/"),
        ("/plannen/7/", "nl", "/plannen/7/"),
        ("/bestaat-niet/", "en", "/bestaat-niet/"),
    ],
)
def test_a_stored_link_is_given_in_the_readers_language(url: str, language: str, expected: str) -> None:
    assert localised_url(url, language) == expected


def test_a_deadline_is_written_out_in_the_readers_language() -> None:
    params = {
        "plan": "Bankjes",
        "deadline": moment_param(datetime(2026, 11, 12, 16, 0, tzinfo=ZoneInfo("UTC"))),
        "message": "Noem de straat.",
    }
    with translation.override("en"):
        assert "12 November 2026 17:00" in body_for(NotificationKind.CHANGES_REQUESTED, params)
    with translation.override("nl"):
        assert "12 november 2026 17:00" in body_for(NotificationKind.CHANGES_REQUESTED, params)


def test_a_notice_dated_in_the_past_counts_as_mailed_then_and_mails_nobody_now(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    bram, quiet = factories.make_user(), factories.make_user(email_notifications=False)
    then = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[bram, quiet], kind=NotificationKind.COMMENT, params=PARAMS, at=then)

    assert mail.outbox == []
    stored = {n.recipient_id: n for n in Notification.objects.all()}
    assert (stored[bram.pk].created_at, stored[bram.pk].emailed_at) == (then, then)
    assert (stored[quiet.pk].created_at, stored[quiet.pk].emailed_at) == (then, None)


def test_reading_at_a_moment_marks_read_only_what_had_come_by_then() -> None:
    bram = factories.make_user()
    early = datetime(2026, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    late = datetime(2026, 3, 9, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    for moment in (early, late):
        notify(recipients=[bram], kind=NotificationKind.COMMENT, params=PARAMS, at=moment)

    assert mark_read(user=bram, at=early.replace(hour=17)) == 1

    assert dict(Notification.objects.values_list("created_at", "read_at")) == {
        early: early.replace(hour=17),
        late: None,
    }


@pytest.mark.django_db(transaction=True)
@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=8657
)
def test_a_mail_server_that_is_down_keeps_the_change_and_raises_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Nothing listens on the mail port: the notification is stored and listed, unmailed, and the
    failure is logged without the address (with the tests' immediate queue there is no retry;
    tests/common/test_mail.py retries through the database queue)."""
    bram = factories.make_user()
    with transaction.atomic():
        notify(recipients=[bram], kind=NotificationKind.COMMENT, params=PARAMS, url="/plannen/1/")
    assert Notification.objects.get(recipient=bram).emailed_at is None
    assert "not delivered after 1 attempt(s): ConnectionRefusedError" in caplog.text
    assert bram.email not in caplog.text
