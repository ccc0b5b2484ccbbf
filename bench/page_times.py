"""Server time and query count of every public page, and the reviewer's pages, on the demo data.

Run: `make bench-pages` (or `.venv/bin/python bench/page_times.py [--repeat N] [--no-write]`).
Loads the demo into a fresh temporary SQLite database, requests each page in-process with
Django's test client (the full middleware, view and template stack; no network), and reports
the median time, its ratio to /healthz measured in the same run (the machines are shared and
noisy, so ratios compare across runs better than milliseconds), and the number of queries — then
adds 200 more plans and counts the queries again, which must not change.
The table replaces the "Public pages" section of docs/benchmarks.md.
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
    from django.test import Client

    from editions.models import Edition
    from proposals.models import Plan

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-pages:start -->", "<!-- bench-pages:end -->"


def _load_demo() -> None:
    """Point Django at a fresh temporary SQLite database, migrate it and load the demo."""
    tmp = tempfile.mkdtemp(prefix="bench-pages-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    # The render's cost and queries: the page cache (bench/page_cache.py measures it) stays off.
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet")


def _public_pages() -> tuple[dict[str, str], Plan]:
    """The public pages by name, and the first plan that is not a draft (the extra plans copy it)."""
    from django.db.models import Count

    from editions.models import Edition
    from proposals.models import Plan, PlanStatus

    plan = Plan.objects.exclude(status=PlanStatus.DRAFT).order_by("pk").first()
    discussed = Plan.objects.annotate(n=Count("comments")).order_by("-n", "pk").first()
    reviewed = Plan.objects.filter(review__published_at__isnull=False).order_by("pk").first()
    edition = Edition.objects.order_by("pk").first()
    assert plan is not None and edition is not None, "the demo loaded no plans"
    assert discussed is not None and reviewed is not None, "the demo has no discussion or review"
    district = edition.district
    pages = {
        "/healthz (baseline)": "/healthz",
        "home": "/",
        "home (English)": "/en/",
        "district": district.get_absolute_url(),
        "edition": edition.get_absolute_url(),
        "plan list": "/plannen/",
        "plan list, filtered + search": f"/plannen/?edition={edition.slug}&q=buurt&sort=cost_desc",
        "plan detail": plan.get_absolute_url(),
        "plan detail, most discussed": discussed.get_absolute_url(),
        "plan detail, published review": reviewed.get_absolute_url(),
        "how it works": "/hoe-werkt-het/",
        "accessibility": "/toegankelijkheid/",
        "log in": "/account/inloggen/",
    }
    return pages, plan


def _staff_pages(in_review: Edition) -> tuple[dict[str, str], Client]:
    """Pages behind a login, and a client logged in as the demo's reviewer of the edition in review."""
    from django.test import Client

    from accounts.models import User

    staff_client = Client()
    staff_client.force_login(User.objects.get(email="toetser.west@demo.buurtbudget.nl"))
    first_in_review = in_review.plans.order_by("pk").first()
    assert first_in_review is not None, "the demo's edition in review has no plans"
    staff_pages = {
        "my work (reviewer)": "/werk/",
        "review queue (reviewer)": f"/beoordelen/{in_review.slug}/",
        "plan review (reviewer)": f"/beoordelen/{in_review.slug}/plan/{first_in_review.pk}/",
    }
    return staff_pages, staff_client


def _measure(url: str, client: Client, repeat: int) -> tuple[float, int]:
    """The median milliseconds of ``repeat`` requests (after three to warm up), and the query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        samples.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(samples) * 1000, len(queries)


def _add_plans(plan: Plan, in_review: Edition) -> None:
    """200 more submitted plans in ``plan``'s edition and 100 more in review, each with a cost line."""
    from proposals.models import CostLine, Plan, PlanStatus

    extra = []
    for i in range(200):
        extra.append(
            Plan(
                edition=plan.edition,
                title=f"Extra plan {i}",
                summary="Extra",
                description="Extra",
                theme=plan.theme,
                neighbourhood=plan.neighbourhood,
                initiator=plan.initiator,
                public_name="Bench",
                status=PlanStatus.SUBMITTED,
                submitted_at=plan.submitted_at,
            )
        )
    reviewed_theme = in_review.themes.first()
    for i in range(100):  # the review queue must stay flat too
        extra.append(
            Plan(
                edition=in_review,
                title=f"Extra plan in review {i}",
                summary="Extra",
                description="Extra",
                theme=reviewed_theme,
                initiator=plan.initiator,
                public_name="Bench",
                status=PlanStatus.IN_REVIEW,
                submitted_at=plan.submitted_at,
            )
        )
    created = Plan.objects.bulk_create(extra)
    CostLine.objects.bulk_create(
        CostLine(plan=p, description="Materiaal", amount_cents=100_00) for p in created
    )


def _table(
    results: dict[str, tuple[float, int]], more: dict[str, int], plans: tuple[int, int], repeat: int
) -> str:
    """The markdown section between the bench-pages markers."""
    plans_before, plans_after = plans
    baseline = results["/healthz (baseline)"][0]
    lines = [
        START,
        f"Demo data: {plans_before} plans; queries counted again with {plans_after} plans "
        "(200 more in one edition, 100 more in review in another). "
        f"Median of {repeat} requests per page, Django test client, SQLite, DEBUG off.",
        "",
        "| page | median ms | × /healthz | queries | queries with +200 plans |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, (ms, queries) in results.items():
        lines.append(f"| {name} | {ms:.1f} | {ms / baseline:.1f} | {queries} | {more[name]} |")
    lines.append(END)
    return "\n".join(lines)


def _write(table: str) -> None:
    """Replace the "Public pages" table in docs/benchmarks.md (or add the section)."""
    from bench.results_doc import put_table  # after the sys.path line above

    put_table(table, start=START, end=END, heading="Public pages\n\n`make bench-pages`")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests per page (default 30)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    _load_demo()
    from django.test import Client

    from editions.models import Edition
    from proposals.models import Plan

    client = Client()
    pages, plan = _public_pages()
    in_review = Edition.objects.get(slug="buurtbudget-west-2027")
    staff_pages, staff_client = _staff_pages(in_review)
    results = {name: _measure(url, client, args.repeat) for name, url in pages.items()}
    results |= {name: _measure(url, staff_client, args.repeat) for name, url in staff_pages.items()}
    plans_before = Plan.objects.count()
    _add_plans(plan, in_review)
    plans_after = Plan.objects.count()
    more = {name: _measure(url, client, args.repeat)[1] for name, url in pages.items()}
    more |= {name: _measure(url, staff_client, args.repeat)[1] for name, url in staff_pages.items()}

    table = _table(results, more, (plans_before, plans_after), args.repeat)
    print(table)
    slowest = max(ms for ms, _ in results.values())
    grew = [name for name in results if more[name] != results[name][1]]
    print(f"\nslowest page: {slowest:.1f} ms; query counts that grew with the plans: {grew or 'none'}")
    if not args.no_write:
        _write(table)
    return 1 if grew else 0


if __name__ == "__main__":
    sys.exit(main())
