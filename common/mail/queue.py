"""``queue_mail``: the one way to send an e-mail (rendered by the caller, in the reader's language)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from .sealing import seal
from .tasks import deliver_mail


def _queue_in_transaction() -> bool:
    """The database queue writes its row in the caller's transaction: committed with the change."""
    return isinstance(task_backends[deliver_mail.backend], DatabaseBackend)


def queue_mail(
    *,
    subject: str,
    body: str,
    to: str | Sequence[str],
    html: str = "",
    from_email: str | None = None,
    valid_for: timedelta | None = None,
    on_delivered: tuple[str, Mapping[str, Any]] | None = None,
) -> str:
    """Seal the mail and queue its delivery; the mail's id (for the logs). Never sends in the request.

    ``valid_for``: a mail that could not be delivered within this time is dropped (a login link or
    a one-time code that has expired only confuses). ``on_delivered``: (dotted path of a function,
    its keyword arguments) called once the mail server took the mail, e.g. to mark a notification
    mailed; it lives in the caller's app, which ``common`` may not import.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    mail_id = uuid.uuid4().hex
    message = {
        "subject": subject,
        "body": body,
        "html": html,
        "to": recipients,
        "from": from_email,
        "expires": (timezone.now() + valid_for).isoformat() if valid_for is not None else None,
        "on_delivered": [on_delivered[0], dict(on_delivered[1])] if on_delivered is not None else None,
    }
    sealed = seal(message)

    def enqueue() -> None:
        deliver_mail.enqueue(mail_id=mail_id, sealed=sealed, attempt=1)

    if _queue_in_transaction():
        enqueue()
    else:
        transaction.on_commit(enqueue, robust=True)
    return mail_id
