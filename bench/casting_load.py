"""The casting benchmark's load: the throw-away database, gunicorn, and the wrk and pgbench runs.

``bench/casting.py`` drives them and checks the results; its docstring says what a run does.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = "postgres://postgres@127.0.0.1:5432"

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

    from bench.reliability.world import PLAN_COSTS, add_voters
    from tests import factories
    from voting.models import Voter

    call_command("migrate", verbosity=0)
    cache.clear()  # Redis database 3: old rate-limit counters and cached editions
    edition, plans = factories.make_vote(
        plan_costs=PLAN_COSTS, total_budget_cents=sum(PLAN_COSTS) // 2, ballot_max_choices=5
    )
    plain = add_voters(edition, voters + warmup)
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
