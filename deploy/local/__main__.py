"""``python -m deploy.local up``: the production topology with the demo, in the foreground (make prod-local).

Uses the machine's PostgreSQL (database ``buurtbudget_prod``; ``--fresh`` drops and re-creates it)
and Redis database 10, loads the demo into a new database, prints the address and the CA file, and
runs until Ctrl-C, which stops everything it started. ``nginx-config`` prints the proxy's site
configuration for given servers (docs/deploy.md).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from .nginx import Site, request_body_max_bytes
from .preparation import ensure_database
from .processes import ROOT
from .topology import DEFAULT_DATABASE, SHARED_POSTGRES, Topology

# The demo's administrator (demo/content/accounts.py, SUPERUSER), the scheduler's account here.
DEMO_SCHEDULER_ACCOUNT = "beheer@demo.buurtbudget.nl"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m deploy.local", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="start the topology with the demo; Ctrl-C stops it")
    up.add_argument(
        "--run-dir", type=Path, default=ROOT / "var" / "prod-local", help="default var/prod-local"
    )
    up.add_argument(
        "--fresh", action="store_true", help=f"drop and re-create the database {DEFAULT_DATABASE}"
    )
    up.add_argument(
        "--database", default=DEFAULT_DATABASE, help=f"database name (default {DEFAULT_DATABASE})"
    )
    up.add_argument("--nodes", type=int, default=2)
    up.add_argument("--page-workers", type=int, default=2, help="gunicorn workers of each node's page pool")
    up.add_argument("--vote-workers", type=int, default=2, help="gunicorn workers of each node's vote pool")
    up.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    up.add_argument("--task-workers", type=int, default=2)
    up.add_argument("--https-port", type=int, default=8443)
    up.add_argument("--http-port", type=int, default=8080)
    config = commands.add_parser("nginx-config", help="print the nginx site for real servers")
    config.add_argument(
        "--pages", nargs="+", required=True, help="page pools, e.g. 10.0.0.11:8000 10.0.0.12:8000"
    )
    config.add_argument(
        "--votes", nargs="+", required=True, help="vote pools, e.g. 10.0.0.11:8001 10.0.0.12:8001"
    )
    config.add_argument("--static-root", type=Path, default=Path("/srv/buurtbudget/static"))
    config.add_argument("--media-root", type=Path, default=Path("/srv/buurtbudget/media"))
    config.add_argument("--certificate", type=Path, required=True)
    config.add_argument("--certificate-key", type=Path, required=True)
    config.add_argument("--server-name", default="_")
    return parser


def up(args: argparse.Namespace) -> int:
    """Start, load the demo into a new database, print how to reach it, wait for Ctrl-C."""
    database_url = f"{SHARED_POSTGRES}/{args.database}"
    import psycopg

    with psycopg.connect(f"{SHARED_POSTGRES}/postgres", autocommit=True) as connection:
        existed = bool(
            connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database]).fetchone()
        )
    ensure_database(database_url, fresh=args.fresh)
    topology = Topology(
        run_dir=args.run_dir,
        database_url=database_url,
        nodes=args.nodes,
        page_workers=args.page_workers,
        vote_workers=args.vote_workers,
        threads=args.threads,
        task_workers=args.task_workers,
        https_port=args.https_port,
        http_port=args.http_port,
        # The scheduler publishes due verdicts and results in the name of the demo's administrator.
        env={"BUURTBUDGET_SCHEDULER_ACCOUNT": DEMO_SCHEDULER_ACCOUNT},
    )
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    print(f"starting in {topology.run_dir} (logs in {topology.logs_dir}) …", flush=True)
    try:
        topology.start()
        if args.fresh or not existed:
            print("loading the demo …", flush=True)
            _load_demo(topology)
        _print_ready(topology)
        while not stopping:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        print("stopping …", flush=True)
        topology.stop()
    return 0


def _load_demo(topology: Topology) -> None:
    """``manage.py load_demo``: its summary (accounts, voting codes) here, its log lines to the log."""
    import subprocess

    with (topology.logs_dir / "load_demo.log").open("ab") as log:
        done = subprocess.run(
            [sys.executable, "manage.py", "load_demo", "--allow-production"],
            cwd=ROOT,
            env=topology.app_env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    print(done.stdout, flush=True)
    if done.returncode != 0:
        raise RuntimeError(f"load_demo failed; see {topology.logs_dir / 'load_demo.log'}")


def _print_ready(topology: Topology) -> None:
    nodes = ", ".join(
        f"node{i} pages {page} votes {vote}"
        for i, (page, vote) in enumerate(zip(topology.node_urls, topology.vote_urls, strict=True))
    )
    print(
        "\n".join(
            [
                "",
                f"Buurtbudget (production settings) at {topology.base_url}/",
                f"  TLS by a local CA: {topology.ca_file}",
                f"  e.g. curl --cacert {topology.ca_file} {topology.base_url}/healthz",
                "  (a browser warns about the certificate unless you import the CA file)",
                f"  plain HTTP on http://127.0.0.1:{topology.http_port}/ redirects there",
                f"  app nodes, direct: {nodes}",
                f"  database {topology.database_url}, cache {topology.redis_url}",
                f"  logs in {topology.logs_dir}, mail in {topology.run_dir / 'mail'}",
                "Ctrl-C stops everything.",
            ]
        ),
        flush=True,
    )


def nginx_config(args: argparse.Namespace) -> int:
    """Print the site configuration for real servers (listening on 443 and 80)."""
    site = Site(
        page_servers=args.pages,
        vote_servers=args.votes,
        static_root=args.static_root,
        media_root=args.media_root,
        certificate=args.certificate,
        certificate_key=args.certificate_key,
        client_max_body_size=request_body_max_bytes(),
        server_name=args.server_name,
    )
    print(site.render())
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "up":
        return up(args)
    return nginx_config(args)


if __name__ == "__main__":
    sys.exit(main())
