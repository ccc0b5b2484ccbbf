"""The load's servers: one gunicorn as main stood before issue 19, or the production topology
(deploy/local), their environment and database, and the processes measured per role."""

from __future__ import annotations

import argparse
import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.reliability.proc import with_children

ROOT = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432"
# The topology's ports for the load (the suite's other scripts use the launcher's defaults).
HTTPS_PORT, HTTP_PORT, FIRST_NODE_PORT = 8763, 8764, 8770


@dataclass(frozen=True)
class Servers:
    """Where the load goes and what to measure: the base URL, its CA, the processes per role."""

    base_url: str
    ca_file: Path | None
    forwarded: bool  # reached without the proxy: the load sends the proxy's headers itself
    nodes: int
    pids: Callable[[], Mapping[str, Sequence[int]]]


def server_env(database_url: str, redis_url: str) -> dict[str, str]:
    """Production settings for the single node (and for this process, which prepares its database)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "600",
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "load-only-secret-key-" + "x" * 40),
        "BUURTBUDGET_VOTING_KEY": os.environ.get("BUURTBUDGET_VOTING_KEY", "load-only-voting-key"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Production redirects plain HTTP to HTTPS; the load plays the proxy that terminates TLS.
        "BUURTBUDGET_TRUSTED_PROXIES": "1",
    }


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def wait_for(url: str, *, seconds: float = 60, headers: dict[str, str] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                urllib.request.Request(url, headers=headers or {}), timeout=2
            ) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer 200 within {seconds:.0f} s")


@contextmanager
def single_node(args: argparse.Namespace, env: dict[str, str], run_dir: Path) -> Iterator[Servers]:
    """One gunicorn, pages and votes in one pool, production settings: main before issue 19."""
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    command = [
        str(gunicorn),
        "config.wsgi:application",
        f"--bind=127.0.0.1:{args.port}",
        f"--workers={args.workers}",
        "--worker-class=gthread",
        f"--threads={args.threads}",
        "--backlog=2048",
        "--keep-alive=30",
        "--log-level=warning",
    ]
    with (run_dir / "gunicorn.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{args.port}/healthz")
        yield Servers(
            base_url=f"http://127.0.0.1:{args.port}",
            ca_file=None,
            forwarded=True,
            nodes=1,
            pids=lambda: {"node0": with_children([process.pid])},
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def topology(args: argparse.Namespace, run_dir: Path) -> Iterator[tuple[Servers, dict[str, str]]]:
    """The production topology (deploy/local) on the load's database; the nodes' environment."""
    from deploy.local import Topology

    with Topology(
        run_dir=run_dir,
        database_url=args.database_url,
        redis_url=args.redis_url,
        nodes=args.nodes,
        page_workers=args.page_workers,
        vote_workers=args.vote_workers,
        threads=args.threads_per_pool,
        https_port=HTTPS_PORT,
        http_port=HTTP_PORT,
        first_node_port=FIRST_NODE_PORT,
    ) as running:
        servers = Servers(
            base_url=running.base_url,
            ca_file=running.ca_file,
            forwarded=False,
            nodes=args.nodes,
            pids=running.pids,
        )
        yield servers, running.app_env


def node_roles(pids: Mapping[str, Sequence[int]]) -> dict[str, list[int]]:
    """The topology's roles, and each node's pools together ("node0-pages" + "node0-votes" → "node0")."""
    grouped: dict[str, list[int]] = {}
    for role, members in pids.items():
        key = role.split("-", 1)[0] if role.startswith("node") else role
        grouped.setdefault(key, []).extend(members)
        if role.startswith("node"):
            grouped.setdefault(role, []).extend(members)
    return grouped
