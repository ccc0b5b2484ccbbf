"""Who may vote (voters, addresses, the register), what they cast (ballots, paper entries), and closure.

The secrecy design (docs/voting.md): a ``Voter`` row is the participation record of one eligible
resident; it holds only a keyed hash of their voting code (or of their register identity). The
``Ballot`` holds what was chosen, sealed to the edition's public key (``BallotBox``), under a
*slot*: a second keyed hash of the plain credential. Nothing stored joins the two, and a ballot's
content opens only with the private key that the district's officials hold in shares; only someone
presenting the plain code can find a voter's ballot, which is what replacing a ballot needs.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from outreach.models import Address
from places.models import Neighbourhood


class VoterKind(models.TextChoices):
    CODE = "code", _("Voting code (letter)")
    REGISTER = "register", _("Resident register (e-mail check)")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")


class Voter(models.Model):
    """One eligible resident's participation record: the credential's hash and how they voted.

    ``channel`` is empty until the first ballot (online) or paper entry; a conditional update that
    only succeeds from empty (or from online, for a new online ballot) makes online and paper
    exclude each other under concurrency.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="voters")
    kind = models.CharField(_("kind"), max_length=10, choices=VoterKind.choices)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
    )
    address = models.ForeignKey(
        Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="voters"
    )
    credential_hash = models.CharField(_("credential hash"), max_length=64)
    email_hash = models.CharField(_("e-mail hash"), max_length=64, blank=True)
    channel = models.CharField(_("voted by"), max_length=10, choices=Channel.choices, blank=True)
    ballots_cast = models.PositiveIntegerField(_("ballots cast"), default=0)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "credential_hash"], name="voting_voter_unique_credential"
            ),
            models.UniqueConstraint(
                fields=["edition", "email_hash"],
                condition=~Q(email_hash=""),
                name="voting_voter_unique_email",
            ),
        ]
        indexes = [models.Index(fields=["edition", "channel"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class BallotBox(models.Model):
    """The edition's election key: its public half seals ballots, its private half exists only in shares.

    The private key is generated when the vote is set up, split into ``share_count`` Shamir shares of
    which ``threshold`` rebuild it, and handed to the officials on paper; only a hash of each share
    is kept here (to tell a wrong share at the count). Casting refuses until the box exists. After
    the result is published its sealed ballots are destroyed (``ballots_destroyed_at``).
    """

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="ballot_box")
    public_key = models.BinaryField(_("public key"))
    threshold = models.PositiveSmallIntegerField(_("shares needed"))
    share_count = models.PositiveSmallIntegerField(_("shares"))
    share_hashes = models.JSONField(default=list)
    created_at = models.DateTimeField(_("set up at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("set up by")
    )
    ballots_destroyed_at = models.DateTimeField(_("sealed ballots destroyed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ballot box")
        verbose_name_plural = _("ballot boxes")
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__gte=1) & Q(threshold__lte=models.F("share_count")),
                name="voting_ballot_box_threshold_within_shares",
            ),
        ]

    def __str__(self) -> str:
        return str(self.edition)

    @property
    def share_inputs(self) -> range:
        """1..threshold: one field per share a count asks for."""
        return range(1, self.threshold + 1)


class Ballot(models.Model):
    """One voter's counted ballot, sealed, under a slot that stored data cannot join to the voter.

    No time, channel, address or person is stored; the id is random. ``sealed`` is the content
    (section key → plan ids, ranked for ranking ballots, or [plan id, points] pairs for cumulative
    ballots) sealed to the edition's ``BallotBox`` key and padded to a fixed length
    (``voting.sealing``): without the officials' shares nobody reads it, and its length says nothing.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="ballots")
    slot = models.CharField(max_length=64)
    sealed = models.BinaryField()
    receipt = models.CharField(max_length=16)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["edition", "slot"], name="voting_ballot_unique_slot")]

    def __str__(self) -> str:
        return f"{_('Ballot')} {self.receipt}"


class PaperEntryStatus(models.TextChoices):
    AWAITING_SECOND = "awaiting_second", _("Awaiting a second entry")
    CONFIRMED = "confirmed", _("Confirmed")
    MISMATCH = "mismatch", _("Entries differ: review needed")
    RESOLVED = "resolved", _("Resolved after review")
    VOID = "void", _("Declared void")


class PaperEntry(models.Model):
    """A paper ballot entered twice by two officials; only a matching (or reviewed) pair is counted.

    Once the entry is confirmed or resolved, the readings and the voter are dropped: what stays is
    who entered it, when, and ``content_hash`` (a keyed hash of the counted content) for the audit
    trail. The counted ballot itself is sealed in its slot like an online one.
    """

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="paper_entries")
    voter = models.ForeignKey(
        Voter, on_delete=models.PROTECT, null=True, blank=True, related_name="paper_entries"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PaperEntryStatus.choices, default=PaperEntryStatus.AWAITING_SECOND
    )
    first_content = models.JSONField(_("first entry"), null=True, blank=True)
    first_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("entered by")
    )
    first_at = models.DateTimeField(_("entered at"), default=timezone.now)
    second_content = models.JSONField(_("second entry"), null=True, blank=True)
    second_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    second_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    resolution_note = models.TextField(_("review note"), blank=True)
    # The voter's ballot slot, kept only until the entry is confirmed or resolved (then emptied).
    pending_slot = models.CharField(max_length=64, blank=True)
    # A keyed hash of the content that was counted, kept for the audit trail when the readings go.
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("paper ballot entry")
        verbose_name_plural = _("paper ballot entries")
        ordering = ["-first_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["voter"], condition=~Q(status="void"), name="voting_paper_one_live_entry_per_voter"
            ),
            models.CheckConstraint(
                condition=Q(second_by__isnull=True) | ~Q(second_by=models.F("first_by")),
                name="voting_paper_two_different_officials",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Paper ballot')} #{self.pk}"


class VoteClosure(models.Model):
    """An official closed the vote before its end time; the decision phase was shortened to then."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="vote_closure")
    closed_at = models.DateTimeField(_("closed at"))
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("early closure")
        verbose_name_plural = _("early closures")

    def __str__(self) -> str:
        return str(self.edition)


class EmailChallenge(models.Model):
    """A one-time code sent to a register voter's e-mail address; only its hash is kept."""

    voter = models.ForeignKey(Voter, on_delete=models.CASCADE, related_name="challenges")
    code_hash = models.CharField(max_length=64)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["voter", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.voter} ({self.expires_at:%Y-%m-%d %H:%M})"


class LetterBatch(models.Model):
    """One generated batch of voting-code letters; the PDF is the only place the plain codes exist."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="letter_batches")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    letter_count = models.PositiveIntegerField(_("letters"))
    file_name = models.CharField(max_length=200, blank=True)
    destroyed_at = models.DateTimeField(_("file destroyed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("letter batch")
        verbose_name_plural = _("letter batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.edition}: {self.letter_count} ({self.created_at:%Y-%m-%d})"


class IdempotentCast(models.Model):
    """One Idempotency-Key's cast: claimed while it runs, then its first answer, encrypted, for retries.

    A retry with the same key (the API's ``Idempotency-Key`` header, the ballot form's one-time key)
    gets this answer back instead of casting again (``voting.services.idempotency``). ``lookup`` is a
    keyed hash of the voter's scope and the key, and ``answer`` (receipt, replaced, time, content) is
    encrypted under a key derived from the same: on the API the scope is the plain voting code, on the
    web form the ballot slot with a random 128-bit key that is never stored, so nothing in the
    database finds or opens a row. The answer is written in the ballot's transaction, never in the
    voter's (docs/voting.md). The rows go with the sealed ballots after the result.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # random: no order
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    lookup = models.CharField(max_length=64)
    # The request holding the claim: a late writer whose claim was taken over stores nothing.
    attempt = models.CharField(max_length=32, blank=True)
    # How long a pending claim holds off other requests with the key; emptied with the answer.
    claimed_until = models.DateTimeField(null=True, blank=True)
    answer = models.BinaryField(null=True, blank=True)

    class Meta:
        verbose_name = _("idempotent cast")
        verbose_name_plural = _("idempotent casts")
        constraints = [
            models.UniqueConstraint(fields=["edition", "lookup"], name="voting_idempotent_cast_unique_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.edition_id}:{self.lookup[:8]}"
