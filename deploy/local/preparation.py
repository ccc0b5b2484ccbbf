"""Preparing a topology's database, static files, cache and secrets before its processes start."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from .processes import ROOT, run
from .services import PrivatePostgres

Manage = Callable[..., None]  # Topology.manage: runs manage.py with the topology's settings


def load_secrets(run_dir: Path) -> dict[str, str]:
    """The run directory's secret key and voting key: made at the first start, then kept (the voting
    key must stay the one the database's code hashes were made with)."""
    path = run_dir / "secrets.env"
    if not path.exists():
        path.write_text(
            f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\n"
            f"BUURTBUDGET_VOTING_KEY={secrets.token_urlsafe(50)}\n"
        )
        path.chmod(0o600)
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs}


def migrate(manage: Manage, *, database_url: str, postgres: PrivatePostgres | None) -> None:
    """migrate; a new private cluster starts from a dump of an earlier run's migrated database when
    the migrations have not changed since (var/cache/: seconds instead of minutes)."""
    if postgres is None:
        manage("migrate", "--noinput", log_name="migrate")
        return
    cache = ROOT / "var" / "cache" / f"schema-{migrations_fingerprint()}.dump"
    log = ROOT / "var" / "cache" / "schema.log"
    cache.parent.mkdir(parents=True, exist_ok=True)
    if cache.exists():
        restore = [str(postgres.bin / "pg_restore"), "--no-owner", "-d", database_url, str(cache)]
        run(restore, env=os.environ, log=log, what="pg_restore of the migrated schema")
    manage("migrate", "--noinput", log_name="migrate")
    if not cache.exists():
        partial = cache.with_suffix(f".{os.getpid()}.partial")
        dump = [str(postgres.bin / "pg_dump"), "-Fc", "-f", str(partial), database_url]
        run(dump, env=os.environ, log=log, what="pg_dump of the migrated schema")
        partial.replace(cache)


def collect_static(manage: Manage, *, static_root: Path) -> None:
    """collectstatic, unless the run directory's files are newer than every source (it compresses
    each file twice and takes a minute on a busy machine; a restart needs none of that)."""
    stamp = static_root / ".collected"
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    manage("collectstatic", "--noinput", log_name="collectstatic")
    stamp.write_text(fingerprint)


def flush_redis(url: str) -> None:
    """Empty the topology's Redis database: no rate-limit counters or cached pages of an older run."""
    import redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


def migrations_fingerprint() -> str:
    """A hash of every migration of the project and of the installed packages' state."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    installed = ROOT / ".venv" / ".installed"
    digest.update(str(installed.stat().st_mtime if installed.exists() else 0).encode())
    return digest.hexdigest()[:16]


def static_fingerprint() -> str:
    """The newest modification time and the number of the static source files (the project's and each
    app's static/ folder, and the installed packages' versions): changes when collectstatic would."""
    sources = [ROOT / "static", *ROOT.glob("*/static")]
    newest, count = 0.0, 0
    for source in sources:
        for path in source.rglob("*"):
            if path.is_file():
                newest, count = max(newest, path.stat().st_mtime), count + 1
    packages = ROOT / ".venv" / ".installed"
    installed = packages.stat().st_mtime if packages.exists() else 0.0
    return f"{newest:.3f} {count} {installed:.3f}"


def ensure_database(url: str, *, fresh: bool = False) -> None:
    """Create the database ``url`` names if it does not exist (``fresh``: drop it first)."""
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        if fresh:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
