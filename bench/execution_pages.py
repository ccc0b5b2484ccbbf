"""Server time and query count of the execution overview and a project page, at 50 and 500 projects.

Run: `make bench-execution` (or `.venv/bin/python bench/execution_pages.py [--repeat N] [--no-write]`).
Migrates a fresh temporary SQLite database, makes one published edition with 50 projects and 20
updates each (every fifth with a photo, every tenth hidden) in bulk, measures the pages in-process
with Django's test client like bench/page_times.py (median, ratio to /healthz in the same run, query
count), then grows the edition to 500 projects and 10,000 updates (the measured project gets 200
more of its own) and measures again: the query counts must not change.
The table replaces the "Execution pages" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import User
    from execution.models import Project

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-execution:start -->", "<!-- bench-execution:end -->"
UPDATES_PER_PROJECT = 20


def _set_up() -> None:
    tmp = tempfile.mkdtemp(prefix="bench-execution-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world() -> tuple[str, Project, User, User]:
    """A published edition in its execution phase with 50 projects; its slug, the first project, and
    the initiator and official who own and follow them."""
    from accounts.models import Role
    from tests import factories
    from tests.execution.bulk import add_projects, add_updates

    district = factories.make_district(name="Stadsdeel Bench")
    for name in ["Noordoost", "Waterland", "Oostzanerwerf", "Tuindorp"]:
        factories.make_neighbourhood(district=district, name=name)
    edition = factories.make_edition_in_phase("execution", district=district, name="Buurtbudget Bench")
    for name in ["Groen", "Spelen", "Ontmoeten"]:
        factories.make_theme(edition=edition, name=name)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    initiator = factories.make_user()
    projects = add_projects(edition=edition, initiator=initiator, official=official, count=50)
    add_updates(projects=projects, author=initiator, per_project=UPDATES_PER_PROJECT)
    return edition.slug, projects[0], initiator, official


def _grow(slug: str, first: Project, initiator: User, official: User) -> None:
    from editions.models import Edition
    from tests.execution.bulk import add_projects, add_updates

    edition = Edition.objects.get(slug=slug)
    for start in range(50, 500, 150):
        projects = add_projects(
            edition=edition,
            initiator=initiator,
            official=official,
            count=150,
            start=start,
        )
        add_updates(projects=projects, author=initiator, per_project=UPDATES_PER_PROJECT)
    add_updates(projects=[first], author=initiator, per_project=200)


def _pages(slug: str, first: Project) -> dict[str, str]:
    from django.urls import reverse

    overview = reverse("execution:overview", args=[slug])
    return {
        "/healthz (baseline)": "/healthz",
        "execution overview": overview,
        "execution overview, filtered": overview + "?status=running&thema=groen",
        "project page": first.get_absolute_url(),
        "project page, page 5 of the updates": first.get_absolute_url() + "?pagina=5",
        "projects CSV": reverse("execution:export_csv", args=[slug, "projecten"]),
    }


def _table(before: dict[str, tuple[float, int]], after: dict[str, tuple[float, int]], repeat: int) -> str:
    from execution.models import Project, Update

    base_before, base_after = before["/healthz (baseline)"][0], after["/healthz (baseline)"][0]
    lines = [
        START,
        f"One edition, 50 projects with {50 * UPDATES_PER_PROJECT} updates, then {Project.objects.count()} "
        f"projects with {Update.objects.count()} updates (the measured project has 220). Median of {repeat} "
        "requests per page, Django test client, SQLite, DEBUG off. The CSV grows with the projects by "
        "design (one row each); its query count stays flat.",
        "",
        "| page | 50: median ms | × /healthz | queries | 500: median ms | × /healthz | queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (ms, queries) in before.items():
        ms2, queries2 = after[name]
        lines.append(
            f"| {name} | {ms:.1f} | {ms / base_before:.1f} | {queries} "
            f"| {ms2:.1f} | {ms2 / base_after:.1f} | {queries2} |"
        )
    lines.append(END)
    return "\n".join(lines)


def _write(table: str) -> None:
    from bench.results_doc import put_table  # after the sys.path line above

    put_table(
        table,
        start=START,
        end=END,
        heading="Execution pages\n\n`make bench-execution`",
        before="Outcome engine (pbrules)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests per page (default 30)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    _set_up()
    from django.test import Client

    from bench.page_times import _measure

    client = Client()
    slug, first, initiator, official = _world()
    pages = _pages(slug, first)
    before = {name: _measure(url, client, args.repeat) for name, url in pages.items()}
    _grow(slug, first, initiator, official)
    after = {name: _measure(url, client, args.repeat) for name, url in pages.items()}

    table = _table(before, after, args.repeat)
    print(table)
    grew = [name for name in before if after[name][1] != before[name][1]]
    slowest = max(ms for name, (ms, _) in after.items() if name != "projects CSV")
    print(f"\nslowest page at 500 projects: {slowest:.1f} ms; query counts that grew: {grew or 'none'}")
    if not args.no_write:
        _write(table)
    return 1 if grew else 0


if __name__ == "__main__":
    sys.exit(main())
