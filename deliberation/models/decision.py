"""The panel's decision: a ballot round in a session, or a consensus with a reason per plan.

A round (``PanelVote``) gives each active member one ``BallotCard``: on their own phone they use
the card's code (stored as a keyed hash), on a shared tablet the facilitator opens the ballot for
them. Casting marks the card used and stores the ballot in one transaction; the ballot holds no
member, card or time, so the panel's votes are as secret as the public's. The count of a closed
round, and the result page, live in ``outcomes`` (it builds on this app).

``PanelDecision`` is what the facilitator records as the panel's decision: by which method, from
which round, and per plan (``PanelReason``) the panel's reason and, for a consensus, whether the
plan is funded. The same record serves the panel's shortlist in a hybrid edition (``step``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from proposals.models import Plan

from .panel import PanelMember
from .sessions import WorkSession


class PanelVote(models.Model):
    """One ballot round of the panel, open from ``opened_at`` until it is closed."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_votes")
    session = models.ForeignKey(
        WorkSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="votes"
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel ballot round")
        verbose_name_plural = _("panel ballot rounds")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition"], condition=Q(closed_at__isnull=True), name="panel_one_open_vote"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition} ({self.opened_at:%Y-%m-%d %H:%M})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class BallotCard(models.Model):
    """A member's one ballot in a round; ``used_at`` is set, once, in the cast's transaction."""

    vote = models.ForeignKey(PanelVote, on_delete=models.CASCADE, related_name="cards")
    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="ballot_cards")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ballot card")
        verbose_name_plural = _("ballot cards")
        constraints = [
            models.UniqueConstraint(fields=["vote", "member"], name="panel_card_once_per_member"),
            models.UniqueConstraint(fields=["vote", "code_hash"], name="panel_card_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.vote}: {self.member}"


class PanelBallot(models.Model):
    """A cast panel ballot: the choices only (the shape ``ballots.rules.validate_ballot`` returns)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(PanelVote, on_delete=models.CASCADE, related_name="ballots")
    content = models.JSONField(_("content"))

    class Meta:
        verbose_name = _("panel ballot")
        verbose_name_plural = _("panel ballots")

    def __str__(self) -> str:
        return str(self.id)


class DecisionMethod(models.TextChoices):
    VOTE = "vote", _("The members voted in a session")
    CONSENSUS = "consensus", _("The panel reached a consensus")


class PanelStep(models.TextChoices):
    DECISION = "decision", _("Decision")
    SHORTLIST = "shortlist", _("Shortlist")


class PanelDecision(models.Model):
    """The panel's recorded decision (or shortlist), with the round it came from if it voted."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_decisions")
    step = models.CharField(_("step"), max_length=12, choices=PanelStep.choices, default=PanelStep.DECISION)
    method = models.CharField(_("method"), max_length=12, choices=DecisionMethod.choices)
    vote = models.ForeignKey(PanelVote, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    summary = models.TextField(_("the panel's explanation"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    # Set when the decision takes effect in public (outcomes.services.publish_result for a decision,
    # review's publish_shortlist for a shortlist); the sessions' minutes and questions go public then.
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel decision")
        verbose_name_plural = _("panel decisions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "step"], name="panel_one_decision_per_step"),
            models.CheckConstraint(
                condition=Q(method="consensus", vote__isnull=True) | Q(method="vote", vote__isnull=False),
                name="panel_decision_vote_matches_method",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.get_step_display()}"


class PanelReason(models.Model):
    """The panel's reason for one plan; ``funded`` is what a consensus decided (empty after a vote)."""

    decision = models.ForeignKey(PanelDecision, on_delete=models.CASCADE, related_name="reasons")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="panel_reasons")
    funded = models.BooleanField(_("chosen"), null=True, blank=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("the panel's reason")
        verbose_name_plural = _("the panel's reasons")
        ordering = ["decision", "plan__title"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "plan"], name="panel_reason_once_per_plan"),
            models.CheckConstraint(condition=~Q(reason=""), name="panel_reason_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.decision}: {self.plan}"
