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

from accounts.login_links import make_login_token as make_login_token_for
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


def confirmation_link(message_body: str) -> str:
    match = re.search(r"https?://[^/]+(/\S+/bevestigen/\S+/)", message_body)
    assert match, message_body
    return match.group(1)


def test_registering_creates_an_unconfirmed_account_and_mails_the_confirmation_link(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("accounts:register"), REGISTRATION)
    assert response.status_code == 200
    assert "Check your e-mail" in page_text(response)
    user = User.objects.get(email="anna@example.org")
    assert user.display_name == "Anna"
    assert user.check_password(factories.PASSWORD)
    assert not user.email_verified
    assert logged_in_user_id(client) is None
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    link = confirmation_link(str(mail.outbox[0].body))
    assert client.get(link).status_code == 200
    assert logged_in_user_id(client) is None  # a mail scanner's GET confirms nothing
    assert client.post(link).status_code == 302
    user.refresh_from_db()
    assert user.email_verified
    assert logged_in_user_id(client) == str(user.pk)
    assert client.post(link).status_code == 400  # used once


def test_registering_stores_the_address_in_lower_case(client: Client) -> None:
    client.post(en("accounts:register"), {**REGISTRATION, "email": "Anna@Example.ORG"})
    assert User.objects.filter(email="anna@example.org").exists()


def test_registering_a_taken_address_answers_the_same_and_mails_its_owner_instead(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    owner = factories.make_user(email="anna@example.org", display_name="Anna B.", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(en("accounts:register"), {**REGISTRATION, "email": "ANNA@example.org"})
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(en("accounts:register"), {**REGISTRATION, "email": "bert@example.org"})
    assert taken.status_code == new.status_code == 200
    assert page_text(taken).replace("anna@example.org", "X") == page_text(new).replace(
        "bert@example.org", "X"
    )
    owner.refresh_from_db()
    assert owner.display_name == "Anna B." and owner.check_password(factories.PASSWORD)
    assert User.objects.count() == 2
    assert logged_in_user_id(client) is None
    to_owner = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    assert len(to_owner) == 1 and "already have" in to_owner[0].body
    assert "/bevestigen/" not in to_owner[0].body


def test_the_confirmation_link_leads_on_to_a_safe_next_page_only(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("accounts:register") + "?next=/en/plannen/", REGISTRATION)
        client.post(
            en("accounts:register") + "?next=https://evil.example/",
            {**REGISTRATION, "email": "b@example.org"},
        )
    first, second = (str(message.body) for message in mail.outbox)
    assert client.post(confirmation_link_with_query(first))["Location"] == "/en/plannen/"
    assert Client().post(confirmation_link_with_query(second))["Location"] == en("pages:home")


def confirmation_link_with_query(message_body: str) -> str:
    match = re.search(r"https?://[^/]+(/\S+/bevestigen/\S+)", message_body)
    assert match, message_body
    return match.group(1)


def test_a_confirmation_link_that_is_forged_or_expired_does_not_work(client: Client) -> None:
    assert client.get(en("accounts:verify_email", "forged")).status_code == 400


def test_an_unconfirmed_account_can_ask_for_a_new_link_a_few_times_an_hour(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    user = factories.make_user(email_verified_at=None)
    client.force_login(user)
    assert "Send the confirmation mail again" in page_text(client.get(en("accounts:profile")))
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(settings.EMAIL_VERIFICATIONS_PER_HOUR + 2):
            client.post(en("accounts:resend_verification"))
    assert len(mail.outbox) == settings.EMAIL_VERIFICATIONS_PER_HOUR
    client.post(confirmation_link(str(mail.outbox[-1].body)))
    user.refresh_from_db()
    assert user.email_verified


def test_using_a_login_link_confirms_the_address(client: Client) -> None:
    user = factories.make_user(email_verified_at=None)
    client.post(en("accounts:login_link", make_login_token_for(user)))
    user.refresh_from_db()
    assert user.email_verified


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
    # In the account's language (Dutch), not the page's: tests/accounts/test_language.py
    assert "/account/inloglink/" in mail.outbox[0].body and "/en/" not in mail.outbox[0].body


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


# Changing and resetting the password


def test_a_resident_changes_their_password(client: Client, resident: User) -> None:
    client.force_login(resident)
    new = "Een-nieuw-wachtwoord-2027"
    response = client.post(
        en("accounts:password_change"),
        {"old_password": factories.PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(new)
    assert logged_in_user_id(client) == str(resident.pk)


def test_a_wrong_old_password_changes_nothing(client: Client, resident: User) -> None:
    client.force_login(resident)
    new = "Een-nieuw-wachtwoord-2027"
    response = client.post(
        en("accounts:password_change"), {"old_password": "wrong", "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.check_password(factories.PASSWORD)


def test_the_reset_request_answers_the_same_for_known_and_unknown_addresses(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    # The mail is queued (common.mail) and goes out once the request's work has committed.
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(en("accounts:password_reset"), {"email": resident.email})
        unknown = client.post(en("accounts:password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == en("accounts:password_reset_sent")
    assert [m.to for m in mail.outbox] == [[resident.email]]


def test_a_reset_link_sets_a_new_password_once_and_confirms_the_address(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    user = factories.make_user(email_verified_at=None, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(en("accounts:password_reset"), {"email": user.email})
    match = re.search(r"https?://[^/]+(/\S+/wachtwoord-herstellen/\S+/)", str(mail.outbox[0].body))
    assert match, mail.outbox[0].body
    form_url = client.get(match.group(1))["Location"]  # Django moves the token into the session
    new = "Een-nieuw-wachtwoord-2027"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new) and user.email_verified
    assert "expired" in page_text(client.get(match.group(1), follow=True))


def test_reset_mails_to_one_address_are_limited(
    client: Client, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR + 3):
            client.post(en("accounts:password_reset"), {"email": resident.email})
    assert len(mail.outbox) == settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR


def test_the_reset_pages_are_dutch_by_default(client: Client) -> None:
    page = page_text(client.get(nl("accounts:password_reset")))
    assert dutch("Forgot your password?") in page
