"""Whose e-mail address an official sees in the admin: only the people they work with in their district.

Decided: an official (or administrator) sees the staff of their own district and the residents who
started or joined a plan in one of its editions; nobody else, and they never create or change
accounts or grant roles (a superuser does). Staff of other roles see no accounts at all.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from places.models import District

from .. import factories


def _url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


@pytest.fixture
def cast(district: District, other_district: District) -> dict[str, User]:
    own_edition = factories.make_edition(district=district)
    other_edition = factories.make_edition(district=other_district)
    people = {
        "official": factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True),
        "colleague": factories.make_staff(role=Role.REVIEWER, district=district),
        "initiator": factories.make_user(email="initiatiefnemer@example.org"),
        "co_initiator": factories.make_user(email="mede@example.org"),
        "bystander": factories.make_user(email="niet-betrokken@example.org"),
        "initiator_elsewhere": factories.make_user(email="elders@example.org"),
        "official_elsewhere": factories.make_staff(
            role=Role.OFFICIAL, district=other_district, is_staff=True
        ),
        "superuser": factories.make_user(email="beheer@example.org", is_staff=True, is_superuser=True),
    }
    plan = factories.make_plan(edition=own_edition, initiator=people["initiator"])
    factories.make_co_initiator(plan=plan, user=people["co_initiator"])
    factories.make_plan(edition=other_edition, initiator=people["initiator_elsewhere"])
    return people


def test_an_official_lists_only_the_people_of_their_districts_work(
    client: Client, cast: dict[str, User]
) -> None:
    client.force_login(cast["official"])
    response = client.get(_url("accounts_user_changelist"))

    assert response.status_code == 200
    listed = {user.email for user in response.context["cl"].result_list}
    assert listed == {cast[name].email for name in ("official", "colleague", "initiator", "co_initiator")}
    page = response.content.decode()
    for name in ("bystander", "initiator_elsewhere", "official_elsewhere", "superuser"):
        assert cast[name].email not in page


def test_searching_for_an_address_outside_the_district_finds_nothing(
    client: Client, cast: dict[str, User]
) -> None:
    client.force_login(cast["official"])
    response = client.get(_url("accounts_user_changelist"), {"q": "elders@example.org"})
    assert list(response.context["cl"].result_list) == []
    assert client.get(_url("accounts_user_change", cast["initiator_elsewhere"].pk)).status_code == 302


def test_the_initiator_search_in_the_plan_form_offers_only_the_districts_people(
    client: Client, cast: dict[str, User]
) -> None:
    client.force_login(cast["official"])
    response = client.get(
        _url("autocomplete"),
        {"app_label": "proposals", "model_name": "plan", "field_name": "initiator", "term": "example.org"},
    )

    assert response.status_code == 200
    found = {int(result["id"]) for result in json.loads(response.content)["results"]}
    assert cast["initiator_elsewhere"].pk not in found and cast["bystander"].pk not in found
    assert cast["initiator"].pk in found


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.COMMITTEE, Role.FACILITATOR])
def test_staff_who_do_not_manage_editions_see_no_accounts(
    client: Client, cast: dict[str, User], district: District, role: Role
) -> None:
    client.force_login(factories.make_staff(role=role, district=district, is_staff=True))
    assert client.get(_url("accounts_user_changelist")).status_code == 403


def test_an_official_cannot_make_themselves_a_superuser_or_grant_roles(
    client: Client, cast: dict[str, User]
) -> None:
    official = cast["official"]
    client.force_login(official)
    page = client.get(_url("accounts_user_change", official.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(
        _url("accounts_user_change", official.pk),
        {"email": official.email, "is_superuser": "on", "is_staff": "on"},
    )
    assert response.status_code == 403
    official.refresh_from_db()
    assert not official.is_superuser
    assert client.get(_url("accounts_staffrole_add")).status_code == 403


def test_a_superuser_sees_everyone(client: Client, cast: dict[str, User]) -> None:
    client.force_login(cast["superuser"])
    response = client.get(_url("accounts_user_changelist"))
    assert {user.email for user in response.context["cl"].result_list} >= {u.email for u in cast.values()}
