"""``manage.py run_worker``: django-tasks' database worker, with a heartbeat for readiness and recovery.

All of ``db_worker``'s options apply. The worker id (``--worker-id``) is the heartbeat's instance,
so a task's recorded worker can be checked for life. SIGTERM lets the running task finish, then
the process exits 0 (a second SIGTERM stops the task).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from operations.models import HeartbeatRole
from operations.workers.heartbeat import heartbeat, new_instance_id


class Command(DbWorkerCommand):
    help = "Run a database task worker that writes a heartbeat every few seconds."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        # A readable, unique default (node-pid-random) instead of db_worker's 32 random letters.
        parser.set_defaults(worker_id=new_instance_id(), reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        with heartbeat(role=HeartbeatRole.WORKER, instance=options["worker_id"]):
            super().handle(*args, **options)
