"""Cross-node races: 50 codes, each cast 32 times at once through the proxy → exactly 50 ballots, no 5xx.

Run: `.venv/bin/python bench/reliability/races.py` (options: --help). Starts the topology
(deploy/local: nginx with TLS, two app nodes with a vote pool each, on the machine's PostgreSQL,
database ``buurtbudget_reliability``, and Redis database 11), makes a vote with ``--codes`` voters,
and opens ``--codes × --casts`` HTTPS connections to the proxy (verifying its CA), each with a TLS
handshake done in advance; then every thread waits at one barrier and all of them POST a ballot at
once, so the 32 casts of a code arrive together and nginx spreads them over both nodes' vote pools.

Passes when: every answer is 2xx (one 201 per code, the others 200 "replaced": a voter may change
their ballot), the database holds exactly one ballot per code (``--codes`` in all), each voter's
cast count equals its 2xx answers (no POST applied twice, none lost), every answer came from a node
(the proxy's log shows both nodes' vote pools answering).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.client import Client
from bench.reliability.common import machine, statuses, topology_arguments, topology_from


def race(client: Client, path: str, vote_codes: list[str], casts: int, ballots: list[dict[str, list[int]]]):  # type: ignore[no-untyped-def]
    """Every code ``casts`` times at once; the answers (an ``Answers``) and the seconds it took."""
    from bench.reliability.world import Answers

    answers = Answers()
    jobs = [
        (code, ballots[(n + i) % len(ballots)]) for n, code in enumerate(vote_codes) for i in range(casts)
    ]
    barrier = threading.Barrier(len(jobs) + 1)

    def send(code: str, ballot: dict[str, list[int]]) -> None:
        with contextlib.suppress(OSError):
            client.connection()  # the TLS handshake before the barrier: the casts leave together
        barrier.wait()
        status, receipt = client.cast(path, code, ballot)
        answers.record(code, status, receipt)
        client.close()

    threads = [threading.Thread(target=send, args=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join(timeout=120)
    return answers, time.monotonic() - started


def upstreams(access_log: Path, since: int) -> Counter[str]:
    """Answers per upstream (node vote pool) in the proxy's log, from byte ``since`` on."""
    counted: Counter[str] = Counter()
    with access_log.open("rb") as log:
        log.seek(since)
        for line in log.read().decode(errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "POST":
                counted[parts[1]] += 1
    return counted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=50)
    parser.add_argument("--casts", type=int, default=32, help="concurrent casts per code (default 32)")
    topology_arguments(parser)
    args = parser.parse_args()
    topology = topology_from(args, task_workers=0)
    print(f"starting the topology in {topology.run_dir} …", file=sys.stderr)
    with topology:
        from bench.reliability import world

        world.connect(topology.app_env)
        vote = world.make_vote(voters=args.codes)
        ballots = [vote.ballot(n) for n in range(10)]
        client = Client(topology.base_url, ca_file=topology.ca_file, timeout=60)
        access_log = topology.logs_dir / "nginx-access.log"
        since = access_log.stat().st_size if access_log.exists() else 0
        print(f"{args.codes} codes × {args.casts} casts at once …", file=sys.stderr)
        answers, seconds = race(client, vote.api_path(), list(vote.codes), args.casts, ballots)
        time.sleep(0.5)  # the proxy writes its log lines after the answers
        spread = upstreams(access_log, since) if access_log.exists() else Counter()
        counted = world.tally(vote.edition_id)
        problems = world.check_casts(vote, answers)
    by_status = answers.by_status()
    sent = args.codes * args.casts
    if sum(by_status.values()) != sent:
        problems.append(f"{sent - sum(by_status.values())} casts got no answer recorded")
    if any(status < 200 or status >= 300 for status in by_status):
        problems.append(f"answers not 2xx: {statuses(by_status)}")
    if by_status.get(201, 0) != args.codes:
        problems.append(f"{by_status.get(201, 0)} first ballots (201) for {args.codes} codes")
    if counted.ballots != args.codes:
        problems.append(f"{counted.ballots} ballots for {args.codes} codes")
    if counted.casts != sum(n for s, n in by_status.items() if 200 <= s < 300):
        problems.append(f"{counted.casts} casts stored for {by_status} answers")
    if args.nodes > 1 and len(spread) < 2:
        problems.append(f"the casts did not reach every node: {dict(spread)}")
    print(
        f"| {args.codes} × {args.casts} | {seconds:.1f} | {statuses(by_status)} | {counted.ballots} | "
        f"{counted.voters_marked} | {counted.casts} | {counted.most_casts} | "
        + ", ".join(f"{address} ×{n}" for address, n in sorted(spread.items()))
        + " |"
    )
    print(f"({machine()})")
    if problems:
        print("FAILED: " + "; ".join(problems))
        return 1
    print("passed: exactly one ballot per code, every answer 2xx, every 2xx counted once", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
