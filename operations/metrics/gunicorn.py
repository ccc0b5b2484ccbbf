"""Gunicorn hooks for Prometheus multiprocess mode: call them from ``deploy/gunicorn.conf.py``.

Every worker process writes its counters to files in ``PROMETHEUS_MULTIPROC_DIR`` (set in the
environment of the gunicorn master, one directory per master: two masters sharing one would wipe
each other's files); /metrics sums them. ``on_starting`` empties the directory before the first
worker starts (files of an earlier run would be counted again); ``child_exit`` tells the client
library a worker is gone (its live gauges stop being reported; its counters are kept, as Prometheus
expects of counters). ``when_ready`` does what ``on_starting`` does, for a config whose
``on_starting`` is taken. Nothing here needs Django: the master calls it before any app is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ENVIRONMENT_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def prepare_directory() -> Path | None:
    """Create the directory, or empty it of an earlier run's files; None when multiprocess mode is off."""
    directory = os.environ.get(ENVIRONMENT_VARIABLE)
    if not directory:
        return None
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    for old in path.glob("*.db"):
        old.unlink()
    return path


def on_starting(server: Any) -> None:
    """Gunicorn's ``on_starting`` hook (the master, at start, before it forks a worker)."""
    prepare_directory()


def when_ready(server: Any) -> None:
    """The same from gunicorn's ``when_ready`` hook (also before the first worker; not run on a reload)."""
    prepare_directory()


def child_exit(server: Any, worker: Any) -> None:
    """Gunicorn's ``child_exit`` hook (the master, after a worker exited or was killed)."""
    if not os.environ.get(ENVIRONMENT_VARIABLE):
        return
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
