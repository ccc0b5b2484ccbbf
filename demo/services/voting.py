"""The demo's online votes: address lists, voters with codes, ballots, paper entries and the count.

Everything a vote holds is generated from the edition's ``VoteSpec`` with a random generator seeded
by the edition's slug, so every load generates the same vote; what exists already is left as it is,
so loading again adds nothing (and keeps ballots a visitor cast with a printed code).

It goes through the voting services, told the demo's moments (``at``): the address list and the
register are imported, the voters' codes (derived from the slug, ``demo_code``) imported as letters
printed elsewhere, the online ballots cast into the sealed ballot box in bulk, the paper ballots
entered by one official and confirmed by the other, and a closed vote counted and published by
``outcomes.services``.

The ballot box is set up through ``set_up_ballot_box``, with a key derived from the edition's slug
(``demo_key_shares``), so that every load knows its shares: ``load_demo`` prints them and writes
them to var/, and the count of a closed vote opens the ballots with two of them.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import itertools
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from accounts.models import User
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import Section, ballot_sections
from common import codes, csv_safe
from editions.models import Edition
from editions.phases import Action
from outcomes.errors import OutcomeError
from outcomes.models import Count, CountStatus
from outcomes.services import compute_outcome, publish_result, start_count
from outreach.models import Address
from proposals.models import Plan, PlanStatus
from proposals.status import allowed_targets, change_status
from voting import sealing
from voting.letters import vote_url
from voting.models import BallotBox, Channel, Voter, VoterKind
from voting.services.ballot_box import set_up_ballot_box
from voting.services.bulk import VoterRow, cast_ballots, import_voters
from voting.services.casting import Credential, register_slot
from voting.services.eligibility import import_addresses, import_register
from voting.services.paper import PaperBallot, confirm_paper_ballots, enter_paper_ballots

from ..content.specs import RegisterVoterSpec, VoteSpec
from ._common import between, phase_of, phase_so_far, result_phase
from .vote_people import (
    HomeAddress,
    Resident,
    ResidentVote,
    address_list,
    ballot_plans,
    choose,
    demo_code,
    misread,
    residents_of,
    votes_of,
)

__all__ = ["LoadedVote", "demo_code", "demo_key_shares", "load_vote"]

# Paper ballots are entered in this many sittings over the vote so far.
PAPER_SITTINGS = 3


# The demo's ballot-box keys are derived from this key and the edition's slug; see ``demo_key_shares``.
DEMO_BALLOT_BOX_KEY = b"buurtbudget-demo-ballot-box"
DEMO_THRESHOLD, DEMO_SHARES = 2, 3


@dataclass(frozen=True)
class LoadedVote:
    """What ``load_vote`` leaves for the report: codes that have not voted, where to use them, and
    the ballot box's key shares (the demo's only: a real vote's shares exist on paper alone)."""

    edition: Edition
    url: str
    codes: tuple[str, ...]  # formatted, XXXX-XXXX-XXXX-XXXX-C
    shares: tuple[str, ...] = ()


def _demo_random(edition_slug: str) -> Callable[[int], bytes]:
    """A reproducible byte stream for the demo's key: HMAC-SHA256 of the slug and a counter."""
    counter = itertools.count()

    def random_bytes(length: int) -> bytes:
        out = b""
        while len(out) < length:
            message = f"{edition_slug}:{next(counter)}".encode()
            out += hmac.new(DEMO_BALLOT_BOX_KEY, message, hashlib.sha256).digest()
        return out[:length]

    return random_bytes


def demo_key_shares(edition_slug: str) -> tuple[str, ...]:
    """The shares ``set_up_ballot_box`` made for the demo edition (the same stream, the same steps)."""
    draw = _demo_random(edition_slug)
    private_key = sealing.new_private_key(draw)
    points = sealing.split_secret(
        private_key, threshold=DEMO_THRESHOLD, shares=DEMO_SHARES, random_bytes=draw
    )
    return tuple(sealing.format_share(x, y) for x, y in points)


def load_vote(*, edition: Edition, spec: VoteSpec, users: dict[str, User], now: datetime) -> LoadedVote:
    """Create what is missing of the edition's vote; count it if it closed and is not counted yet."""
    rng = random.Random(edition.slug)
    addresses = address_list(spec, rng)
    residents = residents_of(edition.slug, addresses)
    sections = ballot_sections(edition)
    votes = votes_of(edition, spec, residents, sections, rng)
    first, second = (users[email] for email in spec.officials)

    if not BallotBox.objects.filter(edition=edition).exists():
        set_up_ballot_box(
            edition=edition,
            by=first,
            threshold=DEMO_THRESHOLD,
            shares=DEMO_SHARES,
            random_bytes=_demo_random(edition.slug),
        )
    # The letters went out three weeks before the vote, after the address list was imported.
    issued_at = min(phase_of(edition, Action.VOTE).starts_at - timedelta(days=21), now)
    if not Address.objects.filter(edition=edition).exists():
        import_addresses(
            edition=edition, file=_address_csv(addresses), by=first, at=issued_at - timedelta(days=3)
        )
    # A resident's voter, ballot and paper entry are made together: a voter that exists keeps
    # whatever it holds (a visitor may have voted with a printed code).
    existing = set(Voter.objects.filter(edition=edition).values_list("credential_hash", flat=True))
    new = _import_code_voters(edition, residents, existing, by=first, at=issued_at)
    register = _import_register(edition, spec, existing, by=first, at=issued_at)
    fresh = [v for v in votes if v.resident.number in new]
    registered = _register_ballots(edition, spec, sections, rng, new=register)
    _cast_online(edition, [v for v in fresh if v.channel == Channel.ONLINE], registered, now=now)
    paper = [v for v in fresh if v.channel == Channel.PAPER]
    _enter_paper(edition, spec, paper, (first, second), sections, now)
    if spec.counted_by is not None:
        _count(edition, by=users[spec.counted_by], now=now)
    voted = {v.resident.number for v in votes}
    counted = BallotBox.objects.filter(edition=edition, ballots_destroyed_at__isnull=False).exists()
    return LoadedVote(
        edition=edition,
        url=vote_url(edition),
        codes=_unused_codes(edition, spec, [r for r in residents if r.number not in voted]),
        shares=() if counted else demo_key_shares(edition.slug),
    )


# --- Through the services --------------------------------------------------------------------


def _address_csv(addresses: Sequence[HomeAddress]) -> bytes:
    """The address list as the file an official uploads (``import_addresses`` reads it)."""
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(["address", "postcode", "neighbourhood", "eligible"])
    writer.writerows((a.street, a.postcode, a.area.neighbourhood_slug, a.eligible) for a in addresses)
    return out.getvalue().encode()


def _import_code_voters(
    edition: Edition, residents: Sequence[Resident], existing: set[str], *, by: User, at: datetime
) -> set[int]:
    """The residents' letters, as printed elsewhere with the demo's codes; the numbers of those new now
    (``existing``: the credential hashes of the edition's voters)."""
    missing = [r for r in residents if codes.credential_hash(r.code) not in existing]
    if missing:
        import_voters(
            edition=edition,
            rows=[VoterRow(r.address.postcode, r.address.street, r.code) for r in missing],
            by=by,
            at=at,
        )
    return {r.number for r in missing}


def _import_register(
    edition: Edition, spec: VoteSpec, existing: set[str], *, by: User, at: datetime
) -> set[str]:
    """Residents on the register (they vote after an e-mail check); the e-mail addresses new now."""
    missing = [p for p in spec.register if _register_hash(p) not in existing]
    if missing:
        out = io.StringIO()
        writer = csv_safe.writer(out)
        writer.writerow(["name", "birth_date", "postcode", "email", "neighbourhood"])
        writer.writerows((p.name, p.birth_date, p.postcode, p.email, p.neighbourhood_slug) for p in missing)
        import_register(edition=edition, file=out.getvalue().encode(), by=by, at=at)
    return {p.email for p in missing}


def _register_hash(person: RegisterVoterSpec) -> str:
    identity = codes.register_identity(
        name=person.name, birth_date=person.birth_date, postcode=person.postcode
    )
    return codes.register_hash(identity)


def _register_ballots(
    edition: Edition, spec: VoteSpec, sections: Sequence[Section], rng: random.Random, *, new: set[str]
) -> list[tuple[Credential, Content]]:
    """The ballots of the new register voters who voted."""
    plans = ballot_plans(edition, spec, sections)
    rules = BallotRules.of(edition)
    ballots = []
    for person in spec.register:
        # Drawn for every person, so the generator stays in step whatever exists already.
        raw = choose(rng, person.neighbourhood_slug, sections, plans, rules)
        if person.voted and person.email in new:
            credential = Credential(credential_hash=_register_hash(person), slot=register_slot(person.email))
            ballots.append((credential, validate_ballot(raw, sections=sections, rules=rules)))
    return ballots


def _cast_online(
    edition: Edition,
    votes: Sequence[ResidentVote],
    registered: Sequence[tuple[Credential, Content]],
    *,
    now: datetime,
) -> None:
    """Cast the online ballots into the sealed ballot box, halfway through the vote so far; a resident
    who changed their mind casts twice (the second ballot replaces the first)."""
    ballots = [
        (
            Credential(
                credential_hash=codes.credential_hash(v.resident.code),
                slot=codes.ballot_slot(v.resident.code),
            ),
            v.content,
        )
        for v in votes
        for _ in range(v.ballots_cast)
    ]
    if ballots or registered:
        start, end = phase_so_far(edition, Action.VOTE, now=now)
        cast_ballots(edition=edition, ballots=[*ballots, *registered], at=between(start, end, 0.5))


def _enter_paper(
    edition: Edition,
    spec: VoteSpec,
    votes: Sequence[ResidentVote],
    officials: tuple[User, User],
    sections: Sequence[Section],
    now: datetime,
) -> None:
    """Paper ballots, entered by one official and confirmed by the other, in a few sittings.

    With ``open_paper_entries`` the last two wait: one for its second entry, one for a review of
    two entries that differ. Both were entered by the second official, so the district's main demo
    account can do the second entry and the review.
    """
    if not votes:
        return
    start, end = phase_so_far(edition, Action.VOTE, now=now)
    voters = {
        v.credential_hash: v
        for v in Voter.objects.filter(
            edition=edition, credential_hash__in=[codes.credential_hash(v.resident.code) for v in votes]
        )
    }

    def paper(vote: ResidentVote) -> PaperBallot:
        code = vote.resident.code
        return PaperBallot(
            voter=voters[codes.credential_hash(code)], slot=codes.ballot_slot(code), ballot=vote.content
        )

    waiting = 2 if spec.open_paper_entries else 0
    counted, open_ = list(votes[: len(votes) - waiting]), list(votes[len(votes) - waiting :])
    first, second = officials
    sittings = min(PAPER_SITTINGS, len(counted))
    for sitting in range(sittings):
        batch = counted[sitting::sittings]
        entered_at = between(start, end, (sitting + 1) / (sittings + 2))
        confirmed_at = min(entered_at + timedelta(hours=2), end - timedelta(minutes=1), now)
        by_first, by_second = (first, second) if sitting % 2 else (second, first)
        entries = enter_paper_ballots(
            edition=edition, ballots=[paper(v) for v in batch], by=by_first, at=entered_at
        )
        confirm_paper_ballots(
            edition=edition,
            readings=[(entry, vote.content) for entry, vote in zip(entries, batch, strict=True)],
            by=by_second,
            at=confirmed_at,
        )
    if open_:
        entered_at = between(start, end, (sittings + 1) / (sittings + 2))
        entries = enter_paper_ballots(
            edition=edition, ballots=[paper(v) for v in open_], by=second, at=entered_at
        )
        mismatch = [
            (entry, misread(vote.content, sections)) for entry, vote in zip(entries, open_, strict=True)
        ][:-1]
        confirm_paper_ballots(
            edition=edition, readings=mismatch, by=first, at=min(entered_at + timedelta(hours=1), now)
        )


# --- The count and the codes to print ----------------------------------------------------------


def _count(edition: Edition, *, by: User, now: datetime) -> None:
    """Count the closed vote once, two days into the result phase, and publish it on its date.

    Publishing makes the winners "selected" without telling the initiators (the demo's notices are
    made in one place). A reload, which set the plans' statuses again, makes the winners selected
    again.
    """
    count = Count.objects.filter(edition=edition, is_current=True, status=CountStatus.DONE).first()
    if count is None:
        result = result_phase(edition)
        started = min(between(result.starts_at, result.ends_at, 0.1).replace(hour=10), now)
        try:
            queued = start_count(
                edition=edition, by=by, shares=demo_key_shares(edition.slug)[:2], background=False, at=started
            )
        except OutcomeError:
            return
        count = compute_outcome(count=queued, at=started)
        if count.status != CountStatus.DONE:
            raise RuntimeError(f"The demo count of {edition.slug} failed: {count.error}")
    publish_at = edition.results_publish_at
    if count.published_at is None and publish_at is not None and publish_at <= now:
        count = publish_result(count=count, by=by, at=publish_at, notify_initiators=False)
    winners = [pk for section in count.sections.all() for pk in section.selected]
    for plan in Plan.objects.filter(pk__in=winners).exclude(status=PlanStatus.SELECTED):
        if PlanStatus.SELECTED in allowed_targets(plan.status):
            change_status(plan=plan, to=PlanStatus.SELECTED, by=by, notify_initiators=False)


def _unused_codes(edition: Edition, spec: VoteSpec, candidates: Sequence[Resident]) -> tuple[str, ...]:
    """Codes of residents who have not voted, one from each neighbourhood in turn (visitors may
    have used earlier ones: those are skipped)."""
    if not spec.printed_codes:
        return ()
    unused = set(
        Voter.objects.filter(
            edition=edition, kind=VoterKind.CODE, channel="", revoked_at__isnull=True
        ).values_list("credential_hash", flat=True)
    )
    by_area: defaultdict[str, list[Resident]] = defaultdict(list)
    for resident in candidates:
        by_area[resident.address.area.neighbourhood_slug].append(resident)
    found: list[str] = []
    queues = [iter(residents) for residents in by_area.values()]
    while queues and len(found) < spec.printed_codes:
        for queue in list(queues):
            candidate = next(queue, None)
            if candidate is None:
                queues.remove(queue)
            elif codes.credential_hash(candidate.code) in unused and len(found) < spec.printed_codes:
                found.append(codes.format_code(candidate.code))
    return tuple(found)
