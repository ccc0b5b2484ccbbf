"""What the suite's scripts share: the topology they start (options, run directory) and the report."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deploy.local import Topology  # noqa: E402  (the scripts run as files: the path starts at bench/)

# The suite's own database on the machine's PostgreSQL and its Redis database (the demo's
# `make prod-local` uses buurtbudget_prod and Redis database 10).
DATABASE = "buurtbudget_reliability"
REDIS_URL = "redis://127.0.0.1:6379/11"
RUN_DIR = ROOT / "var" / "reliability"


def topology_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every script takes for the topology it starts."""
    group = parser.add_argument_group("topology")
    group.add_argument(
        "--run-dir",
        type=Path,
        default=RUN_DIR,
        help="run directory (default var/reliability: kept, so the "
        "collected static files and certificates of an earlier run are reused)",
    )
    group.add_argument("--nodes", type=int, default=2)
    group.add_argument("--page-workers", type=int, default=2)
    group.add_argument("--vote-workers", type=int, default=2)
    group.add_argument("--threads", type=int, default=4)
    # Ports apart from `make prod-local`'s (8443, 8080, 8711–) so both can run at once.
    group.add_argument("--https-port", type=int, default=8739)
    group.add_argument("--http-port", type=int, default=8738)
    group.add_argument("--first-node-port", type=int, default=8721, help="node i: pages +2i, votes +2i+1")
    group.add_argument(
        "--private-services",
        action="store_true",
        help="own PostgreSQL cluster (port 5440) and redis-server (6390) instead of the machine's",
    )


def topology_from(args: argparse.Namespace, *, task_workers: int = 2) -> Topology:
    """The topology the options describe (not started)."""
    run_dir = args.run_dir
    database_url = None if args.private_services else f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    return Topology(
        run_dir=run_dir,
        database_url=database_url,
        redis_url=None if args.private_services else REDIS_URL,
        private_services=args.private_services,
        nodes=args.nodes,
        page_workers=args.page_workers,
        vote_workers=args.vote_workers,
        threads=args.threads,
        task_workers=task_workers,
        https_port=args.https_port,
        http_port=args.http_port,
        first_node_port=args.first_node_port,
    )


def machine() -> str:
    """One line about where and when a figure was measured (the machine is shared and noisy)."""
    load = Path("/proc/loadavg").read_text().split()[0]
    return (
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores shared, "
        f"Python {platform.python_version()}, load average {load} at the end"
    )


def statuses(totals: Mapping[int, int]) -> str:
    """ "201 ×50, 200 ×1550" (status 0: no answer)."""
    return (
        ", ".join(f"{status or 'no answer'} ×{count}" for status, count in sorted(totals.items())) or "none"
    )
