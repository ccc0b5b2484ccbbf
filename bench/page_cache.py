"""Server time and CPU per request of the public pages, rendered (cold) and from the page cache (warm).

Run: `make bench-page-cache` (or `.venv/bin/python bench/page_cache.py [--repeat N] [--redis URL]
[--no-write]`). Loads the demo into a fresh temporary SQLite database and requests each public page
in-process with Django's test client as an anonymous visitor (the full middleware, view and template
stack, gzip included; no network). Cold: the generation is changed before each request, as a write
does, so the page renders. Warm: the same page again, from the cache. Each figure is the median of
``--repeat`` requests, wall-clock and CPU (the process's own), and its ratio to /healthz measured in
the same run: the machines are shared and noisy, so ratios compare across runs better than ms.
With ``--redis`` the page cache is that Redis (as in production) instead of the process's memory.
The table replaces the "Public pages from the cache" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-page-cache:start -->", "<!-- bench-page-cache:end -->"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}


def _load_demo(redis: str | None) -> None:
    """A fresh temporary SQLite database with the demo; the page cache in ``redis`` if given."""
    tmp = tempfile.mkdtemp(prefix="bench-page-cache-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if redis:
        os.environ["PAGE_CACHE_REDIS_URL"] = redis
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet")


def _pages() -> dict[str, str]:
    from django.db.models import Count

    from editions.models import Edition
    from outcomes.models import Count as OutcomeCount
    from proposals.models import Plan, PlanStatus

    plan = Plan.objects.exclude(status=PlanStatus.DRAFT).order_by("pk").first()
    discussed = Plan.objects.annotate(n=Count("comments")).order_by("-n", "pk").first()
    edition = Edition.objects.order_by("pk").first()
    counted = OutcomeCount.objects.filter(published_at__isnull=False).order_by("pk").first()
    assert plan and discussed and edition and counted, "the demo lacks a plan, an edition or a result"
    return {
        "/healthz (baseline)": "/healthz",
        "home": "/",
        "home (English)": "/en/",
        "district": edition.district.get_absolute_url(),
        "edition": edition.get_absolute_url(),
        "plan list": "/plannen/",
        "plan list, filtered + search": f"/plannen/?edition={edition.slug}&q=buurt&sort=cost_desc",
        "plan detail": plan.get_absolute_url(),
        "plan detail, most discussed": discussed.get_absolute_url(),
        "results": f"/uitslag/{counted.edition.slug}/",
    }


def _sample(client: Client, url: str, repeat: int, before: Callable[[], None]) -> tuple[float, float, str]:
    """Median wall-clock and CPU milliseconds of ``repeat`` requests, each after ``before()``."""
    walls, cpus = [], []
    source = ""
    for _ in range(repeat):
        before()
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url, **GZIP)  # type: ignore[arg-type]
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        assert response.status_code == 200, (url, response.status_code)
        source = response.get("X-Page-Cache", "")
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, source


def _measure(pages: dict[str, str], repeat: int) -> dict[str, tuple[float, float, float, float]]:
    """Per page: cold ms, cold CPU ms, warm ms, warm CPU ms."""
    from django.test import Client

    from common.pagecache.generation import bump_generation

    client = Client()
    results = {}
    for name, url in pages.items():
        for _ in range(3):  # warm up the code paths
            client.get(url, **GZIP)  # type: ignore[arg-type]
        cold_ms, cold_cpu, cold_source = _sample(client, url, repeat, bump_generation)
        warm_ms, warm_cpu, warm_source = _sample(client, url, repeat, lambda: None)
        if url != "/healthz":
            assert (cold_source, warm_source) == ("miss", "hit"), (name, cold_source, warm_source)
        results[name] = (cold_ms, cold_cpu, warm_ms, warm_cpu)
    return results


def _table(results: dict[str, tuple[float, float, float, float]], repeat: int, store: str) -> str:
    base_cpu = results["/healthz (baseline)"][3]
    lines = [
        START,
        f"Demo data, page cache in {store}; median of {repeat} anonymous requests per page and state, "
        "Django test client, SQLite, DEBUG off, gzip. Cold: rendered (the generation changed "
        "before each request); warm: from the cache. CPU: the process's own time.",
        "",
        "| page | cold ms | cold CPU ms | warm ms | warm CPU ms | warm/cold CPU | cold × /healthz | "
        "warm × /healthz |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (cold_ms, cold_cpu, warm_ms, warm_cpu) in results.items():
        lines.append(
            f"| {name} | {cold_ms:.2f} | {cold_cpu:.2f} | {warm_ms:.2f} | {warm_cpu:.2f} | "
            f"{warm_cpu / cold_cpu:.2f} | {cold_cpu / base_cpu:.1f} | {warm_cpu / base_cpu:.1f} |"
        )
    cached = [(c, w) for n, (_, c, _, w) in results.items() if not n.startswith("/healthz")]
    ratio = sum(w for _, w in cached) / sum(c for c, _ in cached)
    lines += ["", f"All pages together: a warm page costs {ratio:.2f} of a render's CPU.", END]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests per page and state (default 30)")
    parser.add_argument("--redis", help="the page cache in this Redis (e.g. redis://127.0.0.1:6379/12)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    _load_demo(args.redis)
    table = _table(
        _measure(_pages(), args.repeat), args.repeat, f"Redis ({args.redis})" if args.redis else "memory"
    )
    print(table)
    if not args.no_write:
        from bench.results_doc import put_table

        put_table(
            table,
            start=START,
            end=END,
            heading="Public pages from the cache (issue 19 §4)\n\n`make bench-page-cache`",
            before="Page weight (issue 17)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
