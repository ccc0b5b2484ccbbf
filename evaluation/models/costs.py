"""The cost of running an edition: staff hours and money, entered by the district."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition


class ProcessCost(models.Model):
    """One line of what running the edition took: printing, venues, the panel's fees, staff hours."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="process_costs")
    description = models.CharField(_("description"), max_length=200)
    staff_hours = models.DecimalField(_("staff hours"), max_digits=8, decimal_places=1, default=Decimal(0))
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"), default=0)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)

    class Meta:
        verbose_name = _("cost of running the edition")
        verbose_name_plural = _("costs of running the edition")
        ordering = ["edition", "entered_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(staff_hours__gte=0), name="evaluation_cost_hours_not_negative"
            ),
            models.CheckConstraint(condition=~Q(description=""), name="evaluation_cost_has_description"),
        ]

    def __str__(self) -> str:
        return self.description
