"""The notifications page in the account, the unread count in the header, and turning e-mail off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from notifications.models import Notification, NotificationKind
from tests import factories
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def en(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def make_notification(user: User, plan: str, *, hours_ago: int = 0, read: bool = False) -> Notification:
    moment = timezone.now() - timedelta(hours=hours_ago)
    return Notification.objects.create(
        recipient=user,
        kind=NotificationKind.COMMENT,
        params={"plan": plan, "author": "Bram", "excerpt": "Hoi"},
        url="/plannen/1/#comment-1",
        created_at=moment,
        read_at=moment if read else None,
    )


def test_the_page_needs_a_login(client: Client) -> None:
    response = client.get(en("notifications:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(en("accounts:login"))


def test_the_list_shows_the_users_notifications_newest_first_in_their_language(
    client: Client, resident: User
) -> None:
    make_notification(resident, "Oud plan", hours_ago=5, read=True)
    make_notification(resident, "Nieuw plan", hours_ago=1)
    make_notification(factories.make_user(), "Andermans plan")
    client.force_login(resident)
    body = page_text(client.get(en("notifications:list")))
    assert body.index("New comment on your plan “Nieuw plan”") < body.index(
        "New comment on your plan “Oud plan”"
    )
    assert "Andermans plan" not in body
    assert "Bram wrote: “Hoi”" in body
    assert body.count("notifications__item--unread") == 1
    assert 'href="/en/plannen/1/#comment-1"' in body
    assert "You have 1 unread notification." in body


def test_mark_all_as_read(client: Client, resident: User) -> None:
    make_notification(resident, "Een")
    make_notification(resident, "Twee")
    client.force_login(resident)
    response = client.post(en("notifications:mark_all_read"), follow=True)
    assert "All notifications are marked as read." in page_text(response)
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert client.get(en("notifications:mark_all_read")).status_code == 405


def test_the_header_shows_the_unread_count_to_a_logged_in_user(client: Client, resident: User) -> None:
    make_notification(resident, "Een")
    make_notification(resident, "Twee")
    client.force_login(resident)
    body = page_text(client.get("/en/"))
    assert '<span class="site-nav__count">2<span class="visually-hidden"> unread</span></span>' in body


def test_a_resident_turns_email_off_on_the_profile_page(client: Client, resident: User) -> None:
    client.force_login(resident)
    page = page_text(client.get(en("accounts:profile")))
    assert 'name="email_notifications"' in page and "checked" in page
    client.post(en("accounts:profile"), {"display_name": "Anna"})
    resident.refresh_from_db()
    assert resident.email_notifications is False
    assert resident.language == "en"
    client.post(en("accounts:profile"), {"display_name": "Anna", "email_notifications": "on"})
    resident.refresh_from_db()
    assert resident.email_notifications is True


def test_registering_in_english_keeps_english_as_the_mail_language(client: Client) -> None:
    client.post(
        en("accounts:register"),
        {
            "email": "tom@example.org",
            "display_name": "Tom",
            "password1": factories.PASSWORD,
            "password2": factories.PASSWORD,
        },
    )
    assert User.objects.get(email="tom@example.org").language == "en"
