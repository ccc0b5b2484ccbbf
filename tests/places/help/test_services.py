"""Setting up a helpdesk: its details and locations are stored, bad input is refused and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from places.help.errors import HelpError
from places.help.services import HelpLocationDetails, set_up_help_desk
from places.models import District, HelpDesk, HelpLocation


def _desk(district: District, **changes: object) -> HelpDesk:
    fields: dict[str, Any] = {
        "district": district,
        "address": "Osdorpplein 1",
        "phone": "020 123 4567",
        "whatsapp": "06 1234 5678",
        "email": "hulp@example.org",
        "opening_hours": "ma–vr 9:00–17:00",
        "translations": {"en": {"opening_hours": "Mon–Fri 9:00–17:00"}},
        "locations": [
            HelpLocationDetails(name="Buurthuis De Aker", address="Aker 2", assisted_voting=True),
            HelpLocationDetails(name="Bibliotheek Osdorp", address="Pleintje 3"),
        ],
    }
    fields.update(changes)
    return set_up_help_desk(**fields)


def test_a_helpdesk_is_set_up_with_its_locations_in_order(district: District) -> None:
    desk = _desk(district)

    assert desk.phone == "020 123 4567" and desk.translations["en"]["opening_hours"].startswith("Mon")
    names = list(HelpLocation.objects.filter(district=district).values_list("name", "assisted_voting"))
    assert names == [("Buurthuis De Aker", True), ("Bibliotheek Osdorp", False)]


def test_setting_up_again_updates_and_adds_nothing_twice(district: District) -> None:
    _desk(district)
    _desk(district, phone="020 999 0000")

    assert HelpDesk.objects.get(district=district).phone == "020 999 0000"
    assert HelpLocation.objects.filter(district=district).count() == 2


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"phone": "bel ons"}, "bad_phone"),
        ({"whatsapp": "12"}, "bad_phone"),
        ({"email": "geen-adres"}, "bad_email"),
        ({"address": " "}, "address_required"),
        ({"opening_hours": ""}, "opening_hours_required"),
        ({"translations": {"xx": {"opening_hours": "?"}}}, "bad_translations"),
        ({"translations": {"en": {"phone": "?"}}}, "bad_translations"),
        (
            {
                "locations": [
                    HelpLocationDetails(name="A", address="1"),
                    HelpLocationDetails(name="A", address="2"),
                ]
            },
            "duplicate_location",
        ),
        ({"locations": [HelpLocationDetails(name="", address="1")]}, "location_name_required"),
    ],
)
def test_bad_input_is_refused_with_its_reason_and_changes_nothing(
    district: District, changes: dict[str, Any], code: str
) -> None:
    with pytest.raises(HelpError) as refused:
        _desk(district, **changes)

    assert refused.value.code == code and refused.value.message
    assert not HelpDesk.objects.exists() and not HelpLocation.objects.exists()
