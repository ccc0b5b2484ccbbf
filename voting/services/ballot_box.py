"""The sealed ballot box: set up its key in shares, seal ballots to it, open it with shares, destroy it.

The private key exists whole only inside ``set_up_ballot_box`` (until its shares are made) and inside
``open_ballots`` (until the ballots are opened): never in the database, a task argument, a log or a
file. See docs/voting.md for what each party can see.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from ballots.rules import Content
from editions.models import Edition
from editions.permissions import holds_action_roles
from editions.phases import Action

from .. import sealing
from ..errors import BallotBoxError, VoteStateError
from ..models import Ballot, BallotBox, IdempotentCast, PaperEntry

MAX_SHARES = 9
DEFAULT_THRESHOLD = 2
DEFAULT_SHARES = 3

# edition id → the public key casting seals to. The cast's SQL stores a ballot only if this is still
# the edition's key, so a stale entry (a key set up again before the vote) can never seal a ballot
# that the key's shares would not open.
_public_keys: dict[int, bytes] = {}


@dataclass(frozen=True)
class IssuedShares:
    """The shares of a newly set-up key: shown once, to be printed and handed to their holders."""

    box: BallotBox
    shares: tuple[str, ...]
    fingerprint: str


def set_up_ballot_box(
    *,
    edition: Edition,
    by: User,
    threshold: int = DEFAULT_THRESHOLD,
    shares: int = DEFAULT_SHARES,
    random_bytes: Callable[[int], bytes] | None = None,
) -> IssuedShares:
    """Generate the edition's key, split it into ``shares`` shares of which ``threshold`` open the box.

    Only the public key and a hash per share are stored. Setting up again replaces the key, which
    is refused once a ballot (online or paper) exists. ``random_bytes`` only for the demo's
    reproducible keys.
    """
    if not holds_action_roles(by, Action.MANAGE_EDITION, edition):
        raise BallotBoxError("not_an_official")
    if not (2 <= shares <= MAX_SHARES and 1 <= threshold <= shares):
        raise BallotBoxError("bad_threshold")
    draw = random_bytes or secrets.token_bytes
    private_key = sealing.new_private_key(random_bytes)
    points = sealing.split_secret(private_key, threshold=threshold, shares=shares, random_bytes=draw)
    public_key = sealing.public_key_of(private_key)
    del private_key
    with transaction.atomic():
        if (
            Ballot.objects.filter(edition=edition).exists()
            or PaperEntry.objects.filter(edition=edition).exists()
        ):
            raise BallotBoxError("ballots_exist")
        replaced = BallotBox.objects.filter(edition=edition).delete()[0] > 0
        box = BallotBox.objects.create(
            edition=edition,
            public_key=public_key,
            threshold=threshold,
            share_count=shares,
            share_hashes=[sealing.share_hash(edition.pk, x, y) for x, y in points],
            created_by=by,
        )
        record(
            actor=by,
            action="voting.ballot_box_set_up",
            target=box,
            edition=edition,
            after={
                "fingerprint": sealing.fingerprint(public_key),
                "threshold": threshold,
                "shares": shares,
                "replaced": replaced,
            },
        )
    _public_keys.pop(edition.pk, None)
    return IssuedShares(
        box=box,
        shares=tuple(sealing.format_share(x, y) for x, y in points),
        fingerprint=sealing.fingerprint(public_key),
    )


def public_key_for(edition: Edition) -> bytes:
    """The key ballots of ``edition`` are sealed to; VoteStateError if the box is not set up."""
    key = _public_keys.get(edition.pk)
    if key is None:
        stored = BallotBox.objects.filter(edition=edition).values_list("public_key", flat=True).first()
        if stored is None:
            raise VoteStateError("no_ballot_box")
        key = _public_keys[edition.pk] = bytes(stored)
    return key


def forget_public_keys() -> None:
    """Empty this process's memo of public keys (tests set up keys under reused ids)."""
    _public_keys.clear()


def seal_ballot(edition: Edition, content: Content, *, public_key: bytes) -> bytes:
    return sealing.seal(content, public_key=public_key, context=sealing.ballot_context(edition.pk))


def _private_key_from(edition: Edition, box: BallotBox, shares: Sequence[str]) -> bytes:
    """Check every share against its stored hash, then rebuild the key from ``threshold`` of them."""
    given = [share for share in shares if share.strip()]
    points: dict[int, bytes] = {}
    for position, text in enumerate(given, start=1):
        try:
            x, y = sealing.parse_share(text)
        except sealing.ShareFormatError:
            raise BallotBoxError("malformed_share", position=position) from None
        if x > box.share_count or sealing.share_hash(edition.pk, x, y) != box.share_hashes[x - 1]:
            raise BallotBoxError("invalid_share", number=x, total=box.share_count)
        if x in points:
            raise BallotBoxError("duplicate_share", number=x)
        points[x] = y
    if len(points) < box.threshold:
        raise BallotBoxError("too_few_shares", needed=box.threshold, given=len(points))
    private_key = sealing.combine_shares(sorted(points.items())[: box.threshold])
    if sealing.public_key_of(private_key) != bytes(box.public_key):
        raise BallotBoxError("invalid_share", number=min(points), total=box.share_count)
    return private_key


def check_shares(*, edition: Edition, shares: Sequence[str]) -> None:
    """BallotBoxError unless ``shares`` open the edition's box (nothing is opened)."""
    box = BallotBox.objects.filter(edition=edition).first()
    if box is None:
        raise BallotBoxError("no_ballot_box")
    _private_key_from(edition, box, shares)


def open_ballots(*, edition: Edition, shares: Sequence[str]) -> list[Content]:
    """Every counted ballot's content, opened in memory with the shares' key, in a random order.

    Without a box there can be no ballots: the answer is empty. A ballot that does not open stops
    everything (BallotBoxError): it was not sealed by this application to this key.
    """
    box = BallotBox.objects.filter(edition=edition).first()
    if box is None:
        return []
    if box.ballots_destroyed_at is not None:
        raise BallotBoxError("destroyed")
    opener = sealing.Opener(_private_key_from(edition, box, shares))
    context = sealing.ballot_context(edition.pk)
    contents: list[Content] = []
    rows = Ballot.objects.filter(edition=edition).values_list("sealed", flat=True)
    try:
        for sealed in rows.iterator(chunk_size=5_000):
            contents.append(opener.open(sealed, context=context))
    except sealing.SealError:
        raise BallotBoxError("unreadable_ballot") from None
    secrets.SystemRandom().shuffle(contents)
    return contents


def destroy_sealed_ballots(*, edition: Edition, at: datetime | None = None) -> int:
    """Delete the edition's sealed ballots (after its result is published); returns how many went.

    The answers kept for idempotent retries go with them: after the result no retry is due, and an
    answer holds a ballot's content (encrypted). Runs inside the caller's transaction
    (``outcomes.services.publish_result``), which audits it.
    """
    IdempotentCast.objects.filter(edition=edition).delete()
    destroyed, _ = Ballot.objects.filter(edition=edition).delete()
    BallotBox.objects.filter(edition=edition, ballots_destroyed_at__isnull=True).update(
        ballots_destroyed_at=at or timezone.now()
    )
    return destroyed
