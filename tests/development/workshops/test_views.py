"""The workshop pages: the public list, signing up and cancelling, and the district's management page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from development.models import Workshop, WorkshopSignUp
from editions.models import Edition
from places.models import District
from tests import factories

from .helpers import make_workshop, official_of

pytestmark = pytest.mark.django_db


def _url(name: str, edition: Edition, **kwargs: object) -> str:
    return reverse(f"development:{name}", kwargs={"slug": edition.slug, **kwargs})


@pytest.fixture
def published(edition: Edition) -> Edition:
    Edition.objects.filter(pk=edition.pk).update(is_published=True)
    edition.refresh_from_db()
    return edition


def test_the_public_page_lists_coming_and_earlier_workshops_with_places_left(
    client: Client, published: Edition
) -> None:
    make_workshop(edition=published, title="Begroten", capacity=12, seats_taken=9, language="tr")
    make_workshop(edition=published, title="Vorige keer", starts_at=timezone.now() - timedelta(days=3))
    page = client.get(_url("workshops", published)).content.decode()
    assert "Nog 3 plekken vrij van de 12." in page
    assert '<span lang="tr">Türkçe</span>' in page
    assert page.index("Begroten") < page.index("Eerdere planwerkplaatsen") < page.index("Vorige keer")


def test_a_resident_signs_up_sees_it_and_cancels(client: Client, published: Edition, resident: User) -> None:
    workshop = make_workshop(edition=published, title="Begroten")
    client.force_login(resident)
    response = client.post(_url("workshop_sign_up", published, pk=workshop.pk), follow=True)
    page = response.content.decode()
    assert "Je bent aangemeld voor “Begroten”." in page and "Mijn plek afzeggen" in page
    client.post(_url("workshop_cancel_sign_up", published, pk=workshop.pk))
    assert not WorkshopSignUp.objects.filter(cancelled_at__isnull=True).exists()
    assert Workshop.objects.get(pk=workshop.pk).seats_taken == 0


def test_a_full_workshop_tells_the_resident_without_signing_up(
    client: Client, published: Edition, resident: User
) -> None:
    workshop = make_workshop(edition=published, capacity=1, seats_taken=1)
    client.force_login(resident)
    page = client.post(_url("workshop_sign_up", published, pk=workshop.pk), follow=True).content.decode()
    assert "Deze planwerkplaats is vol." in page
    assert not WorkshopSignUp.objects.exists()


def test_the_management_page_is_for_officials_of_the_district(
    client: Client, published: Edition, resident: User, other_district: District
) -> None:
    url = _url("manage_workshops", published)
    client.force_login(resident)
    assert client.get(url).status_code == 403
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=other_district))
    assert client.get(url).status_code == 403
    client.force_login(official_of(published))
    assert client.get(url).status_code == 200


def test_an_official_announces_through_the_form_and_bad_input_is_explained(
    client: Client, published: Edition
) -> None:
    client.force_login(official_of(published))
    day = (timezone.localdate() + timedelta(days=7)).isoformat()
    form = {"title": "Begroten", "day": day, "starts": "19:00", "ends": "18:00", "place": "De Meeuw"}
    bad = client.post(_url("manage_workshops", published), {**form, "language": "nl", "capacity": "0"})
    assert (
        bad.status_code == 400
        and "De planwerkplaats moet later eindigen dan hij begint." in bad.content.decode()
    )
    assert not Workshop.objects.exists()
    client.post(
        _url("manage_workshops", published), {**form, "ends": "21:00", "language": "ar", "capacity": "8"}
    )
    workshop = Workshop.objects.get()
    assert (workshop.language, workshop.capacity) == ("ar", 8)
    assert timezone.localtime(workshop.starts_at).strftime("%H:%M") == "19:00"


def test_attendance_is_recorded_by_officials_only(client: Client, published: Edition, resident: User) -> None:
    workshop = make_workshop(edition=published, starts_at=timezone.now() + timedelta(days=2))
    sign_up = WorkshopSignUp.objects.create(workshop=workshop, user=resident)
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    url = _url("workshop_attendance", published, pk=sign_up.pk)
    client.force_login(resident)
    assert client.post(url, {"attended": "yes"}).status_code == 403
    client.force_login(official_of(published))
    client.post(url, {"attended": "yes"})
    sign_up.refresh_from_db()
    assert sign_up.attended is True
    page = client.get(_url("manage_workshops", published)).content.decode()
    assert "Was er" in page
