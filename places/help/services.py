"""Setting up a district's helpdesk and its help locations (the demo and commands; staff use the admin).

Setting up the same helpdesk twice changes nothing the second time; help locations are matched by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from ..models import District
from .errors import HelpError
from .models import HelpDesk, HelpLocation, phone_number

Translations = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class HelpLocationDetails:
    name: str
    address: str
    opening_hours: str = ""
    assisted_voting: bool = False
    notes: str = ""
    translations: Translations = field(default_factory=dict)


@transaction.atomic
def set_up_help_desk(
    *,
    district: District,
    address: str,
    phone: str,
    opening_hours: str,
    whatsapp: str = "",
    email: str = "",
    introduction: str = "",
    translations: Translations | None = None,
    locations: Sequence[HelpLocationDetails] = (),
) -> HelpDesk:
    """Create or update ``district``'s helpdesk and each of ``locations`` (by name); others are kept."""
    if not address.strip():
        raise HelpError("address_required")
    if not opening_hours.strip():
        raise HelpError("opening_hours_required")
    for number in filter(None, (phone, whatsapp)):
        _check_phone(number)
    if email:
        _check_email(email)
    _check_locations(locations)
    desk = HelpDesk.objects.filter(district=district).first() or HelpDesk(district=district)
    desk.address, desk.phone, desk.whatsapp = address.strip(), phone.strip(), whatsapp.strip()
    desk.email, desk.introduction, desk.opening_hours = email.strip(), introduction, opening_hours
    desk.translations = _plain(translations)
    _validated(desk).save()
    for position, details in enumerate(locations):
        location = HelpLocation.objects.filter(district=district, name=details.name.strip()).first()
        location = location or HelpLocation(district=district, name=details.name.strip())
        location.address, location.opening_hours = details.address.strip(), details.opening_hours
        location.assisted_voting, location.notes = details.assisted_voting, details.notes
        location.position, location.translations = position, _plain(details.translations)
        _validated(location).save()
    return desk


def _check_phone(number: str) -> None:
    try:
        phone_number(number.strip())
    except ValidationError as error:
        raise HelpError("bad_phone", number=number) from error


def _check_email(email: str) -> None:
    try:
        validate_email(email.strip())
    except ValidationError as error:
        raise HelpError("bad_email", email=email) from error


def _check_locations(locations: Sequence[HelpLocationDetails]) -> None:
    seen: set[str] = set()
    for details in locations:
        name = details.name.strip()
        if not name or not details.address.strip():
            raise HelpError("location_name_required")
        if name in seen:
            raise HelpError("duplicate_location", name=name)
        seen.add(name)


def _plain(translations: Translations | None) -> dict[str, dict[str, str]]:
    return {language: dict(texts) for language, texts in (translations or {}).items()}


def _validated(row: HelpDesk | HelpLocation) -> HelpDesk | HelpLocation:
    """The translations column checks its languages and fields; anything else was checked above."""
    try:
        row.clean_fields(exclude=[f.name for f in row._meta.fields if f.name != "translations"])
    except ValidationError as error:
        raise HelpError("bad_translations", reason=" ".join(error.messages)) from error
    return row
