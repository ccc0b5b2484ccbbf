"""Outages: PostgreSQL restarted or stopped and Redis stopped or frozen while residents cast and browse.

Run: ``.venv/bin/python bench/reliability/outages.py`` (``--help``; ``--short`` for CI). Starts the
topology with its private services (deploy/local: its own PostgreSQL cluster on port 5441 and
redis-server on 6391, which this script breaks), makes a vote, and keeps ``--clients`` threads busy
through the proxy over HTTPS: casts through the API, each with a fresh code, and the public pages
(home, the vote's plan list and code page). Each scenario has three phases, each answer is recorded
with the phase it was sent in:

- ``pg-restart``: PostgreSQL restarted at once (``pg_ctl restart``, fast shutdown);
- ``pg-stop-5s``: PostgreSQL stopped for 5 s (immediate shutdown: as if it crashed), then started;
- ``redis-stop``: redis-server stopped (SIGTERM) for 5 s, then started;
- ``redis-freeze``: redis-server frozen (SIGSTOP) for 5 s, then thawed: it keeps its connections
  and answers nothing, the worst case for a client without a read timeout.

What must hold (issue 18 §3, issue 19 §1–2), else the script exits 1:

- never a 500 (nor 502/504: the proxy's answer for a node that died or hung), in any phase;
- a 503 always carries ``Retry-After``, and on the API it is JSON;
- after PostgreSQL is back, no failure at all (persistent connections are health-checked);
- with Redis stopped or frozen, voting goes on and the pages still serve (no 5xx during either);
- every acknowledged (2xx) cast is in the database, none twice (``world.check_casts``).

The table (answers by status per scenario and phase) is what docs/reliability.md records.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.client import Client
from bench.reliability.common import machine
from bench.reliability.world import Answers, Vote
from deploy.local import Topology

PHASES = ("before", "during", "after")
# The load's own ports and private services (docs/reliability.md; the other scripts use the defaults).
HTTPS_PORT, HTTP_PORT, FIRST_NODE_PORT, PG_PORT, REDIS_PORT = 8765, 8766, 8780, 5441, 6391


@dataclass
class Recorded:
    """Every answer of a scenario: status counts per phase and kind, and what 503s carried."""

    by_phase: dict[str, Counter[str]] = field(default_factory=lambda: {p: Counter() for p in PHASES})
    without_retry_after: int = 0
    api_503_not_json: int = 0
    slowest_ms: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PHASES, 0.0))
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, phase: str, kind: str, status: int, headers: dict[str, str], ms: float) -> None:
        with self.lock:
            self.by_phase[phase][f"{kind} {status or 'no answer'}"] += 1
            self.slowest_ms[phase] = max(self.slowest_ms[phase], ms)
            if status == 503:
                if "retry-after" not in headers:
                    self.without_retry_after += 1
                if kind == "cast" and "json" not in headers.get("content-type", ""):
                    self.api_503_not_json += 1

    def count(self, phase: str, test: Callable[[str, int], bool]) -> int:
        """Answers of ``phase`` whose kind and status pass ``test``."""
        total = 0
        for key, n in self.by_phase[phase].items():
            kind, _, status = key.partition(" ")
            if test(kind, int(status) if status.isdigit() else 0):
                total += n
        return total


class Load:
    """``clients`` threads casting (fresh codes, API) and browsing, labelling answers with the phase."""

    def __init__(self, client: Client, vote: Vote, *, clients: int) -> None:
        self.client, self.vote, self.clients = client, vote, clients
        self.answers = Answers()
        self.codes = iter(vote.codes)
        self.codes_lock = threading.Lock()
        self.phase = "before"
        self.recorded = Recorded()
        self.stopping = threading.Event()
        self.pages = ["/", f"/plannen/?edition={vote.slug}", vote.start_path()]

    def next_code(self) -> str | None:
        with self.codes_lock:
            return next(self.codes, None)

    def work(self, number: int) -> None:
        turn = 0
        while not self.stopping.is_set():
            turn += 1
            phase = self.phase
            started = time.monotonic()
            if turn % 3:  # two casts for each page
                code = self.next_code()
                if code is None:
                    return
                status, headers, content = self.client.request(
                    "POST",
                    self.vote.api_path(),
                    body={"code": code, "ballot": self.vote.ballot(number + turn)},
                )
                receipt = None
                if 200 <= status < 300:
                    try:
                        receipt = json.loads(content)["receipt"]
                    except (ValueError, KeyError, TypeError):
                        receipt = None
                self.answers.record(code, status, receipt)
                kind = "cast"
            else:
                status, headers, _ = self.client.request("GET", self.pages[turn % len(self.pages)])
                kind = "page"
            self.recorded.add(phase, kind, status, headers, 1000 * (time.monotonic() - started))
            if status == 0 or status >= 500:
                time.sleep(0.05)  # a client backing off a little, as the Retry-After asks

    def run(self, scenario: Callable[[], None], *, before: float, after: float) -> None:
        threads = [threading.Thread(target=self.work, args=(n,), daemon=True) for n in range(self.clients)]
        for thread in threads:
            thread.start()
        time.sleep(before)
        self.phase = "during"
        scenario()
        self.phase = "after"
        time.sleep(after)
        self.stopping.set()
        for thread in threads:
            thread.join(timeout=60)


def scenarios(topology: Topology, outage: float) -> dict[str, Callable[[], None]]:
    """What each scenario breaks, and how long; each returns once the service is back."""

    def redis_stopped() -> None:
        topology.stop_redis()
        time.sleep(outage)
        topology.start_redis()

    def redis_frozen() -> None:
        topology.freeze_redis()
        time.sleep(outage)
        topology.thaw_redis()

    return {
        "pg-restart": lambda: topology.restart_postgres(down_seconds=0),
        "pg-stop-5s": lambda: topology.restart_postgres(down_seconds=outage, immediate=True),
        "redis-stop": redis_stopped,
        "redis-freeze": redis_frozen,
    }


def problems_of(name: str, recorded: Recorded) -> list[str]:
    """What went wrong in one scenario, by the rules in this module's docstring."""
    found: list[str] = []
    for phase in PHASES:
        bad = recorded.count(phase, lambda _kind, status: status >= 500 and status != 503)
        if bad:
            found.append(f"{name}, {phase}: {bad} answers 500/502/504")
    if recorded.without_retry_after:
        found.append(f"{name}: {recorded.without_retry_after} answers 503 without Retry-After")
    if recorded.api_503_not_json:
        found.append(f"{name}: {recorded.api_503_not_json} API answers 503 that are not JSON")
    failed_after = recorded.count("after", lambda _kind, status: not 200 <= status < 300)
    if failed_after:
        found.append(f"{name}, after: {failed_after} answers that are not 2xx once the service was back")
    if name.startswith("redis"):
        failed = recorded.count("during", lambda _kind, status: not 200 <= status < 300)
        if failed:
            found.append(f"{name}, during: {failed} casts or pages failed while Redis was away")
    return found


def table(results: dict[str, Recorded]) -> str:
    """Markdown: answers by kind and status per scenario and phase, and the slowest answer."""
    lines = ["| scenario | phase | answers (kind status ×n) | slowest (ms) |", "|---|---|---|---|"]
    for name, recorded in results.items():
        for phase in PHASES:
            counts = ", ".join(f"{key} ×{n}" for key, n in sorted(recorded.by_phase[phase].items())) or "none"
            lines.append(f"| {name} | {phase} | {counts} | {recorded.slowest_ms[phase]:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--short", action="store_true", help="3 s before, 5 s after, two scenarios (CI)")
    parser.add_argument("--only", nargs="*", help="scenarios to run (default: all)")
    parser.add_argument("--clients", type=int, default=8, help="sending threads (default 8)")
    parser.add_argument("--outage", type=float, default=5.0, help="seconds a service stays away (5)")
    parser.add_argument("--run-dir", type=Path)
    args = parser.parse_args(argv)
    before, after = (3.0, 5.0) if args.short else (5.0, 10.0)
    run_dir = args.run_dir or Path(tempfile.mkdtemp(prefix="buurtbudget-outages-"))
    print(f"starting the topology with private services in {run_dir} …", file=sys.stderr)
    results: dict[str, Recorded] = {}
    problems: list[str] = []
    with Topology(
        run_dir=run_dir,
        private_services=True,
        nodes=2,
        page_workers=1,
        vote_workers=1,
        threads=4,
        task_workers=1,
        https_port=HTTPS_PORT,
        http_port=HTTP_PORT,
        first_node_port=FIRST_NODE_PORT,
        pg_port=PG_PORT,
        redis_port=REDIS_PORT,
    ) as topology:
        from bench.reliability import world

        world.connect(topology.app_env)
        from django.db import connections

        client = Client(topology.base_url, ca_file=topology.ca_file, timeout=30)
        chosen = scenarios(topology, args.outage)
        names = args.only or (["pg-stop-5s", "redis-freeze"] if args.short else list(chosen))
        for name in names:
            connections.close_all()  # this process's own connection may not have survived the last one
            vote = world.make_vote(voters=20_000)
            load = Load(client, vote, clients=args.clients)
            print(f"{name} …", file=sys.stderr)
            load.run(chosen[name], before=before, after=after)
            results[name] = load.recorded
            problems += problems_of(name, load.recorded)
            connections.close_all()
            problems += [f"{name}: {problem}" for problem in world.check_casts(vote, load.answers)]
    print(f"Measured {machine()}.\n")
    print(table(results))
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
