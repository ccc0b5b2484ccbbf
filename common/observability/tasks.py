"""The request id through the task queue: the queuing request logs the task's id, the task's lines carry it.

django-tasks' rows have no room for our own data, so the link is a log line: the request that
queues a task (a count, a letter run, a mail) writes "Task queued" with its request id and the
task's id, and every line the worker writes while it runs that task carries ``task_id``. An
operator following a request id finds the task id on that line, then the worker's lines. Connected
once per process by the operations app (``OperationsConfig.ready``).
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from django_tasks.signals import task_enqueued, task_finished, task_started

from . import context

logger = logging.getLogger("buurtbudget.tasks")

_bound: dict[str, context.Bound] = {}


def _queued(sender: Any, task_result: Any, **kwargs: Any) -> None:
    logger.info(
        "Task queued: %s",
        task_result.task.module_path,
        extra={"task_id": str(task_result.id)},
    )


def _started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    _bound[str(task_result.id)] = context.bind(task_id=str(task_result.id))


def _finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    bound = _bound.pop(str(task_result.id), None)
    if bound is not None:
        with suppress(ValueError):  # bound in another context (a thread): it ends with that thread
            bound.reset()


def connect() -> None:
    """Connect the receivers (idempotent: each has a dispatch uid)."""
    task_enqueued.connect(_queued, dispatch_uid="observability.task_queued")
    task_started.connect(_started, dispatch_uid="observability.task_started")
    task_finished.connect(_finished, dispatch_uid="observability.task_finished")
