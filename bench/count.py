"""Counting a million approval ballots on PostgreSQL: the time of ``compute_outcome`` and its stages.

Run: `.venv/bin/python bench/count.py` (options: --help). Needs PostgreSQL at 127.0.0.1:5432 (user
postgres, trust).

1. drops and creates the throw-away database ``buurtbudget_bench_count`` and migrates it;
2. makes an edition in its result phase with 15 plans (approval ballots, the rule of --rule) and
   inserts N ballots with COPY: each voter approves each plan with its own popularity (5–45%),
   at least one plan per ballot, so there are thousands of distinct ballots as in a real vote;
3. starts a count and times ``compute_outcome``: read the ballots, write the .pb text, parse it
   back, count (rule, explanations, metrics) and the comparison with greedy and Equal Shares;
4. prints a markdown table and drops the database (unless --keep).

The target is under 30 seconds for a million ballots.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DB_NAME = "buurtbudget_bench_count"
PG = "postgres://postgres@127.0.0.1:5432"
PLAN_COSTS = (
    4_500_000, 4_000_000, 3_500_000, 3_000_000, 2_800_000, 2_500_000, 2_200_000, 2_000_000,
    1_800_000, 1_500_000, 1_200_000, 1_000_000, 800_000, 500_000, 300_000,
)  # fmt: skip
BUDGET = 15_000_000


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def ballot_texts(n: int, plan_ids: list[int], seed: int) -> list[str]:
    """N ballot contents as JSON text; identical choices share one string."""
    import numpy as np

    rng = np.random.default_rng(seed)
    popularity = rng.uniform(0.05, 0.45, size=len(plan_ids))
    chosen = rng.random((n, len(plan_ids))) < popularity
    empty = ~chosen.any(axis=1)
    chosen[np.flatnonzero(empty), rng.integers(0, len(plan_ids), size=int(empty.sum()))] = True
    masks = chosen.astype(np.int64) @ (1 << np.arange(len(plan_ids), dtype=np.int64))
    ordered = sorted(range(len(plan_ids)), key=lambda j: plan_ids[j])
    text: dict[int, str] = {}
    for mask in np.unique(masks).tolist():
        ids = [str(plan_ids[j]) for j in ordered if mask >> j & 1]
        text[mask] = '{"main": [' + ", ".join(ids) + "]}"
    return [text[m] for m in masks.tolist()]


def insert_ballots(edition: Any, texts: list[str]) -> None:
    """COPY the ballots into voting_ballot, sealed to the edition's key (random ids, unique slots).

    Identical contents share one sealed blob here (sealing a million ballots one by one would take
    the benchmark's setup ~100 s); the count still opens every row on its own.
    """
    import json

    from django.db import connection

    from voting.services.ballot_box import public_key_for, seal_ballot

    key = public_key_for(edition)
    sealed = {text: seal_ballot(edition, json.loads(text), public_key=key) for text in set(texts)}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy("COPY voting_ballot (id, edition_id, slot, sealed, receipt) FROM STDIN") as copy:
            for number, text in enumerate(texts):
                copy.write_row((uuid.uuid4(), edition.pk, f"bench-{number}", sealed[text], "BENCH"))
        cursor.execute("ANALYZE voting_ballot")


def run(ballots: int, rule: str, seed: int) -> dict[str, object]:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from accounts.models import Role
    from outcomes.models import CountStatus
    from outcomes.services import compute_outcome, start_count
    from tests import factories

    edition, plans = factories.make_vote(
        plan_costs=PLAN_COSTS, total_budget_cents=BUDGET, phase="result", aggregation_rule=rule
    )
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    started = time.perf_counter()
    insert_ballots(edition, ballot_texts(ballots, [p.pk for p in plans], seed))
    insert_seconds = time.perf_counter() - started

    started = time.perf_counter()
    shares = factories.ballot_box_shares(edition)[:2]
    count = start_count(edition=edition, by=official, shares=shares, background=False)
    count = compute_outcome(count=count)
    total = time.perf_counter() - started
    if count.status != CountStatus.DONE:
        raise SystemExit(f"count failed: {count.error}")
    section = count.sections.get()
    return {
        "ballots": ballots,
        "rule": rule,
        "insert": insert_seconds,
        "total": total,
        "durations": count.durations,
        "selected": len(section.selected),
        "file_mb": len(section.pb_file.encode()) / 1e6,
    }


def table(result: dict[str, object]) -> str:
    durations: dict[str, float] = result["durations"]  # type: ignore[assignment]
    total: float = result["total"]  # type: ignore[assignment]
    other = total - sum(durations.values())
    rows = [
        (
            "open sealed ballots with 2 of 3 key shares (X25519 + ChaCha20-Poly1305)",
            durations.get("open", 0.0),
        ),
        ("shuffle + write .pb (pbrules.write_election)", durations.get("write", 0.0)),
        ("parse .pb (parse_election + to_instance)", durations.get("parse", 0.0)),
        (f"count: {result['rule']} + explanations + metrics", durations.get("count", 0.0)),
        ("comparison: greedy and Equal Shares", durations.get("compare", 0.0)),
        ("store result, progress, audit", other),
    ]
    lines = [
        f"Counting {result['ballots']:,} approval ballots, 15 plans, rule {result['rule']} "
        f"({date.today().isoformat()}, Python {platform.python_version()}, PostgreSQL, {platform.machine()}; "
        f".pb file {result['file_mb']:.1f} MB)",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *(f"| {name} | {seconds:.2f} |" for name, seconds in rows),
        f"| **compute_outcome total** | **{total:.2f}** |",
        "",
        f"(inserting the ballots with COPY took {result['insert']:.1f} s; target: total under 30 s)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ballots", type=int, default=1_000_000)
    parser.add_argument("--rule", default="mes", choices=["greedy", "mes", "phragmen", "maxwelfare"])
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    recreate_database()
    try:
        result = run(args.ballots, args.rule, args.seed)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database()
    print(table(result))


if __name__ == "__main__":
    main()
