"""Open a ballot with a credential and cast it: the one path the web form, kiosks and the API share.

Exactly one counted ballot per voter holds in the database, under any concurrency, and nothing
stored links it to the voter (docs/voting.md):

1. a conditional UPDATE marks the voter as voting online only if they have not voted on paper and
   the decision phase is open at this moment;
2. then, in its own transaction, the ballot, sealed to the edition's public key, is upserted into
   the voter's slot: INSERT … ON CONFLICT (edition, slot) DO UPDATE, so the unique constraint turns
   any race into a replacement, never a second ballot. It is written only while the phase is
   still open and the key it was sealed to is still the edition's.

The two writes are two transactions on purpose: in one, the voter's row and the ballot's row
carried the same transaction id (PostgreSQL's ``xmin``, and the WAL's records), which joined them.
A crash between the two leaves a voter marked without a (new) ballot; the voter's retry stores it,
and the answer (201 or 200) is only sent once the ballot is stored. This is the hot path of a
city-wide vote (bench/casting.py), so the statements are written as SQL: building them through the
ORM cost three times as much CPU as running them.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import OperationalError, connection, transaction
from django.utils import timezone

from ballots.errors import BallotError
from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import ballot_sections_cached
from common import code_guard, codes
from editions.models import Edition
from editions.permissions import is_open, phases_opening
from editions.phases import Action

from ..errors import EligibilityError, IdempotencyError, VoteStateError, malformed_code
from ..models import Ballot, Channel, Voter, VoterKind
from . import idempotency as idempotent
from .ballot_box import forget_public_keys, public_key_for, seal_ballot
from .idempotency import IdempotencyKey


@dataclass(frozen=True)
class Credential:
    """What casting needs of a voter: their row's credential hash and their ballot's slot.

    ``checked`` says whether the database already confirmed the voter (the web form does before it
    shows the ballot). An unchecked credential (the API's) is confirmed by the cast itself, in the
    same statement; if no voter matches, the failure counts against ``client_ip``'s limit.
    """

    credential_hash: str
    slot: str
    checked: bool = True
    client_ip: str = ""


@dataclass(frozen=True)
class Receipt:
    """The answer to a cast. ``replayed``: it is the stored answer to an earlier request with the same
    idempotency key, returned again; nothing was cast now."""

    receipt: str
    replaced: bool
    cast_at: datetime
    content: Content
    replayed: bool = False


def code_credential(*, code: str, client_ip: str) -> Credential:
    """The unchecked credential of a voting code (no database read): the API casts with it directly.

    A malformed code is refused here (it counts as a wrong code); whether a voter has this code is
    settled by ``cast_ballot``. No limit is consulted before the code is checked: a code that
    verifies is never refused for its client's or everyone's wrong codes (``common.code_guard``).
    """
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode as bad:
        code_guard.refuse_wrong_code(client_ip, malformed_code(bad))
    return Credential(
        credential_hash=codes.credential_hash(normalised),
        slot=codes.ballot_slot(normalised),
        checked=False,
        client_ip=client_ip,
    )


def credential_for_code(*, edition: Edition, code: str, client_ip: str) -> Credential:
    """The credential a voting code opens, checked against the voters, or EligibilityError."""
    unchecked = code_credential(code=code, client_ip=client_ip)
    _check_voter(edition, unchecked)
    return Credential(credential_hash=unchecked.credential_hash, slot=unchecked.slot)


def credential_for_register_voter(voter: Voter, *, email: str) -> Credential:
    """A register voter's credential; their slot comes from the e-mail address they just proved.

    Not from anything stored: the address is kept only as a keyed hash, so the database cannot name
    a register voter's slot (docs/voting.md).
    """
    if voter.kind != VoterKind.REGISTER:
        raise EligibilityError("unknown_code")
    return Credential(credential_hash=voter.credential_hash, slot=register_slot(email))


def register_slot(email: str) -> str:
    return codes.ballot_slot(f"register-email:{email.strip().casefold()}")


def _check_voter(edition: Edition, credential: Credential) -> Voter:
    """The voter with this credential; EligibilityError if none (a wrong code: counted, and refused as
    "too_many_attempts" once its client or everyone is over a limit) or if their code was revoked."""
    voter = (
        Voter.objects.filter(edition=edition, credential_hash=credential.credential_hash)
        .only("pk", "channel", "revoked_at")
        .first()
    )
    if voter is None:
        code_guard.refuse_wrong_code(credential.client_ip, EligibilityError("unknown_code"))
    if voter.revoked_at is not None:
        raise EligibilityError("revoked_code")
    return voter


def refuse_unless_open(edition: Edition, *, at: datetime | None = None) -> None:
    if not is_open(edition, Action.VOTE, at=at):
        raise VoteStateError("vote_not_open")


def cast_ballot(
    *, edition: Edition, credential: Credential, ballot: Any, idempotency: IdempotencyKey | None = None
) -> Receipt:
    """Validate ``ballot``, seal it, store it as the voter's one counted ballot (replacing an earlier one).

    Call it outside any transaction (the web views and the API do, ``ATOMIC_REQUESTS`` is off): its
    two writes must commit separately, or the voter's row and the ballot's share a transaction id.

    With ``idempotency`` (the API's Idempotency-Key, the ballot form's one-time key) a retry gets the
    first answer back (``replayed``), counting nothing; the key with another ballot is refused
    (IdempotencyError "idempotency_key_reused"); see ``voting.services.idempotency``.
    """
    if idempotency is None:
        public_key, content = _checked_ballot(edition, credential, ballot)
        return _mark_and_store(edition, credential, content, public_key)
    for _round in range(_CLAIM_ROUNDS):
        earlier = idempotent.earlier_answer(edition=edition, key=idempotency)
        if earlier is not None:
            return _replayed(edition, earlier, ballot)
        public_key, content = _checked_ballot(edition, credential, ballot)
        if not credential.checked:  # only a real voter's key is claimed: wrong codes write nothing
            _check_voter(edition, credential)
        attempt = idempotent.claim(edition=edition, key=idempotency)
        if attempt is None:  # another request with this key got there first: wait for its answer
            continue
        claim = _Claim(key=idempotency, attempt=attempt)
        try:
            return _mark_and_store(edition, credential, content, public_key, claim=claim)
        except _ClaimLost:  # our lease ran out and a retry took the key over: its answer is the one
            continue
        except BaseException:
            idempotent.release(edition=edition, key=idempotency, attempt=attempt)
            raise
    raise IdempotencyError("idempotency_key_in_use", retry_after=1)


_CLAIM_ROUNDS = 5


@dataclass(frozen=True)
class _Claim:
    key: IdempotencyKey
    attempt: str


class _ClaimLost(Exception):
    """The claim on an idempotency key was taken over by a retry: this cast stored nothing."""


def _checked_ballot(edition: Edition, credential: Credential, ballot: Any) -> tuple[bytes, Content]:
    """The key to seal to and the validated ballot, or why not (the vote is closed, the ballot is
    invalid; an unchecked credential is judged first, so an unknown code is refused as such)."""
    refuse_unless_open(edition)
    public_key = public_key_for(edition)
    try:
        content = validate_ballot(
            ballot, sections=ballot_sections_cached(edition), rules=BallotRules.of(edition)
        )
    except BallotError:
        if not credential.checked:  # an unknown code is refused as such before its ballot is judged
            _check_voter(edition, credential)
        raise
    return public_key, content


def _replayed(edition: Edition, earlier: idempotent.Answer, ballot: Any) -> Receipt:
    """The first answer again, if ``ballot`` is the ballot it was for (compared as validated)."""
    try:
        content = validate_ballot(
            ballot, sections=ballot_sections_cached(edition), rules=BallotRules.of(edition)
        )
    except BallotError:
        content = None
    if content != earlier.content:
        raise IdempotencyError("idempotency_key_reused")
    return Receipt(
        receipt=earlier.receipt,
        replaced=earlier.replaced,
        cast_at=earlier.cast_at,
        content=earlier.content,
        replayed=True,
    )


def _mark_and_store(
    edition: Edition,
    credential: Credential,
    content: Content,
    public_key: bytes,
    *,
    claim: _Claim | None = None,
) -> Receipt:
    """The cast's two transactions: mark the voter, then store the sealed ballot (and, with a claim,
    the answer in the ballot's transaction). _ClaimLost if the claim was taken over meanwhile."""
    receipt = codes.new_receipt()
    now = timezone.now()
    mark = [Channel.ONLINE, edition.pk, credential.credential_hash, Channel.ONLINE, *_open_at(edition, now)]
    with connection.cursor() as cursor:
        # First transaction: the voter's participation (one round trip on PostgreSQL, autocommit).
        cursor.execute(_MARK_ONLINE, mark)
        row = cursor.fetchone()
        if row is None:
            _refuse_cast(edition, credential)
        answer = Receipt(receipt=receipt, replaced=row[0] > 1, cast_at=now, content=content)
        answering = None
        if claim is not None:
            answering = idempotent.answer_statement(
                edition=edition,
                key=claim.key,
                attempt=claim.attempt,
                answer=idempotent.Answer(
                    receipt=receipt, replaced=answer.replaced, cast_at=now, content=content
                ),
            )
        # Second transaction: the sealed ballot, in the slot only the plain credential names.
        stored = _store_sealed(cursor, edition, credential.slot, content, receipt, public_key, now, answering)
        if not stored:
            forget_public_keys()  # the key was set up again, or the phase closed meanwhile
            refuse_unless_open(edition)
            stored = _store_sealed(
                cursor, edition, credential.slot, content, receipt, public_key_for(edition), now, answering
            )
            if not stored:
                raise VoteStateError("vote_not_open")
    return answer


# The voter votes online only if they did not vote on paper, their code stands, and the decision
# phase is open now: the database decides at the moment of writing, whatever a cache said before.
_MARK_ONLINE = """
      UPDATE voting_voter SET channel = %s, ballots_cast = ballots_cast + 1
    WHERE edition_id = %s AND credential_hash = %s AND revoked_at IS NULL AND channel IN ('', %s)
      AND EXISTS (
        SELECT 1 FROM editions_phase
        WHERE edition_id = %s AND kind = %s AND starts_at <= %s AND ends_at > %s
      )
    RETURNING ballots_cast
"""

# The sealed ballot is written while the phase is still open and only if the key it was sealed to
# is the edition's key (a process's memo of the key may be stale).
_UPSERT_SEALED_BALLOT = """
    INSERT INTO voting_ballot (id, edition_id, slot, sealed, receipt)
    SELECT %s, %s, %s, %s, %s
    WHERE EXISTS (
        SELECT 1 FROM editions_phase
        WHERE edition_id = %s AND kind = %s AND starts_at <= %s AND ends_at > %s
      )
      AND EXISTS (SELECT 1 FROM voting_ballotbox WHERE edition_id = %s AND public_key = %s)
    ON CONFLICT (edition_id, slot) DO UPDATE SET sealed = excluded.sealed, receipt = excluded.receipt
"""

# The paper path writes inside the official's transaction, after its own checks.
_UPSERT_BALLOT = """
    INSERT INTO voting_ballot (id, edition_id, slot, sealed, receipt) VALUES (%s, %s, %s, %s, %s)
    ON CONFLICT (edition_id, slot) DO UPDATE SET sealed = excluded.sealed, receipt = excluded.receipt
"""


def _store_sealed(
    cursor: Any,
    edition: Edition,
    slot: str,
    content: Content,
    receipt: str,
    public_key: bytes,
    now: datetime,
    answering: tuple[str, list[Any]] | None = None,
) -> bool:
    """Upsert the sealed ballot; whether a row was written. SQLite's "locked" is waited out here:
    the voter is marked already, and a retry of the whole cast would count it twice.

    With ``answering`` (an idempotency key's answer statement) both are one transaction: the answer
    first, which holds the key's record while the ballot is written; _ClaimLost if the claim is gone.
    """
    sealed = seal_ballot(edition, content, public_key=public_key)
    params = [
        *_ballot_row(edition, slot, sealed, receipt),
        *_open_at(edition, now),
        edition.pk,
        _binary(public_key),
    ]
    for attempt in range(_LOCKED_RETRIES):
        try:
            if answering is None:
                cursor.execute(_UPSERT_SEALED_BALLOT, params)
                return bool(cursor.rowcount)
            return _store_with_answer(cursor, params, answering)
        except OperationalError as error:
            if "locked" not in str(error) or attempt == _LOCKED_RETRIES - 1:
                raise
            time.sleep(0.01)
    raise AssertionError("unreachable")  # the last attempt returns or raises


def _store_with_answer(cursor: Any, params: list[Any], answering: tuple[str, list[Any]]) -> bool:
    with transaction.atomic():
        cursor.execute(*answering)
        if not cursor.rowcount:
            raise _ClaimLost
        cursor.execute(_UPSERT_SEALED_BALLOT, params)
        if cursor.rowcount:
            return True
        transaction.set_rollback(True)  # not stored: neither is the answer
        return False


_LOCKED_RETRIES = 300


def _open_at(edition: Edition, now: datetime) -> list[Any]:
    """The phase condition's parameters: a phase that opens the vote for this edition, open at ``now``.

    The declaration opens the vote in one phase, none where the citizens' panel alone decides; an
    empty kind then matches no phase, so the database refuses the cast too.
    """
    moment = connection.ops.adapt_datetimefield_value(now)
    (kind,) = phases_opening(edition, Action.VOTE) or ("",)
    return [edition.pk, str(kind), moment, moment]


def _ballot_row(edition: Edition, slot: str, sealed: bytes, receipt: str) -> list[Any]:
    ballot_id = Ballot._meta.pk.get_db_prep_value(uuid.uuid4(), connection)
    return [ballot_id, edition.pk, slot, _binary(sealed), receipt]


def _binary(value: bytes) -> Any:
    return Ballot._meta.get_field("sealed").get_db_prep_value(value, connection)


def _refuse_cast(edition: Edition, credential: Credential) -> None:
    """Why the voter's row was not marked: unknown or revoked code, voted on paper, or vote closed."""
    voter = _check_voter(edition, credential)
    if voter.channel == Channel.PAPER:
        raise VoteStateError("voted_on_paper")
    raise VoteStateError("vote_not_open")


def store_counted_ballot(*, edition: Edition, slot: str, content: Content) -> str:
    """Paper path: seal a confirmed paper ballot into its slot (inside the caller's transaction).

    Returns the SHA-256 of the sealed ballot: what the paper entry keeps for the audit trail (it
    names the sealed ballot it produced, and reveals nothing of its content).
    """
    sealed = seal_ballot(edition, content, public_key=public_key_for(edition))
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT_BALLOT, _ballot_row(edition, slot, sealed, codes.new_receipt()))
    return hashlib.sha256(sealed).hexdigest()
