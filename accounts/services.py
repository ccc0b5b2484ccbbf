"""Account changes: registering a resident and sending a login link."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import ratelimit
from .login_links import make_login_token
from .models import User


class EmailTakenError(Exception):
    """An account with this e-mail address exists already."""


def register_resident(*, email: str, display_name: str, password: str, language: str = "") -> User:
    """A new resident account; ``language`` (the one they registered in) is used for their e-mail."""
    fields = {"language": language} if language in dict(settings.LANGUAGES) else {}
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email=email, password=password, display_name=display_name, **fields
            )
    except IntegrityError as exc:
        raise EmailTakenError(email) from exc


def send_login_link(*, email: str, client: str, build_url: Callable[[str], str]) -> None:
    """Mail a login link to the account with this address, if there is one and it isn't flooded.

    The caller shows the same message either way, so the form reveals neither who has an account
    nor whether a limit was hit (a limit stops mail-bombing an address through our form).
    """
    address = email.strip().lower()
    if not (
        ratelimit.allow(
            f"login-link:client:{client}", limit=settings.LOGIN_LINKS_PER_CLIENT_PER_HOUR, window_seconds=3600
        )
        and ratelimit.allow(
            f"login-link:address:{address}",
            limit=settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR,
            window_seconds=3600,
        )
    ):
        return
    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is None:
        return
    url = build_url(make_login_token(user))
    body = render_to_string("accounts/email/login_link.txt", {"user": user, "url": url})
    transaction.on_commit(
        lambda: send_mail(_("Your login link for Buurtbudget"), body, None, [user.email], fail_silently=False)
    )


def update_profile(
    *, user: User, display_name: str, email_notifications: bool | None = None, language: str = ""
) -> User:
    """Save the profile; ``None``/empty leaves the e-mail choice or the language as they were."""
    user.display_name = display_name
    fields = ["display_name"]
    if email_notifications is not None:
        user.email_notifications = email_notifications
        fields.append("email_notifications")
    if language in dict(settings.LANGUAGES):
        user.language = language
        fields.append("language")
    user.save(update_fields=fields)
    return user
