"""Metrics read from the database at scrape time: the task queue and the counts.

These hold for the whole platform, not for one worker, so they are read where they are stored
(django-tasks' queue table, outcomes' Count rows) instead of being counted in a process. A scrape
during a database outage still answers with the request metrics: a collector that cannot read
reports ``buurtbudget_scrape_failed{collector}`` 1 and nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.db import DatabaseError
from django.db.models import Count as Rows
from django.db.models import Min, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from outcomes.models import Count, CountStatus

logger = logging.getLogger(__name__)

# Seconds a count took: a small edition counts in a second, a city's in minutes (docs/benchmarks.md).
COUNT_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0)


def _seconds_since(moment: datetime | None, now: datetime) -> float:
    return max(0.0, (now - moment).total_seconds()) if moment else 0.0


class TaskQueueCollector(Collector):
    """Per queue: tasks due and waiting, the age of the oldest, waiting for a later retry, running, failed."""

    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        waiting = GaugeMetricFamily(
            "buurtbudget_task_queue_length",
            "Tasks due to run and not yet taken by a worker.",
            labels=["queue"],
        )
        age = GaugeMetricFamily(
            "buurtbudget_task_queue_oldest_age_seconds",
            "How long the oldest due task has waited (0 when none waits): workers missing or too few.",
            labels=["queue"],
        )
        delayed = GaugeMetricFamily(
            "buurtbudget_task_queue_delayed",
            "Tasks waiting for a later moment (a retry's back-off, a scheduled run).",
            labels=["queue"],
        )
        running = GaugeMetricFamily(
            "buurtbudget_tasks_running", "Tasks a worker is running now.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "buurtbudget_tasks_failed_last_day",
            "Tasks that failed for good in the last 24 hours, by task (a mail that was never sent, a count).",
            labels=["queue", "task"],
        )
        for row in (
            DBTaskResult.objects.filter(
                status=TaskResultStatus.FAILED, finished_at__gte=now - timedelta(days=1)
            )
            .values("queue_name", "task_path")
            .annotate(n=Rows("pk"))
            .order_by("queue_name", "task_path")
        ):
            failed.add_metric([row["queue_name"], row["task_path"]], row["n"])
        never = get_date_max()
        due = Q(run_after=never) | Q(run_after__lte=now)
        rows = (
            DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
            .values("queue_name")
            .annotate(
                due=Rows("pk", filter=Q(status=TaskResultStatus.READY) & due),
                later=Rows("pk", filter=Q(status=TaskResultStatus.READY) & ~due),
                running=Rows("pk", filter=Q(status=TaskResultStatus.RUNNING)),
                # A task waits from when it was queued, or from when it became due (a retry's run_after).
                oldest_plain=Min("enqueued_at", filter=Q(status=TaskResultStatus.READY, run_after=never)),
                oldest_after=Min(
                    Greatest("enqueued_at", "run_after"),
                    filter=Q(status=TaskResultStatus.READY, run_after__lte=now),
                ),
            )
            .order_by("queue_name")
        )
        for row in rows:
            queue = row["queue_name"]
            waiting.add_metric([queue], row["due"])
            delayed.add_metric([queue], row["later"])
            running.add_metric([queue], row["running"])
            since = [moment for moment in (row["oldest_plain"], row["oldest_after"]) if moment is not None]
            age.add_metric([queue], _seconds_since(min(since), now) if since else 0.0)
        yield from (waiting, age, delayed, running, failed)


class CountCollector(Collector):
    """Counts by status, how long finished counts took, the running count's age, the last count's stages."""

    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        by_status = GaugeMetricFamily("buurtbudget_counts", "Counts by status.", labels=["status"])
        found = dict(Count.objects.values_list("status").annotate(n=Rows("pk")).order_by())
        for status in CountStatus.values:
            by_status.add_metric([status], found.get(status, 0))
        yield by_status

        durations = HistogramMetricFamily(
            "buurtbudget_count_duration_seconds",
            "How long finished counts took, from start to result stored, by who decided (vote or panel).",
            labels=["source"],
        )
        finished: dict[str, list[float]] = {}
        for source, started, ended in Count.objects.filter(
            status=CountStatus.DONE, finished_at__isnull=False
        ).values_list("source", "started_at", "finished_at"):
            if ended is not None:
                finished.setdefault(source, []).append(max(0.0, (ended - started).total_seconds()))
        for source, seconds in sorted(finished.items()):
            buckets = [(str(bound), sum(1 for s in seconds if s <= bound)) for bound in COUNT_BUCKETS]
            buckets.append(("+Inf", len(seconds)))
            durations.add_metric([source], buckets, sum(seconds))
        yield durations

        oldest = (
            Count.objects.filter(status=CountStatus.RUNNING)
            .order_by("started_at")
            .values_list("started_at")
            .first()
        )
        yield GaugeMetricFamily(
            "buurtbudget_count_running_seconds",
            "How long the longest-running count has run (0 when none runs): a count stuck here is stale.",
            value=_seconds_since(oldest[0] if oldest else None, now),
        )

        stages = GaugeMetricFamily(
            "buurtbudget_count_last_stage_seconds",
            "Seconds per stage (open, write, parse, count, compare …) of the most recently finished count.",
            labels=["stage"],
        )
        last = (
            Count.objects.filter(status=CountStatus.DONE, finished_at__isnull=False)
            .order_by("-finished_at", "-pk")
            .values_list("durations", flat=True)
            .first()
        )
        for stage, seconds in sorted((last or {}).items()):
            if isinstance(seconds, int | float):
                stages.add_metric([str(stage)], float(seconds))
        yield stages


class Guarded(Collector):
    """A collector whose database failure becomes ``buurtbudget_scrape_failed{collector}`` 1, not a 500."""

    def __init__(self, name: str, inner: Collector) -> None:
        self.name = name
        self.inner = inner

    def collect(self) -> Iterator[Metric]:
        try:
            metrics = list(self.inner.collect())
        except DatabaseError:
            logger.warning("Metrics of %s could not be read from the database", self.name, exc_info=True)
            metrics = []
        failed = GaugeMetricFamily(
            "buurtbudget_scrape_failed",
            "1 when a collector could not read the database during this scrape.",
            labels=["collector"],
        )
        failed.add_metric([self.name], 0 if metrics else 1)
        yield from metrics
        yield failed
