"""The money ledger's entries: payments by the district, expenses by the initiators, district decisions.

Each entry moves a running total on its ``ProjectLine`` in the same transaction, with a conditional
update that the line's check constraints guard: the totals are the ledger, the entries its proof.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition

from ..ledger.storage import receipt_storage
from .agreements import ScheduledPayment
from .projects import Project, ProjectLine


class PaymentSource(models.TextChoices):
    MANUAL = "manual", _("Recorded by an official")
    IMPORT = "import", _("Imported from the finance system")


class Payment(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="payments")
    line = models.ForeignKey(ProjectLine, on_delete=models.PROTECT, related_name="payments")
    scheduled = models.ForeignKey(
        ScheduledPayment, on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    paid_on = models.DateField(_("paid on"))
    # The finance system's reference (invoice or payment number): one payment per reference per edition.
    reference = models.CharField(_("reference"), max_length=60)
    source = models.CharField(
        _("source"), max_length=10, choices=PaymentSource.choices, default=PaymentSource.MANUAL
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["project", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="payment_positive"),
            models.CheckConstraint(condition=~Q(reference=""), name="payment_has_reference"),
            models.UniqueConstraint(
                fields=["edition", "reference"], name="payment_reference_once_per_edition"
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class ReceiptKind(models.TextChoices):
    IMAGE = "image", _("Photo or scan")
    PDF = "pdf", _("PDF")


class Expense(models.Model):
    """Money the initiators spent on a line, with its receipt; receipts are seen by the project's
    owners and the district only (they may name suppliers, people and bank details)."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="expenses")
    line = models.ForeignKey(ProjectLine, on_delete=models.PROTECT, related_name="expenses")
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    spent_on = models.DateField(_("date"))
    description = models.CharField(_("what was bought"), max_length=200)
    receipt = models.FileField(_("receipt"), upload_to="%Y/%m/", storage=receipt_storage)
    receipt_kind = models.CharField(_("receipt type"), max_length=10, choices=ReceiptKind.choices)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["project", "spent_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="expense_positive"),
            models.CheckConstraint(condition=~Q(description=""), name="expense_has_description"),
        ]

    def __str__(self) -> str:
        return self.description


class LedgerDecisionKind(models.TextChoices):
    REALLOCATE = "reallocate", _("Moved between cost lines")
    TOP_UP = "top_up", _("Top-up from the edition's budget")
    RETURN = "return", _("Returned to the edition")


class LedgerDecision(models.Model):
    """A district decision that changes what a project may spend, always with a public reason."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="ledger_decisions")
    kind = models.CharField(_("kind"), max_length=12, choices=LedgerDecisionKind.choices)
    from_line = models.ForeignKey(
        ProjectLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_line = models.ForeignKey(
        ProjectLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("ledger decision")
        verbose_name_plural = _("ledger decisions")
        ordering = ["project", "decided_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="ledger_decision_positive"),
            models.CheckConstraint(condition=~Q(reason=""), name="ledger_decision_has_reason"),
            models.CheckConstraint(
                condition=(
                    Q(kind=LedgerDecisionKind.REALLOCATE, from_line__isnull=False, to_line__isnull=False)
                    | Q(kind=LedgerDecisionKind.TOP_UP, from_line__isnull=True, to_line__isnull=False)
                    | Q(kind=LedgerDecisionKind.RETURN, from_line__isnull=False, to_line__isnull=True)
                ),
                name="ledger_decision_lines_match_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_cents}"
