"""Server time of the cost step's typical costs with 10 editions of reviewed plans (issue 20: < 20 ms).

Run: `make bench-costs` (or `.venv/bin/python bench/cost_suggestions.py [--plans N] [--repeat N]
[--no-write]`). Migrates a fresh temporary SQLite database, makes one municipality whose district
ran ten earlier editions (2017-2026) of --plans reviewed plans each (five cost lines a plan, drawn
from 40 Dutch descriptions, in bulk) and a current edition in its plans phase, then requests the
fragment the cost step asks for while an initiator types (`proposals:cost_suggestions`) in-process
with Django's test client (middleware, view, template; no network):

* warm: the index is in Django's cache (the usual case: it is built once per new publication), the
  median of --repeat requests for each of four descriptions;
* cold: the cache emptied before each request, so the request builds the index (median of 10);
* baseline: /healthz, median of --repeat requests, so the ratios compare across runs on shared,
  noisy machines.

The table replaces the "Typical costs" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-costs:start -->", "<!-- bench-costs:end -->"
TARGET_MS = 20.0
EDITIONS = 10
WORDS = (
    "Twee bankjes met rugleuning",
    "Bankje",
    "Vier banken",
    "Plantenbakken van hout",
    "Zes plantenbakken",
    "Zaden en plantgoed",
    "Grond, compost en zaden",
    "Zaalhuur, 2 avonden per week",
    "Zaalhuur",
    "Koffie en thee",
    "Boodschappen",
    "Coördinator, 8 uur",
    "Tien bomen met boomkrat",
    "Bomen",
    "Speeltoestellen",
    "Valondergrond",
    "Plaatsing",
    "Hekwerk",
    "Afvalbakken",
    "Informatiebord",
    "Licht en geluid",
    "Podium",
    "Artiesten",
    "Vergunning en beveiliging",
    "Toiletten",
    "Partytent, tafels en banken",
    "Gereedschap",
    "Tuinbakken",
    "Kas",
    "Laptops",
    "Lesmateriaal",
    "Trainers",
    "Ballen en hesjes",
    "Promotie",
    "Flyers",
    "Beweegtoestellen",
    "Fysiotherapeut",
    "Hovenier",
    "Planten en aarde",
    "Regentonnen",
)
DESCRIPTIONS = ("Twee bankjes met rugleuning", "Plantenbakken van hout", "Zaden en plantgoed", "Luchtkasteel")


def _set_up() -> None:
    tmp = tempfile.mkdtemp(prefix="bench-costs-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world(plans_per_edition: int) -> str:
    """Ten earlier editions of reviewed plans and the current one; the current one's slug."""
    from django.utils import timezone

    from proposals.models import CostLine, Plan, PlanStatus
    from tests import factories

    rng = random.Random(2027)
    district = factories.make_district(name="Stadsdeel Bench")
    initiator = factories.make_user()
    statuses = [PlanStatus.FEASIBLE, PlanStatus.SELECTED, PlanStatus.COMPLETED, PlanStatus.NOT_FEASIBLE]
    for year in range(2027 - EDITIONS, 2027):
        edition = factories.make_edition(district=district, name=f"Buurtbudget Bench {year}", year=year)
        theme = factories.make_theme(edition=edition, name="Groen")
        plans = Plan.objects.bulk_create(
            Plan(
                edition=edition,
                title=f"Plan {year}-{i}",
                summary="Een plan.",
                description="Een plan.",
                theme=theme,
                initiator=initiator,
                public_name="Bench",
                status=rng.choice(statuses),
                submitted_at=timezone.now(),
            )
            for i in range(plans_per_edition)
        )
        CostLine.objects.bulk_create(
            CostLine(
                plan=plan,
                description=rng.choice(WORDS),
                amount_cents=rng.randint(50, 5_000) * 100,
                position=n,
            )
            for plan in plans
            for n in range(5)
        )
    current = factories.make_edition(district=district, name="Buurtbudget Bench 2027")
    return current.slug


def _median_ms(client: Client, url: str, query: dict[str, str], repeat: int, *, cold: bool = False) -> float:
    from django.core.cache import cache

    for _ in range(3):
        assert client.get(url, query).status_code == 200
    samples = []
    for _ in range(repeat):
        if cold:
            cache.clear()
        start = time.perf_counter()
        client.get(url, query)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _queries(client: Client, url: str, query: dict[str, str]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url, query)
    return len(captured)


def _measure(slug: str, repeat: int) -> list[tuple[str, float, int]]:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    url = reverse("proposals:cost_suggestions", args=[slug])
    rows = [("/healthz (baseline)", _median_ms(client, "/healthz", {}, repeat), 0)]
    for description in DESCRIPTIONS:
        query = {"form-0-description": description}
        rows.append(
            (f"“{description}”, warm", _median_ms(client, url, query, repeat), _queries(client, url, query))
        )
    query = {"form-0-description": DESCRIPTIONS[0]}
    rows.append(
        (f"“{DESCRIPTIONS[0]}”, cold (builds the index)", _median_ms(client, url, query, 10, cold=True), 0)
    )
    return rows


def _table(rows: list[tuple[str, float, int]], repeat: int) -> str:
    from proposals.costs.selectors import REVIEWED_STATUSES
    from proposals.models import CostLine, Plan

    base = rows[0][1]
    reviewed = Plan.objects.filter(status__in=REVIEWED_STATUSES).count()
    lines = CostLine.objects.filter(plan__status__in=REVIEWED_STATUSES).count()
    out = [
        START,
        f"{EDITIONS} earlier editions in one municipality: {Plan.objects.count()} plans of which {reviewed} "
        f"reviewed as feasible, {lines} reviewed cost lines. The fragment the cost step asks for while "
        f"typing; median of {repeat} requests (cold: 10), Django test client, SQLite, LocMemCache, "
        "DEBUG off. "
        f"Measured {time.strftime('%Y-%m-%d')} ({platform.machine()}, Python {platform.python_version()}). "
        f"Target: under {TARGET_MS:.0f} ms warm.",
        "",
        "| request | median ms | × /healthz | queries |",
        "|---|---:|---:|---:|",
    ]
    for name, ms, queries in rows:
        out.append(f"| {name} | {ms:.1f} | {ms / base:.1f} | {queries if 'cold' not in name else '—'} |")
    out.append(END)
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--plans", type=int, default=60, help="reviewed plans per earlier edition (default 60)"
    )
    parser.add_argument("--repeat", type=int, default=50, help="requests per measurement (default 50)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    _set_up()
    slug = _world(args.plans)
    rows = _measure(slug, args.repeat)
    table = _table(rows, args.repeat)
    print(table)
    slowest = max(ms for name, ms, _ in rows if "warm" in name)
    print(f"\nslowest warm request: {slowest:.1f} ms (target {TARGET_MS:.0f} ms)")
    if not args.no_write:
        from bench.results_doc import put_table

        put_table(table, start=START, end=END, heading="Typical costs (issue 20)\n\n`make bench-costs`")
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
