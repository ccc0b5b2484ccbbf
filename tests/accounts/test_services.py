"""Account services: registering refuses a taken address even when two requests race."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts import services
from accounts.models import User
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def test_registering_a_taken_address_raises_email_taken() -> None:
    factories.make_user(email="anna@example.org")
    with pytest.raises(services.EmailTakenError):
        services.register_resident(email="anna@example.org", display_name="Anna", password=factories.PASSWORD)
    assert User.objects.count() == 1


def test_the_register_page_reports_an_address_taken_by_a_racing_request(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def taken_meanwhile(**kwargs: str) -> User:
        raise services.EmailTakenError(kwargs["email"])

    monkeypatch.setattr(services, "register_resident", taken_meanwhile)
    response = client.post(
        "/en/account/registreren/",
        {
            "email": "anna@example.org",
            "display_name": "Anna",
            "password1": factories.PASSWORD,
            "password2": factories.PASSWORD,
        },
    )
    assert response.status_code == 200
    body = page_text(response)
    assert 'id="id_email_error"' in body
    assert "An account with this e-mail address exists already." in body
    assert 'value="anna@example.org"' in body


def test_updating_the_profile_changes_only_the_public_name() -> None:
    user = factories.make_user(display_name="Anna")
    services.update_profile(user=user, display_name="Anna B.")
    user.refresh_from_db()
    assert user.display_name == "Anna B."
    assert user.check_password(factories.PASSWORD)
