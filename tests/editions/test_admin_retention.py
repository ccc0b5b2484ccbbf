"""Officials set an edition's retention periods where they edit its settings; bad numbers are refused."""

from __future__ import annotations

import pytest
from django.test import Client

from editions.models import Edition
from places.models import District

from .test_admin import _admin_url, _chain, _edition_post, admin_client, district_with_neighbourhoods

__all__ = ["admin_client", "district_with_neighbourhoods"]
pytestmark = pytest.mark.django_db


def _post(district: District, **days: str) -> dict[str, str]:
    data = _edition_post(district, phases=_chain(["plans", "review", "decision", "result"]), subs=[])
    data.update(days)
    return data


def test_the_retention_days_typed_in_the_admin_are_stored(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    post = _post(district_with_neighbourhoods, voter_data_days="42", panel_contact_days="30")
    response = admin_client.post(_admin_url("admin:editions_edition_add"), post)
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(slug="buurtbudget-test-2028")
    assert (edition.voter_data_days, edition.panel_contact_days) == (42, 30)


def test_negative_or_endless_retention_days_are_refused_with_a_clear_message_and_nothing_is_stored(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    post = _post(district_with_neighbourhoods, voter_data_days="-1", panel_contact_days="4000")
    body = admin_client.post(_admin_url("admin:editions_edition_add"), post).content.decode()
    assert "A number of days cannot be negative." in body
    assert "Keep personal data at most 3650 days." in body
    assert not Edition.objects.exists()
