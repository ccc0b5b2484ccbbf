"""Who follows a project or a whole edition, and which reminders have gone out (each once)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition

from .agreements import Milestone
from .projects import Project


class Follow(models.Model):
    """A person follows one project, or every project of an edition; never linked to a ballot."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(_("following since"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=True, edition__isnull=False)
                | Q(project__isnull=False, edition__isnull=True),
                name="follow_one_project_or_edition",
            ),
            models.UniqueConstraint(
                fields=["user", "project"], condition=Q(project__isnull=False), name="follow_project_once"
            ),
            models.UniqueConstraint(
                fields=["user", "edition"], condition=Q(edition__isnull=False), name="follow_edition_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.project_id or self.edition_id}"


class ReminderKind(models.TextChoices):
    MILESTONE_OVERDUE = "milestone_overdue", _("Milestone overdue")
    UPDATE_DUE = "update_due", _("Update due")


class Reminder(models.Model):
    """One reminder sent to a project's owners; the unique key makes the cron command idempotent."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # What the reminder is about: the milestone's planned date, or the start of the quiet period.
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        # Two partial constraints rather than one with nulls_distinct=False, which SQLite cannot hold.
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind", "milestone", "due_on"],
                condition=Q(milestone__isnull=False),
                name="reminder_once_per_milestone",
            ),
            models.UniqueConstraint(
                fields=["project", "kind", "due_on"],
                condition=Q(milestone__isnull=True),
                name="reminder_once_per_quiet_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on}"
