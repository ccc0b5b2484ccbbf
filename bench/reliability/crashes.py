"""Crashes: kill -9 of an app node, of a task worker, and of the workers mid-count, during casting.

Run: `.venv/bin/python bench/reliability/crashes.py` (options: --help; `--short` for CI: one round
of 300 casts). Starts the topology (deploy/local: the proxy, two app nodes, two task workers; the
machine's PostgreSQL, database ``buurtbudget_reliability``, Redis database 11) and makes two votes:
an open one with a fresh code for every cast, and a closed one with ``--count-ballots`` sealed
ballots to count. Its reference result is counted first, in this process, without any fault.

Each of ``--rounds`` rounds sends ``--casts`` casts through the proxy over HTTPS (``--senders``
threads, each code once) and, at random moments of the round (after a random share of the casts):

1. ``kill -9`` of a random app node (both pools, masters and workers at once), restarted 0.5–2 s later;
2. ``kill -9`` of a random task worker, restarted 0.5–1.5 s later;
3. a count of the closed vote queued through the services (``start_count``): once a worker has
   claimed it, a random 0–300 ms later, ``kill -9`` of every task worker, so the one counting dies
   mid-count; the workers restart, the stale count is recovered (the operations app's
   ``recover_counts`` where it exists, as its scheduler job does once the count is stale; before
   that: the count is marked failed and started again, as an official does), and the count that
   finishes must give the reference result: the same plans chosen in every section, from the same
   number of ballots.

After each round the database must hold every acknowledged (2xx) ballot under the receipt its answer
gave, and no voter twice (no more ballots than voters marked; each voter's casts at most its
attempts). Casts whose answer was an error (the node died with them) may or may not be stored, and a
node that died between casting's two transactions leaves a voter marked without a ballot (by design:
voting/services/casting.py); the report counts both. Then every cast that got no 2xx is sent once
more, as its voter would after Retry-After, with the cast's Idempotency-Key (``cast_key``): a cast
stored but not acknowledged gets its first answer back instead of casting again. Each must now be
acknowledged, and ballots = voters marked.
"""

from __future__ import annotations

import argparse
import hashlib
import queue
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.reliability.client import Client, receipt_of
from bench.reliability.common import machine, statuses, topology_arguments, topology_from
from deploy.local import Topology

COUNT_TIMEOUT_SECONDS = 300.0


@dataclass
class Round:
    """What one round did and found."""

    number: int
    events: list[str] = field(default_factory=list)
    by_status: dict[int, int] = field(default_factory=dict)
    acknowledged: int = 0
    stored: int = 0
    stored_unacknowledged: int = 0
    marked_without_ballot: int = 0
    retries: dict[str, int] = field(default_factory=dict)
    count: str = ""
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def tally(labels: dict[str, int]) -> str:
    """ "201 ×5, 201 replayed ×2" (or "none")."""
    return ", ".join(f"{label} ×{count}" for label, count in sorted(labels.items())) or "none"


def cast_key(code: str) -> str:
    """The Idempotency-Key of a code's cast, the same on its retry (docs/api.md): a retry of a cast
    whose answer was lost in a crash gets that first answer back instead of casting again."""
    return hashlib.sha256(f"crash-round {code}".encode()).hexdigest()[:32]


def send_casts(client: Client, vote: Any, codes: list[str], senders: int, progress: list[int]) -> Any:
    """Cast each code once from ``senders`` threads; ``progress[0]`` counts the casts answered."""
    from bench.reliability.world import Answers

    answers = Answers()
    work: queue.Queue[tuple[int, str]] = queue.Queue()
    for number, code in enumerate(codes):
        work.put((number, code))
    lock = threading.Lock()

    def sender() -> None:
        while True:
            try:
                number, code = work.get_nowait()
            except queue.Empty:
                client.close()
                return
            status, receipt = client.cast(vote.api_path(), code, vote.ballot(number), key=cast_key(code))
            answers.record(code, status, receipt)
            with lock:
                progress[0] += 1

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def wait_for_progress(progress: list[int], target: int, done: threading.Event) -> None:
    while progress[0] < target and not done.is_set():
        time.sleep(0.01)


def crash_node(topology: Topology, rng: random.Random, report: Round) -> None:
    node = rng.randrange(topology.nodes)
    topology.kill_node(node)
    down = rng.uniform(0.5, 2.0)
    report.events.append(f"node{node} killed, down {down:.1f} s")
    time.sleep(down)
    topology.start_node(node)


def crash_worker(topology: Topology, rng: random.Random, report: Round) -> None:
    index = rng.randrange(topology.task_workers)
    topology.kill_worker(index)
    down = rng.uniform(0.5, 1.5)
    report.events.append(f"worker{index} killed, down {down:.1f} s")
    time.sleep(down)
    topology.start_worker(index)


def crash_count(
    topology: Topology, counted: Any, reference: dict[str, Any], rng: random.Random, report: Round
) -> None:
    """Queue a count, kill every worker once one claimed it, restart them, recover, compare."""
    from accounts.models import User
    from bench.reliability import world
    from editions.models import Edition
    from outcomes.models import Count, CountStatus
    from outcomes.services import start_count

    edition = Edition.objects.get(pk=counted.edition_id)
    official = User.objects.get(pk=counted.official_id)
    count = start_count(edition=edition, by=official, shares=counted.shares)
    deadline = time.monotonic() + COUNT_TIMEOUT_SECONDS
    while Count.objects.filter(pk=count.pk, status=CountStatus.QUEUED).exists():
        if time.monotonic() > deadline:
            report.problems.append("no worker claimed the count")
            return
        time.sleep(0.005)
    time.sleep(rng.uniform(0, 0.3))
    for index in range(topology.task_workers):
        topology.kill_worker(index)
    state = Count.objects.values_list("status", "progress").get(pk=count.pk)
    report.events.append(f"count {count.pk}: workers killed at {state[0]} {state[1]} %")
    for index in range(topology.task_workers):
        topology.start_worker(index)
    finished = count.pk
    if state[0] == CountStatus.RUNNING:
        finished = recover(count.pk, edition=edition, official=official, shares=counted.shares, report=report)
    while not Count.objects.filter(pk=finished, status__in=[CountStatus.DONE, CountStatus.FAILED]).exists():
        if time.monotonic() > deadline:
            report.problems.append(f"count {finished} did not finish after the restart")
            return
        time.sleep(0.2)
    result = world.count_result(finished)
    report.count = f"count {finished} {result['status']}" + (
        " (same result)" if result == reference else " (DIFFERENT result)"
    )
    if result != reference:
        report.problems.append(f"the recovered count differs from the reference: {result} != {reference}")


def recover(count_id: int, *, edition: Any, official: Any, shares: tuple[str, ...], report: Round) -> int:
    """Recover a count whose worker died; the id of the count that will finish.

    With the operations app's ``recover_counts`` (issue 18 §2) the same count is queued again, as its
    scheduler job does once the count is stale (the moment is advanced past the staleness limit
    instead of waiting for it). Without it, today's way: the count is marked failed, as
    ``start_count`` does with a count running past ``STALE_AFTER``, and an official starts it again.
    """
    from django.conf import settings
    from django.utils import timezone

    try:
        from operations.workers.recovery import (  # type: ignore[import-not-found,unused-ignore]
            recover_counts,
        )
    except ImportError:
        from outcomes.models import Count, CountStatus
        from outcomes.services import start_count

        Count.objects.filter(pk=count_id, status=CountStatus.RUNNING).update(
            status=CountStatus.FAILED, finished_at=timezone.now(), error="worker killed (reliability suite)"
        )
        again = start_count(edition=edition, by=official, shares=shares)
        report.events.append(
            f"count {count_id} marked failed, count {again.pk} started again (no recover_counts)"
        )
        return again.pk
    minutes = int(getattr(settings, "COUNT_STALE_AFTER_MINUTES", 30))
    recovered = recover_counts(at=timezone.now() + timedelta(minutes=minutes, seconds=1))
    report.events.append(f"recover_counts queued {len(recovered)} count(s) again")
    return count_id


def reference_result(counted: Any) -> dict[str, Any]:
    """The closed vote counted once here, without faults: what every recovered count must give."""
    from accounts.models import User
    from bench.reliability import world
    from editions.models import Edition
    from outcomes.services import compute_outcome, start_count

    edition = Edition.objects.get(pk=counted.edition_id)
    official = User.objects.get(pk=counted.official_id)
    count = start_count(edition=edition, by=official, shares=counted.shares, background=False)
    return world.count_result(compute_outcome(count=count).pk)


def run_round(
    number: int,
    topology: Topology,
    vote: Any,
    codes: list[str],
    counted: Any,
    reference: dict[str, Any],
    args: Any,
) -> Round:
    from bench.reliability import world

    report = Round(number=number)
    rng = random.Random(args.seed * 1000 + number)
    client = Client(topology.base_url, ca_file=topology.ca_file, timeout=60)
    progress = [0]
    done = threading.Event()
    faults = [
        ("node", lambda: crash_node(topology, rng, report)),
        ("worker", lambda: crash_worker(topology, rng, report)),
        ("count", lambda: crash_count(topology, counted, reference, rng, report)),
    ]

    def inject(target: int, fault: Any) -> None:
        wait_for_progress(progress, target, done)
        if not done.is_set():
            try:
                fault()
            except Exception as error:  # a fault that could not be injected is a failed round
                report.problems.append(f"fault failed: {error!r}")

    injectors = [
        threading.Thread(
            target=inject, args=(int(len(codes) * rng.uniform(0.1, 0.7)), fault), name=name, daemon=True
        )
        for name, fault in faults
    ]
    started = time.monotonic()
    for thread in injectors:
        thread.start()
    answers = send_casts(client, vote, codes, args.senders, progress)
    report.seconds = time.monotonic() - started
    for thread in injectors:
        thread.join(timeout=COUNT_TIMEOUT_SECONDS)
    done.set()
    for node in range(topology.nodes):
        topology.start_node(node)  # a node killed near the end is back before the next round
    report.by_status = answers.by_status()
    report.acknowledged = len(answers.acknowledged())
    stored = world.stored_for(vote.edition_id, codes)
    report.stored = sum(1 for s in stored.values() if s.receipt is not None)
    report.stored_unacknowledged = report.stored - report.acknowledged
    report.problems += world.check_casts(vote, answers)
    if len(answers.statuses) != len(codes):
        report.problems.append(f"{len(codes) - len(answers.statuses)} codes were never sent")
    retry_unacknowledged(client, vote, codes, answers, report)
    return report


def retry_unacknowledged(client: Client, vote: Any, codes: list[str], answers: Any, report: Round) -> None:
    """Cast once more every code whose cast got no 2xx (as its voter would, after Retry-After, with
    the same Idempotency-Key), with every node back: each must now be acknowledged, and then
    ballots = voters marked again."""
    from bench.reliability import world

    unacknowledged = [
        code for code in codes if not any(200 <= s < 300 for s in answers.statuses.get(code, []))
    ]
    marked = world.tally(vote.edition_id)
    report.marked_without_ballot = marked.voters_marked - marked.ballots
    for code in unacknowledged:
        ballot = vote.ballot(vote.codes.index(code))
        status, headers, content = client.request(
            "POST",
            vote.api_path(),
            body={"code": code, "ballot": ballot},
            headers={"Idempotency-Key": cast_key(code)},
        )
        answers.record(code, status, receipt_of(status, content))
        # A retry answered with the first answer (its cast was stored, the answer lost) says so.
        replayed = headers.get("idempotent-replayed") == "true"
        label = "no answer" if status == 0 else f"{status} replayed" if replayed else str(status)
        report.retries[label] = report.retries.get(label, 0) + 1
    client.close()
    report.problems += world.check_casts(vote, answers)
    after = world.tally(vote.edition_id)
    if after.ballots != after.voters_marked:
        report.problems.append(
            f"after the retries {after.ballots} ballots for {after.voters_marked} voters marked"
        )


TABLE_HEAD = (
    "| round | casts | seconds | answers | acknowledged | stored | stored, answer lost "
    "| marked, no ballot | retries answered | count | result |\n"
    "|---:|---:|---:|---|---:|---:|---:|---:|---|---|---|"
)


def run(topology: Topology, args: argparse.Namespace) -> tuple[str, list[str]]:
    """The crash rounds against a started topology: (their table rows and totals, the problems)."""
    from bench.reliability import world

    world.connect(topology.app_env)
    vote = world.make_vote(voters=args.rounds * args.casts)
    counted = world.make_counted_edition(ballots=args.count_ballots, seed=args.seed)
    print("counting the reference result …", file=sys.stderr)
    reference = reference_result(counted)
    rounds: list[Round] = []
    for number in range(args.rounds):
        codes = list(vote.codes[number * args.casts : (number + 1) * args.casts])
        report = run_round(number + 1, topology, vote, codes, counted, reference, args)
        rounds.append(report)
        print(f"round {report.number}: {'; '.join(report.events)}", file=sys.stderr)
    final = world.tally(vote.edition_id)
    rows = [
        f"| {report.number} | {args.casts} | {report.seconds:.1f} | {statuses(report.by_status)} | "
        f"{report.acknowledged} | {report.stored} | {report.stored_unacknowledged} | "
        f"{report.marked_without_ballot} | {tally(report.retries)} | {report.count} | "
        f"{'FAILED' if report.problems else 'passed'} |"
        for report in rounds
    ]
    events = [f"round {report.number}: {'; '.join(report.events)}." for report in rounds]
    totals = (
        f"All rounds: {final.ballots} ballots for {final.voters_marked} voters marked "
        f"(at most {final.most_casts} cast per voter)."
    )
    problems = [f"round {r.number}: {p}" for r in rounds for p in r.problems]
    if final.ballots != final.voters_marked:  # every unacknowledged cast was retried
        problems.append(f"{final.ballots} ballots for {final.voters_marked} voters marked")
    return "\n".join([TABLE_HEAD, *rows, "", *events, "", totals]), problems


def arguments(parser: argparse.ArgumentParser) -> None:
    """The crash rounds' options (also the suite runner's: bench/reliability/__main__.py)."""
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--casts", type=int, default=2000, help="casts per round (default 2000)")
    parser.add_argument("--senders", type=int, default=16, help="threads sending casts (default 16)")
    parser.add_argument("--count-ballots", type=int, default=50_000, help="ballots of the counted vote")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--short", action="store_true", help="for CI: one round of 300 casts, 10,000 ballots")


def shorten(args: argparse.Namespace) -> None:
    if args.short:
        args.rounds, args.casts, args.count_ballots = 1, 300, 10_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments(parser)
    topology_arguments(parser)
    args = parser.parse_args()
    shorten(args)
    topology = topology_from(args, task_workers=2)
    print(f"starting the topology in {topology.run_dir} …", file=sys.stderr)
    with topology:
        report, problems = run(topology, args)
    print(f"{report}\n({machine()})")
    if problems:
        print("FAILED: " + "; ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
