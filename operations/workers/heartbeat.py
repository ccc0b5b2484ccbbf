"""Heartbeats: a background thread of a long-running process writes "still alive" every few seconds.

The thread has its own database connection (Django's are per thread) and survives a database
outage: a failed beat is logged and the next one tries again. The readiness check and the count
recovery read the rows; nothing here decides anything.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from ..models import Heartbeat, HeartbeatRole

logger = logging.getLogger(__name__)


def node_name() -> str:
    """This machine's name as operators know it (BUURTBUDGET_NODE overrides the host name)."""
    return (os.environ.get("BUURTBUDGET_NODE") or socket.gethostname())[:100]


def new_instance_id() -> str:
    """A process id unique across nodes and restarts, readable in the admin (at most 64 characters)."""
    return f"{node_name()[:30]}-{os.getpid()}-{get_random_string(8)}"


def beat(*, role: HeartbeatRole, instance: str, node: str) -> None:
    """Record that the process ``instance`` is alive now."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(
        role=role,
        instance=instance,
        defaults={"node": node, "seen_at": now, "stopped_at": None},
        create_defaults={"node": node, "seen_at": now, "started_at": now},
    )


def stop(*, role: HeartbeatRole, instance: str) -> None:
    """Record that the process ended cleanly (it is not missed, it is gone)."""
    Heartbeat.objects.filter(role=role, instance=instance).update(stopped_at=timezone.now())


class HeartbeatThread(threading.Thread):
    """Beats every ``interval`` seconds until ``halt()``; a daemon, so it never keeps a process alive."""

    def __init__(self, *, role: HeartbeatRole, instance: str, node: str, interval: float) -> None:
        super().__init__(name=f"heartbeat-{role}", daemon=True)
        self.role, self.instance, self.node, self.interval = role, instance, node, interval
        self._halt = threading.Event()

    def run(self) -> None:
        try:
            while not self._halt.wait(self.interval):
                close_old_connections()
                if not self.beat_now():
                    connection.close()  # a broken connection: the next beat opens a new one
        finally:
            connection.close()

    def beat_now(self) -> bool:
        """One beat on the calling thread's connection; False (logged) when the database failed."""
        try:
            beat(role=self.role, instance=self.instance, node=self.node)
        except DatabaseError as exc:  # an outage: try again at the next beat
            logger.warning("heartbeat role=%s failed: %s", self.role, type(exc).__name__)
            return False
        return True

    def halt(self) -> None:
        self._halt.set()


@contextmanager
def heartbeat(*, role: HeartbeatRole, instance: str, node: str | None = None) -> Iterator[HeartbeatThread]:
    """Beat for the duration of the block: once at once (so readiness sees the process at start-up),
    then from a thread; marked stopped when the block ends, however it ends."""
    where = node or node_name()
    thread = HeartbeatThread(
        role=role, instance=instance, node=where, interval=settings.OPERATIONS_HEARTBEAT_SECONDS
    )
    thread.beat_now()
    thread.start()
    try:
        yield thread
    finally:
        thread.halt()
        thread.join(timeout=settings.OPERATIONS_HEARTBEAT_SECONDS + 5)
        try:
            stop(role=role, instance=instance)
        except DatabaseError as exc:
            logger.warning("heartbeat role=%s could not record the stop: %s", role, type(exc).__name__)
