"""A project: one chosen plan being carried out, its owners, and its budget per cost line."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from proposals.models import CostLine, Plan


class ProjectStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    RUNNING = "running", _("Running")
    DELAYED = "delayed", _("Delayed")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class DeliveryMode(models.TextChoices):
    """How a cost line is carried out: the money goes to the initiators, or the district buys it."""

    GRANT = "grant", _("Grant to the initiators")
    DISTRICT = "district", _("Bought and done by the district")


class ChosenBy(models.TextChoices):
    VOTE = "vote", _("The vote")
    PANEL = "panel", _("The citizens' panel")


class Project(models.Model):
    plan = models.OneToOneField(
        Plan, on_delete=models.PROTECT, related_name="project", verbose_name=_("plan")
    )
    # The plan's edition, kept here so every page and summary of an edition reads one table.
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="projects", verbose_name=_("edition")
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_projects",
        verbose_name=_("district contact person"),
    )
    # Who receives the grant when it is not the initiators themselves (their association, foundation).
    grantee = models.CharField(_("grant recipient"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PREPARING
    )
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    chosen_by = models.CharField(_("chosen by"), max_length=10, choices=ChosenBy.choices)
    # Why it was chosen, as the result said it when it was published: parameters for a translated
    # sentence (the rule, the votes, the round) or the panel's own reason in its words.
    chosen_because = models.JSONField(_("why it was chosen"), default=dict, blank=True)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)
    stop_reason = models.TextField(_("why it stopped"), blank=True)
    # The moment of the last public news (an update, a milestone, a status change): for sorting and reminders.
    last_news_at = models.DateTimeField(_("last news"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["edition", "plan__title"]
        indexes = [models.Index(fields=["edition", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_percent__lte=100), name="project_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=~Q(status=ProjectStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="project_completed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProjectStatus.STOPPED)
                | (Q(stopped_at__isnull=False) & ~Q(stop_reason="")),
                name="project_stopped_has_date_and_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.plan.title

    def get_absolute_url(self) -> str:
        return reverse("execution:project", kwargs={"pk": self.pk})


class ProjectOwner(models.Model):
    """Who carries the project out for the residents: the plan's initiators when it was chosen."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="owners")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_projects",
        verbose_name=_("owner"),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("project owner")
        verbose_name_plural = _("project owners")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="project_owner_once")]

    def __str__(self) -> str:
        return f"{self.project_id} ← {self.user_id}"


class ProjectLine(models.Model):
    """One cost line of the project with its money: the ledger's running totals, kept by the database.

    ``awarded`` is what the district made available for the line (the reviewed cost split over the
    plan's cost lines, plus top-ups and reallocations); ``paid`` what the district paid out or paid
    suppliers; ``spent`` what the initiators accounted for with receipts; ``returned`` what went back
    to the edition. The checks below are the ledger's invariants: nobody, however they race, pays,
    spends or returns more than was awarded.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lines")
    cost_line = models.ForeignKey(
        CostLine, on_delete=models.PROTECT, null=True, blank=True, related_name="project_lines"
    )
    description = models.CharField(_("description"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    delivery = models.CharField(
        _("carried out as"), max_length=10, choices=DeliveryMode.choices, default=DeliveryMode.GRANT
    )
    awarded_cents = models.BigIntegerField(_("awarded (cents)"))
    committed_cents = models.BigIntegerField(_("committed (cents)"), default=0)
    paid_cents = models.BigIntegerField(_("paid (cents)"), default=0)
    spent_cents = models.BigIntegerField(_("spent (cents)"), default=0)
    returned_cents = models.BigIntegerField(_("returned (cents)"), default=0)

    class Meta:
        verbose_name = _("project cost line")
        verbose_name_plural = _("project cost lines")
        ordering = ["project", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(awarded_cents__gte=0)
                & Q(committed_cents__gte=0)
                & Q(paid_cents__gte=0)
                & Q(spent_cents__gte=0)
                & Q(returned_cents__gte=0),
                name="project_line_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(paid_cents__lte=F("awarded_cents") - F("returned_cents")),
                name="project_line_paid_within_award",
            ),
            models.CheckConstraint(
                condition=Q(spent_cents__lte=F("awarded_cents") - F("returned_cents")),
                name="project_line_spent_within_award",
            ),
            models.CheckConstraint(
                condition=Q(committed_cents__lte=F("awarded_cents")),
                name="project_line_committed_within_award",
            ),
            models.CheckConstraint(condition=~Q(description=""), name="project_line_has_description"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def remaining_cents(self) -> int:
        """What may still be paid out on this line."""
        return self.awarded_cents - self.returned_cents - self.paid_cents
