"""The base layout: the menu follows who is logged in; each language link names its language in itself."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import Role
from places.models import District
from tests import factories
from tests.helpers import links, page_text

pytestmark = pytest.mark.django_db


def menu_labels(client: Client) -> str:
    body = page_text(client.get("/en/"))
    return body[
        body.index('<nav class="site-nav"') : body.index("</nav>", body.index('<nav class="site-nav"'))
    ]


def test_anonymous_visitors_see_log_in(client: Client) -> None:
    menu = menu_labels(client)
    assert "Log in" in menu and "Log out" not in menu and "My account" not in menu


def test_residents_see_their_account_and_log_out_but_not_management(client: Client) -> None:
    client.force_login(factories.make_user())
    menu = menu_labels(client)
    assert "My account" in menu and "Log out" in menu
    assert "Log in" not in menu and "Management" not in menu


def test_staff_see_management(client: Client, district: District) -> None:
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True))
    assert "Management" in menu_labels(client)


def test_language_links_name_each_language_in_itself(client: Client) -> None:
    names = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية"}
    for current, prefix in [("nl", "/"), ("en", "/en/"), ("tr", "/tr/"), ("ar", "/ar/")]:
        response = client.get(prefix)
        switch = {link["hreflang"]: link for link in links(response) if "lang" in link}
        assert {code: link["lang"] for code, link in switch.items()} == {code: code for code in names}
        assert {code: link["href"] for code, link in switch.items()} == {
            "nl": "/",
            "en": "/en/",
            "tr": "/tr/",
            "ar": "/ar/",
        }
        body = page_text(response)
        for code, name in names.items():
            current_mark = ' aria-current="true"' if code == current else ""
            assert f'lang="{code}"{current_mark}>{name}</a>' in body


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [("/", "nl", "ltr"), ("/en/", "en", "ltr"), ("/tr/", "tr", "ltr"), ("/ar/", "ar", "rtl")],
)
def test_every_page_names_its_language_and_its_direction(
    client: Client, prefix: str, lang: str, direction: str
) -> None:
    assert f'<html lang="{lang}" dir="{direction}"' in page_text(client.get(prefix + "plannen/"))


def test_the_menu_offers_the_vote_and_registering_to_visitors(client: Client) -> None:
    menu = menu_labels(client)
    assert "Vote" in menu and "Register" in menu and "Plans" in menu


def test_a_logged_in_persons_other_items_fold_behind_menu(client: Client) -> None:
    client.force_login(factories.make_user())
    menu = menu_labels(client)
    folded = menu[menu.index("<details") : menu.index("</details>")]
    assert "Vote" in menu[: menu.index("<details")]
    for label in ("My plans", "Notifications", "My account", "Log out"):
        assert label in folded
    assert "Register" not in menu
