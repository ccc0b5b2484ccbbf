"""Coaches for ideas and drafts: the district's named partners, who coaches what, the shared log and
the coach's steps. The log is private to the initiators, the coach and the district's staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import District
from proposals.models import Plan

from .ideas import Idea


class Partner(models.Model):
    """An organisation the district names to coach initiators, e.g. a community centre."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="partners")
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("what they do"), max_length=300, blank=True)
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    named_at = models.DateTimeField(_("named at"), default=timezone.now)
    ended_at = models.DateTimeField(_("no longer a partner since"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["district", "name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="partner_unique_name_per_district"),
            models.CheckConstraint(condition=~Q(name=""), name="partner_has_name"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerCoach(models.Model):
    """A person of a partner organisation who may coach in the partner's district."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="coaches")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_coaching"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("coach of a partner")
        verbose_name_plural = _("coaches of partners")
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="partner_coach_once")]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.partner_id}"


class Coaching(models.Model):
    """A coach assigned to an idea or a draft plan; an idea's coaching follows it into its plan."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="coachings")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, null=True, blank=True, related_name="coachings")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coachings")
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="coachings"
    )  # empty: the coach is district staff
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("coaching")
        verbose_name_plural = _("coachings")
        ordering = ["-assigned_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=False) | Q(plan__isnull=False), name="coaching_has_idea_or_plan"
            ),
            models.UniqueConstraint(
                fields=["idea"], condition=Q(ended_at__isnull=True), name="coaching_one_coach_per_idea"
            ),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(ended_at__isnull=True), name="coaching_one_coach_per_plan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coach_id} → {self.idea_id or '-'}/{self.plan_id or '-'}"


class CoachingNote(models.Model):
    """One entry of the shared log: an appointment, advice or a note, by the coach or an initiator."""

    class Kind(models.TextChoices):
        APPOINTMENT = "appointment", _("Appointment")
        ADVICE = "advice", _("Advice")
        NOTE = "note", _("Note")

    coaching = models.ForeignKey(Coaching, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    body = models.TextField(_("text"), max_length=3000)
    happens_at = models.DateTimeField(_("date and time of the appointment"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("coaching log entry")
        verbose_name_plural = _("coaching log entries")
        ordering = ["coaching", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="coaching_note_has_body"),
            models.CheckConstraint(
                condition=~Q(kind="appointment") | Q(happens_at__isnull=False),
                name="coaching_appointment_has_a_time",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class CoachStep(models.TextChoices):
    COST_CHECKED = "cost_checked", _("Cost estimate checked")
    LOCATION_CHECKED = "location_checked", _("Location checked")
    MAINTENANCE_ARRANGED = "maintenance_arranged", _("Maintenance arranged")
    PERMIT = "permit", _("Permit needed or not")


class PermitNeed(models.TextChoices):
    NEEDED = "needed", _("A permit is needed")
    NOT_NEEDED = "not_needed", _("No permit is needed")


class CoachingStep(models.Model):
    """A step the coach marked done; the permit step also says whether a permit is needed."""

    coaching = models.ForeignKey(Coaching, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("step"), max_length=24, choices=CoachStep.choices)
    permit = models.CharField(_("permit"), max_length=12, choices=PermitNeed.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    done_at = models.DateTimeField(_("done at"), default=timezone.now)

    class Meta:
        verbose_name = _("coaching step")
        verbose_name_plural = _("coaching steps")
        ordering = ["coaching", "done_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["coaching", "step"], name="coaching_step_once"),
            models.CheckConstraint(
                condition=(Q(step="permit") & ~Q(permit="")) | (~Q(step="permit") & Q(permit="")),
                name="coaching_step_permit_answer_only_on_permit",
            ),
        ]

    def __str__(self) -> str:
        return self.get_step_display()
