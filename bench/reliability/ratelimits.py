"""Rate limits at a polling station (issue 19 §6): a kiosk behind NAT keeps casting while wrong codes arrive.

Run: `.venv/bin/python -m bench.reliability.ratelimits` (options: --help). The traffic, all at once,
every request saying its client address in ``X-Forwarded-For`` (the app trusts one proxy):

- **the polling station**: two kiosks behind one NAT address (198.51.100.10) cast valid codes as a
  kiosk does — check the code (``POST …/voter``), then cast with an ``Idempotency-Key`` — and
  between two voters someone at the station mistypes twice: that address goes over its limit of
  wrong codes (20 per 10 minutes) early in the run and stays over it;
- **the flood**: 120 other addresses × 22 wrong codes each (2,640 in a few seconds: every one of
  them over its own limit, and everyone together over the global limit of 2,000 a minute);
- **bystanders**: 60 voters with valid codes, each from an untouched address, spread over the flood.

Before issue 12 a valid code from an address over its limit got 429 for 9–10 minutes (12 of 12),
and the flood made 10 of 60 bystanders' casts fail. The check here: **every valid cast answers
201**, every code check 200, while the wrong codes answer 403 and then 429 (the limits did trip,
or the run proves nothing); no 5xx, no lost connection.

Without ``--base-url`` the script starts its own gunicorn (production settings, two workers with
four threads, ``BUURTBUDGET_TRUSTED_PROXIES=1``) on a throw-away PostgreSQL database with Redis
database 6 as the cache (emptied first). With ``--base-url`` it sends the traffic there and makes
the vote in ``--database-url`` (run it with the nodes' environment: their BUURTBUDGET_VOTING_KEY).
Through the topology's proxy every request arrives from the proxy's one address (nginx sets
X-Forwarded-For itself): that is the whole city behind one NAT, the harshest case for valid codes;
pointed at a node directly (trusting one proxy), the addresses are the simulated ones.

``run`` is what tests/api/test_rate_limits_at_a_polling_station.py calls against a live server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.reliability.ratelimitreport import KIOSK_ADDRESS as KIOSK_ADDRESS
from bench.reliability.ratelimitreport import Report as Report
from bench.reliability.ratelimitreport import Shape as Shape
from bench.reliability.ratelimittraffic import PER_CLIENT_LIMIT as PER_CLIENT_LIMIT
from bench.reliability.ratelimittraffic import Sender, Traffic
from bench.reliability.ratelimittraffic import wrong_code as wrong_code

ROOT = Path(__file__).resolve().parents[2]
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "buurtbudget_bench_ratelimits"
REDIS_URL = "redis://127.0.0.1:6379/6"
PORT = 8630
ELSEWHERE = 1_500  # wrong codes counted by other nodes at the run's start (see ``run``)
GLOBAL_WINDOW_SECONDS = 60  # VOTING_FAILURES_GLOBAL's default window
PLAN_COSTS = (900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 150_000, 100_000)


def run(
    *,
    base_url: str,
    slug: str,
    valid_codes: Sequence[str],
    ballot: dict[str, list[int]],
    shape: Shape = Shape(),  # noqa: B008  (a frozen dataclass, as when it was defined here)
    ca_file: Path | None = None,
    align: bool = True,
    elsewhere: int = 0,
) -> Report:
    """Send the polling station's, the flood's and the bystanders' traffic at once; every answer.

    ``align``: start at the beginning of a global-limit window (waiting up to a minute), so the
    flood's 2,640 wrong codes fall into one window and trip the global limit even on a slow machine
    (the limit counts per fixed minute: a run straddling two could stay under it in both).
    ``elsewhere``: wrong codes that other app nodes counted at the start of that minute, added to
    the shared counters (Django must be set up with the servers' cache). A loaded machine cannot
    send 2,000 wrong codes a minute through one small node; a city's nodes together can, and the
    global counter is theirs together.
    """
    if len(valid_codes) < shape.valid_codes_needed:
        raise ValueError(f"{shape.valid_codes_needed} valid codes needed, {len(valid_codes)} given")
    report = Report(counted_elsewhere=elsewhere)
    traffic = Traffic(
        Sender(base_url, ca_file=ca_file),
        slug=slug,
        valid_codes=valid_codes,
        ballot=ballot,
        shape=shape,
        report=report,
    )
    work = traffic.spread()
    if align:
        time.sleep(GLOBAL_WINDOW_SECONDS - time.time() % GLOBAL_WINDOW_SECONDS + 0.05)
    if elsewhere:
        _count_elsewhere(elsewhere)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=shape.threads + shape.kiosks) as pool:
        futures = [pool.submit(traffic.kiosk, n) for n in range(shape.kiosks)]
        futures += [pool.submit(task, number) for task, number in work]
        for future in futures:
            future.result()
    report.seconds = time.perf_counter() - started
    return report


def _count_elsewhere(elsewhere: int) -> None:
    """Wrong codes other app nodes counted at the start of the minute, in the shared counters."""
    from common.code_guard import count_failure

    for number in range(elsewhere):  # as many addresses, each under its own limit
        count_failure(f"192.0.2.{number % 200 + 1}" if number < 200 else f"10.77.{number // 200}.1")


# --- Standing up a server and a vote (without --base-url) -------------------------------------------


def make_vote(voters: int) -> tuple[str, list[str], dict[str, list[int]], int]:
    """An open vote with ``voters`` fresh codes in the configured database: (slug, codes, a valid
    ballot, edition id). Django must be set up with the servers' environment (their voting key)."""
    import itertools

    from common import codes
    from tests import factories
    from voting.models import Voter, VoterKind

    factories._sequence = itertools.count(int(time.time() * 1000))  # a kept database: fresh names
    edition, plans = factories.make_vote(
        plan_costs=PLAN_COSTS, total_budget_cents=sum(PLAN_COSTS) // 2, ballot_max_choices=5
    )
    plain = [codes.new_code() for _ in range(voters)]
    Voter.objects.bulk_create(
        Voter(edition=edition, kind=VoterKind.CODE, credential_hash=codes.credential_hash(codes.normalise(c)))
        for c in plain
    )
    return edition.slug, plain, {"main": sorted([plans[0].pk, plans[4].pk])}, edition.pk


def database_check(edition_id: int, expected: int) -> list[str]:
    """The database holds one ballot per valid code cast and each voter counted once."""
    from voting.models import Ballot, Voter

    ballots = Ballot.objects.filter(edition_id=edition_id).count()
    marked = Voter.objects.filter(edition_id=edition_id, ballots_cast__gt=0)
    found = []
    if ballots != expected or marked.count() != expected:
        found.append(f"{ballots} ballots and {marked.count()} voters marked for {expected} valid casts")
    if marked.filter(ballots_cast__gt=1).exists():
        found.append("a voter was counted more than once")
    return found


def _server_env(database: str, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": redis_url,
        "CONN_MAX_AGE": "60",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key"),
        "BUURTBUDGET_VOTING_KEY": os.environ.get("BUURTBUDGET_VOTING_KEY", "bench-only-voting-key"),
        "BUURTBUDGET_TRUSTED_PROXIES": "1",
    }


def _start_gunicorn(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    command = [
        str(gunicorn) if gunicorn.exists() else "gunicorn",
        "config.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--threads=4",
        "--keep-alive=30",
        "--log-level=warning",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=1) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit(f"gunicorn did not come up; see {log}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="send the traffic here (default: start a gunicorn)")
    parser.add_argument("--ca-file", type=Path, help="verify HTTPS against this CA (the topology's)")
    parser.add_argument("--database-url", help="with --base-url: the nodes' database, where the vote is made")
    parser.add_argument("--port", type=int, default=PORT, help=f"own gunicorn's port (default {PORT})")
    parser.add_argument(
        "--redis-url", default=REDIS_URL, help=f"own gunicorn's cache, emptied (default {REDIS_URL})"
    )
    parser.add_argument("--flood-addresses", type=int, default=Shape.flood_addresses)
    parser.add_argument("--wrong-per-address", type=int, default=Shape.wrong_per_flood_address)
    parser.add_argument("--bystanders", type=int, default=Shape.bystanders)
    parser.add_argument("--casts-per-kiosk", type=int, default=Shape.casts_per_kiosk)
    parser.add_argument(
        "--elsewhere",
        type=int,
        default=ELSEWHERE,
        help=f"wrong codes other nodes counted this minute, added to the shared counter ({ELSEWHERE})",
    )
    return parser


def main() -> int:
    args = _parser().parse_args()
    shape = Shape(
        flood_addresses=args.flood_addresses,
        wrong_per_flood_address=args.wrong_per_address,
        bystanders=args.bystanders,
        casts_per_kiosk=args.casts_per_kiosk,
    )
    sys.path.insert(0, str(ROOT))
    server: subprocess.Popen[bytes] | None = None
    workdir = Path(tempfile.mkdtemp(prefix="bench-ratelimits-"))
    if args.base_url:
        if not args.database_url:
            raise SystemExit("--base-url needs --database-url (the nodes' database, to make the vote in)")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
        os.environ["DATABASE_URL"] = args.database_url
        base_url = args.base_url.rstrip("/")
    else:
        import psycopg

        with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DATABASE}")
        os.environ.update(_server_env(DATABASE, args.redis_url))
        base_url = f"http://127.0.0.1:{args.port}"
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    if not args.base_url:
        call_command("migrate", verbosity=0)
        cache.clear()  # this run's Redis database: old counters would trip the limits before the run
    slug, valid, ballot, edition_id = make_vote(shape.valid_codes_needed)
    try:
        if not args.base_url:
            server = _start_gunicorn(args.port, os.environ.copy(), workdir / "gunicorn.log")
        print(f"sending to {base_url} …", file=sys.stderr)
        report = run(
            base_url=base_url,
            slug=slug,
            valid_codes=valid,
            ballot=ballot,
            shape=shape,
            ca_file=args.ca_file,
            elsewhere=args.elsewhere,
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    print(report.table(shape))
    problems = report.problems(shape) + database_check(edition_id, shape.valid_codes_needed)
    if problems:
        print("\nFAILED: " + "; ".join(problems))
        return 1
    print("\nOK: every valid cast answered 201 while the limits refused the wrong codes.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
