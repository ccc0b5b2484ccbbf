"""The agreement between a project's initiators and the district: versions, milestones, payment schedule.

An agreement version holds its terms as proposed (milestones, the payment schedule, conditions) in
``terms``; when both sides have confirmed it, it comes into force and its milestones and scheduled
payments become the project's live rows below, which updates, payments and reminders refer to.
A later version is proposed with a reason and, once accepted (with a public reason), supersedes it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .projects import Project, ProjectLine


class Agreement(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="agreements")
    number = models.PositiveIntegerField(_("version"))
    # {"milestones": [{"key", "title", "planned_on", "amount_cents", "line"}],
    #  "payments": [{"kind", "line", "amount_cents", "milestone", "due_on"}], "conditions": "..."}
    terms = models.JSONField(_("terms"))
    conditions = models.TextField(_("conditions"), blank=True)
    # Why this version replaces the one before (empty for the first).
    change_reason = models.TextField(_("what changes and why"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    initiators_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    initiators_confirmed_at = models.DateTimeField(_("confirmed by the initiators at"), null=True, blank=True)
    district_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    district_confirmed_at = models.DateTimeField(_("confirmed by the district at"), null=True, blank=True)
    # The public reason given when a change was accepted.
    acceptance_reason = models.TextField(_("reason for accepting the change"), blank=True)
    in_force_at = models.DateTimeField(_("in force from"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # The other side turned the version down (it is withdrawn then), with a reason the proposer reads.
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_reason = models.TextField(_("why it was declined"), blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="agreement_unique_version"),
            # At most one version in force, and at most one waiting for confirmation.
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(in_force_at__isnull=False, superseded_at__isnull=True),
                name="agreement_one_in_force",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(in_force_at__isnull=True, withdrawn_at__isnull=True),
                name="agreement_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(in_force_at__isnull=True)
                | Q(initiators_confirmed_at__isnull=False, district_confirmed_at__isnull=False),
                name="agreement_in_force_confirmed_by_both",
            ),
            models.CheckConstraint(
                condition=Q(number=1) | ~Q(change_reason=""), name="agreement_change_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(declined_by__isnull=True)
                | (Q(withdrawn_at__isnull=False) & ~Q(decline_reason="")),
                name="agreement_declined_is_withdrawn_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} v{self.number}"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    # Stable across agreement versions: a milestone kept by a new version keeps its key (and progress).
    key = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("what"), max_length=200)
    planned_on = models.DateField(_("planned date"))
    # The money tied to reaching it (an instalment is paid on it); 0 when none.
    amount_cents = models.BigIntegerField(_("money tied to it (cents)"), default=0)
    line = models.ForeignKey(ProjectLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="milestones")
    reached_at = models.DateTimeField(_("reached at"), null=True, blank=True)
    # Dropped by a later version of the agreement (kept for the history).
    dropped_at = models.DateTimeField(_("dropped at"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "planned_on", "key"]
        constraints = [
            models.UniqueConstraint(fields=["project", "key"], name="milestone_unique_key"),
            models.CheckConstraint(condition=Q(amount_cents__gte=0), name="milestone_amount_not_negative"),
            models.CheckConstraint(condition=~Q(title=""), name="milestone_has_title"),
        ]

    def __str__(self) -> str:
        return self.title


class PaymentKind(models.TextChoices):
    ADVANCE = "advance", _("Advance")
    INSTALMENT = "instalment", _("Instalment on a milestone")
    FINAL = "final", _("Final settlement")


class ScheduledPayment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scheduled_payments")
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="scheduled_payments")
    kind = models.CharField(_("kind"), max_length=12, choices=PaymentKind.choices)
    line = models.ForeignKey(ProjectLine, on_delete=models.PROTECT, related_name="scheduled_payments")
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    milestone = models.ForeignKey(
        Milestone, on_delete=models.PROTECT, null=True, blank=True, related_name="scheduled_payments"
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    # Dropped by a later version of the agreement (kept for the history).
    dropped_at = models.DateTimeField(_("dropped at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled payment")
        verbose_name_plural = _("scheduled payments")
        ordering = ["project", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="scheduled_payment_positive"),
            models.CheckConstraint(
                condition=~Q(kind=PaymentKind.INSTALMENT) | Q(milestone__isnull=False),
                name="scheduled_instalment_has_milestone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_cents}"
