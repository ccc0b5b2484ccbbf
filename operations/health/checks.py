"""The readiness checks: each answers quickly with a state and never raises.

A load balancer calls /readyz every few seconds on every node, so each check is one cheap round
trip: ``SELECT 1`` under a short statement timeout, a set and get of one cache key, one indexed
query for the newest worker heartbeat. The migration check reads the migration files, which is
slow, so it runs once per process and its answer is kept once it is true (a node started before
``migrate`` rechecks at most every ``MIGRATIONS_RECHECK_SECONDS``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import get_random_string

from common.cache import ResilientRedisCache

from ..models import Heartbeat, HeartbeatRole

CHECKS = ("database", "cache", "workers", "migrations")
MIGRATIONS_RECHECK_SECONDS = 10.0
CACHE_KEY = "operations:readyz"


@dataclass(frozen=True)
class Check:
    """One check's answer: ``ok`` decides readiness when the check is required; ``state`` says why."""

    ok: bool
    state: str
    details: dict[str, Any] = field(default_factory=dict)


def _failed(exc: BaseException) -> Check:
    # The exception's class only: messages can carry host names and connection strings.
    return Check(False, "down", {"error": type(exc).__name__})


def check_database(using: str = "default") -> Check:
    """``SELECT 1`` within ``READYZ_DATABASE_TIMEOUT_MS`` (PostgreSQL's statement timeout)."""
    began = time.perf_counter()
    try:
        connection = connections[using]
        if connection.vendor == "postgresql":
            # One round trip: statements in one message run as one transaction, so SET LOCAL bounds
            # the SELECT and ends with it; the last statement puts it back for a caller already in
            # a transaction (a test), whose later statements must not inherit the short timeout.
            timeout = int(settings.READYZ_DATABASE_TIMEOUT_MS)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SET LOCAL statement_timeout = {timeout}; SELECT 1; "
                    "SET LOCAL statement_timeout TO DEFAULT"
                )
        else:
            # No transaction on SQLite: ours are IMMEDIATE and would take the write lock.
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except Exception as exc:  # any failure is an answer, never a 500
        return _failed(exc)
    return Check(True, "ok", {"ms": round((time.perf_counter() - began) * 1000, 1)})


def check_cache(alias: str = "default") -> Check:
    """Write a fresh value and read it back: a cache that swallows errors still fails this.

    The production cache stands in for an unavailable Redis with each process's memory (issue 19 §1,
    common/cache.py): then Redis itself is asked, and the answer is "fallback", ready — the node
    serves, votes included, with limits counted per process; taking every node out of the load
    balancer for a Redis outage would stop the vote that the fallback keeps going.
    """
    began = time.perf_counter()
    value = get_random_string(12)
    try:
        cache = caches[alias]
        if isinstance(cache, ResilientRedisCache) and not cache.ping():
            return Check(True, "fallback", {"error": "Redis unavailable: this process's memory stands in"})
        cache.set(CACHE_KEY, value, timeout=30)
        answered = cache.get(CACHE_KEY)
    except Exception as exc:  # any failure is an answer, never a 500
        return _failed(exc)
    if answered != value:
        return Check(False, "down", {"error": "value not read back"})
    return Check(True, "ok", {"ms": round((time.perf_counter() - began) * 1000, 1)})


def check_workers() -> Check:
    """A task worker beat within ``OPERATIONS_HEARTBEAT_MAX_AGE_SECONDS`` and has not stopped."""
    try:
        newest = Heartbeat.objects.filter(role=HeartbeatRole.WORKER, stopped_at__isnull=True).aggregate(
            newest=Max("seen_at")
        )["newest"]
    except Exception as exc:  # any failure is an answer, never a 500
        return _failed(exc)
    if newest is None:
        return Check(False, "none", {})
    age = (timezone.now() - newest).total_seconds()
    fresh = age <= settings.OPERATIONS_HEARTBEAT_MAX_AGE_SECONDS
    return Check(fresh, "ok" if fresh else "stale", {"age_seconds": round(max(age, 0.0), 1)})


class _MigrationsState:
    """Per process: True once every migration was found applied; until then, when it was last asked."""

    def __init__(self) -> None:
        self.applied = False
        self.checked_at = -MIGRATIONS_RECHECK_SECONDS
        self.last: Check = Check(False, "unknown", {})
        self.lock = threading.Lock()


_migrations = _MigrationsState()


def check_migrations(using: str = "default") -> Check:
    """No migration of the code is unapplied in the database (kept once true, for this process)."""
    state = _migrations
    if state.applied:
        return Check(True, "ok", {})
    with state.lock:
        if time.monotonic() - state.checked_at < MIGRATIONS_RECHECK_SECONDS:
            return state.last
        state.checked_at = time.monotonic()
        try:
            executor = MigrationExecutor(connections[using])
            unapplied = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        except Exception as exc:  # any failure is an answer, never a 500
            state.last = _failed(exc)
            return state.last
        state.applied = unapplied == 0
        state.last = Check(True, "ok") if state.applied else Check(False, "pending", {"unapplied": unapplied})
        return state.last


def forget_migrations() -> None:
    """Ask the database again at the next check (tests; a process never needs it)."""
    global _migrations
    _migrations = _MigrationsState()


def readiness() -> tuple[bool, dict[str, dict[str, Any]]]:
    """Run every check; ready when each check in ``READYZ_REQUIRED`` is ok. Per check: its state,
    whether it is required, and its details (timings, the heartbeat's age)."""
    results = {
        "database": check_database(),
        "cache": check_cache(),
        "workers": check_workers(),
        "migrations": check_migrations(),
    }
    required = set(settings.READYZ_REQUIRED)
    ready = all(results[name].ok for name in CHECKS if name in required)
    body = {
        name: {"state": check.state, "required": name in required, **check.details}
        for name, check in results.items()
    }
    return ready, body


__all__ = ["CHECKS", "Check", "forget_migrations", "readiness"]
