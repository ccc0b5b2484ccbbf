"""The execution records in the admin: read by their own district's officials, edited by nobody."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from execution.models import Follow, Payment
from places.models import District
from tests import factories
from tests.execution.bulk import add_projects
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


def _url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:execution_{name}", args=args)


def _staff_official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


def test_an_official_of_another_district_sees_no_project_and_no_payment(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    [project] = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=1)
    payment = Payment.objects.get(project=project)
    client.force_login(_staff_official(factories.make_district()))
    listed = client.get(_url("project_changelist"))
    assert listed.status_code != 200 or project not in listed.context["cl"].result_list
    assert client.get(_url("project_change", project.pk)).status_code in (302, 403)
    assert client.get(_url("payment_change", payment.pk)).status_code in (302, 403)


def test_the_own_official_reads_a_payment_but_cannot_change_or_delete_it(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    [project] = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=1)
    payment = Payment.objects.get(project=project)
    client.force_login(_staff_official(edition.district))
    response = client.get(_url("payment_change", payment.pk))
    assert response.status_code == 200 and 'name="_save"' not in response.content.decode()
    client.post(_url("payment_change", payment.pk), {"amount_cents": 1, "reference": "X"})
    client.post(_url("payment_delete", payment.pk), {"post": "yes"})
    payment.refresh_from_db()
    assert payment.amount_cents == 100_000 and payment.reference.startswith("FIN-")


def test_who_follows_what_is_not_in_the_admin() -> None:
    assert Follow not in admin.site._registry
