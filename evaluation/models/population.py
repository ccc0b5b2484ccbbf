"""The reference population: residents per neighbourhood by age band and gender, as imported."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.demography import GENDERS
from places.models import District, Neighbourhood


class PopulationFigure(models.Model):
    """Residents of one neighbourhood in one age band (``age_to`` empty: and older) and gender.

    The bands are whatever the statistics office publishes; the evaluation sums and, where a band
    straddles an edition's minimum age or a reporting band, splits it evenly over its years.
    """

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("neighbourhood"),
    )
    age_from = models.PositiveSmallIntegerField(_("from age"))
    age_to = models.PositiveSmallIntegerField(_("to age (inclusive)"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=GENDERS)
    residents = models.PositiveIntegerField(_("residents"))

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        ordering = ["neighbourhood", "age_from", "gender"]
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "age_from", "gender"], name="evaluation_population_unique_band"
            ),
            models.CheckConstraint(
                condition=Q(age_to__isnull=True) | Q(age_to__gte=models.F("age_from")),
                name="evaluation_population_band_in_order",
            ),
        ]

    def __str__(self) -> str:
        upper = self.age_to if self.age_to is not None else "+"
        return f"{self.neighbourhood}: {self.age_from}-{upper} {self.gender} = {self.residents}"


class PopulationImport(models.Model):
    """One accepted import of a district's population figures: it replaced all of them."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="population_imports", verbose_name=_("district")
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("imported by")
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    residents = models.PositiveIntegerField(_("residents"))

    class Meta:
        verbose_name = _("population import")
        verbose_name_plural = _("population imports")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.district} ({self.imported_at:%Y-%m-%d})"
