"""What the load walks through besides the vote: a counted result, the public pages' paths, the check.

Runs in the runner's process with the servers' settings (their database, their voting-code key), after
``world.connect``. The vote and its codes come from the suite's world (``bench/reliability/world.py``);
the counted result, the pages to browse and the check against the acknowledged casts are the load's.
"""

from __future__ import annotations

import random
import ssl
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.reliability.world import MAX_CHOICES, PLAN_COSTS, Vote


def make_result(*, ballots: int = 400, seed: int = 18) -> str:
    """A closed edition counted with the real count service (its result page is public); its slug."""
    from tests.outcomes.factories import make_closed_vote, make_count

    chooser = random.Random(seed)
    choices = [
        sorted(chooser.sample(range(len(PLAN_COSTS)), chooser.randint(1, MAX_CHOICES)))
        for _ in range(ballots)
    ]
    edition, _ = make_closed_vote(
        plan_costs=PLAN_COSTS,
        total_budget_cents=sum(PLAN_COSTS) // 2,
        choices=choices,
        ballot_max_choices=MAX_CHOICES,
    )
    make_count(edition=edition)
    return edition.slug


def ballots_for(vote: Vote, *, how_many: int = 20, seed: int = 19) -> list[dict[str, list[int]]]:
    """Valid ballots for ``vote`` (one to five plans each), which the simulated voters pick from."""
    chooser = random.Random(seed)
    return [
        {"main": sorted(chooser.sample(vote.plan_ids, chooser.randint(1, MAX_CHOICES)))}
        for _ in range(how_many)
    ]


def candidate_pages(*, plans: int = 150) -> dict[str, list[str]]:
    """Paths of the public pages, from the database: every published edition, its plan list, its result
    page, and up to ``plans`` plans (which of them are public is found by asking: ``reachable``)."""
    from editions.models import Edition
    from proposals.models import Plan

    editions = list(Edition.objects.filter(is_published=True).order_by("pk").values_list("slug", flat=True))
    plan_ids = list(
        Plan.objects.filter(edition__is_published=True).order_by("-pk").values_list("pk", flat=True)
    )
    return {
        "home": ["/", "/en/"],
        "edition": [f"/edities/{slug}/" for slug in editions],
        "plan_list": ["/plannen/"] + [f"/plannen/?edition={slug}" for slug in editions],
        "plan": [f"/plannen/{pk}/" for pk in plan_ids[:plans]],
        "result": [f"/uitslag/{slug}/" for slug in editions],
    }


def reachable(
    pages: dict[str, list[str]], *, base_url: str, headers: dict[str, str], ca_file: Path | None
) -> dict[str, list[str]]:
    """The pages that answer 200 (each fetched once: it warms the servers up too)."""
    context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
    found: dict[str, list[str]] = {}
    for kind, paths in pages.items():
        found[kind] = []
        for path in paths:
            request = urllib.request.Request(base_url.rstrip("/") + path, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30, context=context) as answer:
                    if answer.status == 200:
                        found[kind].append(path)
            except OSError:
                continue
    return found


def targets(*, vote: Vote, pages: dict[str, list[str]], codes_file: Path, forwarded: bool) -> dict[str, Any]:
    """The targets file the locustfile reads (its docstring gives the shape)."""
    return {
        "pages": pages,
        "vote": {
            "start": f"/stemmen/{vote.slug}/",
            "ballot": f"/stemmen/{vote.slug}/stembiljet/",
            "api": f"/api/v1/editions/{vote.slug}/ballots",
            "ballots": ballots_for(vote),
        },
        "codes": str(codes_file),
        "forwarded": forwarded,
    }


@dataclass(frozen=True)
class BallotCheck:
    """The database against what the load was told: every acknowledged cast present, none twice."""

    acknowledged: int
    ballots: int
    voters_marked: int
    acknowledged_missing: int
    voters_cast_twice: int

    @property
    def duplicates(self) -> int:
        """Ballots beyond one per voter that cast (the slot constraint makes this 0 by construction)."""
        return self.ballots - self.voters_marked

    @property
    def ok(self) -> bool:
        return self.duplicates == 0 and self.acknowledged_missing == 0 and self.voters_cast_twice == 0


def check_ballots(*, vote: Vote, acknowledged: list[str]) -> BallotCheck:
    """Count ballots and marked voters in one snapshot, and look up each acknowledged code's voter."""
    from django.db import connection

    from common import codes
    from voting.models import Voter

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM voting_ballot WHERE edition_id = %(e)s),"
            " (SELECT count(*) FROM voting_voter WHERE edition_id = %(e)s AND ballots_cast > 0),"
            " (SELECT count(*) FROM voting_voter WHERE edition_id = %(e)s AND ballots_cast > 1)",
            {"e": vote.edition_id},
        )
        ballots, marked, twice = cursor.fetchone()
    hashes = [codes.credential_hash(codes.normalise(code)) for code in acknowledged]
    present = 0
    for start in range(0, len(hashes), 5000):
        present += Voter.objects.filter(
            edition_id=vote.edition_id, credential_hash__in=hashes[start : start + 5000], ballots_cast__gt=0
        ).count()
    return BallotCheck(
        acknowledged=len(acknowledged),
        ballots=ballots,
        voters_marked=marked,
        acknowledged_missing=len(set(hashes)) - present,
        voters_cast_twice=twice,
    )
