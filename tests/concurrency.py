"""Run calls at the same moment in real threads on the test database (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import OperationalError, close_old_connections, connection

from common.errors import ServiceError


def run_at_once(calls: list[Callable[[], Any]]) -> list[str]:
    """Start every call at the same moment; each outcome is "ok", an error code, or "crash: ..."."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            for _attempt in range(500):
                try:
                    call()
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
                    continue
                except ServiceError as error:
                    outcomes.append(error.code)
                else:
                    outcomes.append("ok")
                return
        except Exception as error:  # any crash is what this test must not see
            outcomes.append(f"crash: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    return outcomes
