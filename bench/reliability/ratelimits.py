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
import http.client
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KIOSK_ADDRESS = "198.51.100.10"  # TEST-NET-2: the polling station's one public address
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "buurtbudget_bench_ratelimits"
REDIS_URL = "redis://127.0.0.1:6379/6"
PORT = 8630
ELSEWHERE = 1_500  # wrong codes counted by other nodes at the run's start (see ``run``)
PER_CLIENT_LIMIT = 20  # VOTING_FAILURES_PER_CLIENT's default count
GLOBAL_WINDOW_SECONDS = 60  # VOTING_FAILURES_GLOBAL's default window
PLAN_COSTS = (900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 150_000, 100_000)


@dataclass(frozen=True)
class Shape:
    """How much of each kind of traffic a run sends (the issue's figures by default)."""

    flood_addresses: int = 120
    wrong_per_flood_address: int = 22
    kiosks: int = 2
    casts_per_kiosk: int = 30
    wrong_between_kiosk_casts: int = 2
    bystanders: int = 60
    threads: int = 24

    @property
    def valid_codes_needed(self) -> int:
        return self.kiosks * self.casts_per_kiosk + self.bystanders


@dataclass
class Report:
    """Every answer of a run, by group and kind, with the valid casts' latencies."""

    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    cast_latencies_ms: list[float] = field(default_factory=list)
    kiosk_casts_after_its_first_429: int = 0
    bystander_casts_after_the_global_limit: int = 0
    counted_elsewhere: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _kiosk_over: bool = False
    _everyone_over: bool = False

    def record(
        self, kind: str, status: int, *, latency_ms: float | None = None, under_own_limit: bool = False
    ) -> None:
        """One answer. ``under_own_limit``: a wrong code its address had not yet sent 20 of, so a 429
        for it means everyone together is over the global limit."""
        with self._lock:
            self.statuses.setdefault(kind, Counter())[status] += 1
            if latency_ms is not None:
                self.cast_latencies_ms.append(latency_ms)
            if kind == "kiosk wrong code" and status == 429:
                self._kiosk_over = True
            if kind == "flood wrong code" and status == 429 and under_own_limit:
                self._everyone_over = True
            if kind == "kiosk cast" and status == 201 and self._kiosk_over:
                self.kiosk_casts_after_its_first_429 += 1
            if kind == "bystander cast" and status == 201 and self._everyone_over:
                self.bystander_casts_after_the_global_limit += 1

    def count(self, kind: str, status: int | None = None) -> int:
        counter = self.statuses.get(kind, Counter())
        return sum(counter.values()) if status is None else counter[status]

    def problems(self, shape: Shape) -> list[str]:
        """What failed; empty when every valid cast passed while the limits were tripped."""
        found = []
        for kind, expected, status in (
            ("kiosk cast", shape.kiosks * shape.casts_per_kiosk, 201),
            ("kiosk code check", shape.kiosks * shape.casts_per_kiosk, 200),
            ("bystander cast", shape.bystanders, 201),
        ):
            if self.count(kind, status) != expected:
                answers = dict(self.statuses.get(kind, Counter()))
                found.append(f"{kind}: {self.count(kind, status)} of {expected} answered {status} {answers}")
        for kind, counter in self.statuses.items():
            bad = {status: n for status, n in counter.items() if status >= 500 or status == 0}
            if bad:
                found.append(f"{kind}: server errors or lost connections {bad}")
            if "wrong" in kind and set(counter) - {403, 429}:
                found.append(f"{kind}: answers other than 403/429 {dict(counter)}")
        if not self.count("kiosk wrong code", 429):
            found.append("the polling station's address never went over its limit: the run proves nothing")
        if not self._everyone_over:
            found.append("the global limit never tripped: the run proves nothing for the bystanders")
        elif not self.bystander_casts_after_the_global_limit:
            found.append("no bystander cast came after the global limit tripped")
        if self.kiosk_casts_after_its_first_429 < shape.kiosks * shape.casts_per_kiosk // 2:
            after = self.kiosk_casts_after_its_first_429
            found.append(f"only {after} kiosk casts came after its address was over the limit")
        return found

    def table(self, shape: Shape) -> str:
        """The figures as a markdown table."""
        latencies = sorted(self.cast_latencies_ms)

        def pct(p: float) -> str:
            return (
                f"{latencies[min(len(latencies) - 1, int(p * len(latencies)))]:.0f} ms" if latencies else "–"
            )

        rows = [
            "| traffic | requests | answers |",
            "|---|---:|---|",
        ]
        for kind in (
            "kiosk code check",
            "kiosk cast",
            "kiosk wrong code",
            "bystander cast",
            "flood wrong code",
        ):
            counter = self.statuses.get(kind, Counter())
            answers = ", ".join(f"{n} × {status}" for status, n in sorted(counter.items()))
            rows.append(f"| {kind} | {sum(counter.values())} | {answers} |")
        rows.append("")
        after = self.kiosk_casts_after_its_first_429
        rows.append(
            f"{shape.kiosks} kiosks behind {KIOSK_ADDRESS}, {shape.flood_addresses} flooding addresses × "
            f"{shape.wrong_per_flood_address} wrong codes, {shape.bystanders} bystanders, "
            f"{self.counted_elsewhere} wrong codes counted by other nodes at the start; "
            f"{self.seconds:.1f} s. Valid casts p50 {pct(0.5)}, p99 {pct(0.99)}; {after} kiosk casts "
            f"answered 201 after the station's address was over its limit, "
            f"{self.bystander_casts_after_the_global_limit} bystander casts after everyone was over the "
            "global limit."
        )
        return "\n".join(rows)


class Sender:
    """One keep-alive connection per thread to ``base_url``; a request says its client address."""

    def __init__(self, base_url: str, *, ca_file: Path | None = None, timeout: float = 30.0) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.https = parsed.scheme == "https"
        self.host = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or (443 if self.https else 80)
        self.timeout = timeout
        self.context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
        self.local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        existing: http.client.HTTPConnection | None = getattr(self.local, "connection", None)
        if existing is None:
            if self.https:
                existing = http.client.HTTPSConnection(
                    self.host, self.port, timeout=self.timeout, context=self.context
                )
            else:
                existing = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.local.connection = existing
        return existing

    def _close(self) -> None:
        existing = getattr(self.local, "connection", None)
        if existing is not None:
            existing.close()
            self.local.connection = None

    def post(self, path: str, body: dict[str, Any], *, address: str, key: str | None = None) -> int:
        """POST JSON as if from ``address``; the status (0: no answer at all)."""
        headers = {
            "Content-Type": "application/json",
            "X-Forwarded-For": address,
            # Straight to a node (no TLS proxy): say what the proxy would, or production redirects.
            "X-Forwarded-Proto": "https",
        }
        if key is not None:
            headers["Idempotency-Key"] = key
        try:
            connection = self._connection()
            connection.request("POST", path, body=json.dumps(body).encode(), headers=headers)
            answer = connection.getresponse()
            answer.read()
            if answer.will_close:
                self._close()
            return answer.status
        except (OSError, http.client.HTTPException):
            self._close()
            return 0


def wrong_code() -> str:
    """A well-formed code (its check symbol right) that no voter has: the server must look it up."""
    from common import codes

    return codes.new_code()


def run(
    *,
    base_url: str,
    slug: str,
    valid_codes: Sequence[str],
    ballot: dict[str, list[int]],
    shape: Shape = Shape(),
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
    sender = Sender(base_url, ca_file=ca_file)
    cast_path = f"/api/v1/editions/{slug}/ballots"
    check_path = f"/api/v1/editions/{slug}/voter"
    report = Report(counted_elsewhere=elsewhere)
    kiosk_codes = list(valid_codes[: shape.kiosks * shape.casts_per_kiosk])
    bystander_codes = list(valid_codes[len(kiosk_codes) : shape.valid_codes_needed])

    def cast(kind: str, code: str, address: str) -> None:
        started = time.perf_counter()
        status = sender.post(
            cast_path, {"code": code, "ballot": ballot}, address=address, key=str(uuid.uuid4())
        )
        report.record(kind, status, latency_ms=(time.perf_counter() - started) * 1000)

    def kiosk(number: int) -> None:
        for code in kiosk_codes[number :: shape.kiosks]:
            for _ in range(shape.wrong_between_kiosk_casts):
                report.record(
                    "kiosk wrong code",
                    sender.post(cast_path, {"code": wrong_code(), "ballot": ballot}, address=KIOSK_ADDRESS),
                )
            report.record("kiosk code check", sender.post(check_path, {"code": code}, address=KIOSK_ADDRESS))
            cast("kiosk cast", code, KIOSK_ADDRESS)

    def flood(number: int) -> None:
        address = f"10.19.{number // 250}.{number % 250 + 1}"
        for nth in range(shape.wrong_per_flood_address):
            status = sender.post(cast_path, {"code": wrong_code(), "ballot": ballot}, address=address)
            # A 429 before this address sent 20 can only be the global limit's.
            report.record("flood wrong code", status, under_own_limit=nth < PER_CLIENT_LIMIT - 2)

    def bystander(number: int) -> None:
        cast("bystander cast", bystander_codes[number], f"172.20.{number // 250}.{number % 250 + 1}")

    # The flood and the bystanders share the pool, a bystander between every two flooding addresses,
    # so their casts are spread over the flood; the kiosks run beside it from the start.
    work: list[tuple[Callable[[int], None], int]] = []
    bystanders = iter(range(shape.bystanders))
    for number in range(shape.flood_addresses):
        work.append((flood, number))
        if number % 2:
            following = next(bystanders, None)
            if following is not None:
                work.append((bystander, following))
    work += [(bystander, n) for n in bystanders]
    if align:
        time.sleep(GLOBAL_WINDOW_SECONDS - time.time() % GLOBAL_WINDOW_SECONDS + 0.05)
    if elsewhere:
        from common.code_guard import count_failure

        for number in range(elsewhere):  # as many addresses, each under its own limit
            count_failure(f"192.0.2.{number % 200 + 1}" if number < 200 else f"10.77.{number // 200}.1")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=shape.threads + shape.kiosks) as pool:
        futures = [pool.submit(kiosk, n) for n in range(shape.kiosks)]
        futures += [pool.submit(task, number) for task, number in work]
        for future in futures:
            future.result()
    report.seconds = time.perf_counter() - started
    return report


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
