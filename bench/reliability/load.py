"""The load: locust's residents (80 % browsing, 20 % voting; or the letters' burst) against the servers.

Run: ``.venv/bin/python -m bench.reliability.load`` (``--help``). Three ways to reach servers:

- ``--topology`` (default when ``deploy/local`` is there): starts the production topology
  (``deploy.local.Topology``: TLS proxy, two nodes each with a page pool and a vote pool, task
  workers, the scheduler) on a throw-away database and measures through the proxy over HTTPS;
- ``--single-node``: one gunicorn with production settings and no proxy, as main stood before issue 19
  (one pool for pages and votes): the "before" of docs/reliability.md;
- ``--url URL --database-url URL``: servers someone else started (their voting key in
  ``BUURTBUDGET_VOTING_KEY``); no CPU figures unless ``--pids`` names their processes.

It prepares the world (a vote with fresh codes, a counted result, the demo with ``--demo``), fetches
each public page once (only those answering 200 are browsed), runs locust headless for ``--duration``
seconds (600; ``--short``: 60, for CI), then reports requests/s, the p50/p95/p99 of votes (every request
that checks a code or casts: web and API) and of pages, the error rate and answers by status, the
ballots against the acknowledged casts (every 2xx cast present, no voter twice, no ballot more than
voters marked), and the CPU seconds per request per node read from /proc. It exits 1 if a ballot is
missing or doubled, and with ``--strict`` also if a target of issue 19 §4 is missed (vote p95 < 300 ms,
p99 < 1 s, errors < 0.1 %, ≥ 200 requests/s per node).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.reliability.loadfigures import Report, read_samples, summarise  # noqa: E402
from bench.reliability.loadservers import (  # noqa: E402
    PG,
    Servers,
    node_roles,
    recreate_database,
    server_env,
    single_node,
    topology,
)
from bench.reliability.proc import CpuMeter, cpu_seconds  # noqa: E402

DATABASE = "h_load_bench"
REDIS_URL = "redis://127.0.0.1:6379/13"
SINGLE_NODE_PORT = 8761
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


# --- the run ----------------------------------------------------------------------------------------


def locust_command() -> list[str]:
    """Locust from the project's virtualenv (a dev dependency), or the one ``LOCUST`` names."""
    named = os.environ.get("LOCUST")
    for candidate in (named, str(ROOT / ".venv" / "bin" / "locust"), shutil.which("locust")):
        if candidate and Path(candidate).exists():
            return [candidate]
    raise SystemExit("locust is missing: `make install` (a dev dependency), or LOCUST=/path/to/locust")


def run_locust(
    *,
    servers: Servers,
    targets_file: Path,
    run_dir: Path,
    profile: str,
    users: int,
    seconds: int,
    spawn_rate: float,
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {
        **os.environ,
        "LOAD_TARGETS": str(targets_file),
        "LOAD_PROFILE": profile,
        "LOAD_SAMPLES": str(run_dir / f"{profile}-samples.csv"),
        "LOAD_ACKNOWLEDGED": str(run_dir / f"{profile}-acknowledged.txt"),
        "LOAD_CA_FILE": str(servers.ca_file or ""),
    }
    command = [
        *locust_command(),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        servers.base_url,
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(run_dir / profile),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    # The load generator shares the two cores: its CPU is reported so a reader can see what it took.
    before = _reaped_children_cpu()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _ = process.communicate()
    load_cpu = _reaped_children_cpu() - before
    return subprocess.CompletedProcess(command, process.returncode, out, ""), load_cpu


def _reaped_children_cpu() -> float:
    """CPU seconds of this process's reaped children so far (locust, once it ended)."""
    times = os.times()
    return times.children_user + times.children_system


def codes_needed(profile: str, users: int, seconds: int) -> int:
    """More codes than the voters can use: a voter casts at most one ballot per second or two."""
    voters = users // 5 if profile == "mixed" else users * 9 // 10
    per_second = 1.0 if profile == "mixed" else 2.0
    return int(voters * seconds * per_second) + 1000


def measure(args: argparse.Namespace, servers: Servers, run_dir: Path, profile: str) -> Report:
    from bench.reliability import loadworld, world

    seconds = args.duration if profile == "mixed" else args.burst_duration
    vote = world.make_vote(voters=codes_needed(profile, args.users, seconds))
    codes_file = run_dir / f"{profile}-codes.txt"
    codes_file.write_text("\n".join(vote.codes) + "\n")
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.0.0.1"} if servers.forwarded else {}
    pages = loadworld.reachable(
        loadworld.candidate_pages(), base_url=servers.base_url, headers=forwarded, ca_file=servers.ca_file
    )
    targets_file = run_dir / f"{profile}-targets.json"
    targets_file.write_text(
        json.dumps(
            loadworld.targets(vote=vote, pages=pages, codes_file=codes_file, forwarded=servers.forwarded)
        )
    )
    spawn_rate = args.spawn_rate or (args.users / 20 if profile == "mixed" else args.users / 3)
    print(
        f"{profile}: {args.users} users for {seconds} s against {servers.base_url} "
        f"({sum(len(v) for v in pages.values())} pages)",
        flush=True,
    )
    meter = CpuMeter(node_roles(servers.pids()))
    database_before = _postgres_cpu()
    finished, load_cpu = run_locust(
        servers=servers,
        targets_file=targets_file,
        run_dir=run_dir,
        profile=profile,
        users=args.users,
        seconds=seconds,
        spawn_rate=spawn_rate,
    )
    cpu = meter.stop(node_roles(servers.pids()))
    cpu["postgresql"] = _postgres_cpu() - database_before
    cpu["load generator"] = load_cpu
    (run_dir / f"{profile}-locust.log").write_text(finished.stdout)
    samples_file = run_dir / f"{profile}-samples.csv"
    if not samples_file.exists():
        raise SystemExit(f"locust wrote no samples (exit {finished.returncode}):\n{finished.stdout[-3000:]}")
    acknowledged = (run_dir / f"{profile}-acknowledged.txt").read_text().split()
    ballots = loadworld.check_ballots(vote=vote, acknowledged=acknowledged)
    return summarise(
        samples=read_samples(samples_file),
        profile=profile,
        setup=args.setup_name,
        users=args.users,
        nodes=servers.nodes,
        cpu=cpu,
        ballots=ballots,
    )


def _postgres_cpu() -> float:
    """CPU seconds of the PostgreSQL server processes (its backends serve every node)."""
    total = 0.0
    for status in Path("/proc").glob("[0-9]*/comm"):
        try:
            if status.read_text().strip() in {"postgres", "postmaster"}:
                total += cpu_seconds(int(status.parent.name))
        except OSError:
            continue
    return total


def prepare_database(args: argparse.Namespace, *, env: dict[str, str], migrate: bool = True) -> None:
    """Migrate the throw-away database (unless the topology did), with the demo's content if asked, and
    a counted result. Django is set up here with the servers' environment (their voting key)."""
    from bench.reliability import world

    world.connect(env)
    from django.core.cache import cache
    from django.core.management import call_command

    from bench.reliability import loadworld
    from tests import factories

    # The factories number their slugs and e-mail addresses from 1 in every process: a second run on
    # the same database would make "stadsdeel-2" again. Numbers from the clock are new every run.
    factories._sequence = itertools.count(int(time.time()))

    if migrate:
        call_command("migrate", verbosity=0)
        # Production settings serve hashed static names from STATIC_ROOT's manifest (the topology
        # collects them itself; the single node needs them here).
        call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()  # the servers' Redis database: no old rate-limit counters or cached pages
    if args.demo:
        call_command("load_demo", "--allow-production", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    loadworld.make_result()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--topology", action="store_true", help="start deploy/local's topology (default)")
    where.add_argument(
        "--single-node", action="store_true", help="one gunicorn, no proxy: main before issue 19"
    )
    where.add_argument("--url", help="servers someone else started (with --database-url)")
    parser.add_argument(
        "--database-url", help="their database (--url), or the topology's (default: a throw-away one)"
    )
    parser.add_argument("--redis-url", default=REDIS_URL, help=f"the servers' cache (default {REDIS_URL})")
    parser.add_argument("--ca-file", type=Path, help="verify --url's TLS against this CA")
    parser.add_argument("--profile", choices=("mixed", "burst", "both"), default="both")
    parser.add_argument("--duration", type=int, default=600, help="seconds of load per profile (default 600)")
    parser.add_argument("--burst-duration", type=int, default=120, help="seconds of the letters' burst (120)")
    parser.add_argument("--short", action="store_true", help="60 s of mixed load and 30 s of burst, for CI")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=0.0, help="users started per second")
    parser.add_argument("--demo", action="store_true", help="load the Amsterdam demo first (realistic pages)")
    parser.add_argument("--nodes", type=int, default=2, help="the topology's app nodes")
    parser.add_argument("--page-workers", type=int, default=2, help="the topology's page pool per node")
    parser.add_argument("--vote-workers", type=int, default=2, help="the topology's vote pool per node")
    parser.add_argument("--threads-per-pool", type=int, default=4, help="the topology's threads per worker")
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="--single-node: pages rendered every time, as before issue 19",
    )
    parser.add_argument("--workers", type=int, default=4, help="--single-node: gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="--single-node: threads per worker")
    parser.add_argument("--port", type=int, default=SINGLE_NODE_PORT, help="--single-node's port")
    parser.add_argument("--run-dir", type=Path, help="where samples, logs and report.json go")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed too")
    args = parser.parse_args(argv)
    if args.short:
        args.duration, args.burst_duration = 60, 30
    return args


def run(running: Any, args: argparse.Namespace) -> tuple[str, list[str]]:
    """The load as a part of the whole suite (``python -m bench.reliability``) on a started topology:
    its tables and its problems (a ballot missing or doubled; with ``--strict`` a missed target)."""
    args.duration = 60 if getattr(args, "short", False) else getattr(args, "load_seconds", 600)
    args.burst_duration = 30 if getattr(args, "short", False) else 120
    args.users, args.spawn_rate, args.demo = getattr(args, "users", 200), 0.0, False
    args.setup_name = f"topology: proxy, {running.nodes} nodes (page and vote pools)"
    prepare_database(args, env=running.app_env, migrate=False)
    servers = Servers(
        base_url=running.base_url,
        ca_file=running.ca_file,
        forwarded=False,
        nodes=running.nodes,
        pids=running.pids,
    )
    run_dir = Path(running.run_dir) / "load"
    run_dir.mkdir(parents=True, exist_ok=True)
    reports = [measure(args, servers, run_dir, profile) for profile in ("mixed", "burst")]
    problems = [f"{r.profile}: ballots wrong ({r.ballots})" for r in reports if not r.ballots_ok]
    if getattr(args, "strict", False):
        problems += [
            f"{r.profile}: missed {name}" for r in reports for name, met in r.targets.items() if not met
        ]
    return "\n".join(f"### {r.profile}\n\n{r.table()}" for r in reports), problems


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="buurtbudget-load-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    profiles = ["mixed", "burst"] if args.profile == "both" else [args.profile]
    reports: list[Report] = []
    if args.url:
        if not args.database_url:
            raise SystemExit("--url needs --database-url (to make the vote and check its ballots)")
        prepare_database(args, env=server_env(args.database_url, args.redis_url))
        args.setup_name = f"servers at {args.url}"
        servers = Servers(args.url, args.ca_file, forwarded=args.url.startswith("http:"), nodes=1, pids=dict)
        reports = [measure(args, servers, run_dir, p) for p in profiles]
    elif args.single_node or not (ROOT / "deploy" / "local").is_dir():
        database_url = args.database_url or f"{PG}/{DATABASE}"
        if not args.database_url:
            recreate_database(DATABASE)
        env = server_env(database_url, args.redis_url)
        if args.no_page_cache:
            env["PAGE_CACHE_SECONDS"] = "0"  # docs/page-cache.md: 0 renders every page
        prepare_database(args, env=env)
        cache = "no page cache" if args.no_page_cache else "page cache"
        args.setup_name = (
            f"one node, one pool of {args.workers} workers × {args.threads} threads, {cache}, no proxy"
        )
        with single_node(args, env, run_dir) as servers:
            reports = [measure(args, servers, run_dir, p) for p in profiles]
    else:
        if not args.database_url:
            recreate_database(DATABASE)
            args.database_url = f"{PG}/{DATABASE}"
        with topology(args, run_dir) as (servers, env):
            prepare_database(args, env=env, migrate=False)
            args.setup_name = f"topology: proxy, {args.nodes} nodes (page and vote pools)"
            reports = [measure(args, servers, run_dir, p) for p in profiles]
    (run_dir / "report.json").write_text(json.dumps([asdict(r) for r in reports], indent=2, default=str))
    for report in reports:
        print(f"\n### {report.profile}\n\n{report.table()}")
    print(f"samples, locust's CSV and report.json: {run_dir}")
    broken = [r.profile for r in reports if not r.ballots_ok]
    if broken:
        print(f"BALLOTS WRONG in {', '.join(broken)}: see the table", file=sys.stderr)
        return 1
    if args.strict and not all(all(r.targets.values()) for r in reports):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
