"""Casting through PgBouncer in transaction mode (deploy/pgbouncer/pgbouncer.ini), more clients than its pool.

PgBouncer (Debian's) is started in front of the test database with a pool of 4 server connections
(plus its reserve of 5); 60 casts of 20 voters run at once through it, each thread its own client
connection, with the settings BUURTBUDGET_PGBOUNCER=1 switches on. Every cast must succeed, and the
database must hold exactly one ballot per voter.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from string import Template

import psycopg
import pytest
from django.db import connection
from psycopg.rows import dict_row

from tests import factories
from tests.concurrency import run_at_once
from voting.models import Ballot, Voter
from voting.services.casting import cast_ballot, credential_for_code

ROOT = Path(__file__).resolve().parents[2]
PORT = 6433
POOL_SIZE = 4

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("pgbouncer") is None, reason="pgbouncer is not installed (apt-get install pgbouncer)"
    ),
]


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


@pytest.fixture
def pgbouncer() -> Iterator[str]:
    """A PgBouncer on port 6433 in front of the test database, from the template; its database name."""
    if connection.vendor != "postgresql":
        pytest.skip("PgBouncer is PostgreSQL's pooler: run on the PostgreSQL pass")
    database = connection.settings_dict["NAME"]
    run_dir = Path(tempfile.mkdtemp(prefix="buurtbudget-pgbouncer-"))
    run_dir.chmod(0o755)
    (run_dir / "userlist.txt").write_text(f'"{connection.settings_dict["USER"]}" ""\n')
    values = {
        "DATABASE": database,
        "PG_HOST": connection.settings_dict["HOST"] or "127.0.0.1",
        "PG_PORT": str(connection.settings_dict["PORT"] or 5432),
        "LISTEN_ADDR": "127.0.0.1",
        "LISTEN_PORT": str(PORT),
        "RUN_DIR": str(run_dir),
        "AUTH_TYPE": "trust",
        "AUTH_FILE": str(run_dir / "userlist.txt"),
        "MAX_CLIENT_CONN": "200",
        "POOL_SIZE": str(POOL_SIZE),
        "ADMIN_USERS": connection.settings_dict["USER"],
        "APP_ROLE": connection.settings_dict["USER"],
    }
    config = run_dir / "pgbouncer.ini"
    config.write_text(Template((ROOT / "deploy/pgbouncer/pgbouncer.ini").read_text()).substitute(values))
    for path in run_dir.iterdir():
        path.chmod(0o644)
    # PgBouncer refuses to run as root: as the database's system user, like Debian's service.
    command = ["pgbouncer", str(config)]
    if os.geteuid() == 0:
        shutil.chown(run_dir, "postgres")
        command = ["runuser", "-u", "postgres", "--", *command]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while not _listening(PORT):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "pgbouncer did not start"
            time.sleep(0.1)
        yield database
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)


def _through(port: int, *, pooler: bool) -> None:
    """Point new connections of every thread at ``port``, with the pooler's settings or without."""
    connection.close()
    connection.settings_dict["PORT"] = str(port)
    connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = pooler
    connection.settings_dict.setdefault("OPTIONS", {})["prepare_threshold"] = None


def test_many_clients_cast_through_a_smaller_pool_once_each(pgbouncer: str) -> None:
    edition, plans = factories.make_vote()
    voters = [factories.make_voter(edition=edition) for _ in range(20)]
    server_port = connection.settings_dict["PORT"] or "5432"

    def casting(code: str, plan: int) -> None:
        credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.3")
        cast_ballot(edition=edition, credential=credential, ballot={"main": [plans[plan].pk]})

    calls = [lambda code=code, plan=plan: casting(code, plan) for _, code in voters for plan in range(3)]
    _through(PORT, pooler=True)
    try:
        outcomes = run_at_once([*calls, lambda: list(Voter.objects.filter(edition=edition).iterator())])
    finally:
        _through(int(server_port), pooler=False)
    assert outcomes == ["ok"] * len(outcomes), [o for o in outcomes if o != "ok"][:5]
    assert Ballot.objects.filter(edition=edition).count() == len(voters)
    assert sorted(Voter.objects.filter(edition=edition).values_list("ballots_cast", flat=True)) == [3] * 20
    console = f"host=127.0.0.1 port={PORT} dbname=pgbouncer user={connection.settings_dict['USER']}"
    with psycopg.connect(console, autocommit=True, row_factory=dict_row) as admin:
        stats = {row["database"]: row for row in admin.execute("SHOW STATS").fetchall()}
        pools = [row for row in admin.execute("SHOW POOLS").fetchall() if row["database"] == pgbouncer]
    assert stats[pgbouncer]["total_xact_count"] >= len(calls)  # the casts went through PgBouncer
    assert pools and all(row["sv_active"] + row["sv_idle"] <= POOL_SIZE + 5 for row in pools)
