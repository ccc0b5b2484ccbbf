"""How many database connections the deployment will hold, against how many the server gives it.

Issue 19 §3: 2 nodes × 8 workers × 16 threads (256) against PostgreSQL's ``max_connections`` of 100
made 7.3 % of requests fail with "too many clients", and operators could no longer connect. Every
gunicorn thread keeps one connection (``CONN_MAX_AGE``), each task worker and scheduler one, and
operators, migrations, backups and monitoring need a reserve. So at start-up (gunicorn's
``on_starting``, ``manage.py check_connection_budget``) this adds them up from the environment and
compares with the limit the app role actually meets:

- the server's ``max_connections`` less its ``superuser_reserved_connections`` (the app is no
  superuser), and the role's ``CONNECTION LIMIT`` when it has one;
- behind PgBouncer (``BUURTBUDGET_PGBOUNCER=1``) the app connects to PgBouncer, whose
  ``max_client_conn`` (``BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN``) is the limit; PgBouncer's own pool
  must fit the server (deploy/pgbouncer/pgbouncer.ini).

Over the limit the start is refused; within 10 % of it, a warning. The environment's names:

| variable | means | default |
|---|---|---|
| ``BUURTBUDGET_APP_NODES`` | app nodes | 1 |
| ``WEB_CONCURRENCY`` | gunicorn workers per pool | 2 |
| ``GUNICORN_THREADS`` | threads per worker | 4 |
| ``BUURTBUDGET_POOLS_PER_NODE`` | gunicorn pools per node (pages and votes) | 2 |
| ``BUURTBUDGET_NODE_CONNECTIONS`` | one node's connections (pools sized apart) | pools × workers × threads |
| ``BUURTBUDGET_TASK_WORKERS`` | task workers over all nodes | 2 |
| ``BUURTBUDGET_SCHEDULERS`` | scheduler processes over all nodes | 1 |
| ``BUURTBUDGET_DB_RESERVE`` | connections kept free for operators, migrations, backups | 5 |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import connection

# Within this share of the limit the budget is tight: a warning, the start goes on.
WARN_SHARE = 0.9


@dataclass(frozen=True)
class Demand:
    """The connections a deployment holds at most, by where they come from."""

    nodes: int
    node_connections: int
    task_workers: int
    schedulers: int
    reserve: int

    @property
    def total(self) -> int:
        return self.nodes * self.node_connections + self.task_workers + self.schedulers + self.reserve

    def explain(self) -> str:
        return (
            f"{self.nodes} node(s) × {self.node_connections} + {self.task_workers} task worker(s) "
            f"+ {self.schedulers} scheduler(s) + {self.reserve} reserve = {self.total}"
        )


@dataclass(frozen=True)
class Supply:
    """How many connections the app may open, and what sets that number."""

    limit: int
    source: str


class Verdict(StrEnum):
    FITS = "fits"
    TIGHT = "tight"
    OVER = "over"


def _number(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {text!r}") from None
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {value}")
    return value


def demand_from_environment(env: Mapping[str, str] | None = None) -> Demand:
    """The deployment's connections as its environment describes it (ValueError for a bad value)."""
    env = os.environ if env is None else env
    workers = _number(env, "WEB_CONCURRENCY", 2)
    threads = _number(env, "GUNICORN_THREADS", 4)
    pools = _number(env, "BUURTBUDGET_POOLS_PER_NODE", 2)
    return Demand(
        nodes=_number(env, "BUURTBUDGET_APP_NODES", 1),
        node_connections=_number(env, "BUURTBUDGET_NODE_CONNECTIONS", pools * workers * threads),
        task_workers=_number(env, "BUURTBUDGET_TASK_WORKERS", 2),
        schedulers=_number(env, "BUURTBUDGET_SCHEDULERS", 1),
        reserve=_number(env, "BUURTBUDGET_DB_RESERVE", 5),
    )


def supply(env: Mapping[str, str] | None = None) -> Supply:
    """The connections the app may open: PgBouncer's client limit, or the server's and the role's."""
    env = os.environ if env is None else env
    if env.get("BUURTBUDGET_PGBOUNCER") == "1" or getattr(settings, "DATABASE_POOLER", False):
        limit = _number(env, "BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN", 1000)
        return Supply(limit, f"PgBouncer's max_client_conn ({limit})")
    if connection.vendor != "postgresql":
        return Supply(-1, f"{connection.vendor} (no connection limit)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int, "
            "current_setting('superuser_reserved_connections')::int, "
            "(SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user), "
            "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
        )
        max_connections, reserved, role_limit, superuser = cursor.fetchone()
    server = max_connections if superuser else max_connections - reserved
    source = (
        f"the server's max_connections ({max_connections}"
        + ("" if superuser else f" - {reserved} reserved")
        + ")"
    )
    if role_limit >= 0 and role_limit < server:
        return Supply(role_limit, f"the role's CONNECTION LIMIT ({role_limit})")
    return Supply(server, source)


def judge(demand: Demand, available: Supply) -> Verdict:
    """Whether ``demand`` fits ``available``; -1 means no limit."""
    if available.limit < 0:
        return Verdict.FITS
    if demand.total > available.limit:
        return Verdict.OVER
    if demand.total > WARN_SHARE * available.limit:
        return Verdict.TIGHT
    return Verdict.FITS
