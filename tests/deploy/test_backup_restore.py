"""Backups: a ``pg_dump`` taken while residents cast restores into a new database and counts the same.

docs/reliability.md ("Backups and point-in-time recovery") rests on this: the dump is one consistent
snapshot (a cast is two commits, so a voter may be marked whose ballot came after the snapshot, never
a ballot without its voter), the restored database is closed and counted with ``manage.py count_vote``
and the election's key shares, and its result is the original's, counted by the count service after
the same ballots. PostgreSQL only: SQLite's backup is a file copy, not this.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections

from accounts.models import Role
from common import codes
from outcomes.models import Count, CountStatus
from outcomes.services import compute_outcome, start_count
from tests import factories
from voting.models import Ballot, Voter
from voting.services.casting import cast_ballot, code_credential
from voting.services.closing import close_vote_early

ROOT = Path(__file__).resolve().parents[2]
VOTERS = 120
CASTING_THREADS = 4

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="pg_dump and pg_restore back up PostgreSQL; SQLite (the demo's database) is one file to copy",
    ),
]


def _pg(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is missing (apt-get install postgresql-client)")
    return found


def _connection_args(settings: dict[str, Any], name: str) -> list[str]:
    args = ["-h", str(settings.get("HOST") or "127.0.0.1"), "-U", str(settings.get("USER") or "postgres")]
    if settings.get("PORT"):
        args += ["-p", str(settings["PORT"])]
    return [*args, "-d", name]


@pytest.fixture
def restored_name() -> Iterator[str]:
    """The name of the database the dump is restored into; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"[:63]
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _cast_all(
    edition: Any, plan_ids: list[int], plain: list[str], acknowledged: list[tuple[float, str]]
) -> None:
    """Cast with each code in turn through the casting service, as the web form and the API do."""
    try:
        for number, code in enumerate(plain):
            chosen = sorted({plan_ids[(number + step * 3) % len(plan_ids)] for step in range(1 + number % 3)})
            cast_ballot(
                edition=edition,
                credential=code_credential(code=code, client_ip="192.0.2.10"),
                ballot={"main": chosen},
            )
            acknowledged.append((time.monotonic(), code))
            time.sleep(0.01)  # a vote in progress, not one burst: the dump falls in the middle
    finally:
        connections.close_all()


def _count_result(count: Count) -> dict[str, Any]:
    return {
        section.key: {"selected": sorted(section.selected), "voters": section.voters}
        for section in count.sections.order_by("position")
    }


def _restored_env(name: str) -> dict[str, str]:
    settings = connection.settings_dict
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{user}@{host}:{port}/{name}",
    }


CLOSE_AND_READ = """
import json, sys
import django
django.setup()
from accounts.models import User
from editions.models import Edition
from voting.models import Ballot, Voter
from voting.services.closing import close_vote_early
edition = Edition.objects.get(pk=int(sys.argv[1]))
official = User.objects.get(email=sys.argv[2])
close_vote_early(edition=edition, reason="Restored from the backup", by=official)
print(json.dumps({
    "ballots": Ballot.objects.filter(edition=edition).count(),
    "marked": Voter.objects.filter(edition=edition, ballots_cast__gt=0).count(),
    "slots": sorted(Ballot.objects.filter(edition=edition).values_list("slot", flat=True)),
}))
"""

READ_COUNT = """
import json, sys
import django
django.setup()
from outcomes.models import Count
count = Count.objects.filter(edition_id=int(sys.argv[1])).latest("pk")
print(json.dumps({"status": count.status, "sections": {
    s.key: {"selected": sorted(s.selected), "voters": s.voters} for s in count.sections.order_by("position")
}}))
"""


def test_a_dump_taken_during_the_vote_restores_and_counts_to_the_same_result(restored_name: str) -> None:
    import json

    pg_dump, pg_restore, createdb = _pg("pg_dump"), _pg("pg_restore"), _pg("createdb")
    edition, plans = factories.make_vote(
        plan_costs=(900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000),
        total_budget_cents=2_000_000,
        ballot_max_choices=3,
    )
    shares = factories.ballot_box_shares(edition)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    plain = [factories.make_voter(edition=edition)[1] for _ in range(VOTERS)]
    plan_ids = [plan.pk for plan in plans]
    acknowledged: list[tuple[float, str]] = []
    share = VOTERS // CASTING_THREADS
    threads = [
        threading.Thread(
            target=_cast_all, args=(edition, plan_ids, plain[i * share : (i + 1) * share], acknowledged)
        )
        for i in range(CASTING_THREADS)
    ]
    for thread in threads:
        thread.start()
    while len(acknowledged) < VOTERS // 4:  # the vote is well under way
        time.sleep(0.01)

    dump = Path(os.environ.get("TMPDIR", "/tmp")) / f"{restored_name}.dump"
    dump_started = time.monotonic()
    subprocess.run(
        [
            pg_dump,
            "-Fc",
            "-f",
            str(dump),
            *_connection_args(connection.settings_dict, connection.settings_dict["NAME"]),
        ],
        check=True,
    )
    casts_during_dump = sum(1 for at, _ in acknowledged if at >= dump_started)
    for thread in threads:
        thread.join()
    assert len(acknowledged) == VOTERS
    assert casts_during_dump > 0, "the dump was not taken while residents cast"

    host_args = _connection_args(connection.settings_dict, "postgres")[:-2]
    subprocess.run([createdb, *host_args, restored_name], check=True)
    subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "--exit-on-error",
            *_connection_args(connection.settings_dict, restored_name),
            str(dump),
        ],
        check=True,
    )
    dump.unlink()

    # The restored vote: closed there by an official, its snapshot consistent.
    env = _restored_env(restored_name)
    closed = subprocess.run(
        [sys.executable, "-c", CLOSE_AND_READ, str(edition.pk), official.email],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    restored = json.loads(closed.stdout.strip().splitlines()[-1])
    before_dump = {code for at, code in acknowledged if at < dump_started}
    in_restore = set(restored["slots"])
    assert {codes.ballot_slot(codes.normalise(code)) for code in before_dump} <= in_restore
    # A cast commits its voter, then its ballot: a snapshot may hold a marked voter whose ballot came
    # after it (one per casting thread at most), never a ballot without its voter.
    assert restored["marked"] - CASTING_THREADS <= restored["ballots"] <= restored["marked"]
    assert 0 < restored["ballots"] < VOTERS

    counted = subprocess.run(
        [sys.executable, "manage.py", "count_vote", edition.slug, "--by", official.email],
        input="\n".join(shares[1:]) + "\n",
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert counted.returncode == 0, counted.stderr
    assert "done" in counted.stdout
    read = subprocess.run(
        [sys.executable, "-c", READ_COUNT, str(edition.pk)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    restored_result = json.loads(read.stdout.strip().splitlines()[-1])
    assert restored_result["status"] == CountStatus.DONE

    # The original after the same ballots: those cast after the snapshot are taken out, then it is
    # closed and counted by the count service.
    Ballot.objects.filter(edition=edition).exclude(slot__in=in_restore).delete()
    assert Ballot.objects.filter(edition=edition).count() == restored["ballots"]
    assert Voter.objects.filter(edition=edition, ballots_cast__gt=0).count() == VOTERS
    edition.refresh_from_db()
    close_vote_early(edition=edition, reason="Counted to compare with the backup", by=official)
    count = compute_outcome(
        count=start_count(edition=edition, by=official, shares=shares[:2], background=False)
    )
    assert count.status == CountStatus.DONE

    assert restored_result["sections"] == _count_result(count)
    assert restored_result["sections"]["main"]["voters"] == restored["ballots"]
