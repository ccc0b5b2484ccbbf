"""A plan and its cost lines; a plan's cost is the sum of its lines (never stored twice)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition, Theme
from places.models import Neighbourhood


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    FEASIBLE = "feasible", _("Feasible")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    IN_EXECUTION = "in_execution", _("In execution")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses the public never sees: a draft belongs to its initiator alone.
PRIVATE_STATUSES = frozenset({PlanStatus.DRAFT})


class Plan(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="plans", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="plans", verbose_name=_("theme"))
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("neighbourhood"),
        help_text=_("Empty when the plan is for the whole district."),
    )
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="plans", verbose_name=_("initiator")
    )
    public_name = models.CharField(
        _("name shown publicly"), max_length=80, help_text=_("The initiator's name as the public sees it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["status", "submitted_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=PlanStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="plan_submitted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"pk": self.pk})


class CostLine(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="cost_lines")
    description = models.CharField(_("description"), max_length=200)
    amount_cents = models.PositiveBigIntegerField(_("amount (cents)"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="cost_line_amount_positive"),
            models.CheckConstraint(condition=~Q(description=""), name="cost_line_has_description"),
        ]

    def __str__(self) -> str:
        return self.description
