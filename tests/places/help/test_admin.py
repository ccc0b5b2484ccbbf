"""The district's officials edit their own helpdesk in the admin; another district's official cannot."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from audit.models import AuditEntry
from places.help.services import set_up_help_desk
from places.models import District, HelpDesk
from tests import factories
from tests.admin.forms import form_data

pytestmark = pytest.mark.django_db


def _change_url(desk: HelpDesk) -> str:
    with translation.override("en"):
        return reverse("admin:places_helpdesk_change", args=[desk.pk])


@pytest.fixture
def desk(district: District) -> HelpDesk:
    return set_up_help_desk(district=district, address="Plein 1", phone="020 123 4567", opening_hours="ma–vr")


def _official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


def test_the_districts_official_changes_the_opening_hours_and_it_is_audited(
    client: Client, desk: HelpDesk, district: District
) -> None:
    client.force_login(_official(district))
    data = form_data(client.get(_change_url(desk)).content.decode())
    data.update({"opening_hours": ["ma–za 9:00–18:00"], "_save": ["Save"]})

    assert client.post(_change_url(desk), data).status_code == 302
    assert HelpDesk.objects.get(pk=desk.pk).opening_hours == "ma–za 9:00–18:00"
    entry = AuditEntry.objects.get(object_id=str(desk.pk), object_type__icontains="help")
    assert entry.after["opening_hours"] == "ma–za 9:00–18:00"


def test_another_districts_official_can_neither_see_nor_change_it(
    client: Client, desk: HelpDesk, other_district: District
) -> None:
    client.force_login(_official(other_district))

    assert client.get(_change_url(desk)).status_code in {302, 403, 404}
    client.post(_change_url(desk), {"opening_hours": "dicht", "address": "x", "phone": "020 000 0000"})
    assert HelpDesk.objects.get(pk=desk.pk).opening_hours == "ma–vr"


def test_a_bad_phone_number_in_the_admin_is_refused_with_its_reason(
    client: Client, desk: HelpDesk, district: District
) -> None:
    client.force_login(_official(district))
    data = form_data(client.get(_change_url(desk)).content.decode())
    data.update({"phone": ["bel ons"], "_save": ["Save"]})

    response = client.post(_change_url(desk), data)

    assert response.status_code == 200 and "phone" in response.context["adminform"].form.errors
    assert HelpDesk.objects.get(pk=desk.pk).phone == "020 123 4567"
