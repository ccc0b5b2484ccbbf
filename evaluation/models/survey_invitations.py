"""That a survey's invitation went out to someone: a keyed hash of who, so ``invite_surveys`` invites once."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .surveys import Survey


class SurveyInvitation(models.Model):
    """One invitation sent: the survey and a keyed hash of the invitee (another purpose than the
    ticket's, so an invitation and a ticket of the same person do not share a value)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    invitee_hash = models.CharField(max_length=64)
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "invitee_hash"], name="evaluation_invitation_once")
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.invitee_hash[:8]}"
