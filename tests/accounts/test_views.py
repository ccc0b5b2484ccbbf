"""Account pages: register, log in with a password or a link, log out and edit the profile."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import User
from tests import factories
from tests.accounts.test_login_links import make_token_made_seconds_ago
from tests.helpers import Rendered, dutch, page_text

pytestmark = pytest.mark.django_db


def en(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def nl(name: str, *args: object) -> str:
    with translation.override("nl"):
        return reverse(name, args=args)


def logged_in_user_id(client: Client) -> str | None:
    return client.session.get(SESSION_KEY)


def field_error(response: Rendered, field: str) -> str:
    """The text of the error shown next to the field's input (its ``<id>_error`` block)."""
    body = page_text(response)
    match = re.search(rf'id="id_{field}_error">(.*?)</div>', body, re.S)
    assert match, f"no error next to the field {field!r}"
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip()


REGISTRATION = {
    "email": "anna@example.org",
    "display_name": "Anna",
    "password1": factories.PASSWORD,
    "password2": factories.PASSWORD,
}


# Registering


def test_registering_creates_the_account_and_logs_in(client: Client) -> None:
    response = client.post(en("accounts:register"), REGISTRATION)
    assert response.status_code == 302
    user = User.objects.get(email="anna@example.org")
    assert user.display_name == "Anna"
    assert user.check_password(factories.PASSWORD)
    assert logged_in_user_id(client) == str(user.pk)


def test_registering_stores_the_address_in_lower_case(client: Client) -> None:
    client.post(en("accounts:register"), {**REGISTRATION, "email": "Anna@Example.ORG"})
    assert User.objects.filter(email="anna@example.org").exists()


def test_registering_with_a_taken_address_shows_the_error_next_to_the_field_and_keeps_values(
    client: Client,
) -> None:
    factories.make_user(email="anna@example.org")
    response = client.post(en("accounts:register"), {**REGISTRATION, "email": "ANNA@example.org"})
    assert response.status_code == 200
    assert "An account with this e-mail address exists already" in field_error(response, "email")
    body = page_text(response)
    assert 'value="ANNA@example.org"' in body
    assert 'value="Anna"' in body
    assert 'aria-invalid="true"' in body
    assert User.objects.count() == 1
    assert logged_in_user_id(client) is None


def test_registering_with_differing_passwords_is_refused(client: Client) -> None:
    response = client.post(en("accounts:register"), {**REGISTRATION, "password2": "Iets-anders-2027"})
    assert response.status_code == 200
    assert field_error(response, "password2") == "The two passwords differ."
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("kort-1", "too short"),
        ("1234567890123", "entirely numeric"),
        ("password1234", "too common"),
    ],
)
def test_registering_with_a_weak_password_is_refused(client: Client, password: str, complaint: str) -> None:
    response = client.post(
        en("accounts:register"), {**REGISTRATION, "password1": password, "password2": password}
    )
    assert response.status_code == 200
    assert complaint in field_error(response, "password1")
    assert 'value="anna@example.org"' in page_text(response)
    assert not User.objects.exists()


def test_registering_in_dutch_shows_dutch_errors(client: Client) -> None:
    factories.make_user(email="anna@example.org")
    response = client.post(nl("accounts:register"), REGISTRATION)
    assert dutch("An account with this e-mail address exists already. Log in, or ask for a login link.") in (
        field_error(response, "email")
    )


def test_registering_sends_you_on_to_a_safe_next_page_only(client: Client) -> None:
    response = client.post(en("accounts:register") + "?next=/en/plannen/", REGISTRATION)
    assert response["Location"] == "/en/plannen/"
    other = Client()
    response = other.post(
        en("accounts:register") + "?next=https://evil.example/", {**REGISTRATION, "email": "b@example.org"}
    )
    assert response["Location"] == en("pages:home")


# Logging in with a password


def test_logging_in_with_the_right_password_works(client: Client, resident: User) -> None:
    response = client.post(en("accounts:login"), {"username": resident.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(resident.pk)


def test_logging_in_with_a_wrong_password_shows_a_translated_error(client: Client, resident: User) -> None:
    response = client.post(
        nl("accounts:login"), {"username": resident.email, "password": "verkeerd-wachtwoord"}
    )
    assert response.status_code == 200
    message = "This e-mail address and password do not match an account. Check both and try again."
    assert dutch(message) in page_text(response)
    assert logged_in_user_id(client) is None
    english = client.post(
        en("accounts:login"), {"username": resident.email, "password": "verkeerd-wachtwoord"}
    )
    assert message in page_text(english)


# Logging in with a link


def request_link(
    client: Client, email: str, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> Rendered:
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(en("accounts:login_link_request"), {"email": email})


def link_in_mail() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://\S+", str(mail.outbox[0].body))
    assert match, mail.outbox[0].body
    return match.group(0).removeprefix("http://testserver")


def test_a_login_link_is_mailed_after_the_transaction_commits(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(en("accounts:login_link_request"), {"email": "ANNA@example.org"})
    assert response.status_code == 200
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [resident.email]
    assert "/en/account/inloglink/" in mail.outbox[0].body


def test_an_unknown_address_gets_no_mail_and_the_same_page(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    known = request_link(client, resident.email, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    unknown = request_link(client, "nobody@example.org", django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert page_text(unknown).replace("nobody@example.org", "@") == page_text(known).replace(
        resident.email, "@"
    )


def test_an_inactive_account_gets_no_link(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    user = factories.make_user(is_active=False)
    request_link(client, user.email, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_login_link_logs_in_on_post_only_and_only_once(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    request_link(client, resident.email, django_capture_on_commit_callbacks)
    url = link_in_mail()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert logged_in_user_id(client) is None, "opening the link (as mail scanners do) must not log in"
    response = client.post(url)
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(resident.pk)
    again = Client()
    assert again.post(url).status_code == 400
    assert again.get(url).status_code == 400
    assert logged_in_user_id(again) is None


def test_an_expired_login_link_does_not_work(client: Client, resident: User) -> None:
    token = make_token_made_seconds_ago(resident, 16 * 60)
    response = client.post(en("accounts:login_link", token))
    assert response.status_code == 400
    assert "This link no longer works" in page_text(response)
    assert logged_in_user_id(client) is None


def test_a_forged_login_link_gives_400(client: Client, resident: User) -> None:
    assert client.get(en("accounts:login_link", "forged-token")).status_code == 400
    assert client.post(nl("accounts:login_link", "eyJ1IjoxfQ:forged:sig")).status_code == 400
    assert logged_in_user_id(client) is None


# Logging out and the profile


def test_logging_out_ends_the_session(client: Client, resident: User) -> None:
    client.force_login(resident)
    response = client.post(en("accounts:logout"))
    assert response.status_code == 302
    assert logged_in_user_id(client) is None


def test_the_profile_needs_a_login(client: Client) -> None:
    response = client.get(en("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_updating_the_profile_changes_the_public_name(client: Client, resident: User) -> None:
    client.force_login(resident)
    response = client.post(en("accounts:profile"), {"display_name": "Anna B."})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Anna B."
    assert "Anna B." in page_text(client.get(en("accounts:profile")))


def test_an_empty_public_name_is_refused(client: Client, resident: User) -> None:
    client.force_login(resident)
    response = client.post(en("accounts:profile"), {"display_name": ""})
    assert response.status_code == 200
    assert field_error(response, "display_name")
    resident.refresh_from_db()
    assert resident.display_name == "Anna"


def test_login_links_for_one_address_are_limited_per_hour_without_saying_so(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    pages = []
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(7):
            response = client.post(en("accounts:login_link_request"), {"email": resident.email})
            pages.append(response.content.decode())
    assert len(mail.outbox) == settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR
    assert pages[-1] == pages[0]
