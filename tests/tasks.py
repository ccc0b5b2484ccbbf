"""The database task queue and its worker, run for real in the test's process.

The tests' settings run tasks at once (the immediate backend); a test that needs the queue as
production has it switches ``TASKS`` to ``DATABASE_QUEUE`` and runs the worker's loop in batch mode.
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Worker

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_ready_tasks(worker_id: str = "test-worker") -> None:
    """Run every task that is ready now, as ``manage.py run_worker`` would, then return."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()
