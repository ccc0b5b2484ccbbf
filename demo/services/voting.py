"""The demo's online votes: address lists, voters with codes, ballots, paper entries and the count.

Everything a vote holds is generated from the edition's ``VoteSpec`` with a random generator seeded
by the edition's slug, so every load generates the same vote; rows that exist already are left as
they are, so loading again adds nothing (and keeps ballots a visitor cast with a printed code).

Ballots are written as the voting services write them: content checked and made canonical by
``ballots.rules.validate_ballot`` against the edition's ballot sections, sealed to the edition's
ballot-box key, slots from ``common.codes.ballot_slot`` of the voter's code, one counted ballot per
voter who voted; confirmed paper entries keep neither their readings nor their voter. The rows are
written directly (in bulk) rather than through ``cast_ballot`` and the paper services: those
refuse unless the vote is open by the real clock, and the demo records a vote that has been going
on for days (and is loaded at other moments in the tests).

The ballot box is set up through ``set_up_ballot_box``, with a key derived from the edition's slug
(``demo_key_shares``), so that every load knows its shares: ``load_demo`` prints them and writes
them to var/, and the count of a closed vote opens the ballots with two of them.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import translation

from accounts.models import User
from audit.models import AuditEntry
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import MAIN, Section, ballot_sections
from common import codes
from editions.models import BallotFormat, Edition
from editions.phases import PhaseKind
from outcomes.errors import OutcomeError
from outcomes.models import Count, CountStatus
from outcomes.services import compute_outcome, start_count
from outreach.models import Address
from places.models import Neighbourhood
from proposals.models import Plan, PlanStatus
from proposals.status import allowed_targets
from voting import sealing
from voting.letters import vote_url
from voting.models import (
    Ballot,
    BallotBox,
    Channel,
    LetterBatch,
    PaperEntry,
    PaperEntryStatus,
    Voter,
    VoterKind,
)
from voting.services.ballot_box import destroy_sealed_ballots, public_key_for, seal_ballot, set_up_ballot_box
from voting.services.casting import register_slot

from ..content.specs import VoterAreaSpec, VoteSpec
from ._common import audit_once, between, phase_of, phase_so_far

# The demo's codes are derived from this key and a number; see ``demo_code``.
DEMO_CODE_KEY = b"buurtbudget-demo-codes"
# How many residents live at an address: 1, 2, 3 or 4, with these weights.
HOUSEHOLD_WEIGHTS = (0.32, 0.38, 0.18, 0.12)
# Letters of Dutch postcodes used here (F, I, O, Q, U and Y are left out, as PostNL mostly does).
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
FLOORS = ("H", "1", "2", "3")
# Preferences: a resident who votes in a section fills it with this chance (their own
# neighbourhood's section, another neighbourhood's, the main or a theme section) ...
FILLS_OWN_SECTION = 0.92
FILLS_OTHER_NEIGHBOURHOOD_SECTION = 0.03
FILLS_SHARED_SECTION = 0.85
# ... and picks a plan there with the plan's appeal times this factor (never above MOST_LIKELY).
HOME_PLAN = 2.6
OTHER_NEIGHBOURHOOD_PLAN = 0.6
MOST_LIKELY = 0.9


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


def demo_code(edition_slug: str, number: int) -> str:
    """The normalised voting code of the demo's resident ``number`` of an edition.

    Real codes are random (``common.codes.new_code``) and exist only on the printed letters. The
    demo derives its codes from a fixed key instead, so that every load finds the same voters and
    ``load_demo`` can print codes that work: 80 bits of HMAC-SHA256 in the code alphabet, plus the
    check symbol.
    """
    digest = hmac.new(DEMO_CODE_KEY, f"{edition_slug}:{number}".encode(), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:10], "big")
    body = "".join(codes.ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(codes.BODY_LENGTH)))
    return body + codes.check_symbol(body)


@dataclass(frozen=True)
class _Address:
    street: str
    postcode: str
    area: VoterAreaSpec
    eligible: int


@dataclass(frozen=True)
class _Resident:
    number: int
    address: _Address
    code: str  # normalised


@dataclass(frozen=True)
class _Vote:
    """One resident's participation: how, how often, and the canonical content of their ballot."""

    resident: _Resident
    channel: str
    ballots_cast: int
    content: Content


@dataclass(frozen=True)
class _BallotPlan:
    pk: int
    cost_cents: int
    neighbourhood_slug: str | None
    appeal: float


def load_vote(*, edition: Edition, spec: VoteSpec, users: dict[str, User], now: datetime) -> LoadedVote:
    """Create what is missing of the edition's vote; count it if it closed and is not counted yet."""
    rng = random.Random(edition.slug)
    neighbourhoods = {n.slug: n for n in Neighbourhood.objects.filter(district=edition.district)}
    addresses = _address_list(spec, rng)
    residents = _residents(edition.slug, addresses)
    sections = ballot_sections(edition)
    votes = _votes(edition, spec, residents, sections, rng)
    first, second = (users[email] for email in spec.officials)

    if not BallotBox.objects.filter(edition=edition).exists():
        set_up_ballot_box(
            edition=edition,
            by=first,
            threshold=DEMO_THRESHOLD,
            shares=DEMO_SHARES,
            random_bytes=_demo_random(edition.slug),
        )
    _save_addresses(edition, addresses, neighbourhoods)
    _issue_letters(edition, residents, by=first, now=now)
    # A resident's voter row, ballot and paper entry are made together: a voter that exists
    # keeps whatever it holds (a visitor may have voted with a printed code).
    new = _save_code_voters(edition, residents, votes, neighbourhoods)
    fresh = [v for v in votes if v.resident.number in new]
    _save_ballots(edition, [v for v in fresh if v.channel == Channel.ONLINE])
    paper = [v for v in fresh if v.channel == Channel.PAPER]
    _save_paper(edition, spec, paper, (first, second), sections, rng, now)
    _save_register(edition, spec, sections, neighbourhoods, rng)
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


# --- The address list and the residents --------------------------------------------------------


def _address_list(spec: VoteSpec, rng: random.Random) -> list[_Address]:
    """Each area's addresses: streets in turn, house numbers going up, a postcode per block."""
    addresses: list[_Address] = []
    for area in spec.areas:
        postcodes: dict[tuple[str, int], str] = {}
        for index in range(area.addresses):
            street = area.streets[index % len(area.streets)]
            position = index // len(area.streets)
            if area.high_rise:  # a Bijlmer flat: one name, numbers in the hundreds and thousands
                house = f"{100 + position * 7 + rng.randrange(3)}"
                block = position // 20
            else:  # a gallery or porch flat: number and floor, as Amsterdam writes it ("12-2")
                house = f"{1 + (position // len(FLOORS)) * 2}-{FLOORS[position % len(FLOORS)]}"
                block = position // 24
            if (street, block) not in postcodes:
                postcodes[(street, block)] = _postcode(rng.choice(area.postcode_digits), rng)
            eligible = rng.choices((1, 2, 3, 4), weights=HOUSEHOLD_WEIGHTS)[0]
            addresses.append(_Address(f"{street} {house}", postcodes[(street, block)], area, eligible))
    return addresses


def _postcode(digits: int, rng: random.Random) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in UNUSED_POSTCODE_LETTERS:
            return f"{digits} {letters}"


def _residents(edition_slug: str, addresses: Sequence[_Address]) -> list[_Resident]:
    """One resident per eligible person, numbered in address-list order; each has their code."""
    residents: list[_Resident] = []
    for address in addresses:
        for _ in range(address.eligible):
            number = len(residents) + 1
            residents.append(_Resident(number, address, demo_code(edition_slug, number)))
    return residents


# --- Who voted, and what -----------------------------------------------------------------------


def _votes(
    edition: Edition,
    spec: VoteSpec,
    residents: Sequence[_Resident],
    sections: Sequence[Section],
    rng: random.Random,
) -> list[_Vote]:
    plans = _ballot_plans(edition, spec, sections)
    rules = BallotRules.of(edition)
    votes = []
    for resident in residents:
        area = resident.address.area
        if rng.random() >= area.turnout:
            continue
        raw = _choose(rng, area.neighbourhood_slug, sections, plans, rules)
        content = validate_ballot(raw, sections=sections, rules=rules)
        if rng.random() < spec.paper_share:
            votes.append(_Vote(resident, Channel.PAPER, 0, content))
        else:
            casts = 2 if rng.random() < spec.changed_mind_share else 1
            votes.append(_Vote(resident, Channel.ONLINE, casts, content))
    return votes


def _ballot_plans(edition: Edition, spec: VoteSpec, sections: Sequence[Section]) -> dict[int, _BallotPlan]:
    appeal = dict(spec.appeal)
    on_ballot = {plan.pk: plan for section in sections for plan in section.plans}
    where = dict(Plan.objects.filter(pk__in=on_ballot).values_list("pk", "neighbourhood__slug"))
    return {
        pk: _BallotPlan(pk, plan.cost_cents, where.get(pk), appeal.get(plan.title, 0.2))
        for pk, plan in on_ballot.items()
    }


def _choose(
    rng: random.Random,
    home: str,
    sections: Sequence[Section],
    plans: dict[int, _BallotPlan],
    rules: BallotRules,
) -> dict[str, list[int]]:
    """A resident's ballot: their own neighbourhood's plans and the district's favourites first."""
    raw: dict[str, list[int]] = {}
    for section in sections:
        own = section.key == f"n-{home}"
        if section.key.startswith("n-"):
            fills = FILLS_OWN_SECTION if own else FILLS_OTHER_NEIGHBOURHOOD_SECTION
        else:
            fills = FILLS_SHARED_SECTION
        if rng.random() >= fills:
            continue
        weights = {
            p.pk: _weight(plans[p.pk], home, local_section=section.key.startswith("n-"))
            for p in section.plans
        }
        picked = [pk for pk, weight in weights.items() if rng.random() < weight]
        chosen = _fit(rng, section, picked, weights, rules)
        if chosen:
            raw[section.key] = chosen
    if not raw:  # everyone who voted chose something: their favourite that fits its section
        section = next((s for s in sections if s.key == f"n-{home}"), None) or next(
            (s for s in sections if s.key == MAIN or not s.key.startswith("n-")), sections[0]
        )
        weights = {p.pk: _weight(plans[p.pk], home, local_section=False) for p in section.plans}
        fitting = [pk for pk in weights if section.cost_of(pk) <= section.budget_cents]
        raw[section.key] = [max(fitting, key=lambda pk: weights[pk] * rng.random())]
    return raw


def _weight(plan: _BallotPlan, home: str, *, local_section: bool) -> float:
    if local_section or plan.neighbourhood_slug is None:
        return min(MOST_LIKELY, plan.appeal)
    factor = HOME_PLAN if plan.neighbourhood_slug == home else OTHER_NEIGHBOURHOOD_PLAN
    return min(MOST_LIKELY, plan.appeal * factor)


def _fit(
    rng: random.Random, section: Section, picked: list[int], weights: dict[int, float], rules: BallotRules
) -> list[int]:
    """What of ``picked`` the ballot allows: the favourites first, up to k plans or the budget."""
    # A weighted random order (Efraimidis–Spirakis): likelier plans tend to come first.
    order = sorted(picked, key=lambda pk: rng.random() ** (1 / weights[pk]), reverse=True)
    if rules.format == BallotFormat.KNAPSACK:
        chosen, spent = [], 0
        for pk in order:
            cost = section.cost_of(pk)
            if spent + cost <= section.budget_cents:
                chosen.append(pk)
                spent += cost
        return chosen
    return order[: rules.max_choices] if rules.max_choices else order


# --- Writing the rows --------------------------------------------------------------------------


def _save_addresses(
    edition: Edition, addresses: Sequence[_Address], neighbourhoods: dict[str, Neighbourhood]
) -> None:
    existing = set(Address.objects.filter(edition=edition).values_list("postcode", "street_address"))
    Address.objects.bulk_create(
        (
            Address(
                edition=edition,
                street_address=a.street,
                postcode=a.postcode,
                neighbourhood=neighbourhoods[a.area.neighbourhood_slug],
                eligible_count=a.eligible,
                codes_issued=True,
            )
            for a in addresses
            if (a.postcode, a.street) not in existing
        ),
        batch_size=1000,
    )


def _issue_letters(edition: Edition, residents: Sequence[_Resident], *, by: User, now: datetime) -> None:
    """The letters went out three weeks before the vote; their PDF was destroyed after printing."""
    decision = phase_of(edition, PhaseKind.DECISION)
    issued_at = min(decision.starts_at - timedelta(days=21), now)
    batch, _ = LetterBatch.objects.get_or_create(
        edition=edition,
        defaults={
            "created_at": issued_at,
            "created_by": by,
            "letter_count": len(residents),
            "file_name": f"stemcodes-{edition.slug}.pdf",
            "destroyed_at": min(issued_at + timedelta(days=2), now),
        },
    )
    addresses = Address.objects.filter(edition=edition).count()
    audit_once(
        actor=by,
        action="voting.addresses_imported",
        target=edition,
        edition=edition,
        at=issued_at - timedelta(days=3),
        after={"imported": addresses, "residents": len(residents)},
    )
    audit_once(
        actor=by,
        action="voting.codes_issued",
        target=batch,
        edition=edition,
        at=issued_at,
        after={"addresses": addresses, "letters": len(residents)},
    )
    audit_once(
        actor=by,
        action="voting.letters_destroyed",
        target=batch,
        edition=edition,
        at=batch.destroyed_at or now,
    )


def _save_code_voters(
    edition: Edition,
    residents: Sequence[_Resident],
    votes: Sequence[_Vote],
    neighbourhoods: dict[str, Neighbourhood],
) -> set[int]:
    """One voter row per resident, as ``write_letter_batch`` makes them; those who voted, marked.

    Returns the numbers of the residents whose rows were made now.
    """
    address_pk = {
        (postcode, street): pk
        for pk, postcode, street in Address.objects.filter(edition=edition).values_list(
            "pk", "postcode", "street_address"
        )
    }
    existing = set(Voter.objects.filter(edition=edition).values_list("credential_hash", flat=True))
    vote_of = {v.resident.number: v for v in votes}
    new = []
    numbers = set()
    for resident in residents:
        credential = codes.credential_hash(resident.code)
        if credential in existing:
            continue
        numbers.add(resident.number)
        vote = vote_of.get(resident.number)
        address = resident.address
        new.append(
            Voter(
                edition=edition,
                kind=VoterKind.CODE,
                address_id=address_pk[(address.postcode, address.street)],
                neighbourhood=neighbourhoods[address.area.neighbourhood_slug],
                credential_hash=credential,
                channel=vote.channel if vote else "",
                ballots_cast=vote.ballots_cast if vote else 0,
            )
        )
    Voter.objects.bulk_create(new, batch_size=1000)
    return numbers


def _save_ballots(edition: Edition, votes: Sequence[_Vote]) -> None:
    """Each online voter's one ballot, in the slot of their code (as ``cast_ballot`` stores it)."""
    existing = set(Ballot.objects.filter(edition=edition).values_list("slot", flat=True))
    key = public_key_for(edition)
    Ballot.objects.bulk_create(
        (
            Ballot(
                edition=edition,
                slot=slot,
                sealed=seal_ballot(edition, v.content, public_key=key),
                receipt=codes.new_receipt(),
            )
            for v in votes
            if (slot := codes.ballot_slot(v.resident.code)) not in existing
        ),
        batch_size=1000,
    )


def _save_paper(
    edition: Edition,
    spec: VoteSpec,
    votes: Sequence[_Vote],
    officials: tuple[User, User],
    sections: Sequence[Section],
    rng: random.Random,
    now: datetime,
) -> None:
    """Paper ballots, entered by one official and confirmed by the other (``voting.services.paper``).

    With ``open_paper_entries`` the last two wait: one for its second entry, one for a review of
    two entries that differ. Both were entered by the second official, so the district's main demo
    account can do the second entry and the review.
    """
    start, end = phase_so_far(edition, PhaseKind.DECISION, now=now)
    voter_pk = dict(
        Voter.objects.filter(
            edition=edition, credential_hash__in=[codes.credential_hash(v.resident.code) for v in votes]
        ).values_list("credential_hash", "pk")
    )
    entered = set(PaperEntry.objects.filter(edition=edition).values_list("voter_id", flat=True))
    waiting = 2 if spec.open_paper_entries else 0
    first, second = officials
    entries: list[PaperEntry] = []
    ballots: list[Ballot] = []
    key = public_key_for(edition)
    for index, vote in enumerate(votes):
        entered_at = between(start, end, (index + 1) / (len(votes) + 1))
        confirmed_at = min(entered_at + timedelta(minutes=rng.randrange(20, 240)), now)
        status = PaperEntryStatus.CONFIRMED
        if index >= len(votes) - waiting:
            status = (PaperEntryStatus.MISMATCH, PaperEntryStatus.AWAITING_SECOND)[len(votes) - 1 - index]
        pk = voter_pk[codes.credential_hash(vote.resident.code)]
        if pk in entered:
            continue
        by_first, by_second = (
            (first, second) if status == PaperEntryStatus.CONFIRMED and index % 2 else (second, first)
        )
        slot = codes.ballot_slot(vote.resident.code)
        entry = PaperEntry(
            edition=edition,
            voter_id=pk,
            status=status,
            first_content=sealing.seal_reading(vote.content, edition_id=edition.pk),
            first_by=by_first,
            first_at=entered_at,
            pending_slot="" if status == PaperEntryStatus.CONFIRMED else slot,
        )
        if status == PaperEntryStatus.CONFIRMED:
            # Counted: the sealed ballot is in its slot; the entry forgets the readings and the voter.
            sealed = seal_ballot(edition, vote.content, public_key=key)
            entry.second_by, entry.second_at = by_second, confirmed_at
            entry.voter_id, entry.first_content = None, None
            entry.content_hash = hashlib.sha256(sealed).hexdigest()
            ballots.append(Ballot(edition=edition, slot=slot, sealed=sealed, receipt=codes.new_receipt()))
        elif status == PaperEntryStatus.MISMATCH:
            entry.second_by, entry.second_at = by_second, confirmed_at
            entry.second_content = sealing.seal_reading(
                _misread(vote.content, sections), edition_id=edition.pk
            )
        entries.append(entry)
    created = PaperEntry.objects.bulk_create(entries, batch_size=1000)
    Ballot.objects.bulk_create(ballots, batch_size=1000)
    _audit_paper(edition, created)


def _misread(content: Content, sections: Sequence[Section]) -> Content:
    """The second reading of a ballot whose entries differ: one plan read as its neighbour on the form."""
    key = next(iter(content))
    chosen = [int(pk) for pk in content[key]]  # type: ignore[arg-type]
    section = next(s for s in sections if s.key == key)
    others = sorted(section.plan_ids - set(chosen))
    if not others:
        return {**content, key: chosen[:-1]} if len(chosen) > 1 else content
    spent = sum(section.cost_of(pk) for pk in chosen[:-1])
    fitting = [pk for pk in others if spent + section.cost_of(pk) <= section.budget_cents] or others
    return {**content, key: sorted([*chosen[:-1], fitting[0]])}


def _audit_paper(edition: Edition, entries: Sequence[PaperEntry]) -> None:
    """The entries ``enter_paper_ballot`` and ``confirm_paper_ballot`` write, without the content."""
    if not entries:
        return
    rows = []
    with translation.override("nl"):
        for entry in entries:
            label = str(entry)[:200]
            common = {"edition": edition, "object_type": "voting.paperentry", "object_id": str(entry.pk)}
            rows.append(
                AuditEntry(
                    at=entry.first_at,
                    actor=entry.first_by,
                    action="voting.paper_entered",
                    object_label=label,
                    before={},
                    after={"entry": entry.pk},
                    **common,
                )
            )
            if entry.second_by is not None and entry.second_at is not None:
                action = (
                    "voting.paper_confirmed"
                    if entry.status == PaperEntryStatus.CONFIRMED
                    else "voting.paper_mismatch"
                )
                rows.append(
                    AuditEntry(
                        at=entry.second_at,
                        actor=entry.second_by,
                        action=action,
                        object_label=label,
                        before={},
                        after={"status": entry.status},
                        **common,
                    )
                )
    AuditEntry.objects.bulk_create(rows, batch_size=1000)


def _save_register(
    edition: Edition,
    spec: VoteSpec,
    sections: Sequence[Section],
    neighbourhoods: dict[str, Neighbourhood],
    rng: random.Random,
) -> None:
    """Residents on the register (they vote after an e-mail check), as ``import_register`` adds them."""
    if not spec.register:
        return
    existing = set(Voter.objects.filter(edition=edition).values_list("credential_hash", flat=True))
    plans = _ballot_plans(edition, spec, sections)
    rules = BallotRules.of(edition)
    voters, ballots = [], []
    for person in spec.register:
        identity = codes.register_identity(
            name=person.name, birth_date=person.birth_date, postcode=person.postcode
        )
        credential = codes.register_hash(identity)
        # Drawn for every person, so the generator stays in step whatever exists already.
        raw = _choose(rng, person.neighbourhood_slug, sections, plans, rules)
        if credential in existing:
            continue
        voters.append(
            Voter(
                edition=edition,
                kind=VoterKind.REGISTER,
                neighbourhood=neighbourhoods[person.neighbourhood_slug],
                credential_hash=credential,
                email_hash=codes.email_hash(person.email),
                channel=Channel.ONLINE if person.voted else "",
                ballots_cast=1 if person.voted else 0,
            )
        )
        if person.voted:
            content = validate_ballot(raw, sections=sections, rules=rules)
            sealed = seal_ballot(edition, content, public_key=public_key_for(edition))
            slot = register_slot(person.email)
            ballots.append(Ballot(edition=edition, slot=slot, sealed=sealed, receipt=codes.new_receipt()))
    Voter.objects.bulk_create(voters)
    Ballot.objects.bulk_create(ballots)


# --- The count and the codes to print ----------------------------------------------------------


def _count(edition: Edition, *, by: User, now: datetime) -> None:
    """Count the closed vote with the outcomes service, once, and publish it: winners become "selected".

    Publishing is recorded as ``outcomes.services.publish_result`` would (``published_at``), without
    its notifications: the demo mails nobody. A reload restores the winners' status.

    The count is dated two days into the result phase. When the demo is loaded for another moment
    than now (the tests do), the vote is not closed by the real clock and the count waits.
    """
    count = Count.objects.filter(edition=edition, is_current=True, status=CountStatus.DONE).first()
    if count is None:
        try:
            queued = start_count(
                edition=edition, by=by, shares=demo_key_shares(edition.slug)[:2], background=False
            )
        except OutcomeError:
            return
        count = compute_outcome(count=queued)
        if count.status != CountStatus.DONE:
            raise RuntimeError(f"The demo count of {edition.slug} failed: {count.error}")
        result = phase_of(edition, PhaseKind.RESULT)
        started = min(between(result.starts_at, result.ends_at, 0.1).replace(hour=10), now)
        Count.objects.filter(pk=count.pk).update(
            started_at=started, finished_at=started + timedelta(seconds=4)
        )
    if count.published_at is None and edition.results_publish_at is not None:
        Count.objects.filter(pk=count.pk).update(published_at=min(edition.results_publish_at, now))
        count.published_at = min(edition.results_publish_at, now)
    if count.published_at is not None:  # as publish_result does: the sealed ballots have served
        destroy_sealed_ballots(edition=edition)
    winners = [pk for section in count.sections.all() for pk in section.selected]
    for plan in Plan.objects.filter(pk__in=winners).exclude(status=PlanStatus.SELECTED):
        if PlanStatus.SELECTED in allowed_targets(plan.status):
            Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.SELECTED)


def _unused_codes(edition: Edition, spec: VoteSpec, candidates: Sequence[_Resident]) -> tuple[str, ...]:
    """Codes of residents who have not voted, one from each neighbourhood in turn (visitors may
    have used earlier ones: those are skipped)."""
    if not spec.printed_codes:
        return ()
    unused = set(
        Voter.objects.filter(
            edition=edition, kind=VoterKind.CODE, channel="", revoked_at__isnull=True
        ).values_list("credential_hash", flat=True)
    )
    by_area: defaultdict[str, list[_Resident]] = defaultdict(list)
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
