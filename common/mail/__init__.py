"""Every e-mail the platform sends goes through here: sealed, queued as a task, retried, never lost.

``queue_mail`` seals the message (subject, body, addresses: a login link or a voting code is a key)
and queues ``deliver_mail``. With the database queue the task row is written inside the caller's
transaction, so the change and its mail commit together; with another backend (the tests' immediate
one) it is queued once the transaction commits. A failing mail server never fails the request: the
task retries with backoff and logs a final failure without the address. See docs/operations.md.
"""

from .queue import queue_mail
from .tasks import MailNotDelivered, deliver_mail

__all__ = ["MailNotDelivered", "deliver_mail", "queue_mail"]
