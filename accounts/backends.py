"""Password login, throttled per account and per client address, for the site and /beheer/ alike.

Django's login form and the admin's both call ``authenticate``, which asks this backend. Over a
limit the password is not checked at all, so guessing stops even when the guess is right; the
login form says so and points to the login link, which still works (it proves the address).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from common.ratelimit import Limit, client_bucket, client_ip, count, exceeded

from .models import User

THROTTLED_ATTRIBUTE = "login_throttled"


def _limits() -> tuple[Limit, Limit]:
    return (
        Limit.of("login-failures-account", settings.LOGIN_FAILURES_PER_ACCOUNT),
        Limit.of("login-failures-client", settings.LOGIN_FAILURES_PER_CLIENT),
    )


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    client = client_bucket(client_ip(request)) if request is not None else "no-request"
    return username.strip().lower(), client


def login_throttled(request: HttpRequest | None, username: str) -> bool:
    """Whether this account or this client failed too often to have a password checked now."""
    per_account, per_client = _limits()
    account, client = _keys(request, username)
    return exceeded(per_account, account) or exceeded(per_client, client)


def count_login_failure(request: HttpRequest | None, username: str) -> None:
    per_account, per_client = _limits()
    account, client = _keys(request, username)
    count(per_account, account)
    count(per_client, client)


class ThrottledModelBackend(ModelBackend):
    """ModelBackend that refuses to check passwords for an account or client over its failure limit."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        if login_throttled(request, username):
            if request is not None:
                setattr(request, THROTTLED_ATTRIBUTE, True)
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            count_login_failure(request, username)
        return user
