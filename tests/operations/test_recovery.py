"""recover_counts: a count its worker left running is queued again, once, and gives the same result.

The state a killed worker leaves is built from real rows: the count claimed "running" part-way,
its task row "running" with the worker's id, and that worker's last heartbeat long ago. The
database queue and its worker (in batch mode, in this process) run the count again.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from audit.models import AuditEntry
from editions.models import Edition
from operations.models import Heartbeat, HeartbeatRole
from operations.workers.recovery import COUNT_TASK_PATH, recover_counts
from outcomes.models import Count, CountStatus
from outcomes.services import start_count
from outcomes.tasks import count_vote
from tests.concurrency import run_at_once
from tests.factories import ballot_box_shares
from tests.outcomes.factories import make_closed_vote, make_official
from tests.tasks import DATABASE_QUEUE, run_ready_tasks

# Plan 0 (40k) and plan 3 (10k) fit the 60k budget and have most votes: the greedy result is fixed.
CHOICES = [[0], [0, 3], [0, 1], [3], [0, 3], [1, 2]]
LONG_AGO = timedelta(minutes=30)


@pytest.fixture(autouse=True)
def _database_queue() -> Iterator[None]:
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def tasks_of(count: Count) -> list[DBTaskResult[Any, Any]]:
    rows = DBTaskResult.objects.filter(task_path=COUNT_TASK_PATH, args_kwargs__args__0=count.pk)
    return list(rows.order_by("enqueued_at"))


def start(edition: Edition) -> Count:
    """Start the count as an official does: its task is queued when the transaction commits."""
    with transaction.atomic():
        count = start_count(edition=edition, by=make_official(edition), shares=ballot_box_shares(edition)[:2])
    return count


def count_left_running(*, worker_beat_ago: timedelta | None, started_ago: timedelta = LONG_AGO) -> Count:
    """A count whose worker claimed it, got to 40 % and (unless it still beats) was killed."""
    edition, _plans = make_closed_vote(choices=CHOICES, aggregation_rule="greedy")
    count = start(edition)
    (task,) = tasks_of(count)
    began = timezone.now() - started_ago
    task.claim("worker-killed")
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=began)
    Count.objects.filter(pk=count.pk).update(status=CountStatus.RUNNING, started_at=began, progress=40)
    if worker_beat_ago is not None:
        seen = timezone.now() - worker_beat_ago
        Heartbeat.objects.create(
            role=HeartbeatRole.WORKER, node="node-2", instance="worker-killed", started_at=began, seen_at=seen
        )
    count.refresh_from_db()
    return count


@pytest.mark.django_db(transaction=True)
def test_a_count_whose_worker_died_is_queued_again_and_gives_the_same_result() -> None:
    count = count_left_running(worker_beat_ago=LONG_AGO)
    opened = {key: file["text"] for key, file in count.ballot_files.items()}

    (recovery,) = recover_counts()

    assert (recovery.count_id, recovery.was) == (count.pk, "running")
    count.refresh_from_db()
    assert (count.status, count.progress) == (CountStatus.QUEUED, 0)
    dead, fresh = tasks_of(count)
    assert (dead.status, fresh.status) == ("FAILED", "READY")
    assert dead.exception_class_path == "operations.workers.recovery.WorkerDied"
    assert AuditEntry.objects.filter(action="outcomes.count_requeued", object_id=str(count.pk)).exists()

    run_ready_tasks("worker-after-restart")

    count.refresh_from_db()
    assert count.status == CountStatus.DONE, count.error
    section = count.sections.get()
    assert section.pb_file == opened[section.key]  # the very ballots opened when the count started
    plans = list(count.edition.plans.order_by("pk").values_list("pk", flat=True))
    assert sorted(section.selected) == sorted([plans[0], plans[3]])
    assert count.is_current and count.ballot_files == {}


@pytest.mark.django_db(transaction=True)
def test_a_slow_count_whose_worker_still_beats_is_left_alone() -> None:
    count = count_left_running(worker_beat_ago=timedelta(seconds=4))
    assert recover_counts() == []
    count.refresh_from_db()
    assert (count.status, count.progress) == (CountStatus.RUNNING, 40)


@pytest.mark.django_db(transaction=True)
def test_a_count_running_for_less_than_the_limit_is_left_alone() -> None:
    count = count_left_running(worker_beat_ago=None, started_ago=timedelta(minutes=2))
    assert recover_counts() == []
    assert Count.objects.get(pk=count.pk).status == CountStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_a_count_without_any_heartbeat_of_its_worker_is_recovered_by_the_command() -> None:
    count = count_left_running(worker_beat_ago=None)
    out = io.StringIO()
    call_command("recover_counts", stdout=out)
    assert f"count {count.pk} queued again (was running)" in out.getvalue()
    run_ready_tasks("worker-after-restart")
    assert Count.objects.get(pk=count.pk).status == CountStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_a_queued_count_whose_task_was_lost_is_queued_again_once() -> None:
    edition, _plans = make_closed_vote(choices=CHOICES)
    count = start(edition)
    DBTaskResult.objects.filter(task_path=COUNT_TASK_PATH).delete()  # lost between commit and enqueue
    Count.objects.filter(pk=count.pk).update(started_at=timezone.now() - LONG_AGO)

    assert [r.was for r in recover_counts()] == ["queued"]
    assert recover_counts() == []  # now its task waits in the queue
    (task,) = tasks_of(count)
    assert task.status == "READY"


@pytest.mark.django_db(transaction=True)
def test_two_recoverers_at_once_queue_the_count_once() -> None:
    count = count_left_running(worker_beat_ago=LONG_AGO)
    found: list[int] = []

    def recoverer() -> Callable[[], None]:
        return lambda: found.extend(r.count_id for r in recover_counts())

    assert run_at_once([recoverer(), recoverer()]) == ["ok", "ok"]
    assert found == [count.pk]
    assert [t.status for t in tasks_of(count)] == ["FAILED", "READY"]
    assert Count.objects.get(pk=count.pk).status == CountStatus.QUEUED


def test_the_count_task_path_is_the_one_django_tasks_records() -> None:
    assert COUNT_TASK_PATH == "outcomes.tasks.count_vote" == count_vote.module_path
