"""Voting-code letters: issue codes for the address list, reissue a lost letter, download and destroy.

A plain code is made, printed into the batch's PDF under PRIVATE_FILES_ROOT and forgotten: the
database keeps only its keyed hash. Making 10,000 letters took 205 seconds (a 41 MB PDF; measured
with ``manage.py issue_codes`` on SQLite), far too long for a request, so ``issue_codes`` records
the batch and a django-tasks task (``make_letters``) makes the codes and the PDF together. The
task's only argument is the batch id, so no plain code is ever stored in the task queue either.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from accounts.models import User
from audit.services import record
from common import codes
from common.errors import ServiceError
from editions.models import Edition
from outreach.models import Address

from ..letters import LETTERS_DIR, Letter, new_letters_path, write_letters
from ..models import LetterBatch, Voter, VoterKind


class LetterError(ServiceError):
    """A letters request that cannot be carried out."""

    messages = {
        "nothing_to_issue": _("Every address on the list already has its voting codes."),
        "batch_in_progress": _("A batch of letters is still being made. Wait until it is ready."),
        "not_ready": _("This letters file is still being made."),
        "destroyed": _("This letters file has been destroyed."),
        "file_missing": _("The letters file cannot be found on the server."),
        "already_voted": _("This voter has already voted, so their code cannot be replaced."),
        "already_revoked": _("This code has already been replaced by a new letter."),
        "not_a_letter_voter": _("Only voters who received a voting-code letter can get a new one."),
        "no_codes_yet": _("No voting codes have been issued for this address yet."),
        "all_voted": _("Every resident at this address has already voted: no letter can be replaced."),
        "voter_or_address": _("Name either a voter or an address."),
    }


def batch_in_progress(edition: Edition) -> bool:
    return LetterBatch.objects.filter(edition=edition, file_name="", destroyed_at__isnull=True).exists()


def batch_path(batch: LetterBatch) -> Path:
    return Path(settings.PRIVATE_FILES_ROOT) / LETTERS_DIR / batch.file_name


def issue_codes(*, edition: Edition, by: User, in_background: bool = True) -> LetterBatch:
    """Start a letter batch for every address without codes: one code per eligible resident.

    The batch is ready when its file is written: by the ``make_letters`` task after this
    transaction commits, or before returning when ``in_background`` is false (the command line).
    """
    with transaction.atomic():
        if batch_in_progress(edition):
            raise LetterError("batch_in_progress")
        waiting = Address.objects.select_for_update().filter(edition=edition, codes_issued=False)
        pks, counts = [], 0
        for pk, eligible in waiting.values_list("pk", "eligible_count"):
            pks.append(pk)
            counts += eligible
        if not pks:
            raise LetterError("nothing_to_issue")
        Address.objects.filter(pk__in=pks).update(codes_issued=True)
        batch = LetterBatch.objects.create(edition=edition, created_by=by, letter_count=counts)
        record(
            actor=by,
            action="voting.codes_issued",
            target=batch,
            edition=edition,
            after={"addresses": len(pks), "letters": counts},
        )
        if in_background:
            transaction.on_commit(lambda: make_letters.enqueue(batch_id=batch.pk))
    if not in_background:
        write_letter_batch(batch_id=batch.pk)
        batch.refresh_from_db()
    return batch


def _letters_for(addresses: Sequence[Address]) -> tuple[list[Letter], list[Voter]]:
    letters, voters = [], []
    for address in addresses:
        for number in range(1, address.eligible_count + 1):
            code = codes.new_code()
            letters.append(
                Letter(
                    street_address=address.street_address,
                    postcode=address.postcode,
                    neighbourhood=address.neighbourhood.name,
                    code=code,
                    number=number,
                    of_count=address.eligible_count,
                )
            )
            voters.append(
                Voter(
                    edition_id=address.edition_id,
                    kind=VoterKind.CODE,
                    address=address,
                    neighbourhood_id=address.neighbourhood_id,
                    credential_hash=codes.credential_hash(codes.normalise(code)),
                )
            )
    return letters, voters


def write_letter_batch(*, batch_id: int) -> None:
    """Make the codes and the PDF of a started batch: voters are saved only once the file exists."""
    batch = LetterBatch.objects.select_related("edition__district__municipality").get(pk=batch_id)
    if batch.file_name or batch.destroyed_at:
        return
    addresses = list(
        Address.objects.filter(edition=batch.edition, codes_issued=True, voters__isnull=True)
        .select_related("neighbourhood")
        .order_by("postcode", "street_address")
    )
    letters, voters = _letters_for(addresses)
    path = new_letters_path()
    try:
        write_letters(edition=batch.edition, letters=letters, path=path)
        with transaction.atomic():
            Voter.objects.bulk_create(voters, batch_size=1000)
            LetterBatch.objects.filter(pk=batch.pk).update(file_name=path.name, letter_count=len(letters))
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@task()
def make_letters(batch_id: int) -> None:
    """Background task: the codes and the PDF of one letter batch."""
    write_letter_batch(batch_id=batch_id)


def _codes_to_replace(*, voter: Voter | None, address: Address | None) -> list[Voter]:
    """The voters whose codes a reissue replaces (see ``reissue_code``); LetterError if none may be."""
    if (voter is None) == (address is None):
        raise LetterError("voter_or_address")
    if voter is not None:
        if voter.kind != VoterKind.CODE:
            raise LetterError("not_a_letter_voter")
        if voter.revoked_at is not None:
            raise LetterError("already_revoked")
        if voter.channel:
            raise LetterError("already_voted")
        return [voter]
    assert address is not None
    if not address.codes_issued:
        raise LetterError("no_codes_yet")
    live = list(address.voters.filter(kind=VoterKind.CODE, revoked_at__isnull=True))
    old = [v for v in live if not v.channel]
    if not old:
        raise LetterError("all_voted")
    return old


def _replacements(old: Sequence[Voter]) -> tuple[list[Letter], list[Voter]]:
    """A new letter and a new code voter for each of ``old`` (all at one address, or one voter)."""
    edition = old[0].edition
    place = old[0].address
    letters, new_voters = [], []
    for number, previous in enumerate(old, start=1):
        code = codes.new_code()
        letters.append(
            Letter(
                street_address=place.street_address if place else "",
                postcode=place.postcode if place else "",
                neighbourhood=place.neighbourhood.name if place else "",
                code=code,
                number=number,
                of_count=len(old),
            )
        )
        new_voters.append(
            Voter(
                edition=edition,
                kind=VoterKind.CODE,
                address=previous.address,
                neighbourhood_id=previous.neighbourhood_id,
                credential_hash=codes.credential_hash(codes.normalise(code)),
            )
        )
    return letters, new_voters


def reissue_code(*, by: User, voter: Voter | None = None, address: Address | None = None) -> LetterBatch:
    """Replace lost letters: the old codes stop working and a new PDF holds the new ones.

    For a voter, their one code; for an address, the code of every resident there who has not
    voted (officials cannot tell which of a household's letters was lost). A voter who has voted
    keeps their code.
    """
    old = _codes_to_replace(voter=voter, address=address)
    edition = old[0].edition
    letters, new_voters = _replacements(old)
    path = new_letters_path()
    try:
        write_letters(edition=edition, letters=letters, path=path)
        with transaction.atomic():
            revoked = Voter.objects.filter(
                pk__in=[v.pk for v in old], channel="", revoked_at__isnull=True
            ).update(revoked_at=timezone.now())
            if revoked != len(old):  # someone voted (or another official reissued) meanwhile
                raise LetterError("already_voted")
            Voter.objects.bulk_create(new_voters)
            batch = LetterBatch.objects.create(
                edition=edition, created_by=by, letter_count=len(letters), file_name=path.name
            )
            record(
                actor=by,
                action="voting.code_reissued",
                target=batch,
                edition=edition,
                after={"revoked_voters": [v.pk for v in old], "letters": len(letters)},
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return batch


def open_letter_batch(*, batch: LetterBatch, by: User) -> Path:
    """The batch's PDF for download; every download is written to the audit log."""
    if batch.destroyed_at is not None:
        raise LetterError("destroyed")
    if not batch.file_name:
        raise LetterError("not_ready")
    path = batch_path(batch)
    if not path.is_file():
        raise LetterError("file_missing")
    with transaction.atomic():
        record(actor=by, action="voting.letters_downloaded", target=batch, edition=batch.edition)
    return path


def destroy_letter_batch(*, batch: LetterBatch, by: User) -> LetterBatch:
    """Delete the batch's PDF (the only copy of its plain codes) once the letters are printed."""
    with transaction.atomic():
        locked = LetterBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.destroyed_at is not None:
            raise LetterError("destroyed")
        if not locked.file_name:
            raise LetterError("not_ready")
        locked.destroyed_at = timezone.now()
        locked.save(update_fields=["destroyed_at"])
        record(actor=by, action="voting.letters_destroyed", target=locked, edition=locked.edition)
    batch_path(locked).unlink(missing_ok=True)
    return locked
