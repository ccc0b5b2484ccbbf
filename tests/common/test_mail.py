"""Mail through the queue: sealed rows, retries against a real SMTP server that is down and then up.

The database queue (django-tasks-db) and its worker run here for real: the tests' settings use the
immediate backend, so these tests switch to the database one, and run the worker's loop in batch
mode in this process. The SMTP server is aiosmtpd on a port of ours, started only when the test
wants it up; before that nothing listens there and connecting is refused.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from common.mail import queue_mail
from common.mail.sealing import open_sealed, seal
from notifications.models import Notification, NotificationKind
from notifications.services import notify
from tests import factories
from tests.tasks import DATABASE_QUEUE, run_ready_tasks

SMTP_PORT = 8660
REAL_SMTP = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": SMTP_PORT,
    "EMAIL_TIMEOUT": 5,
}
PARAMS = {"plan": "Moestuin", "author": "Anna", "excerpt": "Mooi plan"}
LINK = re.compile(r"https?://\S+/inloglink/(\S+)/")


class Inbox:
    """aiosmtpd's handler: keeps what it was given; refuses recipients in ``refuse``."""

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, Controller]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    yield inbox, controller
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


def wait_until_due(seconds: float) -> None:
    time.sleep(seconds + 0.2)


def rows() -> list[DBTaskResult[Any, Any]]:
    return list(
        DBTaskResult.objects.filter(task_path="common.mail.tasks.deliver_mail").order_by("enqueued_at")
    )


pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_database_queue"),
]


@pytest.fixture
def _database_queue() -> Iterator[None]:
    """The database queue (django-tasks resets its backends when TASKS changes), real SMTP, one retry."""
    with override_settings(TASKS=DATABASE_QUEUE, MAIL_RETRY_DELAYS=(1,), **REAL_SMTP):
        yield


def test_a_login_link_while_the_mail_server_is_down_arrives_after_the_retry(
    client: Client, smtp: tuple[Inbox, Controller], caplog: pytest.LogCaptureFixture
) -> None:
    inbox, controller = smtp
    resident = factories.make_user(email="sanne@example.org", language="nl")

    client.get(reverse("accounts:login_link_request"))  # load the page once: URLs, templates
    began = time.perf_counter()
    answer = client.post(reverse("accounts:login_link_request"), {"email": resident.email})
    took = time.perf_counter() - began
    assert answer.status_code in (200, 302) and took < 2  # the request never waits for the mail server

    (queued,) = rows()
    stored = json.dumps(queued.args_kwargs)
    assert resident.email not in stored and "inloglink" not in stored and "sanne" not in stored

    run_ready_tasks()  # attempt 1: connection refused
    first, second = rows()
    assert (first.status, first.return_value) == ("SUCCESSFUL", "retrying")
    assert first.args_kwargs["kwargs"]["sealed"] == ""  # the finished row keeps nothing of the mail
    assert second.status == "READY" and second.args_kwargs["kwargs"]["attempt"] == 2
    assert resident.email not in caplog.text and "ConnectionRefusedError" in caplog.text

    controller.start()
    run_ready_tasks()  # not due yet: the retry waits
    assert inbox.messages == []
    wait_until_due(1)
    run_ready_tasks()

    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == [resident.email]
    found = LINK.search(envelope.content.decode())
    assert found, envelope.content
    assert found.group(1) not in json.dumps([row.args_kwargs for row in rows()])
    delivered = rows()[-1]
    assert (delivered.status, delivered.return_value) == ("SUCCESSFUL", "sent")
    assert delivered.args_kwargs["kwargs"]["sealed"] == ""
    client.post(urlsplit(found.group(0)).path)  # the delivered link logs the resident in
    assert client.session[SESSION_KEY] == str(resident.pk)


def test_a_voting_code_mail_keeps_the_code_out_of_the_queue_row(
    smtp: tuple[Inbox, Controller],
) -> None:
    from voting.services.register_login import request_one_time_code

    edition, _plans = factories.make_vote(ballot_max_choices=2)
    factories.make_register_voter(edition=edition, email="bram@example.org")
    request_one_time_code(edition=edition, email="bram@example.org", client_ip="192.0.2.30")

    (queued,) = rows()
    inbox, controller = smtp
    controller.start()
    run_ready_tasks()
    (envelope,) = inbox.messages
    code = re.search(r"\b(\d{6})\b", envelope.content.decode())
    assert code, envelope.content
    assert code.group(1) not in json.dumps(queued.args_kwargs)
    assert "bram@example.org" not in json.dumps(queued.args_kwargs)
    assert rows()[0].args_kwargs["kwargs"]["sealed"] == ""


def test_a_notification_is_listed_at_once_and_marked_mailed_when_the_server_took_it(
    smtp: tuple[Inbox, Controller],
) -> None:
    bram = factories.make_user(email="bram@example.org")
    with transaction.atomic():
        notify(recipients=[bram], kind=NotificationKind.COMMENT, params=PARAMS)
    notification = Notification.objects.get(recipient=bram)
    assert notification.emailed_at is None

    run_ready_tasks()  # refused: the notification stays, unmailed
    notification.refresh_from_db()
    assert notification.emailed_at is None

    inbox, controller = smtp
    controller.start()
    wait_until_due(1)
    run_ready_tasks()
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert [e.rcpt_tos for e in inbox.messages] == [["bram@example.org"]]


def test_a_mail_given_up_on_is_a_failed_task_without_the_address(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with override_settings(MAIL_RETRY_DELAYS=()):
        queue_mail(subject="Test", body="Hallo", to="anna@example.org")
        run_ready_tasks()
    (row,) = rows()
    assert row.status == "FAILED"
    assert row.exception_class_path == "common.mail.tasks.MailNotDelivered"
    assert "not delivered after 1 attempt(s): ConnectionRefusedError" in row.traceback
    assert "anna@example.org" not in row.traceback + caplog.text + json.dumps(row.args_kwargs)


def test_a_refused_recipient_is_not_tried_again(smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    inbox.refuse.add("weg@example.org")
    controller.start()
    queue_mail(subject="Test", body="Hallo", to="weg@example.org")
    run_ready_tasks()
    (row,) = rows()
    assert row.status == "FAILED" and "SMTPRecipientsRefused" in row.traceback
    assert inbox.messages == []


def test_an_expired_login_mail_is_dropped_not_delivered_late(smtp: tuple[Inbox, Controller]) -> None:
    from datetime import timedelta

    queue_mail(subject="Test", body="code 123456", to="anna@example.org", valid_for=timedelta(seconds=-1))
    inbox, controller = smtp
    controller.start()
    run_ready_tasks()
    (row,) = rows()
    assert row.return_value == "expired" and inbox.messages == []


def test_a_sealed_message_needs_the_secret_key() -> None:
    old_key = str(settings.SECRET_KEY)
    token = seal({"body": "code 123456"})
    assert "123456" not in token
    assert open_sealed(token) == {"body": "code 123456"}
    from cryptography.fernet import InvalidToken

    with override_settings(SECRET_KEY="another-key-entirely-another-key"), pytest.raises(InvalidToken):
        open_sealed(token)
    with override_settings(SECRET_KEY="another-key-entirely-another-key", SECRET_KEY_FALLBACKS=[old_key]):
        assert open_sealed(token) == {"body": "code 123456"}
