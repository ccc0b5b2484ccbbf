"""Password logins are throttled per account and per client address, on the site and in /beheer/."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.utils import translation
from pytest_django import Settings

from accounts.forms import THROTTLED_MESSAGE
from accounts.models import User
from tests import factories
from tests.helpers import dutch

pytestmark = pytest.mark.django_db

SITE = "/en/account/inloggen/"
ADMIN = "/beheer/login/"


def try_login(client: Client, url: str, email: str, password: str, **headers: Any) -> bool:
    """POST the login form; True when it logged in."""
    fields = {"username": email, "password": password}
    client.post(url, fields, **headers)
    logged_in = SESSION_KEY in client.session
    client.logout()
    return logged_in


@pytest.mark.parametrize("url", [SITE, ADMIN])
def test_after_too_many_wrong_passwords_for_an_account_even_the_right_one_is_not_checked(
    client: Client, settings: Settings, url: str
) -> None:
    settings.LOGIN_FAILURES_PER_ACCOUNT = (3, 900)
    user = factories.make_user(is_staff=True)
    assert try_login(client, url, user.email, factories.PASSWORD)
    for n in range(3):
        assert not try_login(client, url, user.email, f"wrong-{n}", REMOTE_ADDR=f"192.0.2.{n}")
    assert not try_login(client, url, user.email, factories.PASSWORD, REMOTE_ADDR="198.51.100.1")
    other = factories.make_user(is_staff=True)
    assert try_login(client, url, other.email, factories.PASSWORD)


@pytest.mark.parametrize("url", [SITE, ADMIN])
def test_after_too_many_wrong_passwords_from_one_address_it_cannot_try_any_account(
    client: Client, settings: Settings, url: str
) -> None:
    settings.LOGIN_FAILURES_PER_CLIENT = (4, 900)
    users = [factories.make_user(is_staff=True) for _ in range(5)]
    for user in users[:4]:
        assert not try_login(client, url, user.email, "wrong-password", REMOTE_ADDR="2001:db8:1:1::5")
    # Another address in the same /64 is the same client.
    assert not try_login(client, url, users[4].email, factories.PASSWORD, REMOTE_ADDR="2001:db8:1:1::99")
    assert try_login(client, url, users[4].email, factories.PASSWORD, REMOTE_ADDR="2001:db8:1:2::99")


def test_the_site_says_why_a_throttled_login_is_refused_and_points_to_the_login_link(
    client: Client, settings: Settings
) -> None:
    settings.LOGIN_FAILURES_PER_ACCOUNT = (1, 900)
    user = factories.make_user()
    client.post(SITE, {"username": user.email, "password": "wrong-password"})
    page = client.post(SITE, {"username": user.email, "password": factories.PASSWORD}).content.decode()
    assert "Too many wrong passwords" in page
    assert SESSION_KEY not in client.session


def test_the_admin_login_says_why_a_throttled_login_is_refused_in_dutch_too(
    client: Client, settings: Settings
) -> None:
    settings.LOGIN_FAILURES_PER_ACCOUNT = (1, 900)
    user = factories.make_user(is_staff=True)
    wrong = client.post(ADMIN, {"username": user.email, "password": "wrong-password"}).content.decode()
    page = client.post(ADMIN, {"username": user.email, "password": factories.PASSWORD}).content.decode()

    with translation.override("en"):
        throttled = dutch(str(THROTTLED_MESSAGE))
    assert throttled not in html.unescape(wrong)  # a plain wrong password is still called wrong
    assert throttled in html.unescape(page)
    assert SESSION_KEY not in client.session


def test_spoofed_x_forwarded_for_does_not_escape_the_client_limit_without_trusted_proxies(
    client: Client, settings: Settings
) -> None:
    settings.TRUSTED_PROXY_COUNT = 0
    settings.LOGIN_FAILURES_PER_CLIENT = (2, 900)
    users = [factories.make_user() for _ in range(3)]
    for n, user in enumerate(users[:2]):
        try_login(client, SITE, user.email, "wrong-password", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert not try_login(
        client, SITE, users[2].email, factories.PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.77"
    )


def test_a_successful_login_does_not_count_towards_the_limits(client: Client, settings: Settings) -> None:
    settings.LOGIN_FAILURES_PER_ACCOUNT = (2, 900)
    user = factories.make_user()
    assert all(try_login(client, SITE, user.email, factories.PASSWORD) for _ in range(5))
    assert User.objects.get(pk=user.pk).last_login is not None
