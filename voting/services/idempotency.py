"""Idempotent casts: a retry with the same key gets the first answer back, and nothing is cast twice.

A client that lost the answer to a cast (a node died, the network dropped) sends it again with the
same key: the API's ``Idempotency-Key`` header, or the one-time key the ballot form carries. The key's
record (``IdempotentCast``) goes through three states, each write its own short statement:

1. *claimed*: before the voter's row is touched, ``claim`` inserts the record with a random attempt
   id and a lease (``VOTING_IDEMPOTENCY_LEASE_SECONDS``). The unique (edition, lookup) constraint
   lets exactly one request with the key hold it; the others wait (``earlier_answer``).
2. *answered*: ``casting`` stores the answer (encrypted) in the same transaction as the sealed
   ballot, and only while its attempt still holds the claim (``answer_statement``): the ballot and
   the answer are stored together or not at all, and a request whose lapsed claim was taken over
   stores neither and returns the answer of the one that took it.
3. *released*: a refused cast (wrong code, invalid ballot, closed vote) stored nothing, so its claim
   is deleted (``release``) and a retry is judged afresh.

A claim whose request died (its lease ran out without an answer) is taken over by the next retry.
What a dead request may already have done — marked the voter, in the few milliseconds between that
statement and the ballot's — cannot be known without writing something in the voter's transaction,
which would join the voter to the record: the retry then counts once more (docs/api.md says so).

Secrecy (docs/voting.md): ``lookup`` and the answer's key are keyed hashes of the edition, the
voter's *scope* and the key. On the API the scope is the plain voting code, which nothing stores; on
the web form it is the ballot slot (the form has no code) and the key is 128 random bits that live
only in the page. The database alone, or with ``VOTING_CODE_KEY``, neither finds a voter's record
nor opens an answer.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection
from django.utils import timezone

from ballots.rules import Content
from common import codes
from editions.models import Edition

from .. import sealing
from ..errors import IdempotencyError
from ..models import IdempotentCast

MAX_KEY_LENGTH = 255
_LOCKED_RETRIES = 300  # SQLite's "locked" is waited out, as the cast's own statements do


@dataclass(frozen=True)
class IdempotencyKey:
    """What finds a key's record (``lookup``) and opens its answer (``secret``), for one voter."""

    lookup: str
    secret: bytes = field(repr=False)


@dataclass(frozen=True)
class Answer:
    """The first answer to a key's cast, as a retry gets it back."""

    receipt: str
    replaced: bool
    cast_at: datetime
    content: Content


def parse_key(text: str) -> str:
    """The key a client sent: 1 to 255 visible ASCII characters; a quoted string (the IETF draft's
    structured-field form, ``"…"``) is read without its quotes. IdempotencyError otherwise."""
    key = text.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not all("!" <= ch <= "~" for ch in key):
        raise IdempotencyError("bad_idempotency_key", max=MAX_KEY_LENGTH)
    return key


def new_form_key() -> str:
    """A one-time key for a ballot form: 128 random bits, which the page alone holds."""
    return secrets.token_urlsafe(16)


def for_code(*, edition: Edition, code: str, key: str) -> IdempotencyKey:
    """The API's key: scoped to the voting code itself (MalformedCode if it is not one)."""
    return _derived(edition, f"code:{codes.normalise(code)}", key)


def for_slot(*, edition: Edition, slot: str, key: str) -> IdempotencyKey:
    """The ballot form's key: scoped to the voter's ballot slot (the form carries no code)."""
    return _derived(edition, f"slot:{slot}", key)


def _derived(edition: Edition, scope: str, key: str) -> IdempotencyKey:
    material = f"{edition.pk}\n{scope}\n{key}"
    return IdempotencyKey(
        lookup=codes.keyed_hash("idempotency", material),
        secret=bytes.fromhex(codes.keyed_hash("idempotency-answer", material)),
    )


def earlier_answer(*, edition: Edition, key: IdempotencyKey) -> Answer | None:
    """The answer a request with this key already got, waiting while another request casts with it.

    None when the key is free: no record, or a claim whose lease ran out (its request died).
    IdempotencyError("idempotency_key_in_use") when the claim's holder is still casting after
    ``VOTING_IDEMPOTENCY_WAIT_SECONDS``.
    """
    deadline = time.monotonic() + settings.VOTING_IDEMPOTENCY_WAIT_SECONDS
    pause = 0.005
    while True:
        row = (
            IdempotentCast.objects.filter(edition=edition, lookup=key.lookup)
            .values_list("answer", "claimed_until")
            .first()
        )
        if row is None:
            return None
        answer, claimed_until = row
        if answer is not None:
            return _opened(edition, key, answer)
        lease_left = (claimed_until - timezone.now()).total_seconds() if claimed_until else 0.0
        if lease_left <= 0:
            return None
        waited_out = deadline - time.monotonic()
        if waited_out <= 0:
            raise IdempotencyError("idempotency_key_in_use", retry_after=max(1, round(lease_left)))
        time.sleep(min(pause, waited_out, lease_left))
        pause = min(pause * 2, 0.1)


def claim(*, edition: Edition, key: IdempotencyKey) -> str | None:
    """Take the key for this request (a new record, or one whose lease ran out): its attempt id, or
    None if another request holds the key now (then ``earlier_answer`` waits for its answer)."""
    attempt = uuid.uuid4().hex
    now = timezone.now()
    until = _moment(now + timedelta(seconds=settings.VOTING_IDEMPOTENCY_LEASE_SECONDS))
    record_id = IdempotentCast._meta.pk.get_db_prep_value(uuid.uuid4(), connection)
    with connection.cursor() as cursor:
        _execute(cursor, _CLAIM, [record_id, edition.pk, key.lookup, attempt, until])
        if cursor.rowcount:
            return attempt
        _execute(cursor, _TAKE_OVER, [attempt, until, edition.pk, key.lookup, _moment(now)])
        return attempt if cursor.rowcount else None


def answer_statement(
    *, edition: Edition, key: IdempotencyKey, attempt: str, answer: Answer
) -> tuple[str, list[Any]]:
    """The UPDATE that stores ``answer`` if ``attempt`` still holds the claim (rowcount 1), for
    ``casting`` to run in the ballot's transaction."""
    sealed = sealing.seal_answer(
        {
            "receipt": answer.receipt,
            "replaced": answer.replaced,
            "cast_at": answer.cast_at.isoformat(),
            "content": answer.content,
        },
        key=key.secret,
        context=_context(edition, key),
    )
    stored = IdempotentCast._meta.get_field("answer").get_db_prep_value(sealed, connection)
    return _ANSWER, [stored, edition.pk, key.lookup, attempt]


def release(*, edition: Edition, key: IdempotencyKey, attempt: str) -> None:
    """Give the key back after a cast that stored nothing, so a retry is judged afresh."""
    with connection.cursor() as cursor:
        _execute(cursor, _RELEASE, [edition.pk, key.lookup, attempt])


def _opened(edition: Edition, key: IdempotencyKey, stored: Any) -> Answer:
    fields = sealing.open_answer(stored, key=key.secret, context=_context(edition, key))
    return Answer(
        receipt=fields["receipt"],
        replaced=bool(fields["replaced"]),
        cast_at=datetime.fromisoformat(fields["cast_at"]),
        content=fields["content"],
    )


def _context(edition: Edition, key: IdempotencyKey) -> bytes:
    """What an answer is bound to: its edition and its record (it opens nowhere else)."""
    return sealing.ballot_context(edition.pk) + b":answer:" + key.lookup.encode()


def _moment(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def _execute(cursor: Any, sql: str, params: list[Any]) -> None:
    for attempt in range(_LOCKED_RETRIES):
        try:
            cursor.execute(sql, params)
        except OperationalError as error:
            if "locked" not in str(error) or attempt == _LOCKED_RETRIES - 1:
                raise
            time.sleep(0.01)
        else:
            return


_CLAIM = """
    INSERT INTO voting_idempotentcast (id, edition_id, lookup, attempt, claimed_until, answer)
    VALUES (%s, %s, %s, %s, %s, NULL)
    ON CONFLICT (edition_id, lookup) DO NOTHING
"""

_TAKE_OVER = """
    UPDATE voting_idempotentcast SET attempt = %s, claimed_until = %s
    WHERE edition_id = %s AND lookup = %s AND answer IS NULL AND claimed_until <= %s
"""

# The answer and the end of the claim: the record then holds no time and no attempt.
_ANSWER = """
    UPDATE voting_idempotentcast SET answer = %s, attempt = '', claimed_until = NULL
    WHERE edition_id = %s AND lookup = %s AND attempt = %s AND answer IS NULL
"""

_RELEASE = """
    DELETE FROM voting_idempotentcast
    WHERE edition_id = %s AND lookup = %s AND attempt = %s AND answer IS NULL
"""
