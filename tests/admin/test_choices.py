"""An official cannot put a row into another district: its choices are not offered, nor accepted if posted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan, PlanStatus

from .. import factories
from .forms import form_data


def _url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


def test_an_edition_cannot_be_added_to_another_district(
    client: Client, official: User, other_district: District
) -> None:
    client.force_login(official)
    page = client.get(_url("editions_edition_add"))
    district_field = page.context["adminform"].form.fields["district"]
    assert list(district_field.queryset) == [official.staff_roles.get().district]

    data = form_data(page.content.decode())
    data.update(
        {"district": [str(other_district.pk)], "name": ["Kaping"], "slug": ["kaping"], "year": ["2029"]}
    )
    data["_save"] = ["Save"]
    response = client.post(_url("editions_edition_add"), data)

    assert response.status_code == 200
    assert "district" in response.context["adminform"].form.errors
    assert not Edition.objects.filter(slug="kaping").exists()


def test_an_officials_own_edition_cannot_be_moved_to_another_district(
    client: Client, official: User, district: District, other_district: District
) -> None:
    edition = factories.make_edition(
        district=district, start=(timezone.now() + timedelta(days=3)).replace(microsecond=0)
    )
    client.force_login(official)
    url = _url("editions_edition_change", edition.pk)
    data = form_data(client.get(url).content.decode())
    data["district"] = [str(other_district.pk)]
    data["_save"] = ["Save"]

    response = client.post(url, data)

    assert response.status_code == 200
    edition.refresh_from_db()
    assert edition.district == district


def test_a_draft_plan_cannot_be_moved_into_another_districts_edition(
    client: Client, official: User, district: District, other_district: District
) -> None:
    own = factories.make_edition(district=district)
    elsewhere = factories.make_edition(district=other_district)
    plan = factories.make_plan(edition=own, status=PlanStatus.DRAFT)
    client.force_login(official)
    url = _url("proposals_plan_change", plan.pk)
    page = client.get(url)
    form = page.context["adminform"].form
    assert elsewhere not in form.fields["edition"].queryset
    assert not set(form.fields["theme"].queryset) & set(elsewhere.themes.all())

    data = form_data(page.content.decode())
    data["edition"] = [str(elsewhere.pk)]
    data["_save"] = ["Save"]
    client.post(url, data)

    assert Plan.objects.get(pk=plan.pk).edition == own


def test_list_filters_name_only_the_officials_own_editions(
    client: Client, official: User, district: District, other_district: District
) -> None:
    factories.make_plan(edition=factories.make_edition(district=district, name="Eigen editie"))
    factories.make_plan(edition=factories.make_edition(district=other_district, name="Andermans editie"))
    client.force_login(official)
    page = client.get(_url("proposals_plan_changelist")).content.decode()
    assert "Eigen editie" in page
    assert "Andermans editie" not in page
