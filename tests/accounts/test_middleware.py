"""Staff sessions end after the idle time; residents' sessions do not."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from accounts.models import Role
from places.models import District
from tests import factories

pytestmark = pytest.mark.django_db


def advance(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    start = 1_800_000_000.0
    monkeypatch.setattr(time, "time", lambda: start + seconds)


@pytest.mark.parametrize("kind", ["official", "admin"])
def test_a_staff_session_ends_after_the_idle_time(
    client: Client, district: District, monkeypatch: pytest.MonkeyPatch, settings: object, kind: str
) -> None:
    staff = (
        factories.make_staff(role=Role.OFFICIAL, district=district)
        if kind == "official"
        else factories.make_user(is_staff=True)
    )
    client.force_login(staff)
    advance(monkeypatch, 0)
    assert client.get("/en/account/").status_code == 200
    advance(monkeypatch, 29 * 60)
    assert client.get("/en/account/").status_code == 200  # activity keeps it alive
    advance(monkeypatch, 29 * 60 + 31 * 60)
    response = client.get("/en/account/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert SESSION_KEY not in client.session


def test_a_resident_session_survives_the_staff_idle_time(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(factories.make_user())
    advance(monkeypatch, 0)
    client.get("/en/account/")
    advance(monkeypatch, 5 * 60 * 60)
    assert client.get("/en/account/").status_code == 200


def test_a_stamp_left_by_another_login_does_not_end_a_new_one(
    client: Client, district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = factories.make_staff(role=Role.OFFICIAL, district=district)
    client.force_login(first)
    advance(monkeypatch, 0)
    client.get("/en/account/")
    second = factories.make_staff(role=Role.OFFICIAL, district=district)
    advance(monkeypatch, 2 * 60 * 60)
    client.force_login(second)
    assert client.get("/en/account/").status_code == 200
