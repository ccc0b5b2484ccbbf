"""Invitation letters: draw addresses at random, one letter with a response code each; download, destroy.

Response codes are voting-style codes (``common.codes``: 80 random bits and a check symbol); only
their keyed hash under ``VOTING_CODE_KEY`` with the purpose "panel" is stored, so a panel code can
never be used as a voting code or the other way round. The plain codes exist only in the letters
PDF under PRIVATE_FILES_ROOT/panel_letters/, which the facilitator downloads and then destroys.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from audit.services import record
from common import codes
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.models import Address

from ...errors import PanelError
from ...models import Invitation, PanelSetup
from ..errors import RecruitmentError
from ..invitation_letters import Invitee, write_invitation_letters
from ..selectors import batch_file, letters_folder


def response_code_hash(normalised_code: str) -> str:
    """What an ``Invitation`` stores to be found by its response code (purpose "panel")."""
    return codes.keyed_hash("panel", normalised_code)


@dataclass(frozen=True)
class InvitationBatch:
    """A batch of invitations just sent: its number, size, seed and letters file."""

    number: int
    count: int
    seed: int
    path: Path


def _draw_uninvited(edition: Edition, count: int, seed: int) -> tuple[int, list[int]]:
    """The next batch number and the ids of ``count`` uninvited addresses drawn under ``seed`` (call it
    locked).

    The draw is ``random.Random(seed).sample`` over the uninvited addresses in id order.
    """
    if count < 1:
        raise RecruitmentError("count_positive")
    all_addresses = Address.objects.filter(edition=edition)
    if not all_addresses.exists():
        raise RecruitmentError("no_address_list")
    invited = Invitation.objects.filter(edition=edition, address__isnull=False).values("address_id")
    uninvited = list(all_addresses.exclude(pk__in=invited).order_by("pk").values_list("pk", flat=True))
    if count > len(uninvited):
        raise RecruitmentError("too_many", count=count, available=len(uninvited))
    chosen = random.Random(seed).sample(uninvited, count)
    number = (Invitation.objects.filter(edition=edition).aggregate(m=Max("batch"))["m"] or 0) + 1
    return number, chosen


def _store_batch(
    *, edition: Edition, number: int, rows: list[Invitation], by: User, seed: int, at: datetime | None
) -> None:
    Invitation.objects.bulk_create(rows, batch_size=1000)
    PanelSetup.objects.get_or_create(edition=edition)
    record(
        actor=by,
        action="deliberation.invitations_sent",
        target=edition,
        edition=edition,
        after={"batch": number, "count": len(rows), "seed": seed},
        at=at,
    )


def send_invitations(*, edition: Edition, count: int, by: User, seed: int | None = None) -> InvitationBatch:
    """Draw ``count`` not yet invited addresses at random and make one letter with a response code each.

    The draw is ``random.Random(seed).sample`` over the uninvited addresses in id order; the seed
    (random unless given) is kept in the audit entry, so the draw can be redone.
    """
    if count < 1:
        raise RecruitmentError("count_positive")
    seed = secrets.randbits(62) if seed is None else seed
    folder = letters_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path: Path | None = None
    try:
        with transaction.atomic():
            Edition.objects.select_for_update().filter(pk=edition.pk).first()
            number, chosen = _draw_uninvited(edition, count, seed)
            addresses = Address.objects.in_bulk(chosen)
            invitees, rows = [], []
            for address in (addresses[pk] for pk in chosen):
                code = codes.new_code()
                invitees.append(Invitee(address.street_address, address.postcode, code))
                rows.append(
                    Invitation(
                        edition=edition,
                        address=address,
                        code_hash=response_code_hash(codes.normalise(code)),
                        batch=number,
                    )
                )
            path = folder / f"{edition.pk}-{number}-{secrets.token_urlsafe(18)}.pdf"
            write_invitation_letters(edition=edition, invitees=invitees, path=path)
            _store_batch(edition=edition, number=number, rows=rows, by=by, seed=seed, at=None)
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)
        raise
    return InvitationBatch(number=number, count=count, seed=seed, path=path)


def record_printed_invitations(
    *, edition: Edition, response_codes: Sequence[str], by: User, seed: int, at: datetime | None = None
) -> int:
    """Record a batch of invitations whose letters were printed elsewhere, with the codes they carry.

    The addresses are drawn as ``send_invitations`` draws them, under ``seed``; the ``n``-th code
    goes to the ``n``-th address drawn. No letters file is made (the codes are printed already).
    All or nothing: a malformed, repeated or already used code refuses the whole batch. ``at``
    (default now) dates the invitations and the audit entry. Returns the batch number.
    """
    if not can(by, Action.RECRUIT_PANEL, edition, at=at):
        raise PanelError("not_allowed")
    hashes: list[str] = []
    for code in response_codes:
        try:
            hashes.append(response_code_hash(codes.normalise(code)))
        except codes.MalformedCode:
            raise RecruitmentError("unknown_code") from None
    if len(set(hashes)) != len(hashes):
        raise RecruitmentError("code_used")
    moment = at or timezone.now()
    with transaction.atomic():
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if Invitation.objects.filter(edition=edition, code_hash__in=hashes).exists():
            raise RecruitmentError("code_used")
        number, chosen = _draw_uninvited(edition, len(hashes), seed)
        rows = [
            Invitation(edition=edition, address_id=pk, code_hash=code_hash, batch=number, sent_at=moment)
            for pk, code_hash in zip(chosen, hashes, strict=True)
        ]
        _store_batch(edition=edition, number=number, rows=rows, by=by, seed=seed, at=moment)
    return number


def _existing_batch(edition: Edition, batch: int) -> Path:
    if not Invitation.objects.filter(edition=edition, batch=batch).exists():
        raise RecruitmentError("no_batch", batch=batch)
    path = batch_file(edition, batch)
    if path is None:
        raise RecruitmentError("letters_destroyed")
    return path


def open_invitation_letters(*, edition: Edition, batch: int, by: User) -> Path:
    """The batch's letters PDF for download; every download is audited."""
    path = _existing_batch(edition, batch)
    with transaction.atomic():
        record(
            actor=by,
            action="deliberation.invitation_letters_downloaded",
            target=edition,
            edition=edition,
            after={"batch": batch},
        )
    return path


def destroy_invitation_letters(*, edition: Edition, batch: int, by: User) -> None:
    """Delete the batch's letters PDF (the only copy of its response codes) once printed."""
    with transaction.atomic():
        path = _existing_batch(edition, batch)
        record(
            actor=by,
            action="deliberation.invitation_letters_destroyed",
            target=edition,
            edition=edition,
            after={"batch": batch},
        )
    path.unlink(missing_ok=True)
