"""The scheduler's process: every tick, run the due jobs; stop between jobs on SIGTERM or SIGINT."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from django.conf import settings
from django.db import DatabaseError, close_old_connections

from ..models import HeartbeatRole
from ..workers.heartbeat import heartbeat, new_instance_id, node_name
from .services import run_due_jobs

logger = logging.getLogger(__name__)


class Scheduler:
    """One scheduler process. ``stopping`` is set by a signal; a job already running finishes first."""

    def __init__(self, *, tick: float, node: str | None = None) -> None:
        self.tick = tick
        self.node = node or node_name()
        self.instance = new_instance_id()
        self.stopping = threading.Event()

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        logger.info("scheduler received %s: stopping after the current job", signal.strsignal(signum))
        self.stopping.set()

    def run_forever(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._stop)
        logger.info("scheduler started node=%s tick=%ss", self.node, self.tick)
        with heartbeat(role=HeartbeatRole.SCHEDULER, instance=self.instance, node=self.node):
            while not self.stopping.is_set():
                self.run_once()
                self.stopping.wait(self.tick)
        logger.info("scheduler stopped node=%s", self.node)

    def run_once(self) -> int:
        """Run the due jobs; a database outage is logged and the next tick tries again."""
        close_old_connections()
        try:
            return len(run_due_jobs(node=self.node))
        except DatabaseError as exc:
            logger.warning("scheduler tick failed node=%s: %s", self.node, type(exc).__name__)
            return 0
        finally:
            close_old_connections()


def default_tick() -> float:
    return float(settings.SCHEDULER_TICK_SECONDS)
