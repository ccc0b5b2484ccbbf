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
bench-casting markers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DB_NAME = "buurtbudget_bench_cast"
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/3"
PLAN_COSTS = (900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 150_000, 100_000)
WARMUP_SECONDS = 3
# Codes per second of warm-up: more than any machine casts, so the warm-up never sends a code twice.
# (With 1,000 codes per second, a machine casting more than 1,000 ballots/s re-sent warm-up codes; the
# second cast of a code is a replacement, and the old check, over all voters, took it for a server
# that applied one POST twice: "a voter cast 2 times though no code was reused".)
WARMUP_CODES_PER_SECOND = 5000

WRK_SCRIPT = r"""
-- One POST per request, each with the next code of this thread's share of the codes file. A thread that
-- has used all its codes starts over and counts every code it sends again ("reused"): the server must
-- answer those as replacements (200), and every other one as a first ballot (201).
local codes, counter, sent = {}, 0, 0
created, replaced, other, reused = 0, 0, 0, 0
local threads = {}
next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
function init(args)
  path, ballot = args[1], args[3]
  local nthreads, i = tonumber(args[4]), 0
  for line in io.lines(args[2]) do
    if i % nthreads == id then codes[#codes + 1] = line end
    i = i + 1
  end
  wrk.headers["Content-Type"] = "application/json"
  -- wrk plays the TLS-terminating reverse proxy production settings expect (one trusted proxy)
  wrk.headers["X-Forwarded-Proto"] = "https"
end
function request()
  sent = sent + 1
  if sent > #codes then reused = reused + 1 end
  counter = counter % #codes + 1
  return wrk.format("POST", path, nil, '{"code":"' .. codes[counter] .. '","ballot":' .. ballot .. '}')
end
function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then replaced = replaced + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local e = summary.errors
  local sums = {created = 0, replaced = 0, other = 0, reused = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(sums) do sums[name] = sums[name] + thread:get(name) end
  end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"status_errors":%d,"socket_errors":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"created":%d,"replaced":%d,"other":%d,"reused":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    sums.created, sums.replaced, sums.other, sums.reused))
end
"""

START, END = "<!-- bench-casting:start -->", "<!-- bench-casting:end -->"

PGBENCH_SCRIPT = """\
\\set vid random(:vmin, :vmax)
UPDATE voting_voter SET channel = 'online', ballots_cast = ballots_cast + 1 WHERE edition_id = :eid AND id = :vid AND revoked_at IS NULL AND channel IN ('', 'online') AND EXISTS (SELECT 1 FROM editions_phase WHERE edition_id = :eid AND kind = 'decision' AND starts_at <= now() AND ends_at > now()) RETURNING ballots_cast;
INSERT INTO voting_ballot (id, edition_id, slot, sealed, receipt) SELECT gen_random_uuid(), :eid, md5(:vid::text), decode(':sealed', 'hex'), 'PGBEN-CH000' WHERE EXISTS (SELECT 1 FROM editions_phase WHERE edition_id = :eid AND kind = 'decision' AND starts_at <= now() AND ends_at > now()) AND EXISTS (SELECT 1 FROM voting_ballotbox WHERE edition_id = :eid) ON CONFLICT (edition_id, slot) DO UPDATE SET sealed = excluded.sealed, receipt = excluded.receipt;
"""  # noqa: E501


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def require_tools() -> None:
    missing = [tool for tool in ("wrk", "pgbench") if shutil.which(tool) is None]
    if missing:
        sys.exit(f"missing {', '.join(missing)}: apt-get install -y wrk postgresql-client")
    if not (ROOT / ".venv" / "bin" / "gunicorn").exists() and shutil.which("gunicorn") is None:
        sys.exit("missing gunicorn: .venv/bin/pip install gunicorn (it is in pyproject's dependencies)")


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def prepare(voters: int, warmup: int, workdir: Path) -> dict[str, object]:
    """Migrate, make the edition and its voters; write the codes; return what the load needs."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from common import codes
    from tests import factories
    from voting.models import Voter, VoterKind

    call_command("migrate", verbosity=0)
    cache.clear()  # Redis database 3: old rate-limit counters and cached editions
    edition, plans = factories.make_vote(
        plan_costs=PLAN_COSTS, total_budget_cents=sum(PLAN_COSTS) // 2, ballot_max_choices=5
    )
    plain = [codes.new_code() for _ in range(voters + warmup)]
    Voter.objects.bulk_create(
        (
            Voter(
                edition=edition,
                kind=VoterKind.CODE,
                credential_hash=codes.credential_hash(codes.normalise(c)),
            )
            for c in plain
        ),
        batch_size=5000,
    )
    (workdir / "codes.txt").write_text("\n".join(plain[:voters]) + "\n")
    (workdir / "warmup.txt").write_text("\n".join(plain[voters:]) + "\n")
    ids = list(Voter.objects.filter(edition=edition).order_by("pk").values_list("pk", flat=True))
    chosen = [plans[0].pk, plans[4].pk, plans[9].pk]
    from voting.services.ballot_box import public_key_for, seal_ballot

    sealed = seal_ballot(edition, {"main": sorted(chosen)}, public_key=public_key_for(edition)).hex()
    # voters are created in the order of ``plain``: the measured run's first, then the warm-up's
    return {
        "edition": edition,
        "chosen": chosen,
        "vmin": ids[0],
        "vmax": ids[-1],
        "sealed": sealed,
        "warmup_from": ids[voters],
    }


def start_gunicorn(
    port: int, env: dict[str, str], args: argparse.Namespace, log: Path
) -> subprocess.Popen[bytes]:
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    command = [
        str(gunicorn) if gunicorn.exists() else "gunicorn",
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        f"--worker-class={args.worker_class}",
        f"--threads={args.threads}",
        "--backlog=2048",
        "--keep-alive=30",
        "--log-level=warning",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit(f"gunicorn did not come up; see {log}")


def run_wrk(
    port: int, path: str, codes_file: Path, ballot: str, seconds: int, connections: int, workdir: Path
) -> dict[str, int]:
    script = workdir / "cast.lua"
    script.write_text(WRK_SCRIPT)
    threads = 2
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout=5s",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}",
        "--",
        path,
        str(codes_file),
        ballot,
        str(threads),
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^WRKJSON (.*)$", out, re.MULTILINE)
    if not match:
        sys.exit(f"wrk printed no summary:\n{out}")
    summary: dict[str, int] = json.loads(match.group(1))
    return summary


def run_pgbench(seconds: int, clients: int, values: dict[str, object], workdir: Path, database: str) -> float:
    script = workdir / "cast.sql"
    script.write_text(PGBENCH_SCRIPT)
    sealed = str(values["sealed"])  # one sealed ballot (hex), as casting stores them
    command = [
        "pgbench",
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "-n",
        f"-c{clients}",
        "-j2",
        f"-T{seconds}",
        "-f",
        str(script),
        "-D",
        f"eid={values['eid']}",
        "-D",
        f"vmin={values['vmin']}",
        "-D",
        f"vmax={values['vmax']}",
        "-D",
        f"sealed={sealed}",
        database,
    ]
    out = subprocess.run(command, capture_output=True, text=True)
    match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out.stdout)
    if out.returncode != 0 or not match:
        sys.exit(f"pgbench failed:\n{out.stdout}\n{out.stderr}")
    failed = re.search(r"number of failed transactions: (\d+)", out.stdout)
    if failed and int(failed.group(1)):
        sys.exit(f"pgbench had failed transactions:\n{out.stdout}")
    return float(match.group(1))


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


def main() -> int:
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
    args = parser.parse_args()

    require_tools()
    workdir = Path(tempfile.mkdtemp(prefix="bench-casting-"))
    env = {
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
    os.environ.update(env)
    recreate_database(args.database)
    print(f"preparing {args.voters} voters in {args.database} …", file=sys.stderr)
    values = prepare(args.voters, args.warmup_codes, workdir)
    warmup_from = int(values["warmup_from"])  # type: ignore[call-overload]
    edition = values["edition"]
    values["eid"] = edition.pk  # type: ignore[attr-defined]
    path = f"/api/v1/editions/{edition.slug}/ballots"  # type: ignore[attr-defined]
    ballot = json.dumps({"main": values["chosen"]}, separators=(",", ":"))

    port = free_port()
    log = workdir / "gunicorn.log"
    server = start_gunicorn(port, env, args, log)
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
    server_errors = log.read_text(errors="replace").count("Internal Server Error")
    problems = []
    if load["status_errors"] or load["socket_errors"]:
        problems.append(f"{load['status_errors']} non-2xx responses, {load['socket_errors']} socket errors")
    if server_errors:
        problems.append(f"{server_errors} server errors in {log}")
    problems += casting_problems(warmup, load, after)
    if load["reused"]:
        print(
            f"note: {load['reused']} requests re-sent a code (more requests than --voters "
            f"{args.voters}): they are replacements, expected to be answered 200",
            file=sys.stderr,
        )

    print(f"pgbench for {args.pgbench_seconds} s at {args.connections} clients …", file=sys.stderr)
    tps = run_pgbench(args.pgbench_seconds, args.connections, values, workdir, args.database)

    rate = load["requests"] / (load["duration_us"] / 1e6)
    new_casts = after["casts"] - before["casts"]
    app_ms = (cpu_after[0] - cpu_before[0]) * 1000 / max(new_casts, 1)
    db_ms = (cpu_after[1] - cpu_before[1]) * 1000 / max(new_casts, 1)
    load_average = Path("/proc/loadavg").read_text().split()[0]
    table = "\n".join(
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
    print(table)
    if problems:
        print("\nFAILED: " + "; ".join(problems))
        return 1
    print(
        f"\nchecks: {load['requests']} requests, all 2xx, no server error; answers {load['created']} first "
        f"ballots (201), {load['replaced']} replacements (200) for {load['reused']} re-sent codes (warm-up: "
        f"{warmup['created']} / {warmup['replaced']} for {warmup['reused']}); {after['ballots']} ballots for "
        f"{after['voters_cast']} voters who cast (at most {after['most']} cast per voter)",
        file=sys.stderr,
    )
    if args.write:
        doc = ROOT / "docs" / "benchmarks.md"
        text = doc.read_text(encoding="utf-8")
        section = f"{START}\n{table}\n{END}"
        if START in text and END in text:
            head, rest = text.split(START, 1)
            text = head + section + rest.split(END, 1)[1]
        else:
            text = text.rstrip() + "\n\n## Casting ballots (API)\n\n" + section + "\n"
        doc.write_text(text, encoding="utf-8")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
