"""The suite's world: a vote in the topology's database, and the checks of what that database holds.

A script of the suite connects to the topology's database with the nodes' own settings (``connect``:
the voting key must be theirs, or the codes made here would be unknown to the nodes), makes a vote
(``make_vote``: an edition in its decision phase with N voters and their plain codes, and the key
shares that open its ballot box), sends casts and records every answer (``Answers``), and then
checks the database against those answers (``check_casts``): every acknowledged (2xx) cast's ballot
is there, no voter has two ballots (the unique (edition, slot) constraint makes that impossible, so
the check is that the numbers agree: ballots = voters marked, each voter's casts between its 2xx
answers and its attempts).

``make_counted_edition`` makes a closed vote with many ballots for the count crash (crashes.py).
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The casting benchmark's plans: ten plans from EUR 9,000 to EUR 1,000 and half their sum to spend.
PLAN_COSTS = (900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 150_000, 100_000)
MAX_CHOICES = 5

_connected = False


def connect(env: Mapping[str, str]) -> None:
    """Set up Django in this process with ``env`` (a topology's ``app_env``): same database, same keys.

    Call once, before importing anything of the app. A second call with another database is refused:
    Django's settings are per process.
    """
    global _connected
    if _connected:
        if os.environ.get("DATABASE_URL") != env.get("DATABASE_URL"):
            raise RuntimeError("this process is already connected to another database")
        return
    os.environ.update(env)
    import django

    django.setup()
    _connected = True


@dataclass(frozen=True)
class Vote:
    """An open vote: its edition, its voters' plain codes (as printed on their letters), its plans
    and the key shares that open its ballot box for a count (2 of 3 needed)."""

    edition_id: int
    slug: str
    codes: tuple[str, ...]
    plan_ids: tuple[int, ...]
    shares: tuple[str, ...]

    def ballot(self, number: int) -> dict[str, list[int]]:
        """A valid ballot, different per ``number`` (1 to MAX_CHOICES plans), so counts mean something."""
        count = 1 + number % MAX_CHOICES
        start = number % len(self.plan_ids)
        chosen = {self.plan_ids[(start + i * 3) % len(self.plan_ids)] for i in range(count)}
        return {"main": sorted(chosen)}

    def api_path(self) -> str:
        """Where the API casts: POST {"code": ..., "ballot": {...}} (201 first ballot, 200 replaced)."""
        return f"/api/v1/editions/{self.slug}/ballots"

    def start_path(self) -> str:
        """The resident's code page (the voting flow through the web form starts here)."""
        return f"/stemmen/{self.slug}/"


def _fresh_factory_numbers() -> None:
    """Number what the factories make (districts, e-mail addresses …) past every earlier run's.

    The factories count from 1 in each process, which suits a test database made for one run; the
    suite's database is kept between runs, where a second "Stadsdeel 2" would collide. The count
    starts at this millisecond instead (a run uses a few hundred numbers, runs are seconds apart).
    """
    global _numbered
    if _numbered:
        return
    import itertools
    import time

    from tests import factories

    factories._sequence = itertools.count(int(time.time() * 1000))
    _numbered = True


_numbered = False


def make_vote(*, voters: int, plan_costs: Sequence[int] = PLAN_COSTS) -> Vote:
    """An edition in its decision phase with one feasible plan per cost, its sealed ballot box set up
    by an official, and ``voters`` voters with fresh codes (the codes exist only in the result)."""
    from tests import factories

    _fresh_factory_numbers()

    edition, plans = factories.make_vote(
        plan_costs=plan_costs, total_budget_cents=sum(plan_costs) // 2, ballot_max_choices=MAX_CHOICES
    )
    codes = add_voters(edition, voters)
    return Vote(
        edition_id=edition.pk,
        slug=edition.slug,
        codes=tuple(codes),
        plan_ids=tuple(plan.pk for plan in plans),
        shares=tuple(factories.ballot_box_shares(edition)),
    )


def add_voters(edition: Any, number: int) -> list[str]:
    """``number`` voters with fresh codes for ``edition``, in bulk; their plain codes, in creation order."""
    from common import codes
    from voting.models import Voter, VoterKind

    plain = [codes.new_code() for _ in range(number)]
    Voter.objects.bulk_create(
        (
            Voter(
                edition=edition,
                kind=VoterKind.CODE,
                credential_hash=codes.credential_hash(codes.normalise(c)),
            )
            for c in plain
        ),
        batch_size=5000,
    )
    return plain


@dataclass
class Answers:
    """Every answer a load got, per code: thread-safe, so the sending threads record as they go."""

    statuses: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    receipts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, code: str, status: int, receipt: str | None = None) -> None:
        """One answer for ``code``: its HTTP status (0 for no answer at all) and a 2xx's receipt."""
        with self._lock:
            self.statuses[code].append(status)
            if receipt and 200 <= status < 300:
                self.receipts[code].append(receipt)

    def by_status(self) -> dict[int, int]:
        """How many answers had each status (0: the connection failed)."""
        totals: dict[int, int] = defaultdict(int)
        for statuses in self.statuses.values():
            for status in statuses:
                totals[status] += 1
        return dict(sorted(totals.items()))

    def acknowledged(self) -> dict[str, int]:
        """Codes with at least one 2xx answer, and how many."""
        return {
            code: sum(1 for s in statuses if 200 <= s < 300)
            for code, statuses in self.statuses.items()
            if any(200 <= s < 300 for s in statuses)
        }

    def server_errors(self) -> int:
        """Answers 500 and above."""
        return sum(n for status, n in self.by_status().items() if status >= 500)


@dataclass(frozen=True)
class Tally:
    """What the database holds for an edition, read in one snapshot."""

    ballots: int  # ballot rows
    voters_marked: int  # voters with at least one cast
    casts: int  # sum of the voters' casts (a replacement counts again)
    most_casts: int  # the highest number of casts of one voter


def tally(edition_id: int) -> Tally:
    """The edition's ballots and voters, in one statement (so in one snapshot)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM voting_ballot WHERE edition_id = %(e)s),"
            " (SELECT count(*) FROM voting_voter WHERE edition_id = %(e)s AND ballots_cast > 0),"
            " (SELECT coalesce(sum(ballots_cast), 0) FROM voting_voter WHERE edition_id = %(e)s),"
            " (SELECT coalesce(max(ballots_cast), 0) FROM voting_voter WHERE edition_id = %(e)s)",
            {"e": edition_id},
        )
        ballots, marked, casts, most = cursor.fetchone()
    return Tally(ballots=ballots, voters_marked=marked, casts=casts, most_casts=most)


@dataclass(frozen=True)
class Stored:
    """What the database holds for one code: its voter's casts and its ballot's receipt (or None)."""

    casts: int
    receipt: str | None


def stored_for(edition_id: int, codes: Sequence[str]) -> dict[str, Stored]:
    """Per plain code: the voter's cast count and the receipt of the ballot in the code's slot.

    Only the plain code joins a voter to a ballot (docs/voting.md): the suite holds the codes, so it
    can check each one; the database alone could not. Works in batches of 2,000 codes.
    """
    from common import codes as voting_codes
    from voting.models import Ballot, Voter

    hashes = {code: voting_codes.credential_hash(voting_codes.normalise(code)) for code in codes}
    slots = {code: voting_codes.ballot_slot(voting_codes.normalise(code)) for code in codes}
    casts: dict[str, int] = {}
    receipts: dict[str, str] = {}
    hash_list, slot_list = list(hashes.values()), list(slots.values())
    for start in range(0, len(hash_list), 2000):
        casts.update(
            Voter.objects.filter(edition_id=edition_id, credential_hash__in=hash_list[start : start + 2000])
            .values_list("credential_hash", "ballots_cast")
            .iterator()
        )
        receipts.update(
            Ballot.objects.filter(edition_id=edition_id, slot__in=slot_list[start : start + 2000])
            .values_list("slot", "receipt")
            .iterator()
        )
    return {
        code: Stored(casts=casts.get(hashes[code], 0), receipt=receipts.get(slots[code])) for code in codes
    }


def check_casts(vote: Vote, answers: Answers) -> list[str]:
    """What the database says went wrong with the casts ``answers`` recorded (empty: nothing).

    - every code with a 2xx answer has its ballot, under the receipt of one of its 2xx answers, or
      of a cast whose answer was lost (a node died after storing it: then the code has a non-2xx too);
    - each voter's casts lie between its 2xx answers and its attempts (a POST is applied at most once);
    - ballots ≤ voters marked: a ballot never lacks its voter, and no voter has two (the unique
      (edition, slot) constraint). Fewer ballots than voters marked happens only after a crash: the
      voter is marked in one transaction and the ballot stored in the next (voting/services/
      casting.py: one transaction would join the two rows by its id), so a node that dies between
      them leaves a voter marked whose cast was never acknowledged; their retry stores the ballot.
      After every unacknowledged cast was retried, ballots = voters marked (``crashes.py`` checks).
    """
    problems: list[str] = []
    stored = stored_for(vote.edition_id, list(answers.statuses))
    for code, statuses in answers.statuses.items():
        ok = sum(1 for s in statuses if 200 <= s < 300)
        here = stored[code]
        if ok and here.receipt is None:
            problems.append(f"an acknowledged ballot is missing (code #{vote.codes.index(code)})")
        elif ok and here.receipt not in answers.receipts[code] and len(statuses) == ok:
            problems.append(f"a ballot holds a receipt no answer gave (code #{vote.codes.index(code)})")
        if not ok <= here.casts <= len(statuses):
            problems.append(
                f"code #{vote.codes.index(code)}: {here.casts} casts stored for {ok} acknowledged of "
                f"{len(statuses)} sent"
            )
    counted = tally(vote.edition_id)
    if counted.ballots > counted.voters_marked:
        problems.append(f"{counted.ballots} ballots for {counted.voters_marked} voters who cast")
    return problems


@dataclass(frozen=True)
class CountedEdition:
    """A closed vote with many ballots, ready to count: its edition, its official, the shares."""

    edition_id: int
    official_id: int
    shares: tuple[str, ...]
    ballots: int


def make_counted_edition(*, ballots: int, seed: int = 18) -> CountedEdition:
    """An edition whose vote is over, with ``ballots`` sealed approval ballots (bench/count.py's
    realistic choices over 15 plans, inserted by COPY), to count with the real count service."""
    from accounts.models import Role
    from bench.count import BUDGET, ballot_texts, insert_ballots
    from bench.count import PLAN_COSTS as COUNT_PLAN_COSTS
    from tests import factories

    _fresh_factory_numbers()
    edition, plans = factories.make_vote(
        plan_costs=COUNT_PLAN_COSTS, total_budget_cents=BUDGET, phase="result"
    )
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    insert_ballots(edition, ballot_texts(ballots, [p.pk for p in plans], seed))
    return CountedEdition(
        edition_id=edition.pk,
        official_id=official.pk,
        shares=tuple(factories.ballot_box_shares(edition)[:2]),
        ballots=ballots,
    )


def count_result(count_id: int) -> dict[str, Any]:
    """What a finished count decided, comparable between two counts of the same ballots: its status
    and, per section, the chosen plans and each plan's votes (not the file's hash: the .pb text is
    shuffled anew by every count)."""
    from outcomes.models import Count

    count = Count.objects.get(pk=count_id)
    return {
        "status": count.status,
        "sections": {
            section.key: {"selected": sorted(section.selected), "voters": section.voters}
            for section in count.sections.order_by("position")
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench.reliability.world make-vote --voters N``, run with a topology's ``app_env``:
    make a vote in its database and print it as JSON (for a process whose Django is set up otherwise,
    such as a pytest run: tests/deploy/test_prod_local.py)."""
    import argparse
    import json
    from dataclasses import asdict

    parser = argparse.ArgumentParser(prog="python -m bench.reliability.world")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("make-vote", help="an open vote with N voters; prints it as JSON")
    make.add_argument("--voters", type=int, required=True)
    args = parser.parse_args(argv)
    connect(dict(os.environ))
    print(json.dumps(asdict(make_vote(voters=args.voters))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
