"""Where a project got stuck: blockers with a category and how they were solved, and help requests
to the district's contact person with their response times (the learning programme's raw material)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .progress import AuthorSide
from .projects import Project


class BlockerCategory(models.TextChoices):
    PERMIT = "permit", _("Permit")
    LOCATION = "location", _("Location")
    PROCUREMENT = "procurement", _("Procurement")
    VOLUNTEERS = "volunteers", _("Volunteers")
    MONEY = "money", _("Money or payment")
    COOPERATION = "cooperation", _("Cooperation with the district")
    OTHER = "other", _("Other")


class Blocker(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="blockers")
    category = models.CharField(_("category"), max_length=12, choices=BlockerCategory.choices)
    description = models.TextField(_("what is in the way"), max_length=2000)
    side = models.CharField(_("recorded by"), max_length=12, choices=AuthorSide.choices)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(_("how it was solved"), blank=True)

    class Meta:
        verbose_name = _("blocker")
        verbose_name_plural = _("blockers")
        ordering = ["project", "-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="blocker_has_description"),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | ~Q(resolution=""), name="blocker_resolved_says_how"
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | Q(resolved_at__gte=models.F("opened_at")),
                name="blocker_resolved_after_opened",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:60]


class HelpRequest(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="help_requests")
    question = models.TextField(_("question"), max_length=2000)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["project", "-asked_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(question=""), name="help_request_has_question"),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(answer=""), name="help_request_answered_has_answer"
            ),
        ]

    def __str__(self) -> str:
        return self.question[:60]
