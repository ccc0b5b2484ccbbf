"""Progress as the people doing the work report it: updates with photos, and the status history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .agreements import Milestone
from .projects import Project, ProjectStatus


class AuthorSide(models.TextChoices):
    INITIATORS = "initiators", _("Initiators")
    DISTRICT = "district", _("District")


class Update(models.Model):
    """Public at once; a district moderator may hide one, with a reason that stays visible."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(_("posted for"), max_length=12, choices=AuthorSide.choices)
    body = models.TextField(_("update"), max_length=4000)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    milestone = models.ForeignKey(
        Milestone, on_delete=models.PROTECT, null=True, blank=True, related_name="updates"
    )
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-posted_at", "-pk"]
        indexes = [models.Index(fields=["project", "-posted_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="update_has_body"),
            models.CheckConstraint(
                condition=Q(progress_percent__isnull=True) | Q(progress_percent__lte=100),
                name="update_progress_at_most_100",
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""), name="update_hidden_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class UpdatePhoto(models.Model):
    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="execution/updates/%Y/%m/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("what the photo shows"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("update photo")
        verbose_name_plural = _("update photos")
        ordering = ["update", "position", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(alt_text=""), name="update_photo_has_alt_text")]

    def __str__(self) -> str:
        return self.alt_text


class StatusChange(models.Model):
    """One step of the project's status, with who took it and why (``execution.progress.status``
    holds the table of allowed transitions)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=ProjectStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ProjectStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["project", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
