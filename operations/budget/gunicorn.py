"""Gunicorn's start-up hook for the connection budget: ``on_starting`` in deploy/gunicorn.conf.py.

The check runs ``manage.py check_connection_budget`` in a child process: gunicorn's master must not
open a database connection its forked workers would inherit, nor import Django before them.
``BUURTBUDGET_SKIP_CONNECTION_BUDGET=1`` skips it (say, a one-off debug server).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def on_starting(server: Any) -> None:
    """Refuse to start (exit 1) when the deployment's connections would not fit the database."""
    if os.environ.get("BUURTBUDGET_SKIP_CONNECTION_BUDGET") == "1":
        return
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check_connection_budget", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    for line in (done.stdout + done.stderr).splitlines():
        (server.log.error if done.returncode else server.log.warning)(line)
    if done.returncode != 0:
        sys.exit(1)
