"""/readyz: 200 only when the required checks pass, else 503 naming each check; never a 500."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone

from operations.health import checks
from operations.models import Heartbeat, HeartbeatRole
from tests.helpers import REDIS

ALL = ("database", "cache", "workers", "migrations")
# Nothing listens on this port of our range: a Redis that refuses connections.
DEAD_REDIS = {
    "default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": "redis://127.0.0.1:8659/7"}
}
LIVE_REDIS = {"default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{REDIS}/7"}}


@pytest.fixture(autouse=True)
def _fresh_migration_check() -> Iterator[None]:
    checks.forget_migrations()
    yield
    checks.forget_migrations()


def _beat(age: timedelta, *, stopped: bool = False) -> None:
    seen = timezone.now() - age
    Heartbeat.objects.create(
        role=HeartbeatRole.WORKER,
        node="node-1",
        instance=f"node-1-{age.total_seconds()}",
        seen_at=seen,
        stopped_at=seen if stopped else None,
    )


@pytest.mark.django_db
def test_ready_without_workers_when_they_are_not_required(client: Client) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ready"
    assert body["checks"]["workers"] == {"state": "none", "required": False}
    assert body["checks"]["database"]["state"] == "ok"
    assert body["checks"]["migrations"] == {"state": "ok", "required": True}
    assert answer["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
@override_settings(READYZ_REQUIRED=ALL, CACHES=LIVE_REDIS)
def test_every_check_passes_with_redis_and_a_live_worker(client: Client) -> None:
    _beat(timedelta(seconds=3))
    answer = client.get("/readyz")
    assert answer.status_code == 200, answer.content
    states = {name: check["state"] for name, check in answer.json()["checks"].items()}
    assert states == {"database": "ok", "cache": "ok", "workers": "ok", "migrations": "ok"}


@pytest.mark.django_db
@override_settings(READYZ_REQUIRED=ALL)
@pytest.mark.parametrize(
    ("beats", "state"),
    [((), "none"), ((timedelta(minutes=5),), "stale"), ((timedelta(seconds=2),), "stopped")],
)
def test_no_live_worker_is_503_when_workers_are_required(
    client: Client, beats: tuple[timedelta, ...], state: str
) -> None:
    for age in beats:
        _beat(age, stopped=state == "stopped")
    answer = client.get("/readyz")
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "not ready"
    assert body["checks"]["workers"]["state"] == ("none" if state == "stopped" else state)
    assert body["checks"]["workers"]["required"] is True
    assert body["checks"]["database"]["state"] == "ok"


@pytest.mark.django_db
@override_settings(CACHES=DEAD_REDIS)
def test_a_cache_that_refuses_connections_is_503_with_the_check_named(client: Client) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer["Content-Type"] == "application/json"
    cache = answer.json()["checks"]["cache"]
    assert cache == {"state": "down", "required": True, "error": "ConnectionError"}
    assert "8659" not in answer.content.decode()  # no host names or addresses in the body


@pytest.mark.django_db
@override_settings(CACHES=DEAD_REDIS, READYZ_REQUIRED=("database", "migrations"))
def test_a_cache_that_is_not_required_is_reported_but_the_node_is_ready(client: Client) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["checks"]["cache"]["state"] == "down"


@pytest.mark.parametrize("database", ["postgresql", "sqlite"])
def test_an_unreachable_database_is_503_naming_it_never_500(database: str) -> None:
    """A fresh process whose database refuses connections (a PostgreSQL port where nothing listens,
    an SQLite file that cannot be opened) answers /readyz with 503 and the database check down."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    if database == "postgresql":
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:8658/nothing"
    else:
        env["SQLITE_PATH"] = "/nonexistent-directory/readyz.sqlite3"
    probe = (
        "import json; from django.test import Client; answer = Client().get('/readyz'); "
        "print(json.dumps({'status': answer.status_code, 'body': answer.json()}))"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["checks"]["database"] == {
        "state": "down",
        "required": True,
        "error": "OperationalError",
    }
    assert answer["body"]["checks"]["migrations"]["state"] == "down"
    assert answer["body"]["checks"]["cache"]["state"] == "ok"


@pytest.mark.django_db
def test_unapplied_migrations_are_pending_and_rechecked(client: Client) -> None:
    from django.db.migrations.recorder import MigrationRecorder

    MigrationRecorder.Migration.objects.filter(app="operations", name="0001_initial").delete()
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["migrations"] == {"state": "pending", "required": True, "unapplied": 1}


@pytest.mark.django_db
def test_readyz_is_cheap_and_answers_plain_http_in_production(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    """Two queries once the migrations are known to be applied (SELECT 1, the newest heartbeat);
    the time is measured in docs/operations.md. And the HTTPS redirect leaves it alone."""
    prod = (Path(settings.BASE_DIR) / "config" / "settings" / "prod.py").read_text()
    assert 'SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]' in prod
    assert client.get("/readyz").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_the_statement_timeout_bounds_only_the_check() -> None:
    """On PostgreSQL the timeout is set for the check's statement only, not the connection's next ones."""
    from django.db import connection

    assert checks.check_database().ok
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if connection.vendor == "postgresql":
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("0",)
