"""What the tests of the officials' vote pages share: their URLs and a logged-in client."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from accounts.models import User
from editions.models import Edition

PAGES = ("manage", "paper", "paper_confirm", "paper_review")


def url(name: str, edition: Edition, **kwargs: Any) -> str:
    return reverse(f"voting:{name}", kwargs={"slug": edition.slug, **kwargs})


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
