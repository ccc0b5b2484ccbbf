"""``deliver_mail``: open the sealed mail, hand it to the mail server, retry with backoff, give up loudly.

Each attempt is one task row. A failed attempt queues the next one ``MAIL_RETRY_DELAYS`` later
(django-tasks' ``run_after``) and ends; after the last one, or on a permanent refusal (a 5xx
answer), the row ends failed with ``MailNotDelivered``, which operators see in the admin's task
results and the metrics. Every attempt's row loses its sealed payload when it ends, delivered or
not, so finished rows hold nothing of the mail. Logs carry the mail's id and the error's kind,
never an address.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task, task_backends
from django_tasks_db.backend import DatabaseBackend

from .sealing import InvalidToken, open_sealed

logger = logging.getLogger(__name__)


class MailNotDelivered(Exception):
    """A mail given up on: the message says after how many attempts and why, with no address."""


def _reason(exc: BaseException) -> str:
    code = getattr(exc, "smtp_code", None)
    return f"{type(exc).__name__} {code}" if code else type(exc).__name__


def _permanent(exc: BaseException) -> bool:
    """The server refused the mail itself (5xx, or every recipient refused): trying again won't help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return True
    code = getattr(exc, "smtp_code", None)
    return isinstance(code, int) and 500 <= code < 600


def _wipe(context: TaskContext, *, mail_id: str, attempt: int) -> None:
    """Drop the sealed payload from this attempt's queue row (database queue only)."""
    if not isinstance(task_backends[context.task_result.backend], DatabaseBackend):
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=context.task_result.id).update(
        args_kwargs={"args": [], "kwargs": {"mail_id": mail_id, "sealed": "", "attempt": attempt}}
    )


def _send(message: dict[str, Any]) -> None:
    mail = EmailMultiAlternatives(
        message["subject"], message["body"], message["from"] or settings.DEFAULT_FROM_EMAIL, message["to"]
    )
    if message["html"]:
        mail.attach_alternative(message["html"], "text/html")
    mail.send(fail_silently=False)


def _after_delivery(message: dict[str, Any], mail_id: str) -> None:
    if not message.get("on_delivered"):
        return
    path, kwargs = message["on_delivered"]
    try:
        import_string(path)(**kwargs)
    except Exception:  # the mail went out: a failing bookkeeping step must not send it again
        logger.exception("mail=%s delivered, but %s failed", mail_id, path)


def _expired(message: dict[str, Any], now: datetime) -> bool:
    return bool(message.get("expires")) and datetime.fromisoformat(message["expires"]) < now


@task(takes_context=True)
def deliver_mail(context: TaskContext, *, mail_id: str, sealed: str, attempt: int = 1) -> str:
    """Deliver one sealed mail (attempt ``attempt``): "sent", "retrying" or "expired"; raises
    ``MailNotDelivered`` when it gives up."""
    try:
        message = open_sealed(sealed)
    except InvalidToken:
        _wipe(context, mail_id=mail_id, attempt=attempt)
        logger.error("mail=%s cannot be opened (SECRET_KEY changed without a fallback?)", mail_id)
        raise MailNotDelivered("the sealed mail cannot be opened with this SECRET_KEY") from None
    now = timezone.now()
    if _expired(message, now):
        _wipe(context, mail_id=mail_id, attempt=attempt)
        logger.warning(
            "mail=%s attempt=%d dropped: it expired before it could be delivered", mail_id, attempt
        )
        return "expired"
    try:
        _send(message)
    except Exception as exc:
        delays = settings.MAIL_RETRY_DELAYS
        can_wait = task_backends[context.task_result.backend].supports_defer
        if not _permanent(exc) and attempt <= len(delays) and can_wait:
            delay = delays[attempt - 1]
            deliver_mail.using(run_after=now + timedelta(seconds=delay)).enqueue(
                mail_id=mail_id, sealed=sealed, attempt=attempt + 1
            )
            _wipe(context, mail_id=mail_id, attempt=attempt)
            logger.warning(
                "mail=%s attempt=%d failed (%s): trying again in %ss", mail_id, attempt, _reason(exc), delay
            )
            return "retrying"
        _wipe(context, mail_id=mail_id, attempt=attempt)
        logger.error("mail=%s not delivered after %d attempt(s): %s", mail_id, attempt, _reason(exc))
        # No chaining: the mail server's exception can hold the recipient's address.
        raise MailNotDelivered(f"not delivered after {attempt} attempt(s): {_reason(exc)}") from None
    _wipe(context, mail_id=mail_id, attempt=attempt)
    logger.info("mail=%s delivered at attempt %d", mail_id, attempt)
    _after_delivery(message, mail_id)
    return "sent"
