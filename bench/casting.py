"""Ballot-casting throughput through gunicorn on PostgreSQL, compared with pgbench running the same SQL.

Run: `.venv/bin/python bench/casting.py` (options: --help). Needs PostgreSQL at 127.0.0.1:5432 (user
postgres, trust), Redis at 127.0.0.1:6379 (database 3 is emptied), `pgbench` and `wrk`
(`apt-get install -y wrk postgresql-client`) and gunicorn (`pip install gunicorn`).

1. drops and creates the throw-away database ``buurtbudget_bench_cast``, migrates it, and makes an
   edition in its decision phase with 10 plans and N voters, their plain codes in a temp file;
2. starts gunicorn on a free port (DATABASE_URL, CONN_MAX_AGE and REDIS_URL set; prod settings);
   ``--database`` and ``--redis-url`` choose another throw-away database and Redis database;
3. warms up (with codes of its own), then runs wrk at 16 connections, each request with the next unused
   code (a first ballot), and reads ballots/s, the p50/p99 latency and the answers by status: 201 for
   a first ballot, 200 for a replacement. A wrk thread that runs out of codes starts over and counts
   every code it sends a second time: only those may be answered as replacements;
4. checks the database: exactly one ballot per voter that cast, every response 2xx, no server error,
   and, separately for the warm-up's and the measured run's voters, no voter cast more often than the
   load sent their code;
5. runs pgbench at 16 clients with the two statements a cast sends, each its own transaction (mark
   the voter: UPDATE … RETURNING; then upsert the sealed ballot: INSERT … ON CONFLICT, so the two
   rows never share a transaction id; pgbench finds the voter by id where the app uses the unique
   (edition, credential hash) index, and stores one ballot sealed in advance where the app seals
   each) and prints the ratio.

The markdown table goes to stdout (and, with --write, into docs/benchmarks.md between its
bench-casting markers). Steps 1, 2, 3 and 5 (the database, gunicorn, wrk and pgbench) are in
``bench/casting_load.py``; this file checks and reports.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.casting_load import (  # noqa: E402  (run as a script, the path starts at bench/)
    PG,
    free_port,
    prepare,
    recreate_database,
    require_tools,
    run_pgbench,
    run_wrk,
    start_gunicorn,
)

DB_NAME = "buurtbudget_bench_cast"
REDIS_URL = "redis://127.0.0.1:6379/3"
WARMUP_SECONDS = 3
# Codes per second of warm-up: more than any machine casts, so the warm-up never sends a code twice.
# (With 1,000 codes per second, a machine casting more than 1,000 ballots/s re-sent warm-up codes; the
# second cast of a code is a replacement, and the old check, over all voters, took it for a server
# that applied one POST twice: "a voter cast 2 times though no code was reused".)
WARMUP_CODES_PER_SECOND = 5000

START, END = "<!-- bench-casting:start -->", "<!-- bench-casting:end -->"


def verify(edition_id: int, warmup_from: int) -> dict[str, int]:
    """Exactly one ballot per voter that cast; casts per voter of the measured run (voter ids below
    ``warmup_from``) and of the warm-up (the rest), read in one statement, so in one snapshot."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM voting_voter WHERE edition_id = %(e)s AND ballots_cast > 0),"
            " (SELECT count(*) FROM voting_ballot WHERE edition_id = %(e)s),"
            " (SELECT coalesce(sum(ballots_cast), 0) FROM voting_voter WHERE edition_id = %(e)s),"
            " (SELECT coalesce(max(ballots_cast), 0) FROM voting_voter WHERE edition_id = %(e)s),"
            " (SELECT count(*) FROM voting_voter WHERE edition_id = %(e)s AND ballots_cast > 1"
            "  AND id < %(w)s),"
            " (SELECT coalesce(sum(ballots_cast - 1), 0) FROM voting_voter WHERE edition_id = %(e)s"
            "  AND ballots_cast > 1 AND id < %(w)s),"
            " (SELECT coalesce(sum(ballots_cast - 1), 0) FROM voting_voter WHERE edition_id = %(e)s"
            "  AND ballots_cast > 1 AND id >= %(w)s)",
            {"e": edition_id, "w": warmup_from},
        )
        cast, ballots, casts, most, twice, main_repeats, warmup_repeats = cursor.fetchone()
    if ballots != cast:
        sys.exit(f"FAILED: {ballots} ballots for {cast} voters who cast")
    return {
        "voters_cast": cast,
        "ballots": ballots,
        "casts": casts,
        "most": most,
        "main_voters_twice": twice,
        "main_repeats": main_repeats,
        "warmup_repeats": warmup_repeats,
    }


def casting_problems(warmup: dict[str, int], load: dict[str, int], after: dict[str, int]) -> list[str]:
    """What the answers and the database say went wrong: a replacement (200) or a second cast that the
    load generator did not cause by sending a code again, any answer other than 201/200."""
    problems = []
    for name, run, repeats in (
        ("warm-up", warmup, after["warmup_repeats"]),
        ("measured run", load, after["main_repeats"]),
    ):
        if run["replaced"] > run["reused"]:
            problems.append(
                f"{name}: {run['replaced']} answers were replacements (200) but only {run['reused']} "
                "requests re-sent a code: the server applied a POST twice"
            )
        if repeats > run["reused"]:
            problems.append(
                f"{name}: voters cast {repeats} times more than once but only {run['reused']} requests "
                "re-sent a code: the server applied a POST twice"
            )
        if run["other"]:
            problems.append(f"{name}: {run['other']} answers neither 201 nor 200")
    return problems


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(server_pid: int, db_name: str) -> tuple[float, float]:
    """CPU seconds used so far by the gunicorn workers and the bench database's PostgreSQL backends."""
    app = database = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == server_pid:
            app += _cpu_seconds(int(entry.name))
        elif cmdline.startswith("postgres:") and f" {db_name} " in cmdline:
            database += _cpu_seconds(int(entry.name))
    return app, database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=40_000, help="voters with codes (default 40000)")
    parser.add_argument("--seconds", type=int, default=25, help="wrk duration (default 25)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections / pgbench clients")
    parser.add_argument("--pgbench-seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4: two per core)")
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=2, help="threads per gthread worker (default 2)")
    parser.add_argument("--conn-max-age", type=int, default=600, help="CONN_MAX_AGE for the servers")
    parser.add_argument("--write", action="store_true", help="also write the table into docs/benchmarks.md")
    parser.add_argument(
        "--warmup-codes",
        type=int,
        default=WARMUP_SECONDS * WARMUP_CODES_PER_SECOND,
        help="codes for the warm-up (default: more than it can use; fewer make it re-send codes)",
    )
    parser.add_argument(
        "--database", default=DB_NAME, help=f"throw-away database, dropped and re-created (default {DB_NAME})"
    )
    parser.add_argument(
        "--redis-url", default=REDIS_URL, help=f"Redis database for the cache, emptied (default {REDIS_URL})"
    )
    return parser


def _server_env(args: argparse.Namespace) -> dict[str, str]:
    """The environment of the servers (and of this process, which prepares their database)."""
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{args.database}",
        "CONN_MAX_AGE": str(args.conn_max_age),
        "REDIS_URL": args.redis_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key"),
        "BUURTBUDGET_VOTING_KEY": os.environ.get("BUURTBUDGET_VOTING_KEY", "bench-only-voting-key"),
        # Production redirects plain HTTP to HTTPS; wrk stands in for the proxy that terminates TLS.
        "BUURTBUDGET_TRUSTED_PROXIES": "1",
    }


class Run(NamedTuple):
    """What the warm-up and the measured run answered, the database before and after the measured run,
    and the CPU seconds (app, PostgreSQL) around it. (A named tuple, not a dataclass: the tests load this
    file without registering it as a module, and a dataclass looks its module up.)"""

    warmup: dict[str, int]
    load: dict[str, int]
    before: dict[str, int]
    after: dict[str, int]
    cpu_before: tuple[float, float]
    cpu_after: tuple[float, float]


def _cast(
    args: argparse.Namespace,
    server: subprocess.Popen[bytes],
    values: dict[str, object],
    port: int,
    workdir: Path,
) -> Run:
    """Warm up, then cast for ``--seconds``; stop the server; check the database."""
    warmup_from = int(values["warmup_from"])  # type: ignore[call-overload]
    path = f"/api/v1/editions/{values['edition'].slug}/ballots"  # type: ignore[attr-defined]
    ballot = json.dumps({"main": values["chosen"]}, separators=(",", ":"))
    try:
        print(f"warming up {args.worker_class} ×{args.workers} (threads {args.threads}) …", file=sys.stderr)
        warmup = run_wrk(
            port, path, workdir / "warmup.txt", ballot, WARMUP_SECONDS, args.connections, workdir
        )
        time.sleep(1)  # let requests still in flight finish
        before = verify(values["eid"], warmup_from)  # type: ignore[arg-type]
        print(f"casting for {args.seconds} s at {args.connections} connections …", file=sys.stderr)
        cpu_before = cpu_seconds(server.pid, args.database)
        load = run_wrk(port, path, workdir / "codes.txt", ballot, args.seconds, args.connections, workdir)
        time.sleep(1)
        cpu_after = cpu_seconds(server.pid, args.database)
    finally:
        server.terminate()
        server.wait(timeout=30)
    after = verify(values["eid"], warmup_from)  # type: ignore[arg-type]
    return Run(warmup, load, before, after, cpu_before, cpu_after)


def _problems(run: Run, log: Path, voters: int) -> list[str]:
    """Non-2xx answers, socket and server errors, and the answers and casts nothing explains."""
    load = run.load
    server_errors = log.read_text(errors="replace").count("Internal Server Error")
    problems = []
    if load["status_errors"] or load["socket_errors"]:
        problems.append(f"{load['status_errors']} non-2xx responses, {load['socket_errors']} socket errors")
    if server_errors:
        problems.append(f"{server_errors} server errors in {log}")
    problems += casting_problems(run.warmup, load, run.after)
    if load["reused"]:
        print(
            f"note: {load['reused']} requests re-sent a code (more requests than --voters "
            f"{voters}): they are replacements, expected to be answered 200",
            file=sys.stderr,
        )
    return problems


def _table(args: argparse.Namespace, run: Run, tps: float) -> str:
    """The markdown paragraph and table (between the bench-casting markers with --write)."""
    load, before, after = run.load, run.before, run.after
    rate = load["requests"] / (load["duration_us"] / 1e6)
    new_casts = after["casts"] - before["casts"]
    app_ms = (run.cpu_after[0] - run.cpu_before[0]) * 1000 / max(new_casts, 1)
    db_ms = (run.cpu_after[1] - run.cpu_before[1]) * 1000 / max(new_casts, 1)
    load_average = Path("/proc/loadavg").read_text().split()[0]
    return "\n".join(
        [
            f"Measured with `.venv/bin/python bench/casting.py` on {date.today().isoformat()} "
            f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}): gunicorn "
            f"{args.worker_class} ×{args.workers}"
            + (f" ×{args.threads} threads" if args.worker_class == "gthread" else "")
            + f", CONN_MAX_AGE={args.conn_max_age}, Redis cache, PostgreSQL on the same machine; wrk "
            f"{args.connections} connections for {args.seconds} s, every request a first ballot with a fresh "
            f"code; pgbench {args.connections} clients for {args.pgbench_seconds} s running the SQL of one "
            "cast (two statements, each its own transaction: UPDATE … RETURNING marks the voter, then "
            "INSERT … ON CONFLICT upserts the sealed ballot). CPU per ballot: gunicorn workers and the bench "
            "database's PostgreSQL backends, "
            f"from /proc (load average {load_average} at the end: the machine is shared).",
            "",
            "| ballots/s | p50 ms | p90 ms | p99 ms | max ms | pgbench tps (same SQL) | ratio "
            "| app CPU ms/ballot | PostgreSQL CPU ms/ballot | answers: first (201) / replacement (200) "
            "| ballots checked |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {rate:.0f} | {load['p50_us'] / 1000:.1f} | {load['p90_us'] / 1000:.1f} | "
            f"{load['p99_us'] / 1000:.1f} | {load['max_us'] / 1000:.1f} | {tps:.0f} | {rate / tps:.2f} | "
            f"{app_ms:.2f} | {db_ms:.2f} | {load['created']} / {load['replaced']} | "
            f"{after['ballots'] - before['ballots']} new, one per voter |",
        ]
    )


def _checks(run: Run) -> str:
    """The line that says what passed."""
    load, warmup, after = run.load, run.warmup, run.after
    return (
        f"\nchecks: {load['requests']} requests, all 2xx, no server error; answers {load['created']} first "
        f"ballots (201), {load['replaced']} replacements (200) for {load['reused']} re-sent codes (warm-up: "
        f"{warmup['created']} / {warmup['replaced']} for {warmup['reused']}); {after['ballots']} ballots for "
        f"{after['voters_cast']} voters who cast (at most {after['most']} cast per voter)"
    )


def _write(table: str) -> None:
    """Put the table between the bench-casting markers of docs/benchmarks.md (or add the section)."""
    from bench.results_doc import put_table  # after the sys.path line above

    put_table(f"{START}\n{table}\n{END}", start=START, end=END, heading="Casting ballots (API)")


def main() -> int:
    args = _parser().parse_args()
    require_tools()
    workdir = Path(tempfile.mkdtemp(prefix="bench-casting-"))
    env = _server_env(args)
    os.environ.update(env)
    recreate_database(args.database)
    print(f"preparing {args.voters} voters in {args.database} …", file=sys.stderr)
    values = prepare(args.voters, args.warmup_codes, workdir)
    values["eid"] = values["edition"].pk  # type: ignore[attr-defined]
    port = free_port()
    log = workdir / "gunicorn.log"
    run = _cast(args, start_gunicorn(port, env, args, log), values, port, workdir)
    problems = _problems(run, log, args.voters)

    print(f"pgbench for {args.pgbench_seconds} s at {args.connections} clients …", file=sys.stderr)
    tps = run_pgbench(args.pgbench_seconds, args.connections, values, workdir, args.database)
    table = _table(args, run, tps)
    print(table)
    if problems:
        print("\nFAILED: " + "; ".join(problems))
        return 1
    print(_checks(run), file=sys.stderr)
    if args.write:
        _write(table)
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
