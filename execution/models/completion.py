"""The initiators' final report and the district's decision on it; accepting it completes the project."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .projects import Project


class ReportDecision(models.TextChoices):
    PENDING = "pending", _("Waiting for the district")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned with questions")


class FinalReport(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="final_reports")
    achieved = models.TextField(_("what was achieved"), max_length=6000)
    participants = models.PositiveIntegerField(_("people who took part"))
    beneficiaries = models.PositiveIntegerField(_("people who benefit"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decision = models.CharField(
        _("decision"), max_length=10, choices=ReportDecision.choices, default=ReportDecision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("the district's note"), blank=True)

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")
        ordering = ["project", "-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(achieved=""), name="final_report_says_what"),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(decision__in=[ReportDecision.PENDING, ReportDecision.ACCEPTED]),
                name="final_report_one_open_or_accepted",
            ),
            models.CheckConstraint(
                condition=Q(decision=ReportDecision.PENDING) | Q(decided_at__isnull=False),
                name="final_report_decided_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(decision=ReportDecision.RETURNED) | ~Q(decision_note=""),
                name="final_report_returned_says_why",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.submitted_at:%Y-%m-%d}"


class FinalReportPhoto(models.Model):
    report = models.ForeignKey(FinalReport, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="execution/reports/%Y/%m/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("what the photo shows"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("final report photo")
        verbose_name_plural = _("final report photos")
        ordering = ["report", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="final_report_photo_has_alt_text")
        ]

    def __str__(self) -> str:
        return self.alt_text
