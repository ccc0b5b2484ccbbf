"""Running scheduled jobs: claim the slot with a row, run the command, record how it ended.

The claim is an INSERT of ``JobRun(job, slot)`` in its own transaction; the unique constraint makes
the first node's insert win on SQLite and PostgreSQL alike, and every other node skips the slot. A
failing job is recorded failed (with its error) and never stops the jobs after it.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterable
from datetime import datetime

from django.core.management import call_command
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from ..models import JobRun, JobRunStatus
from .jobs import JOBS, Job

logger = logging.getLogger(__name__)

SUMMARY_LENGTH = 300


def claim_slot(*, job: Job, slot: datetime, node: str) -> JobRun | None:
    """Insert the run of ``job`` in ``slot`` for ``node``; None if another node claimed it first."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job.name, slot=slot, node=node[:100])
    except IntegrityError:
        return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:SUMMARY_LENGTH] if lines else ""


def run_job(*, job: Job, slot: datetime, node: str) -> JobRun | None:
    """Run ``job`` for ``slot`` unless another node has; the finished run, or None when skipped.

    The command's output is kept only as its last line (the commands end with a summary such as
    "3 reminder(s) sent"); the log line has the job, slot, node, status and duration, nothing else.
    """
    run = claim_slot(job=job, slot=slot, node=node)
    if run is None:
        logger.debug("job=%s slot=%s skipped: claimed by another node", job.name, slot.isoformat())
        return None
    began = time.monotonic()
    output = io.StringIO()
    try:
        call_command(job.command, stdout=output, stderr=output, **job.options())
    except Exception as exc:  # a failing job is recorded and must not stop the others
        status = JobRunStatus.FAILED
        summary = f"{type(exc).__name__}: {exc}"[:SUMMARY_LENGTH]
        logger.warning(
            "job=%s slot=%s node=%s status=failed seconds=%.2f error=%s",
            job.name,
            slot.isoformat(),
            node,
            time.monotonic() - began,
            type(exc).__name__,
        )
    else:
        status = JobRunStatus.DONE
        summary = _last_line(output.getvalue())
        logger.info(
            "job=%s slot=%s node=%s status=done seconds=%.2f",
            job.name,
            slot.isoformat(),
            node,
            time.monotonic() - began,
        )
    _finish(run, status=status, summary=summary)
    run.refresh_from_db()
    return run


def _finish(run: JobRun, *, status: str, summary: str) -> None:
    """Record the end; a database that is briefly busy (SQLite's lock) gets three tries, after which
    the run stays visibly unfinished and the next slot runs the job again."""
    for attempt in range(3):
        try:
            JobRun.objects.filter(pk=run.pk).update(
                status=status, finished_at=timezone.now(), summary=summary
            )
            return
        except OperationalError:
            if attempt == 2:
                raise
            time.sleep(0.2 * (attempt + 1))


def due_jobs(*, at: datetime, jobs: Iterable[Job] = JOBS) -> list[tuple[Job, datetime]]:
    """The jobs whose current slot (as of ``at``) has no run yet, with that slot."""
    slots = [(job, job.schedule.slot_at(at)) for job in jobs]
    claimed = set(
        JobRun.objects.filter(
            job__in=[job.name for job, _ in slots], slot__in={s for _, s in slots}
        ).values_list("job", "slot")
    )
    return [(job, slot) for job, slot in slots if (job.name, slot) not in claimed]


def run_due_jobs(*, node: str, at: datetime | None = None, jobs: Iterable[Job] = JOBS) -> list[JobRun]:
    """Run every job due as of ``at`` (default now) that no other node has claimed; the runs done here."""
    moment = at or timezone.now()
    done = []
    for job, slot in due_jobs(at=moment, jobs=jobs):
        run = run_job(job=job, slot=slot, node=node)
        if run is not None:
            done.append(run)
    return done
