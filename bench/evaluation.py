"""The learning report at scale: 10 editions, 1,000,000 ballots, 2,000 projects; precompute and pages.

Run: `make bench-evaluation` (or `.venv/bin/python bench/evaluation.py [--scale S] [--repeat N]
[--no-write] [--generate-only]`). Migrates a fresh temporary SQLite database (or, with DATABASE_URL
set, uses that database, which must be empty and migratable), builds the benchmark municipality
(``bench/evaluation_world.py``; ``--scale 0.01`` makes a small one in seconds), then refreshes each
edition's precomputed evidence (``evaluation.evidence.services.refresh_evidence``, timed), and
measures the cross-edition report (``evaluation:municipality``) and one edition's report
(``evaluation:report``) in-process with Django's test client like bench/page_times.py:
median server time over N requests, as a ratio to /healthz in the same run, and the query count.
The table replaces the "Learning report" section of docs/benchmarks.md (only at full scale).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editions.models import Edition

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-evaluation:start -->", "<!-- bench-evaluation:end -->"
TARGET_MS = 300


def _set_up() -> None:
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix="bench-evaluation-")
        os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(scale: float) -> tuple[list[Edition], float]:
    """Build the benchmark municipality; its editions and the seconds it took."""
    from django.db import transaction

    from bench.evaluation_world import build

    started = time.perf_counter()
    with transaction.atomic():
        editions = build(scale=scale)
    return editions, time.perf_counter() - started


# Shares of a neighbourhood's residents per age band (from, to), split evenly over the genders but a few.
BANDS = (
    ((0, 15), 0.17),
    ((16, 17), 0.02),
    ((18, 24), 0.10),
    ((25, 39), 0.27),
    ((40, 64), 0.30),
    ((65, None), 0.14),
)


def add_population() -> None:
    """Population figures for every neighbourhood, so turnout and money per resident have a denominator."""
    from evaluation.models import PopulationFigure
    from places.models import Neighbourhood

    rows = []
    for place in Neighbourhood.objects.filter(population__isnull=False):
        for (lowest, highest), share in BANDS:
            residents = round((place.population or 0) * share)
            for gender, part in (("vrouw", 0.505), ("man", 0.49), ("anders", 0.005)):
                rows.append(
                    PopulationFigure(
                        neighbourhood=place,
                        age_from=lowest,
                        age_to=highest,
                        gender=gender,
                        residents=round(residents * part),
                    )
                )
    PopulationFigure.objects.bulk_create(rows, ignore_conflicts=True)


def refresh(editions: list[Edition]) -> list[float]:
    """Refresh every edition's evidence; the seconds each took."""
    from evaluation.evidence.services import refresh_evidence

    seconds = []
    for edition in editions:
        started = time.perf_counter()
        refresh_evidence(edition=edition)
        seconds.append(time.perf_counter() - started)
    return seconds


def _pages(editions: list[Edition]) -> dict[str, str]:
    from django.urls import reverse

    municipality = editions[0].district.municipality
    return {
        "/healthz (baseline)": "/healthz",
        "cross-edition report": reverse("evaluation:municipality", kwargs={"slug": municipality.slug}),
        "edition report (hybrid)": reverse("evaluation:report", kwargs={"slug": editions[3].slug}),
    }


def _counts() -> dict[str, int]:
    from editions.models import Edition
    from execution.models import Project
    from proposals.models import Plan
    from voting.models import Ballot, Voter

    return {
        "editions": Edition.objects.count(),
        "voters": Voter.objects.count(),
        "ballots": Ballot.objects.count(),
        "plans": Plan.objects.count(),
        "projects": Project.objects.count(),
    }


def _table(
    measured: dict[str, tuple[float, int]],
    counts: dict[str, int],
    built: float,
    refreshed: list[float],
    repeat: int,
) -> str:
    from django.db import connection

    base = measured["/healthz (baseline)"][0]
    lines = [
        START,
        f"{counts['editions']} editions, {counts['voters']:,} voters with {counts['ballots']:,} sealed "
        "ballots, "
        f"{counts['plans']:,} plans and {counts['projects']:,} projects ({connection.vendor}); built in "
        f"{built:.0f} s. Evidence precomputed per edition: median {statistics.median(refreshed):.2f} s, "
        f"slowest {max(refreshed):.2f} s, {sum(refreshed):.1f} s for all. Median of {repeat} requests per "
        f"page, Django test client, DEBUG off; target: the cross-edition report under {TARGET_MS} ms.",
        "",
        "| page | median ms | × /healthz | queries |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {ms:.1f} | {ms / base:.1f} | {queries} |" for name, (ms, queries) in measured.items()
    ]
    lines.append(END)
    return "\n".join(lines)


def _write(table: str) -> None:
    from bench.results_doc import put_table  # after the sys.path line above

    put_table(
        table,
        start=START,
        end=END,
        heading="Learning report\n\n`make bench-evaluation`",
        before="Outcome engine (pbrules)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full size (default 1)")
    parser.add_argument("--repeat", type=int, default=30, help="requests per page (default 30)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument("--generate-only", action="store_true", help="build the data, measure nothing")
    args = parser.parse_args()

    _set_up()
    editions, built = generate(args.scale)
    add_population()
    counts = _counts()
    print(f"generated in {built:.1f} s: {counts}")
    if args.generate_only:
        return 0
    from django.test import Client

    from bench.page_times import _measure

    refreshed = refresh(editions)
    client = Client()
    measured = {name: _measure(url, client, args.repeat) for name, url in _pages(editions).items()}
    table = _table(measured, counts, built, refreshed, args.repeat)
    print(table)
    if not args.no_write and args.scale >= 1:
        _write(table)
    return 0 if measured["cross-edition report"][0] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
