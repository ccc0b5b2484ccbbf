"""The reader's language is remembered for the account: the switch saves it, logging in goes on in
it, and the mails the account asks for are written in it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts import services
from accounts.errors import AccountError
from accounts.login_links import make_login_token
from accounts.models import User
from tests import factories
from tests.helpers import html_lang, page_text

pytestmark = pytest.mark.django_db


def path(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


# --- The switch of a logged-in reader -----------------------------------------------------------


def test_the_switch_of_a_logged_in_reader_is_a_form_that_names_each_language_in_itself(
    client: Client, resident: User
) -> None:
    client.force_login(resident)
    body = page_text(client.get("/tr/plannen/?thema=groen"))
    form = body[
        body.index('class="site-language-form"') : body.index("</form>", body.index("site-language-form"))
    ]
    assert 'name="next" value="/tr/plannen/?thema=groen"' in form
    for code, name in [("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية")]:
        assert f'name="language" value="{code}" lang="{code}"' in form and f">{name}</button>" in form
    assert 'value="tr" lang="tr" aria-current="true"' in form


def test_choosing_a_language_saves_it_and_opens_the_same_page_in_it(client: Client, resident: User) -> None:
    client.force_login(resident)
    response = client.post(
        path("accounts:language", "nl"), {"language": "ar", "next": "/plannen/?thema=groen"}
    )
    assert response.status_code == 302 and response["Location"] == "/ar/plannen/?thema=groen"
    resident.refresh_from_db()
    assert resident.language == "ar"
    back = client.post(path("accounts:language", "ar"), {"language": "nl", "next": "/ar/plannen/"})
    assert back["Location"] == "/plannen/"
    resident.refresh_from_db()
    assert resident.language == "nl"


def test_an_unknown_language_is_refused_with_a_message_and_changes_nothing(
    client: Client, resident: User
) -> None:
    resident.language = "tr"
    resident.save()
    client.force_login(resident)
    response = client.post(path("accounts:language", "en"), {"language": "xx", "next": "/en/plannen/"})
    assert response["Location"] == "/en/plannen/"
    resident.refresh_from_db()
    assert resident.language == "tr"
    (message,) = get_messages(response.wsgi_request)
    assert "not available in the language “xx”" in str(message)


def test_the_switch_never_leads_to_another_site(client: Client, resident: User) -> None:
    client.force_login(resident)
    response = client.post(
        path("accounts:language", "en"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/"


def test_a_visitor_who_is_not_logged_in_is_only_sent_to_the_page(client: Client) -> None:
    response = client.post(path("accounts:language", "nl"), {"language": "tr", "next": "/plannen/"})
    assert response["Location"] == "/tr/plannen/"
    assert client.get(path("accounts:language", "nl")).status_code == 405  # a link changes nothing


def test_choose_language_refuses_a_code_the_site_does_not_offer(resident: User) -> None:
    with pytest.raises(AccountError) as refused:
        services.choose_language(user=resident, language="de")
    assert refused.value.code == "unknown_language"
    resident.refresh_from_db()
    assert resident.language == "nl"


# --- Logging in -----------------------------------------------------------------------------------


def log_in(client: Client, language: str, user: User, next_path: str = "") -> str:
    query = f"?next={next_path}" if next_path else ""
    response = client.post(
        path("accounts:login", language) + query, {"username": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302, page_text(response)
    return str(response["Location"])


def test_logging_in_on_a_dutch_page_goes_on_in_the_accounts_language() -> None:
    user = factories.make_user(language="tr")
    assert log_in(Client(), "nl", user, "/plannen/") == "/tr/plannen/"
    assert log_in(Client(), "nl", user) == "/tr/"
    user.refresh_from_db()
    assert user.language == "tr"


def test_logging_in_on_a_page_in_another_language_keeps_and_saves_that_language() -> None:
    user = factories.make_user(language="tr")
    assert log_in(Client(), "ar", user, "/plannen/") == "/ar/plannen/"
    user.refresh_from_db()
    assert user.language == "ar"


def test_the_switch_on_the_login_page_keeps_the_address_and_next_but_never_the_password(
    client: Client, resident: User
) -> None:
    response = client.post(
        path("accounts:login", "ar") + "?next=/plannen/",
        {
            "username": resident.email,
            "password": "geheim-wachtwoord",
            "next": "/plannen/",
            "language_switch": "ar",
        },
    )
    body = page_text(response)
    assert response.status_code == 200 and html_lang(response) == "ar" and 'dir="rtl"' in body
    assert f'value="{resident.email}"' in body and 'name="next" value="/plannen/"' in body
    assert "geheim-wachtwoord" not in body
    assert client.session.get(SESSION_KEY) is None  # switching logs nobody in
    switch = re.findall(r'formaction="([^"]+)"', body)
    assert switch == [f"{path('accounts:login', code)}?next=/plannen/" for code in ("nl", "en", "tr", "ar")]


def test_a_login_link_logs_in_in_the_accounts_language_with_its_message_in_it(client: Client) -> None:
    user = factories.make_user(language="en")
    response = client.post(path("accounts:login_link", "nl", make_login_token(user)))
    assert response["Location"] == "/en/"
    (message,) = get_messages(response.wsgi_request)
    assert str(message) == "You are logged in."


# --- Mails in the account's language ----------------------------------------------------------------


@pytest.mark.parametrize(("language", "prefix"), [("en", "/en/"), ("nl", "/")])
def test_a_login_link_is_written_in_the_accounts_language_whatever_the_page(
    client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    language: str,
    prefix: str,
) -> None:
    user = factories.make_user(language=language)
    page = "nl" if language == "en" else "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path("accounts:login_link_request", page), {"email": user.email})
    (sent,) = mail.outbox
    with translation.override(language):
        assert sent.subject == translation.gettext("Your login link for Buurtbudget")
    assert f"testserver{prefix}account/inloglink/" in str(sent.body)


def test_a_password_reset_is_written_in_the_accounts_language(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    user = factories.make_user(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path("accounts:password_reset", "nl"), {"email": user.email})
    (sent,) = mail.outbox
    assert "choose a new password" in str(sent.body) and "/en/account/wachtwoord-herstellen/" in str(
        sent.body
    )


def test_the_switch_on_the_register_page_keeps_the_address_and_name_but_not_the_passwords(
    client: Client,
) -> None:
    data = {
        "email": "anna@example.org",
        "display_name": "Anna",
        "password1": "Geheim-wachtwoord-2027",
        "password2": "Geheim-wachtwoord-2027",
        "language_switch": "tr",
    }
    response = client.post(path("accounts:register", "tr"), data)
    body = page_text(response)
    assert html_lang(response) == "tr" and 'value="anna@example.org"' in body and 'value="Anna"' in body
    assert "Geheim-wachtwoord-2027" not in body and 'aria-invalid="true"' not in body
    assert not User.objects.filter(email="anna@example.org").exists() and mail.outbox == []
