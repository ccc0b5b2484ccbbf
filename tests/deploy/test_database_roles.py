"""The two database roles (deploy/postgres/roles.sql): the app role votes and counts, and can do no more.

On a fresh database of the running PostgreSQL: the script, `migrate` as the owner role, the script
again (as after every migration), then a whole vote cast and counted as the app role in a
subprocess with production's database code paths, and each attack a compromised app node could try.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import errors

ROOT = Path(__file__).resolve().parents[2]
SERVER = "postgres://postgres@127.0.0.1:5432"
SUFFIX = os.getpid()
OWNER, APP, DATABASE = f"h_resil_owner_{SUFFIX}", f"h_resil_app_{SUFFIX}", f"h_resil_roles_{SUFFIX}"

pytestmark = pytest.mark.skipif(
    shutil.which("psql") is None or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (psql and the server at 127.0.0.1:5432): run on the PostgreSQL pass",
)


def run_script() -> None:
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", f"{SERVER}/{DATABASE}",
         "-f", "deploy/postgres/roles.sql",
         "-v", f"owner={OWNER}", "-v", f"app={APP}", "-v", "app_connection_limit=7"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def manage(role: str, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{role}@127.0.0.1:5432/{DATABASE}",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def roles_database() -> Iterator[None]:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
        try:
            run_script()
            manage(OWNER, "migrate", "--verbosity=0")
            run_script()
            yield
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
            for role in (APP, OWNER):
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def as_app() -> psycopg.Connection:
    return psycopg.connect(f"postgres://{APP}@127.0.0.1:5432/{DATABASE}", autocommit=True)


def test_the_app_role_casts_and_counts_a_vote(roles_database: None) -> None:
    output = manage(APP, "shell", "-c", "from tests.deploy.app_role_world import main; main()")
    result = json.loads(output.strip().splitlines()[-1])
    assert result == {"user": APP, "ballots": 3, "count_done": True}


def test_the_app_role_is_no_superuser_and_has_a_connection_limit(roles_database: None) -> None:
    with as_app() as app:
        row = app.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolconnlimit "
            "FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert row == (False, False, False, False, False, 7)
        with pytest.raises(errors.InsufficientPrivilege):
            app.execute("SELECT rolpassword FROM pg_authid")


@pytest.mark.parametrize(
    "attack",
    [
        "DROP TABLE voting_ballot",
        "ALTER TABLE voting_ballot ADD COLUMN voter_id bigint",
        "CREATE TABLE stolen (code text)",
        "TRUNCATE voting_ballot",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_no_change",
        "DROP TRIGGER audit_entry_no_change ON audit_auditentry",
        "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ BEGIN RETURN NEW; END; "
        "$$ LANGUAGE plpgsql",
        "DELETE FROM audit_auditentry",
        "UPDATE audit_auditentry SET action = 'nothing happened'",
        "INSERT INTO django_migrations (app, name, applied) VALUES ('audit', '9999_fake', now())",
    ],
)
def test_the_app_role_cannot_change_the_schema_or_the_audit_log(roles_database: None, attack: str) -> None:
    with as_app() as app, pytest.raises(errors.InsufficientPrivilege), app.transaction():
        # the audit trigger's maintenance switch is a setting any role may set: privileges hold anyway
        app.execute("SET LOCAL buurtbudget.audit_maintenance = 'on'")
        app.execute(attack)
