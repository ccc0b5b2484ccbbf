"""``manage.py run_worker`` as a real process: it beats, runs queued tasks, and stops cleanly on SIGTERM.

The worker is a separate process on the test database, so this runs on PostgreSQL only (the SQLite
test database lives in this process's memory, which another process cannot open).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from common.mail import queue_mail
from operations.models import Heartbeat, HeartbeatRole

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="another process cannot open the in-memory SQLite test database",
    ),
]


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_beats_runs_a_mail_task_and_stops_cleanly_on_sigterm() -> None:
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",  # the database queue, mail on the console
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "BUURTBUDGET_NODE": "test-node",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        beats = Heartbeat.objects.filter(role=HeartbeatRole.WORKER, node="test-node")
        assert wait_for(beats.exists), "no heartbeat"
        beat = beats.get()
        assert beat.stopped_at is None and beat.instance.startswith("test-node-")

        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            queue_mail(subject="Proef", body="Hallo", to="anna@example.org")
        mails = DBTaskResult.objects.filter(task_path="common.mail.tasks.deliver_mail")
        assert wait_for(lambda: mails.filter(status="SUCCESSFUL").exists()), "the mail task did not run"
        assert mails.get().worker_ids == [beat.instance]
        assert wait_for(
            lambda: beats.get().seen_at > beat.seen_at, seconds=settings.OPERATIONS_HEARTBEAT_SECONDS * 3
        )

        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
        assert beats.get().stopped_at is not None
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
