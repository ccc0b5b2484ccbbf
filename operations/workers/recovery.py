"""Counts whose worker died: found by the worker's silence and queued again, by one recoverer only.

A count is claimed by ``compute_outcome`` (queued → running) and ends done or failed; if its worker
is killed it stays "running" forever. It is safe to run again: the ballots were opened and
shuffled once, when the count started, and the count works on those stored texts
(``Count.ballot_files``) until its result is stored in one transaction, so a second run counts the
same files to the same result and nothing of the first run is left half-written.

A running count is recovered when it started longer than ``COUNT_STALE_AFTER_MINUTES`` ago and
the worker that claimed its task is not alive (no heartbeat within
``OPERATIONS_HEARTBEAT_MAX_AGE_SECONDS``, stopped, or unknown). A queued count whose task is
gone (lost between commit and enqueue, or its task row failed) is queued again after the same time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from audit.services import record
from outcomes.models import Count, CountSource, CountStatus
from outcomes.services.counting import progress_text
from outcomes.tasks import count_vote

from ..models import Heartbeat, HeartbeatRole

logger = logging.getLogger(__name__)

COUNT_TASK_PATH = count_vote.module_path
TaskRow = DBTaskResult[[int], str]


@dataclass(frozen=True)
class Recovery:
    """One count queued again, and why: its worker died (``running``) or its task was lost (``queued``)."""

    count_id: int
    edition_slug: str
    was: str


def _uses_database_queue() -> bool:
    return isinstance(task_backends[count_vote.backend], DatabaseBackend)


def _task_of(count: Count) -> TaskRow | None:
    """The newest task row of this count (database queue only)."""
    if not _uses_database_queue():
        return None
    return (
        DBTaskResult.objects.filter(task_path=COUNT_TASK_PATH, args_kwargs__args__0=count.pk)
        .order_by("-enqueued_at")
        .first()
    )


def worker_alive(worker_id: str, *, at: datetime) -> bool:
    """Whether the task worker ``worker_id`` has beaten recently and not stopped."""
    fresh = at - timedelta(seconds=settings.OPERATIONS_HEARTBEAT_MAX_AGE_SECONDS)
    return Heartbeat.objects.filter(
        role=HeartbeatRole.WORKER, instance=worker_id, stopped_at__isnull=True, seen_at__gte=fresh
    ).exists()


def _abandon(task: TaskRow | None, *, at: datetime) -> None:
    """Mark the dead worker's task row failed, so queue figures stop counting it as running."""
    if task is not None and task.status == "RUNNING":
        DBTaskResult.objects.filter(pk=task.pk, status="RUNNING").update(
            status="FAILED",
            finished_at=at,
            exception_class_path="operations.workers.recovery.WorkerDied",
            traceback="The worker stopped beating while it ran this task; recover_counts queued it again.",
        )


def _requeue(count: Count, *, was: str, task: TaskRow | None, at: datetime) -> Recovery | None:
    """Queue ``count`` again if it is still as we saw it; None if another recoverer (or the count) moved on.

    The conditional update is the claim: of two recoverers only one changes the row. The task is
    enqueued inside the same transaction, so with the database queue the count and its task commit
    together (a crash in between leaves neither).
    """
    with transaction.atomic():
        if was == CountStatus.RUNNING:
            claimed = Count.objects.filter(
                pk=count.pk, status=CountStatus.RUNNING, started_at=count.started_at, progress=count.progress
            ).update(status=CountStatus.QUEUED, progress=0, progress_text=progress_text("queued"))
        else:
            locked = Count.objects.select_for_update().filter(pk=count.pk, status=CountStatus.QUEUED).first()
            claimed = int(locked is not None and not _has_waiting_task(count))
        if claimed != 1:
            return None
        _abandon(task, at=at)
        record(
            actor=count.started_by,
            action="outcomes.count_requeued",
            target=count,
            edition=count.edition,
            after={"count": count.pk, "was": str(was), "by": "recover_counts"},
            at=at,
        )
        count_vote.enqueue(count.pk)
    logger.warning("count=%s edition=%s was=%s queued again", count.pk, count.edition.slug, was)
    return Recovery(count_id=count.pk, edition_slug=count.edition.slug, was=str(was))


def _has_waiting_task(count: Count) -> bool:
    task = _task_of(count)
    return task is not None and task.status in ("READY", "RUNNING")


def recover_counts(*, at: datetime | None = None) -> list[Recovery]:
    """Queue again every count of a public vote that a dead worker left running (or whose task was
    lost); the counts recovered. Safe to run anywhere, any number of times at once."""
    moment = at or timezone.now()
    limit = moment - timedelta(minutes=settings.COUNT_STALE_AFTER_MINUTES)
    recovered: list[Recovery] = []
    stale = Count.objects.filter(
        source=CountSource.VOTE,
        status__in=[CountStatus.RUNNING, CountStatus.QUEUED],
        started_at__lt=limit,
    ).select_related("edition", "started_by")
    for count in stale.order_by("pk"):
        task = _task_of(count)
        if count.status == CountStatus.RUNNING:
            alive = task is not None and task.status == "RUNNING" and bool(task.worker_ids)
            if alive and task is not None and worker_alive(task.worker_ids[-1], at=moment):
                continue  # slow, not dead: its worker still beats
        elif task is not None and task.status in ("READY", "RUNNING"):
            continue  # waiting for a worker, or being counted: the queue has it
        done = _requeue(count, was=count.status, task=task, at=moment)
        if done is not None:
            recovered.append(done)
    return recovered
