"""Server time of a what-if (outcomes.whatif) on the demo's Nieuw-West 2026 and on Łódź 2022 (90,494 ballots).

Run: `make bench-whatif` (or `.venv/bin/python bench/whatif.py [--repeat N] [--sqlite DEMO.sqlite3]
[--no-write]`). Loads the demo into a fresh temporary SQLite database (or copies an already loaded
demo database given with --sqlite), adds one published edition whose single part is pabulib's
Poland_Lodz_2022.pb (160 projects, 90,494 ballots; from ../shared/data/pabulib or --lodz), and
requests the what-if page in-process with Django's test client (middleware, view, template; no
network), for every option the form offers:

* cold: the first request of each option (Django's cache empty; the parsed file is kept per
  process, so only the very first request of an edition parses it; that one is reported apart);
* warm: the same option again (the answer comes from the cache), median of --repeat requests;
* baseline: the what-if page without options (the form only), median of --repeat requests, so the
  ratios compare across runs on shared, noisy machines.

Then it times ``warm_what_ifs`` (the task that counts every what-if after publication) on a cold
cache. The table replaces the "What if" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

    from editions.models import Edition

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-whatif:start -->", "<!-- bench-whatif:end -->"
LODZ = ROOT.parent / "shared" / "data" / "pabulib" / "Poland_Lodz_2022.pb"
TARGET_MS = 300.0


def _setup(sqlite: str | None) -> None:
    if sqlite is None:
        from bench.page_times import _load_demo

        _load_demo()
        return
    tmp = tempfile.mkdtemp(prefix="bench-whatif-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    shutil.copy(sqlite, os.environ["SQLITE_PATH"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def _lodz_edition(like: Edition, path: Path) -> Edition:
    """A published copy of ``like`` whose one counted part is the Łódź file, counted with Equal Shares."""
    from django.utils import timezone

    from outcomes import engine
    from outcomes.models import Count, CountSection, CountSource, CountStatus
    from pbrules import parse_election
    from pbrules.pabulib import read_text

    text = read_text(path)
    started_by = like.counts.first().started_by  # type: ignore[union-attr]
    edition = like
    edition.pk = None
    edition.slug, edition.name = "lodz-2022", "Łódź 2022"
    edition.results_publish_at = None
    edition.save()
    instance = engine.cached_instance(text, engine.sha256_of(text))
    outcome = engine.recount(instance, rule="mes", satisfaction="cost", completion="exhaustion")
    count = Count.objects.create(
        edition=edition,
        status=CountStatus.DONE,
        source=CountSource.VOTE,
        started_by=started_by,
        finished_at=timezone.now(),
        rule="mes",
        satisfaction="cost",
        completion="exhaustion",
        pbrules_version=engine.PBRULES_VERSION,
        tie_breaking="id",
        is_current=True,
    )
    CountSection.objects.create(
        count=count,
        position=0,
        key="main",
        label="Łódź",
        budget_cents=instance.budget,
        pb_file=text,
        sha256=engine.sha256_of(text),
        selected=list(outcome.selected),
        plans=[
            {"id": p.project_id, "title": p.name, "cost_cents": int(p.cost)}
            for p in parse_election(text).projects
        ],
        voters=instance.num_voters,
    )
    engine._instances.clear()  # the benchmark's first request parses it, as a fresh process would
    return edition


def _get(client: Client, url: str, query: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    response = client.get(url, query or {})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, query, response.status_code)
    return elapsed


def _measure(client: Client, edition: Edition, repeat: int) -> dict[str, Any]:
    """Baseline, first request, cold and warm times per rule option for one edition's what-ifs."""
    from django.core.cache import cache
    from django.urls import reverse

    from outcomes.selectors import published_count
    from outcomes.whatif.selectors import all_options, counted_sections

    url = reverse("outcomes:what_if", kwargs={"slug": edition.slug})
    count = published_count(edition)
    assert count is not None
    options = all_options(counted_sections(count))
    cache.clear()
    for _ in range(3):
        _get(client, url)
    cold: dict[str, list[float]] = {}
    warm: dict[str, list[float]] = {}
    first = None
    for option in options:
        query = {
            "rule": option.rule,
            "budget": str(option.budget_percent),
            "split": "yes" if option.split else "no",
        }
        ms = _get(client, url, query)
        if first is None:
            first = ms  # includes parsing the file in this process
        else:
            cold.setdefault(option.rule, []).append(ms)
        warm.setdefault(option.rule, []).extend(_get(client, url, query) for _ in range(max(1, repeat // 10)))
    baseline = statistics.median(_get(client, url) for _ in range(repeat))  # measured as warm as the rest
    cache.clear()
    start = time.perf_counter()
    warmed = _warm(count)
    precompute = time.perf_counter() - start
    return {
        "baseline": baseline,
        "first": first,
        "cold": cold,
        "warm": warm,
        "options": len(options),
        "precompute": precompute,
        "warmed": warmed,
    }


def _warm(count: Any) -> int:
    from outcomes.whatif.selectors import warm_what_ifs

    return warm_what_ifs(count)


def _table(results: dict[str, dict[str, Any]], repeat: int) -> str:
    from outcomes.whatif.options import RULE_OPTIONS

    lines = [
        START,
        f"Measured {time.strftime('%Y-%m-%d')} ({platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}: the machine is shared; Python {platform.python_version()}), "
        "Django test client, SQLite, DEBUG off, LocMemCache. Cold: the first request of each option "
        "(cache empty; the file already parsed in this process), median over the option's budgets and "
        "splits; warm: the same request again (from the cache); baseline: the what-if page without "
        f"options (median of {repeat}).",
        "",
        "| edition | rule | cold median ms | cold max ms | × baseline | warm median ms | × baseline |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        base = r["baseline"]
        lines.append(
            f"| {name} | baseline: the page without options | {base:.1f} | | 1.0 | {base:.1f} | 1.0 |"
        )
        lines.append(
            f"| {name} | first request in a fresh process (parses the file) | {r['first']:.1f} | | "
            f"{r['first'] / base:.1f} | | |"
        )
        for option in RULE_OPTIONS:
            cold, warm = r["cold"].get(option.value, []), r["warm"][option.value]
            if not cold:
                continue
            cm, wm = statistics.median(cold), statistics.median(warm)
            lines.append(
                f"| {name} | {option.value} | {cm:.1f} | {max(cold):.1f} | {cm / base:.1f} | {wm:.1f} "
                f"| {wm / base:.1f} |"
            )
        every = [ms for values in r["cold"].values() for ms in values]
        cm = statistics.median(every)
        wm = statistics.median([ms for values in r["warm"].values() for ms in values])
        lines.append(
            f"| {name} | **every option** ({r['options']}) | {cm:.1f} | {max(every):.1f} | {cm / base:.1f} "
            f"| {wm:.1f} | {wm / base:.1f} |"
        )
    lines.append("")
    lines.append(
        "Counting every what-if into the cache after publication "
        "(`outcomes.whatif.tasks.precompute_what_ifs`): "
        + "; ".join(
            f"{name}: {r['warmed']} what-ifs in {r['precompute']:.1f} s" for name, r in results.items()
        )
        + "."
    )
    lines.append(END)
    return "\n".join(lines)


def _write(table: str) -> None:
    from bench.results_doc import put_table  # after the sys.path line above

    put_table(table, start=START, end=END, heading="What if\n\n`make bench-whatif`")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests for the baseline (default 30)")
    parser.add_argument(
        "--sqlite", default=None, help="copy this loaded demo database instead of loading the demo"
    )
    parser.add_argument("--lodz", type=Path, default=LODZ, help="the Łódź 2022 pabulib file")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    _setup(args.sqlite)
    from django.conf import settings
    from django.test import Client

    from editions.models import Edition

    settings.DEBUG = False
    client = Client()
    nieuw_west = Edition.objects.get(slug="buurtbudget-nieuw-west-2026")
    results = {"Nieuw-West 2026 (4 parts, 6,333 ballots)": _measure(client, nieuw_west, args.repeat)}
    lodz = _lodz_edition(Edition.objects.get(slug="buurtbudget-nieuw-west-2026"), args.lodz)
    results["Łódź 2022 (1 part, 90,494 ballots)"] = _measure(client, lodz, args.repeat)

    table = _table(results, args.repeat)
    print(table)
    if not args.no_write:
        _write(table)
    slow = [
        name
        for name, r in results.items()
        if statistics.median(ms for values in r["warm"].values() for ms in values) > TARGET_MS
    ]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
