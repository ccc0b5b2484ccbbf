"""Signed, time-limited links that work once: passwordless login, and confirming an e-mail address.

The token signs the user id with a hash of the user's last login and password hash, so logging
in (which updates ``last_login``) or changing the password spends every earlier link.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from .models import User

_SALT = "accounts.login_link"


def _state_hash(user: User) -> str:
    last_login = user.last_login.isoformat() if user.last_login else ""
    return salted_hmac(_SALT, f"{user.pk}|{last_login}|{user.password}").hexdigest()[:20]


def _sign(user: User, *, salt: str, state: str) -> str:
    return signing.dumps({"u": user.pk, "h": state}, salt=salt, compress=True)


def _user_for(token: str, *, salt: str, max_age: int, state: Callable[[User], str]) -> User | None:
    """The active user a token names while the state it was signed with still holds, else None."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or payload.get("h") != state(user):
        return None
    return user


def make_login_token(user: User) -> str:
    return _sign(user, salt=_SALT, state=_state_hash(user))


def user_for_login_token(token: str) -> User | None:
    """The user the token logs in, or None if it is forged, expired or already used."""
    return _user_for(token, salt=_SALT, max_age=settings.LOGIN_LINK_MAX_AGE_SECONDS, state=_state_hash)


_VERIFY_SALT = "accounts.verify_email"


def _verification_state(user: User) -> str:
    verified = user.email_verified_at.isoformat() if user.email_verified_at else ""
    return salted_hmac(_VERIFY_SALT, f"{user.pk}|{user.email}|{verified}").hexdigest()[:20]


def make_verification_token(user: User) -> str:
    """A link token that confirms the account's address; it stops working once the address is confirmed."""
    return _sign(user, salt=_VERIFY_SALT, state=_verification_state(user))


def user_for_verification_token(token: str) -> User | None:
    """The unconfirmed user the token names, or None if it is forged, expired or already used."""
    max_age = settings.EMAIL_VERIFICATION_MAX_AGE_SECONDS
    return _user_for(token, salt=_VERIFY_SALT, max_age=max_age, state=_verification_state)
