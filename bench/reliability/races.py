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
import http.client
import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.client import Client
from bench.reliability.common import machine, statuses, topology_arguments, topology_from
from bench.reliability.world import Answers
from deploy.local import Topology


def race(
    client: Client, path: str, vote_codes: list[str], casts: int, ballots: list[dict[str, list[int]]]
) -> tuple[Answers, float]:
    """Every code ``casts`` times at once; the answers and the seconds it took."""
    answers = Answers()
    jobs = [
        (code, ballots[(n + i) % len(ballots)]) for n, code in enumerate(vote_codes) for i in range(casts)
    ]
    barrier = threading.Barrier(len(jobs) + 1)
    lock, reopened = threading.Lock(), [0]

    def send(code: str, ballot: dict[str, list[int]]) -> None:
        body = json.dumps({"code": code, "ballot": ballot}).encode()
        status, receipt = 0, None
        try:
            # The request's headers leave before the barrier, its body after: nginx holds a request
            # until its body is complete (proxy_request_buffering), so the casts reach the nodes
            # together, and a connection waiting for its body is not closed as idle (15 s) as one
            # waiting for headers is, while 1,600 handshakes take their time on a loaded machine.
            connection = client.connection()
            connection.putrequest("POST", path)
            connection.putheader("Content-Type", "application/json")
            connection.putheader("Content-Length", str(len(body)))
            connection.endheaders()
        except (OSError, http.client.HTTPException):
            connection = None
        barrier.wait()
        if connection is not None:
            try:
                connection.send(body)
                answer = connection.getresponse()
                status, content = answer.status, answer.read()
                receipt = json.loads(content).get("receipt") if 200 <= status < 300 else None
            except (OSError, http.client.HTTPException, ValueError):
                status = 0
        if status == 0:
            # No connection, or the proxy closed it unused: sent once more on a new one. (A cast
            # applied twice would show: the stored casts must equal the 2xx answers.)
            client.close()
            with lock:
                reopened[0] += 1
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
    if reopened[0]:
        print(f"{reopened[0]} casts had no connection at the barrier: resent", file=sys.stderr)
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


TABLE_HEAD = (
    "| codes × casts | seconds | answers | ballots | voters marked | casts stored | most casts of one voter "
    "| answered by (vote pools) |\n|---|---:|---|---:|---:|---:|---:|---|"
)


def run(topology: Topology, *, codes: int = 50, casts: int = 32) -> tuple[str, list[str]]:
    """The race against a started topology: (its table row, the problems found)."""
    from bench.reliability import world

    world.connect(topology.app_env)
    vote = world.make_vote(voters=codes)
    ballots = [vote.ballot(n) for n in range(10)]
    client = Client(topology.base_url, ca_file=topology.ca_file, timeout=60)
    access_log = topology.logs_dir / "nginx-access.log"
    since = access_log.stat().st_size if access_log.exists() else 0
    print(f"{codes} codes × {casts} casts at once …", file=sys.stderr)
    answers, seconds = race(client, vote.api_path(), list(vote.codes), casts, ballots)
    time.sleep(0.5)  # the proxy writes its log lines after the answers
    spread = upstreams(access_log, since) if access_log.exists() else Counter()
    counted = world.tally(vote.edition_id)
    problems = world.check_casts(vote, answers)
    by_status = answers.by_status()
    if sum(by_status.values()) != codes * casts:
        problems.append(f"{codes * casts - sum(by_status.values())} casts got no answer recorded")
    if any(status < 200 or status >= 300 for status in by_status):
        problems.append(f"answers not 2xx: {statuses(by_status)}")
    if by_status.get(201, 0) != codes:
        problems.append(f"{by_status.get(201, 0)} first ballots (201) for {codes} codes")
    if counted.ballots != codes or counted.voters_marked != codes:
        problems.append(f"{counted.ballots} ballots, {counted.voters_marked} voters marked, {codes} codes")
    if counted.casts != sum(n for s, n in by_status.items() if 200 <= s < 300):
        problems.append(f"{counted.casts} casts stored for {by_status} answers")
    if topology.nodes > 1 and len(spread) < 2:
        problems.append(f"the casts did not reach every node: {dict(spread)}")
    row = (
        f"| {codes} × {casts} | {seconds:.1f} | {statuses(by_status)} | {counted.ballots} | "
        f"{counted.voters_marked} | {counted.casts} | {counted.most_casts} | "
        + ", ".join(f"{address} ×{n}" for address, n in sorted(spread.items()))
        + " |"
    )
    return row, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=50)
    parser.add_argument("--casts", type=int, default=32, help="concurrent casts per code (default 32)")
    topology_arguments(parser)
    args = parser.parse_args()
    topology = topology_from(args, task_workers=0)
    print(f"starting the topology in {topology.run_dir} …", file=sys.stderr)
    with topology:
        row, problems = run(topology, codes=args.codes, casts=args.casts)
    print(f"{TABLE_HEAD}\n{row}\n\n({machine()})")
    if problems:
        print("FAILED: " + "; ".join(problems))
        return 1
    print("passed: exactly one ballot per code, every answer 2xx, every 2xx counted once", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
