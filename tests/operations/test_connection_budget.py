"""The connection budget (issue 19 §3): nodes × workers × threads + task workers + a reserve, checked at
start-up against what the database allows, refusing over the limit and warning within 10 % of it."""

from __future__ import annotations

import os
import subprocess
import textwrap
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from pytest_django import Settings

from operations.budget.connections import Demand, Supply, Verdict, demand_from_environment, judge, supply

ROOT = Path(__file__).resolve().parents[2]
PORT = 8611


def test_the_issue_s_deployment_is_over_a_hundred_connections() -> None:
    demand = demand_from_environment(
        {"BUURTBUDGET_APP_NODES": "2", "WEB_CONCURRENCY": "8", "GUNICORN_THREADS": "16",
         "BUURTBUDGET_POOLS_PER_NODE": "1"}
    )  # fmt: skip
    assert demand.total == 2 * 8 * 16 + 2 + 1 + 5
    assert judge(demand, Supply(97, "max_connections 100 - 3 reserved")) == Verdict.OVER


def test_defaults_count_both_pools_of_a_node() -> None:
    assert demand_from_environment({}) == Demand(
        nodes=1, node_connections=2 * 2 * 4, task_workers=2, schedulers=1, reserve=5
    )
    explicit = demand_from_environment({"BUURTBUDGET_NODE_CONNECTIONS": "12", "BUURTBUDGET_APP_NODES": "3"})
    assert explicit.total == 3 * 12 + 2 + 1 + 5


def test_within_ten_percent_is_tight_and_no_limit_always_fits() -> None:
    demand = Demand(nodes=1, node_connections=80, task_workers=2, schedulers=1, reserve=5)  # 88
    assert judge(demand, Supply(100, "")) == Verdict.FITS
    assert judge(demand, Supply(95, "")) == Verdict.TIGHT
    assert judge(demand, Supply(88, "")) == Verdict.TIGHT
    assert judge(demand, Supply(87, "")) == Verdict.OVER
    assert judge(demand, Supply(-1, "sqlite")) == Verdict.FITS


def test_a_bad_value_is_named() -> None:
    with pytest.raises(ValueError, match="GUNICORN_THREADS"):
        demand_from_environment({"GUNICORN_THREADS": "many"})
    with pytest.raises(ValueError, match="BUURTBUDGET_DB_RESERVE"):
        demand_from_environment({"BUURTBUDGET_DB_RESERVE": "-3"})


@pytest.mark.django_db
def test_the_limit_is_read_from_the_server(settings: Settings) -> None:
    available = supply({})
    if connection.vendor != "postgresql":
        assert available.limit == -1
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        (max_connections,) = cursor.fetchone()
    assert available.limit == int(max_connections)  # the test runs as a superuser: nothing reserved
    settings.DATABASE_POOLER = True
    assert supply({"BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN": "400"}).limit == 400


@pytest.mark.django_db
def test_the_command_refuses_over_the_limit_and_warns_when_tight(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    settings.DATABASE_POOLER = True  # a limit on every database vendor: PgBouncer's client limit
    monkeypatch.setenv("BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN", "100")
    monkeypatch.setenv("BUURTBUDGET_NODE_CONNECTIONS", "16")
    monkeypatch.setenv("BUURTBUDGET_APP_NODES", "2")  # 2 × 16 + 2 + 1 + 5 = 40
    out = StringIO()
    call_command("check_connection_budget", stdout=out)
    assert "= 40" in out.getvalue() and "fits" in out.getvalue()
    monkeypatch.setenv("BUURTBUDGET_APP_NODES", "5")
    monkeypatch.setenv("BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN", "90")  # 88 of 90
    err = StringIO()
    call_command("check_connection_budget", stderr=err)
    assert "warning" in err.getvalue() and "= 88" in err.getvalue()
    monkeypatch.setenv("BUURTBUDGET_APP_NODES", "7")  # 120 of 90
    with pytest.raises(CommandError, match="Too many"):
        call_command("check_connection_budget")


def _gunicorn(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    config = tmp_path / "gunicorn.conf.py"
    config.write_text(
        textwrap.dedent(
            f"""
            from operations.budget.gunicorn import on_starting
            bind = ["127.0.0.1:{PORT}"]
            workers = 1
            """
        )
    )
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", str(config), "config.wsgi:application"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_gunicorn_does_not_start_over_the_budget_and_starts_within_it(tmp_path: Path) -> None:
    over = {"BUURTBUDGET_PGBOUNCER": "1", "BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN": "10"}
    refused = _gunicorn(tmp_path, over)
    output, _ = refused.communicate(timeout=60)
    assert refused.returncode != 0
    assert "Too many" in output
    started = _gunicorn(tmp_path, {**over, "BUURTBUDGET_PGBOUNCER_MAX_CLIENT_CONN": "1000"})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert started.poll() is None, started.communicate()[0]
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
    finally:
        started.terminate()
        started.wait(timeout=30)
