"""One line of a district's postcode table: a postcode (or part of it) and its neighbourhood."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from places.models import District, Neighbourhood


class PostcodeArea(models.Model):
    """A postcode, narrowed to a street and a house-number range where the postcode is split.

    A postcode that lies wholly in one neighbourhood needs one line without street or numbers.
    """

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="postcode_areas", verbose_name=_("district")
    )
    postcode = models.CharField(_("postcode"), max_length=7, db_index=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    first_number = models.PositiveIntegerField(_("from house number"), null=True, blank=True)
    last_number = models.PositiveIntegerField(_("to house number"), null=True, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.CASCADE,
        related_name="postcode_areas",
        verbose_name=_("neighbourhood"),
    )

    class Meta:
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        ordering = ["postcode", "street", "first_number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_number__isnull=True, last_number__isnull=True)
                | Q(
                    first_number__isnull=False, last_number__isnull=False, last_number__gte=F("first_number")
                ),
                name="postcode_area_number_range",
            ),
        ]

    def __str__(self) -> str:
        numbers = f" {self.first_number}–{self.last_number}" if self.first_number is not None else ""
        return f"{self.postcode} {self.street}{numbers}".strip()

    def holds(self, house_number: int) -> bool:
        return self.first_number is None or (self.first_number <= house_number <= (self.last_number or 0))
