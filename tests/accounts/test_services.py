"""Account services: registering reveals no account, mails on request are limited."""

from __future__ import annotations

import pytest
from pytest_django import Settings

from accounts import services
from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_registering_a_taken_address_changes_nothing_and_creates_no_account() -> None:
    factories.make_user(email="anna@example.org", display_name="Anna")
    services.register_resident(
        email="anna@example.org",
        display_name="Someone else",
        password="Een-ander-wachtwoord-9",
        client="192.0.2.1",
        build_url=lambda token: token,
    )
    assert list(User.objects.values_list("display_name", flat=True)) == ["Anna"]
    assert User.objects.get().check_password(factories.PASSWORD)


def test_a_registered_resident_starts_unconfirmed_and_other_accounts_start_confirmed() -> None:
    services.register_resident(
        email="new@example.org",
        display_name="New",
        password=factories.PASSWORD,
        client="192.0.2.1",
        build_url=str,
    )
    assert not User.objects.get(email="new@example.org").email_verified
    assert factories.make_user().email_verified
    assert User.objects.create_superuser(email="root@example.org", password=factories.PASSWORD).email_verified


def test_mails_asked_for_one_address_are_limited_whoever_asks(settings: Settings) -> None:
    settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR = 2
    allowed = [services.may_mail(address="Anna@example.org", client=f"192.0.2.{n}") for n in range(4)]
    assert allowed == [True, True, False, False]


def test_updating_the_profile_changes_only_the_public_name() -> None:
    user = factories.make_user(display_name="Anna")
    services.update_profile(user=user, display_name="Anna B.")
    user.refresh_from_db()
    assert user.display_name == "Anna B."
    assert user.check_password(factories.PASSWORD)
