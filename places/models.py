"""Municipality, district and neighbourhood: the geography budgets are split over."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.translated import TranslationsField


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A stadsdeel: the level at which editions run and staff roles are held."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="districts", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"))
    description = models.TextField(_("description"), blank=True)
    translations = TranslationsField()

    TRANSLATED_FIELDS = ("description",)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="district_unique_slug"),
            models.UniqueConstraint(fields=["municipality", "name"], name="district_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pages:district", kwargs={"slug": self.slug})


class Neighbourhood(models.Model):
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="neighbourhoods", verbose_name=_("district")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "slug"], name="neighbourhood_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


# The sub-domains' models live in their subpackages; importing them here registers them.
from .help.models import HelpDesk, HelpLocation  # noqa: E402
from .postcodes.models import PostcodeArea  # noqa: E402

__all__ = ["District", "HelpDesk", "HelpLocation", "Municipality", "Neighbourhood", "PostcodeArea"]
