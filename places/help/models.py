"""The district's helpdesk and its help locations (community centres), entered by its officials."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField

from ..models import District

# A Dutch or international number as people write it: digits, spaces, hyphens, a leading +.
phone_number = RegexValidator(
    r"^\+?[0-9][0-9 \-]{5,18}[0-9]$",
    _("Write a phone number with digits only, for example 020 123 4567 or +31 6 1234 5678."),
    code="bad_phone",
)


class HelpDesk(models.Model):
    """Where a district's residents get help: one per district, shown at /hulp/<district>/."""

    TRANSLATED_FIELDS = ("introduction", "opening_hours")

    district = models.OneToOneField(
        District, on_delete=models.CASCADE, related_name="help_desk", verbose_name=_("district")
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What the helpdesk helps with, in a few plain sentences.")
    )
    address = models.CharField(_("visiting address"), max_length=200)
    phone = models.CharField(_("phone"), max_length=20, validators=[phone_number])
    whatsapp = models.CharField(_("WhatsApp number"), max_length=20, blank=True, validators=[phone_number])
    email = models.EmailField(_("e-mail address"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"), help_text=_("One line per day or per group of days.")
    )
    translations = TranslationsField()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("helpdesk")
        verbose_name_plural = _("helpdesks")
        ordering = ["district__name"]

    def __str__(self) -> str:
        return str(self.district)

    def get_absolute_url(self) -> str:
        return reverse("places:help_district", kwargs={"slug": self.district.slug})


class HelpLocation(models.Model):
    """A place in the district where residents get help in person, e.g. a community centre."""

    TRANSLATED_FIELDS = ("opening_hours", "notes")

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="help_locations", verbose_name=_("district")
    )
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=200)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    assisted_voting = models.BooleanField(
        _("residents can vote here with help"),
        default=False,
        help_text=_("Someone is there during the vote to help residents vote online or on paper."),
    )
    notes = models.TextField(
        _("more information"), blank=True, help_text=_("For example: languages spoken, wheelchair access.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslationsField()

    class Meta:
        verbose_name = _("help location")
        verbose_name_plural = _("help locations")
        ordering = ["district", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="help_location_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name
