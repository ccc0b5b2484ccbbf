"""The purges of the vote: the register and its codes, the sealed ballots, the panel's contact
details and its voting cards."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Q, QuerySet

from deliberation.management.commands.delete_panel_data import erase_panel_data
from deliberation.models import BallotCard, Respondent
from editions.models import Edition
from outreach.models import Address
from voting.models import Ballot, EmailChallenge, IdempotentCast, LetterBatch, PaperEntry, Voter
from voting.services.ballot_box import destroy_sealed_ballots
from voting.services.letters import batch_path

from .. import clocks
from ..batches import delete_rows, empty_rows
from .shared import (
    EXPIRED_CODE_GRACE,
    PURGED_MARK,
    Rows,
    edition_period_days,
    period_days,
    purged_mark,
)


def purge_voters(*, at: datetime, dry_run: bool = False) -> Rows:
    """After the result and the edition's appeal period (``voter_data_days``): the register's
    addresses are emptied (their neighbourhood and number of eligible residents stay: the turnout's
    denominator), every voter record is emptied of its code and e-mail hash (its neighbourhood and
    channel stay for the turnout figures), the one-time codes go and a letters file left is deleted.
    Expired one-time codes go a day after they expire, whatever the edition."""
    editions = clocks.editions_past(clocks.result_or_end(), at=at, days=edition_period_days("voters"))
    voters = Voter.objects.filter(edition__in=editions).exclude(credential_hash__startswith=PURGED_MARK)
    hashes = {
        "credential_hash": purged_mark(),
        "email_hash": "",
        "address": None,
    }
    expired = Q(expires_at__lt=at - EXPIRED_CODE_GRACE) | Q(voter__edition__in=editions)
    letters = LetterBatch.objects.filter(edition__in=editions, destroyed_at__isnull=True)
    letters = letters.exclude(file_name="")
    return {
        "voting.emailchallenge": delete_rows(EmailChallenge.objects.filter(expired), dry_run=dry_run),
        "voting.voter": empty_rows(voters, hashes, dry_run=dry_run),
        "outreach.address": empty_rows(
            Address.objects.filter(edition__in=editions).exclude(postcode=""),
            {"street_address": purged_mark(), "postcode": ""},
            dry_run=dry_run,
        ),
        "voting.letterbatch": _destroy_letters(letters, at=at, dry_run=dry_run),
    }


def _destroy_letters(letters: QuerySet[LetterBatch], *, at: datetime, dry_run: bool) -> int:
    """Delete the letters files (the only copies of plain codes) that were never destroyed by hand."""
    if dry_run:
        return letters.count()
    destroyed = 0
    for batch in list(letters):
        with transaction.atomic():
            if LetterBatch.objects.filter(pk=batch.pk, destroyed_at__isnull=True).update(destroyed_at=at):
                transaction.on_commit(partial(batch_path(batch).unlink, missing_ok=True))
                destroyed += 1
    return destroyed


def purge_ballots(*, at: datetime, dry_run: bool = False) -> Rows:
    """Sealed ballots of editions whose result is published (publishing destroys them; this catches
    any left), and the sealed readings of paper ballots (their content hash stays for the audit).

    An edition without a published result keeps its ballots as long as its voter register: until its
    appeal period has passed after its end. A count that is late must still find its ballots; a vote
    that was called off does not keep them for ever.
    """
    published = clocks.results_published()
    unpublished = {pk: end for pk, end in clocks.edition_ends().items() if pk not in published}
    editions = clocks.editions_past(published, at=at, days=period_days("ballots")) + clocks.editions_past(
        unpublished, at=at, days=edition_period_days("voters")
    )
    sealed = Ballot.objects.filter(edition__in=editions)
    answers = IdempotentCast.objects.filter(edition__in=editions)  # retried casts' answers go with them
    answered = answers.count()
    readings = PaperEntry.objects.filter(edition__in=editions).filter(
        Q(first_content__isnull=False) | Q(second_content__isnull=False) | ~Q(pending_slot="")
    )
    if dry_run:
        destroyed = sealed.count()
    else:
        destroyed = 0
        holding = Q(pk__in=sealed.values("edition_id")) | Q(pk__in=answers.values("edition_id"))
        for edition in Edition.objects.filter(holding):
            with transaction.atomic():
                destroyed += destroy_sealed_ballots(edition=edition, at=at)
    return {
        "voting.ballot": destroyed,
        "voting.idempotentcast": answered,
        "voting.paperentry": empty_rows(
            readings, {"first_content": None, "second_content": None, "pending_slot": ""}, dry_run=dry_run
        ),
    }


def purge_panel(*, at: datetime, dry_run: bool = False) -> Rows:
    """The panel's contact details and its voting cards' codes, after the edition ends and the
    edition's own period (``panel_contact_days``); the anonymised pool and the draw stay."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=edition_period_days("panel"))
    cards = BallotCard.objects.filter(vote__edition__in=editions).exclude(code_hash__startswith=PURGED_MARK)
    if dry_run:
        respondents = Respondent.objects.filter(edition__in=editions, erased_at__isnull=True).count()
    else:
        respondents = 0
        for edition in Edition.objects.filter(pk__in=editions):
            respondents += erase_panel_data(edition)[0]
    codes = {"code_hash": purged_mark()}
    return {
        "deliberation.respondent": respondents,
        "deliberation.ballotcard": empty_rows(cards, codes, dry_run=dry_run),
    }
