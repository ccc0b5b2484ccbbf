"""The panel's work sessions: when and where, the agenda, who came, the minutes, who presented.

The materials of a session are not stored: they are the edition's feasible plans with their
published review verdicts and costs, read when the page is shown (``deliberation.sessions.selectors``).
Questions the panel puts to officials, and the answers, belong to the edition (a question may be
answered after the session it was asked in). Minutes, attendance and questions become public once
the panel's decision is published; dates, places and agendas are public from the start.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField
from editions.models import Edition
from proposals.models import Plan

from .panel import PanelMember


class WorkSession(models.Model):
    """One meeting of the panel."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda"), help_text=_("One item per line."))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_recorded_at = models.DateTimeField(_("minutes recorded at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("title", "agenda")

    class Meta:
        verbose_name = _("work session")
        verbose_name_plural = _("work sessions")
        ordering = ["starts_at", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="panel_session_unique_number"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="panel_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(minutes="", minutes_recorded_at__isnull=True)
                | (~Q(minutes="") & Q(minutes_recorded_at__isnull=False)),
                name="panel_session_minutes_have_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class Attendance(models.Model):
    """Whether a member came to a session; recorded by the facilitator, once per member and session."""

    session = models.ForeignKey(WorkSession, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="panel_attendance_once"),
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.member}"


class Presentation(models.Model):
    """A plan's initiators invited to present it to the panel in a session."""

    session = models.ForeignKey(WorkSession, on_delete=models.CASCADE, related_name="presentations")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="panel_presentations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["session", "plan__title"]
        constraints = [
            models.UniqueConstraint(fields=["session", "plan"], name="panel_presentation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.plan}"


class PanelQuestion(models.Model):
    """A question of the panel to the district's officials, and its answer once given."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="panel_questions")
    session = models.ForeignKey(
        WorkSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    plan = models.ForeignKey(Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    question = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel question")
        verbose_name_plural = _("panel questions")
        ordering = ["asked_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(question=""), name="panel_question_not_empty"),
            models.CheckConstraint(
                condition=Q(answer="", answered_at__isnull=True, answered_by__isnull=True)
                | (~Q(answer="") & Q(answered_at__isnull=False) & Q(answered_by__isnull=False)),
                name="panel_question_answer_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.question[:60]
