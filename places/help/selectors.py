"""Reading a district's help: its helpdesk and locations, in the reader's language, and where to link."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from common.translated import Shown, shown

from ..models import District
from .models import HelpDesk, HelpLocation


@dataclass(frozen=True)
class LocationShown:
    location: HelpLocation
    opening_hours: Shown
    notes: Shown


@dataclass(frozen=True)
class HelpShown:
    """A helpdesk with its texts in the reader's language (or Dutch, marked) and its locations."""

    desk: HelpDesk | None
    introduction: Shown | None
    opening_hours: Shown | None
    locations: list[LocationShown]

    @property
    def assisted_voting(self) -> list[LocationShown]:
        return [entry for entry in self.locations if entry.location.assisted_voting]


def districts_with_help(municipality_slug: str) -> QuerySet[District]:
    """The municipality's districts, each with ``has_help`` (a helpdesk was entered)."""
    return (
        District.objects.filter(municipality__slug=municipality_slug)
        .annotate(has_help=Exists(HelpDesk.objects.filter(district=OuterRef("pk"))))
        .order_by("name")
    )


def district_for_help(municipality_slug: str, slug: str) -> District | None:
    return District.objects.filter(municipality__slug=municipality_slug, slug=slug).first()


def help_of(district: District) -> HelpShown:
    """The district's helpdesk and locations as the reader sees them (two queries)."""
    desk = HelpDesk.objects.filter(district=district).first()
    locations = [
        LocationShown(location, shown(location, "opening_hours"), shown(location, "notes"))
        for location in HelpLocation.objects.filter(district=district)
    ]
    if desk is None:
        return HelpShown(None, None, None, locations)
    return HelpShown(desk, shown(desk, "introduction"), shown(desk, "opening_hours"), locations)


def help_url(district: District | None) -> str:
    """The help page for ``district``, or the list of districts when there is none."""
    if district is None:
        return reverse("places:help")
    return reverse("places:help_district", kwargs={"slug": district.slug})


def whatsapp_link(number: str) -> str:
    """A wa.me link takes the international number's digits: 06… becomes 316…."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return f"https://wa.me/{digits}"
    if digits.startswith("00"):
        return f"https://wa.me/{digits[2:]}"
    if digits.startswith("0"):
        return f"https://wa.me/31{digits[1:]}"
    return f"https://wa.me/{digits}"


def phone_link(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"
