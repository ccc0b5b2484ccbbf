"""Staff enter an edition's texts in other languages in the admin; another district's official cannot."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from common.translated import other_languages
from editions.models import Edition, Phase, Theme
from places.models import District

from .. import factories
from .test_admin import _admin_url, _chain, _edition_post, admin_client, district_with_neighbourhoods

__all__ = ["admin_client", "district_with_neighbourhoods"]

pytestmark = pytest.mark.django_db


def _translated_post(district: District) -> dict[str, str]:
    data = _edition_post(district, phases=_chain(["plans", "review", "decision", "result"]), subs=[])
    data["introduction"] = "Doe mee met je buurt."
    data["introduction__en"] = "Take part in your neighbourhood."
    data["themes-0-name__en"] = "Green"
    data["themes-0-description__en"] = ""
    data["phases-0-description"] = "Inloop in het buurthuis."
    data["phases-0-description__en"] = "Drop in at the community centre."
    return data


def test_the_edition_page_offers_each_text_in_every_other_language(admin_client: Client) -> None:
    body = admin_client.get(_admin_url("admin:editions_edition_add")).content.decode()
    for language in other_languages():
        assert f'name="introduction__{language}"' in body
        assert f'name="themes-__prefix__-name__{language}"' in body
        assert f'name="phases-__prefix__-description__{language}"' in body
    assert 'name="translations"' not in body  # the JSON column itself is not shown


def test_translations_typed_in_the_admin_are_stored_beside_the_dutch(
    admin_client: Client, district_with_neighbourhoods: District
) -> None:
    response = admin_client.post(
        _admin_url("admin:editions_edition_add"), _translated_post(district_with_neighbourhoods)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(slug="buurtbudget-test-2028")
    assert edition.introduction == "Doe mee met je buurt."
    assert edition.translations == {"en": {"introduction": "Take part in your neighbourhood."}}
    assert Theme.objects.get(edition=edition).translations == {"en": {"name": "Green"}}
    phase = Phase.objects.get(edition=edition, kind="plans")
    assert phase.description == "Inloop in het buurthuis."
    assert phase.translations == {"en": {"description": "Drop in at the community centre."}}


def _district_post(district: District) -> dict[str, str]:
    data = {"municipality": str(district.municipality_id), "name": district.name, "slug": district.slug}
    data |= {"description": "Welkom in Nieuw-West.", "description__en": "Welcome to Nieuw-West."}
    return data | {"neighbourhoods-TOTAL_FORMS": "0", "neighbourhoods-INITIAL_FORMS": "0"}


def _change_url(name: str, pk: int) -> str:
    with translation.override("en"):
        return reverse(name, args=[pk])


def test_the_districts_description_is_translated_in_the_admin(
    admin_client: Client, district: District
) -> None:
    response = admin_client.post(
        _change_url("admin:places_district_change", district.pk), _district_post(district)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    district.refresh_from_db()
    assert district.translations == {"en": {"description": "Welcome to Nieuw-West."}}


def test_an_official_cannot_change_the_district_or_its_translations(district: District) -> None:
    """Districts are set up by the platform's operators (backoffice.rules): officials only read them."""
    client = Client()
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=district))
    url = _change_url("admin:places_district_change", district.pk)
    assert client.post(url, _district_post(district)).status_code in (302, 403)
    district.refresh_from_db()
    assert district.translations == {}


def test_an_official_of_another_district_cannot_change_the_translations(
    district: District, other_district: District
) -> None:
    edition = factories.make_edition(district=district, introduction="Doe mee.")
    outsider = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    client = Client()
    client.force_login(outsider)
    url = _change_url("admin:editions_edition_change", edition.pk)
    response = client.post(url, {"introduction": "Doe mee.", "introduction__en": "Hacked"})
    assert response.status_code in (302, 403, 404)
    edition.refresh_from_db()
    assert edition.translations == {}
