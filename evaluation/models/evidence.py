"""An edition's figures, computed once and kept: the cross-edition report reads these, never the raw
ballots, plans and ledgers (``evaluation.evidence``)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition


class EditionEvidence(models.Model):
    """The JSON figures of one edition (shape: ``evaluation.evidence.Evidence``) and when they were made."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="evidence")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    version = models.PositiveSmallIntegerField(_("version"))
    data = models.JSONField(_("figures"), default=dict)

    class Meta:
        verbose_name = _("edition figures")
        verbose_name_plural = _("edition figures")

    def __str__(self) -> str:
        return f"{self.edition} ({self.computed_at:%Y-%m-%d %H:%M})"
