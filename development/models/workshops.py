"""Plan workshops the district announces per edition: sign-ups within the capacity, attendance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition


class Workshop(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="workshops")
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("what happens"), max_length=2000, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    language = models.CharField(_("language"), max_length=8)  # a code of settings.LANGUAGES
    capacity = models.PositiveSmallIntegerField(_("places"))
    # Places taken, kept by conditional updates so two sign-ups at once cannot pass the capacity.
    seats_taken = models.PositiveSmallIntegerField(_("places taken"), default=0)
    announced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    announced_at = models.DateTimeField(_("announced at"), default=timezone.now)
    reminders_sent_at = models.DateTimeField(_("reminders sent at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan workshop")
        verbose_name_plural = _("plan workshops")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="workshop_has_title"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="workshop_capacity_positive"),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="workshop_within_capacity"
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="workshop_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title


class WorkshopSignUp(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sign_ups")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_sign_ups"
    )
    signed_up_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)  # empty: not recorded yet
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("workshop sign-up")
        verbose_name_plural = _("workshop sign-ups")
        ordering = ["workshop", "signed_up_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"],
                condition=Q(cancelled_at__isnull=True),
                name="workshop_sign_up_once",
            ),
            models.CheckConstraint(
                condition=Q(attended__isnull=True) | Q(attendance_recorded_by__isnull=False),
                name="workshop_attendance_says_who_recorded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.workshop_id}"
