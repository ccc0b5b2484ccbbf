"""Many voters or ballots at once: code voters whose letters were printed elsewhere, and many casts.

Each function does what its one-row counterpart does for every row, all or nothing: it checks every
row before writing, refuses the whole batch at the first bad one (nothing changes), and is told the
moment it acts (``at``, default now), so an import of what happened earlier keeps its dates. The
demo loads its votes through them; one-row services would take minutes for a district's list.
"""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.services import record
from ballots.rules import BallotRules, validate_ballot
from ballots.sections import ballot_sections
from common import codes
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.csv_import import bad_row
from outreach.models import Address

from ..errors import VoterListError
from ..models import Ballot, Channel, LetterBatch, Voter, VoterKind
from .ballot_box import public_key_for, seal_ballot
from .casting import Credential, Receipt, _refuse_cast, refuse_unless_open
from .eligibility import vote_has_started

BATCH = 500
LOCKED_RETRIES = 300
T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


@dataclass(frozen=True)
class VoterRow:
    """One resident's letter: the address on the edition's list, and the code printed for them."""

    postcode: str
    street_address: str
    code: str


def code_voter(*, edition: Edition, address_id: int, neighbourhood_id: int, code: str) -> Voter:
    """The voter row of a letter's code: only the code's keyed hash is kept."""
    return Voter(
        edition=edition,
        kind=VoterKind.CODE,
        address_id=address_id,
        neighbourhood_id=neighbourhood_id,
        credential_hash=codes.credential_hash(codes.normalise(code)),
    )


def import_voters(
    *, edition: Edition, rows: Sequence[VoterRow], by: User, at: datetime | None = None
) -> LetterBatch:
    """Add a code voter per row, for letters printed outside the application, or none at a bad row.

    The addresses must be on the edition's list; every code must be well formed and new. The
    addresses are marked as having their codes, and one letter batch records the import: it has no
    file here (the letters were printed elsewhere), so it is recorded as destroyed at once.
    """
    moment = at or timezone.now()
    if not can(by, Action.MANAGE_EDITION, edition, at=moment):
        raise VoterListError("not_an_official")
    if vote_has_started(edition, at=moment):
        raise VoterListError("vote_started")
    addresses = {
        (postcode, street): (pk, neighbourhood_id)
        for pk, postcode, street, neighbourhood_id in Address.objects.filter(edition=edition).values_list(
            "pk", "postcode", "street_address", "neighbourhood_id"
        )
    }
    taken = set(Voter.objects.filter(edition=edition).values_list("credential_hash", flat=True))
    voters: list[Voter] = []
    for line, row in enumerate(rows, start=1):
        found = addresses.get((row.postcode, row.street_address))
        if found is None:
            raise bad_row(
                line,
                _("the address %(address)s, %(postcode)s is not on the address list."),
                address=row.street_address,
                postcode=row.postcode,
            )
        try:
            voter = code_voter(edition=edition, address_id=found[0], neighbourhood_id=found[1], code=row.code)
        except codes.MalformedCode:
            raise bad_row(line, _("“%(value)s” is not a voting code."), value=row.code) from None
        if voter.credential_hash in taken:
            raise bad_row(line, _("this voting code is in use already."))
        taken.add(voter.credential_hash)
        voters.append(voter)
    with transaction.atomic():
        Voter.objects.bulk_create(voters, batch_size=1000)
        marked = sorted({v.address_id for v in voters if v.address_id is not None})
        for chunk in _chunks(marked):
            Address.objects.filter(pk__in=chunk).update(codes_issued=True)
        batch = LetterBatch.objects.create(
            edition=edition, created_by=by, created_at=moment, letter_count=len(voters), destroyed_at=moment
        )
        record(
            actor=by,
            action="voting.codes_issued",
            target=batch,
            edition=edition,
            after={"addresses": len(marked), "letters": len(voters), "printed_elsewhere": True},
            at=moment,
        )
    return batch


def cast_ballots(
    *, edition: Edition, ballots: Sequence[tuple[Credential, Any]], at: datetime | None = None
) -> list[Receipt]:
    """Cast many ballots, in order, as ``cast_ballot`` casts one; refuse them all at the first bad one.

    A credential that comes twice casts twice: the later ballot replaces the earlier, as it would.
    As in ``cast_ballot`` the voters are marked in one transaction and the sealed ballots written in
    another; the ballots are written in a random order, so their order does not follow the voters'.
    """
    moment = at or timezone.now()
    refuse_unless_open(edition, at=moment)
    sections, rules = ballot_sections(edition), BallotRules.of(edition)
    contents = [validate_ballot(raw, sections=sections, rules=rules) for _credential, raw in ballots]
    casts = Counter(credential.credential_hash for credential, _raw in ballots)
    before = dict(
        Voter.objects.filter(edition=edition, credential_hash__in=list(casts)).values_list(
            "credential_hash", "ballots_cast"
        )
    )
    with transaction.atomic():
        _mark_online(edition, ballots, casts)
    public_key = public_key_for(edition)
    final: dict[str, Ballot] = {}
    receipts: list[Receipt] = []
    seen: Counter[str] = Counter()
    for (credential, _raw), content in zip(ballots, contents, strict=True):
        receipt = codes.new_receipt()
        sealed = seal_ballot(edition, content, public_key=public_key)
        final[credential.slot] = Ballot(edition=edition, slot=credential.slot, sealed=sealed, receipt=receipt)
        seen[credential.credential_hash] += 1
        replaced = before.get(credential.credential_hash, 0) + seen[credential.credential_hash] > 1
        receipts.append(Receipt(receipt=receipt, replaced=replaced, cast_at=moment, content=content))
    rows = list(final.values())
    secrets.SystemRandom().shuffle(rows)
    _store_sealed(rows)
    return receipts


def _store_sealed(rows: Sequence[Ballot]) -> None:
    """Upsert the sealed ballots in one transaction; SQLite's "locked" is waited out here, as in
    ``cast_ballot``: the voters are marked already, and a retry of the whole call would count twice."""
    for attempt in range(LOCKED_RETRIES):
        try:
            with transaction.atomic():
                Ballot.objects.bulk_create(
                    rows,
                    batch_size=1000,
                    update_conflicts=True,
                    unique_fields=["edition", "slot"],
                    update_fields=["sealed", "receipt"],
                )
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(0.01)
        else:
            return


def _mark_online(edition: Edition, ballots: Sequence[tuple[Credential, Any]], casts: Counter[str]) -> None:
    """Mark every voter as voting online (``casts`` times); refuse, with the first voter's reason, if
    one cannot be: unknown or revoked code, or a paper ballot entered."""
    by_times: dict[int, list[str]] = {}
    for credential_hash, times in casts.items():
        by_times.setdefault(times, []).append(credential_hash)
    marked = 0
    for times, hashes in by_times.items():
        for chunk in _chunks(hashes):
            marked += Voter.objects.filter(
                edition=edition,
                credential_hash__in=chunk,
                revoked_at__isnull=True,
                channel__in=("", Channel.ONLINE),
            ).update(channel=Channel.ONLINE, ballots_cast=F("ballots_cast") + times)
    if marked != len(casts):
        usable = set(
            Voter.objects.filter(edition=edition, credential_hash__in=list(casts), revoked_at__isnull=True)
            .exclude(channel=Channel.PAPER)
            .values_list("credential_hash", flat=True)
        )
        first = next(credential for credential, _raw in ballots if credential.credential_hash not in usable)
        _refuse_cast(edition, first)
