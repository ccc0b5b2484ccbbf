"""Does the live turnout page slow casting? Casting with and without officials polling it, in one run.

Run: `.venv/bin/python bench/turnout_polling.py` (options: --help). Needs what ``bench/casting.py``
needs (PostgreSQL at 127.0.0.1:5432, Redis at 127.0.0.1:6379 whose database 3 is emptied, wrk,
gunicorn), and uses its load: the same throw-away database, edition, server and wrk script.

1. prepares the edition of ``bench/casting.py`` with three sets of fresh codes, spreads the voters
   over three neighbourhoods with population figures, and logs in an official of the district (a
   session row, its cookie given to the pollers);
2. starts one gunicorn, warms up, then casts for ``--seconds`` three times, each with fresh codes:
   without pollers (baseline), with ``--pollers`` officials each loading the live turnout page every
   ``--poll-interval`` seconds (far more often than the page's own 30 s refresh), and without again;
3. prints ballots/s and latency of each run and the ratio of the polled run to the mean of the two
   baselines around it (same server, same database, same run: the machine's drift cancels out), plus
   how many turnout pages were served and the time of one uncached turnout aggregate.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.casting import WARMUP_SECONDS, _server_env  # noqa: E402  (run as a script)
from bench.casting_load import free_port, prepare, recreate_database, require_tools, run_wrk, start_gunicorn  # noqa: E402

RUNS = ("baseline", "polled", "baseline again")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=20_000, help="fresh codes per run (default 20000)")
    parser.add_argument("--seconds", type=int, default=20, help="wrk duration of each run (default 20)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--conn-max-age", type=int, default=600)
    parser.add_argument("--pollers", type=int, default=10, help="officials polling the page (default 10)")
    parser.add_argument("--poll-interval", type=float, default=1.0, help="seconds between a poller's loads")
    parser.add_argument("--database", default="buurtbudget_bench_turnout")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    return parser


def _prepare(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    """The casting edition with three sets of codes, neighbourhoods, population figures, an official."""
    values = prepare(3 * args.voters, WARMUP_SECONDS * 5000, workdir)
    codes = (workdir / "codes.txt").read_text().splitlines()
    for i in range(len(RUNS)):
        (workdir / f"codes-{i}.txt").write_text(
            "\n".join(codes[i * args.voters : (i + 1) * args.voters]) + "\n"
        )
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models.functions import Mod

    from accounts.models import Role
    from evaluation.models import PopulationFigure
    from tests import factories
    from voting.models import Voter

    edition: Any = values["edition"]
    district = edition.district
    places = [factories.make_neighbourhood(district=district, name=f"Buurt {i}") for i in range(3)]
    for i, place in enumerate(places):
        Voter.objects.filter(edition=edition).alias(third=Mod("pk", 3)).filter(third=i).update(
            neighbourhood=place
        )
        PopulationFigure.objects.create(neighbourhood=place, age_from=16, gender="vrouw", residents=40_000)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    session = SessionStore()
    session[SESSION_KEY] = str(official.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = official.get_session_auth_hash()
    session.create()
    values["cookie"] = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    values["aggregate_ms"] = _aggregate_ms(edition)
    return values


def _aggregate_ms(edition: Any) -> float:
    """Milliseconds of one uncached turnout computation (median of 5), with a third of the voters cast."""
    from django.db.models.functions import Mod

    from evaluation.participation.live import compute_turnout
    from voting.models import Voter

    Voter.objects.filter(edition=edition).alias(third=Mod("pk", 3)).filter(third=0).update(
        channel="online", ballots_cast=1
    )
    times = []
    for _ in range(5):
        start = time.perf_counter()
        compute_turnout(edition)
        times.append((time.perf_counter() - start) * 1000)
    Voter.objects.filter(edition=edition).update(channel="", ballots_cast=0)
    return sorted(times)[2]


class Pollers:
    """``count`` threads, each loading the live turnout page every ``interval`` seconds until stopped."""

    def __init__(self, port: int, path: str, cookie: str, count: int, interval: float) -> None:
        self.port, self.path, self.cookie, self.interval = port, path, cookie, interval
        self.stop = threading.Event()
        self.ok: int = 0
        self.failed: int = 0
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self._poll, args=(i * interval / count,), daemon=True)
            for i in range(count)
        ]

    def _poll(self, offset: float) -> None:
        """Load the page after ``offset`` seconds (the officials' refreshes spread), then every interval."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Cookie": self.cookie, "X-Forwarded-Proto": "https", "HX-Request": "true"}
        wait = offset
        while not self.stop.wait(wait):
            wait = self.interval
            try:
                connection.request("GET", self.path, headers=headers)
                answer = connection.getresponse()
                body = answer.read()
                good = answer.status == 200 and b"live-turnout" in body
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                good = False
            with self.lock:
                self.ok, self.failed = self.ok + good, self.failed + (not good)

    def __enter__(self) -> Pollers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def _runs(args: argparse.Namespace, values: dict[str, object], port: int, workdir: Path) -> dict[str, Any]:
    slug = values["edition"].slug  # type: ignore[attr-defined]
    path = f"/api/v1/editions/{slug}/ballots"
    ballot = json.dumps({"main": values["chosen"]}, separators=(",", ":"))
    run_wrk(port, path, workdir / "warmup.txt", ballot, WARMUP_SECONDS, args.connections, workdir)
    results: dict[str, Any] = {}
    for i, name in enumerate(RUNS):
        time.sleep(1)
        codes = workdir / f"codes-{i}.txt"
        if name == "polled":
            live = f"/evaluatie/{slug}/opkomst/"
            with Pollers(port, live, str(values["cookie"]), args.pollers, args.poll_interval) as pollers:
                results[name] = run_wrk(port, path, codes, ballot, args.seconds, args.connections, workdir)
            results["pages"] = (pollers.ok, pollers.failed)
        else:
            results[name] = run_wrk(port, path, codes, ballot, args.seconds, args.connections, workdir)
    return results


def _report(args: argparse.Namespace, results: dict[str, Any], aggregate_ms: float) -> str:
    def rate(run: dict[str, int]) -> float:
        return run["requests"] / (run["duration_us"] / 1e6)

    lines = [
        "| run | ballots/s | p50 ms | p99 ms | non-2xx |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in RUNS:
        run: dict[str, int] = results[name]
        lines.append(
            f"| {name} | {rate(run):.0f} | {run['p50_us'] / 1000:.1f} | {run['p99_us'] / 1000:.1f} "
            f"| {run['status_errors'] + run['socket_errors']} |"
        )
    baseline = (rate(results["baseline"]) + rate(results["baseline again"])) / 2
    ok, failed = results["pages"]
    lines += [
        "",
        f"polled / mean baseline: {rate(results['polled']) / baseline:.3f} "
        f"({args.pollers} officials, a page every {args.poll_interval:g} s each: {ok} turnout pages served, "
        f"{failed} failed); one uncached turnout aggregate: {aggregate_ms:.1f} ms "
        f"({3 * args.voters} voters, a third of them cast)",
    ]
    return "\n".join(lines)


def main() -> int:
    args = _parser().parse_args()
    require_tools()
    workdir = Path(tempfile.mkdtemp(prefix="bench-turnout-"))
    args.threads = args.threads if args.worker_class == "gthread" else 1
    env = _server_env(args)
    os.environ.update(env)
    recreate_database(args.database)
    print(f"preparing {3 * args.voters} voters in {args.database} …", file=sys.stderr)
    values = _prepare(args, workdir)
    port = free_port()
    server = start_gunicorn(port, env, args, workdir / "gunicorn.log")
    try:
        results = _runs(args, values, port, workdir)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(_report(args, results, float(str(values["aggregate_ms"]))))
    ok, failed = results["pages"]
    return 1 if failed or not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
