"""The edition's address list: where the letters go (voting codes, panel invitations)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from places.models import Neighbourhood


class Address(models.Model):
    """One line of the imported address list, where letters go.

    Each of its eligible residents gets a voting code; a panel invitation may be drawn for it.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="voting_addresses")
    street_address = models.CharField(_("address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="+", verbose_name=_("neighbourhood")
    )
    eligible_count = models.PositiveSmallIntegerField(_("eligible residents"))
    codes_issued = models.BooleanField(_("codes issued"), default=False)

    class Meta:
        # The table keeps the name it had when the list belonged to voting (moved without copying).
        db_table = "voting_address"
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["postcode", "street_address"]
        # "Find your neighbourhood" looks a postcode up across editions (outreach.postcodes.selectors).
        indexes = [models.Index(fields=["postcode"], name="voting_address_postcode")]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "postcode", "street_address"], name="voting_address_unique"
            ),
            models.CheckConstraint(condition=Q(eligible_count__gte=1), name="voting_address_has_residents"),
        ]

    def __str__(self) -> str:
        return f"{self.street_address}, {self.postcode}"
