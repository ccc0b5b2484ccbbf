"""The panel's ballot round: open it with one card per active member, cast a ballot once per card, close it.

Secrecy: a card is found by the keyed hash of its code (``common.codes.keyed_hash``), and a cast
marks the card used and stores a ``PanelBallot`` that names no member, card or time. Exactly one
ballot per card holds under concurrency: the cast's conditional UPDATE sets ``used_at`` only where
it is still empty and the round is still open, and inserts the ballot only if that UPDATE changed a
row (see docs/panel-ballot.md). The audit log records who opened, reissued, closed, and for whom
the facilitator cast on the shared tablet; never a ballot's content.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from audit.services import record
from ballots.rules import BallotRules, validate_ballot
from ballots.sections import ballot_sections
from common import code_guard, codes
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..draw.selectors import published_draw
from ..models import BallotCard, MemberStatus, PanelBallot, PanelDecision, PanelStep, PanelVote, WorkSession
from ..steps import decision_open
from .errors import RoundError

if TYPE_CHECKING:
    from accounts.models import User

CODE_LENGTH = 10  # 50 bits: with two dozen cards a guess succeeds about once in 10¹³ tries
HASH_PURPOSE = "panel-card"
_FORGIVEN = str.maketrans({"I": "1", "L": "1", "O": "0"})


@dataclass(frozen=True)
class OpenedRound:
    """A round just opened, with the plain codes (pool id → code): they exist only here, once."""

    vote: PanelVote
    codes: Mapping[str, str]


def new_card_code() -> str:
    """A fresh card code in voting's alphabet, grouped for reading: XXXXX-XXXXX."""
    body = "".join(secrets.choice(codes.ALPHABET) for _ in range(CODE_LENGTH))
    return f"{body[:5]}-{body[5:]}"


def normalise_card_code(text: str) -> str | None:
    """The code's 10 symbols in canonical form (case, spaces, dashes and I/L/O forgiven), or None."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_FORGIVEN)
    if len(cleaned) != CODE_LENGTH or any(ch not in codes.ALPHABET for ch in cleaned):
        return None
    return cleaned


def card_code_hash(normalised: str) -> str:
    return codes.keyed_hash(HASH_PURPOSE, normalised)


def _fresh_codes(count: int) -> list[str]:
    fresh: set[str] = set()
    while len(fresh) < count:
        fresh.add(new_card_code())
    return sorted(fresh)


def _lock(edition: Edition) -> None:
    Edition.objects.select_for_update().filter(pk=edition.pk).values_list("pk", flat=True).get()


def open_round(
    *, edition: Edition, by: User, session: WorkSession | None = None, at: datetime | None = None
) -> OpenedRound:
    """Open a ballot round with one fresh card per active member of the published panel."""
    if not can(by, Action.FACILITATE_PANEL, edition, at=at):
        raise RoundError("not_allowed")
    if not decision_open(edition, at=at):
        raise RoundError("not_deciding")
    if session is not None and session.edition_id != edition.pk:
        raise RoundError("wrong_session")
    try:
        with transaction.atomic():
            _lock(edition)
            if PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION).exists():
                raise RoundError("decision_recorded")
            if PanelVote.objects.filter(edition=edition, closed_at__isnull=True).exists():
                raise RoundError("round_open")
            draw = published_draw(edition)
            members = (
                list(draw.members.filter(status=MemberStatus.ACTIVE).order_by("pool_id")) if draw else []
            )
            if not members:
                raise RoundError("no_panel")
            vote = PanelVote.objects.create(
                edition=edition, session=session, opened_by=by, **({} if at is None else {"opened_at": at})
            )
            plain = dict(zip((m.pool_id for m in members), _fresh_codes(len(members)), strict=True))
            BallotCard.objects.bulk_create(
                BallotCard(
                    vote=vote,
                    member=member,
                    code_hash=card_code_hash(normalise_card_code(plain[member.pool_id]) or ""),
                )
                for member in members
            )
            record(
                actor=by,
                action="panel.round.open",
                target=vote,
                edition=edition,
                after={"session": session.pk if session else None, "cards": sorted(plain)},
                at=at,
            )
    except IntegrityError:  # another facilitator opened a round at the same moment
        raise RoundError("round_open") from None
    return OpenedRound(vote=vote, codes=plain)


@transaction.atomic
def reissue_card(*, card: BallotCard, by: User) -> str:
    """A lost card: give the member a new code (the old one stops working); only while unused."""
    vote = card.vote
    if not can(by, Action.FACILITATE_PANEL, vote.edition):
        raise RoundError("not_allowed")
    locked = BallotCard.objects.select_for_update().select_related("vote", "member").get(pk=card.pk)
    if locked.vote.closed_at is not None:
        raise RoundError("round_closed")
    if locked.used_at is not None:
        raise RoundError("card_used")
    code = _fresh_codes(1)[0]
    locked.code_hash = card_code_hash(normalise_card_code(code) or "")
    locked.save(update_fields=["code_hash"])
    record(
        actor=by,
        action="panel.round.reissue",
        target=locked,
        edition=vote.edition,
        after={"member": locked.member.pool_id},
    )
    return code


def card_for_code(*, vote: PanelVote, code: str, client_ip: str = "") -> BallotCard:
    """The unused card of this open round with ``code``; wrong codes count against the guessing limits.

    The code is checked first: a right one is never refused for its client's wrong codes.
    """
    if vote.closed_at is not None:
        raise RoundError("round_closed")
    normalised = normalise_card_code(code)
    card = (
        BallotCard.objects.select_related("vote")
        .filter(vote=vote, code_hash=card_code_hash(normalised))
        .first()
        if normalised
        else None
    )
    if card is None:
        code_guard.refuse_wrong_code(client_ip, RoundError("unknown_code"))
    if card.used_at is not None:
        raise RoundError("already_voted")
    return card


def _hold_open_round(vote: PanelVote) -> bool:
    """Whether the round is open; on PostgreSQL a share lock keeps it open until this cast commits.

    ``close_round`` locks the round for update, so it waits for casts in flight, and a cast that
    comes after it finds the round closed: the count never misses a ballot cast before the close.
    SQLite has one writer at a time, which gives the same order.
    """
    if connection.vendor != "postgresql":
        return PanelVote.objects.filter(pk=vote.pk, closed_at__isnull=True).exists()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {PanelVote._meta.db_table} WHERE id = %s AND closed_at IS NULL FOR SHARE",
            [vote.pk],
        )
        return cursor.fetchone() is not None


def cast_panel_ballot(
    *, vote: PanelVote, card: BallotCard, raw: Any, by: User | None = None, at: datetime | None = None
) -> PanelBallot:
    """Validate ``raw`` as the online vote does, then mark the card used and store the ballot, once.

    ``by`` is the facilitator when the member votes on the shared tablet (the cast is then audited,
    without its content); on the member's own phone the card's code was their credential.
    """
    edition = vote.edition
    if card.vote_id != vote.pk:
        raise RoundError("unknown_code")
    if by is not None and not can(by, Action.FACILITATE_PANEL, edition, at=at):
        raise RoundError("not_allowed")
    if not decision_open(edition, at=at):
        raise RoundError("round_closed")
    if BallotCard.objects.filter(pk=card.pk, used_at__isnull=False).exists():
        raise RoundError("already_voted")  # before judging the ballot: that is the message that matters
    content = validate_ballot(raw, sections=ballot_sections(edition), rules=BallotRules.of(edition))
    with transaction.atomic():
        if not _hold_open_round(vote):
            raise RoundError("round_closed")
        marked = BallotCard.objects.filter(
            pk=card.pk,
            used_at__isnull=True,
            vote__in=PanelVote.objects.filter(pk=vote.pk, closed_at__isnull=True),
        ).update(used_at=at or timezone.now())
        if not marked:
            raise RoundError("already_voted")
        ballot = PanelBallot.objects.create(vote=vote, content=content)
        if by is not None:
            record(
                actor=by,
                action="panel.round.cast_on_tablet",
                target=card,
                edition=edition,
                after={"member": card.member.pool_id},
                at=at,
            )
    return ballot


@transaction.atomic
def close_round(*, vote: PanelVote, by: User, at: datetime | None = None) -> PanelVote:
    """Close the round: no more ballots. The count is the outcomes app's."""
    edition = vote.edition
    if not can(by, Action.FACILITATE_PANEL, edition, at=at):
        raise RoundError("not_allowed")
    locked = PanelVote.objects.select_for_update().get(pk=vote.pk)
    if locked.closed_at is not None:
        raise RoundError("round_closed")
    locked.closed_at = at or timezone.now()
    locked.closed_by = by
    locked.save(update_fields=["closed_at", "closed_by"])
    used = BallotCard.objects.filter(vote=locked, used_at__isnull=False).count()
    record(
        actor=by,
        action="panel.round.close",
        target=locked,
        edition=edition,
        before={"closed_at": None},
        after={
            "closed_at": locked.closed_at.isoformat(),
            "cards": BallotCard.objects.filter(vote=locked).count(),
            "used": used,
        },
        at=at,
    )
    vote.closed_at, vote.closed_by = locked.closed_at, by
    return locked
