"""A notification is stored with a kind and parameters, and rendered in the reader's language."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    STATUS_CHANGED = "status_changed", _("Status changed")
    VERDICT = "verdict", _("Review verdict")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    COMMENT = "comment", _("New comment")
    CO_INITIATOR_INVITED = "co_initiator_invited", _("Invitation to be a co-initiator")
    CO_INITIATOR_ANSWERED = "co_initiator_answered", _("Co-initiator answered")
    COMMENT_HIDDEN = "comment_hidden", _("Comment hidden")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    RESULT = "result", _("Result of the vote")
    PANEL_PRESENTATION = "panel_presentation", _("Invitation to present to the citizens' panel")
    # Carrying out (execution): to a project's owners, its contact person and its followers.
    PROJECT_OPENED = "project_opened", _("Your plan became a project")
    AGREEMENT_PROPOSED = "agreement_proposed", _("Agreement to confirm")
    AGREEMENT_IN_FORCE = "agreement_in_force", _("Agreement in force")
    AGREEMENT_DECLINED = "agreement_declined", _("Agreement declined")
    PROJECT_UPDATE = "project_update", _("Project update")
    MILESTONE_REACHED = "milestone_reached", _("Milestone reached")
    PROJECT_STATUS = "project_status", _("Project status changed")
    PROJECT_COMPLETED = "project_completed", _("Project completed")
    UPDATE_HIDDEN = "update_hidden", _("Update hidden")
    HELP_ASKED = "help_asked", _("Question from a project")
    HELP_ANSWERED = "help_answered", _("Answer from the district")
    REPORT_SUBMITTED = "report_submitted", _("Final report submitted")
    REPORT_RETURNED = "report_returned", _("Final report returned")
    MILESTONE_OVERDUE = "milestone_overdue", _("Milestone overdue")
    UPDATE_DUE = "update_due", _("Update due")
    # The learning programme (evaluation): an invitation to answer a survey.
    SURVEY_INVITATION = "survey_invitation", _("Invitation to a survey")
    # The development track: ideas, coaching, pre-checks and plan workshops.
    IDEA_JOIN_ASKED = "idea_join_asked", _("Someone wants to join your idea")
    IDEA_JOIN_ANSWERED = "idea_join_answered", _("Answer to your request to join an idea")
    IDEA_COMMENT = "idea_comment", _("New comment on your idea")
    COACH_ASSIGNED = "coach_assigned", _("A coach for your idea or plan")
    COACHING_NOTE = "coaching_note", _("New in the coaching log")
    PRECHECK_ASKED = "precheck_asked", _("Pre-check asked")
    PRECHECK_ANSWERED = "precheck_answered", _("Pre-check answered")
    WORKSHOP_REMINDER = "workshop_reminder", _("Reminder of a plan workshop")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    # Text parameters (plan title, new status, …) and the page the notification points to.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"
