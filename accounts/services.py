"""Account changes: registering a resident, confirming their address, the mails we send on request,
and setting up accounts, staff roles and the admin group (commands, the demo, administrators)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from common.mail import queue_mail
from common.ratelimit import Limit, hit, hit_client
from places.models import District

from .errors import AccountError
from .login_links import make_login_token, make_verification_token
from .models import Role, StaffRole, User
from .roles import ROLES_CACHE_ATTR


def may_mail(*, address: str, client: str) -> bool:
    """Count one visitor-requested mail to ``address`` from ``client``; False over either limit.

    Login links, registration mails and password resets share these limits: each can be asked
    for any address, so without them our form could be used to flood someone's inbox.
    """
    per_client = Limit("account-mails-client", settings.LOGIN_LINKS_PER_CLIENT_PER_HOUR, 3600)
    per_address = Limit("account-mails-address", settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR, 3600)
    return hit_client(per_client, client) and hit(per_address, address.strip().lower())


def register_resident(
    *,
    email: str,
    display_name: str,
    password: str,
    client: str,
    build_url: Callable[[str], str],
    language: str = "",
) -> None:
    """Register a resident with an unconfirmed address and mail them the confirmation link.

    When the address already has an account, nothing is created and its owner gets a mail saying
    so instead: the caller answers the same either way, so registering reveals no accounts.
    """
    address = email.strip().lower()
    fields = {"language": language} if language in dict(settings.LANGUAGES) else {}
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=address, password=password, display_name=display_name, email_verified_at=None, **fields
            )
    except IntegrityError:
        make_password(password)  # the same work as a new account, so the answer takes as long
        existing = User.objects.filter(email__iexact=address).first()
        if existing is not None and existing.is_active and may_mail(address=address, client=client):
            _mail(
                existing, _("You already have a Buurtbudget account"), "accounts/email/already_registered.txt"
            )
        return
    if may_mail(address=address, client=client):
        _mail(
            user,
            _("Confirm your e-mail address for Buurtbudget"),
            "accounts/email/verify_email.txt",
            url=lambda: build_url(make_verification_token(user)),
        )


def send_verification(*, user: User, build_url: Callable[[str], str]) -> bool:
    """Mail a new confirmation link to an unconfirmed account; False when it asked too often."""
    if user.email_verified:
        return True
    if not hit(Limit("email-verifications", settings.EMAIL_VERIFICATIONS_PER_HOUR, 3600), str(user.pk)):
        return False
    _mail(
        user,
        _("Confirm your e-mail address for Buurtbudget"),
        "accounts/email/verify_email.txt",
        url=lambda: build_url(make_verification_token(user)),
    )
    return True


def confirm_email(*, user: User) -> User:
    """Record that the account's owner showed they receive its mail (idempotent)."""
    if user.email_verified_at is None:
        User.objects.filter(pk=user.pk, email_verified_at__isnull=True).update(
            email_verified_at=timezone.now()
        )
        user.refresh_from_db(fields=["email_verified_at"])
    return user


def send_login_link(*, email: str, client: str, build_url: Callable[[str], str]) -> None:
    """Mail a login link to the account with this address, if there is one and it isn't flooded.

    The caller shows the same message either way, so the form reveals neither who has an account
    nor whether a limit was hit (a limit stops mail-bombing an address through our form).
    """
    address = email.strip().lower()
    if not may_mail(address=address, client=client):
        return
    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is None:
        return
    _mail(
        user,
        _("Your login link for Buurtbudget"),
        "accounts/email/login_link.txt",
        url=lambda: build_url(make_login_token(user)),
        valid_for=timedelta(seconds=settings.LOGIN_LINK_MAX_AGE_SECONDS),
    )


def _mail(
    user: User,
    subject: Promise,
    template: str,
    *,
    url: Callable[[], str] | None = None,
    valid_for: timedelta | None = None,
) -> None:
    """Render now, in the account's language (the link in ``url()`` too), and queue it sealed
    (common.mail: a login link opens the account); ``valid_for`` as long as its link works."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {"user": user, "url": url() if url is not None else ""})
        subject_text = str(subject)
    queue_mail(subject=subject_text, body=body, to=user.email, valid_for=valid_for)


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


def choose_language(*, user: User, language: str) -> User:
    """Save the language ``user`` reads in: the site answers in it after login, and mails go out in it.

    AccountError("unknown_language") for a code the site does not offer; nothing changes then.
    """
    if language not in dict(settings.LANGUAGES):
        raise AccountError("unknown_language", language=language)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


def language_at_login(*, user: User, page_language: str) -> str:
    """The language to go on in after logging in from a page in ``page_language``.

    Someone who logs in on a page in another language than the default chose that language (there is
    no other way to get there), so it is saved with the account; from a page in the default language
    they go on in the account's language, the one they chose before.
    """
    if page_language != settings.LANGUAGE_CODE and page_language in dict(settings.LANGUAGES):
        choose_language(user=user, language=page_language)
        return page_language
    return user.language if user.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def set_up_account(
    *,
    email: str,
    display_name: str,
    password_hash: str,
    is_staff: bool = False,
    is_superuser: bool = False,
    groups: Collection[Group] = (),
) -> User:
    """Create the active account with this address, or bring the existing one to these details.

    For commands and the demo; ``password_hash`` is hashed already (``make_password``), so many
    accounts can share one deliberately slow hash. The account ends up in exactly ``groups``.
    """
    address = email.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        raise AccountError("bad_email", email=email) from None
    with transaction.atomic():
        wanted = {
            "display_name": display_name,
            "password": password_hash,
            "is_active": True,
            "is_staff": is_staff,
            "is_superuser": is_superuser,
        }
        user = User.objects.filter(email__iexact=address).first()
        if user is None:
            user = User.objects.create(email=address, **wanted)
        elif any(getattr(user, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(user, field, value)
            user.save(update_fields=list(wanted))
        if {group.pk for group in user.groups.all()} != {group.pk for group in groups}:
            user.groups.set(groups)
    return user


def grant_staff_role(*, user: User, district: District, role: str) -> StaffRole:
    """Give ``user`` the staff role in the district, unless they hold it already.

    For commands and the demo, which act as no one: staff grant roles in the admin, where only
    superusers may and the admin site audits the change (``backoffice.scoping``).
    """
    if role not in Role.values:
        raise AccountError("unknown_role", role=role)
    staff_role, _created = StaffRole.objects.get_or_create(user=user, district=district, role=role)
    _forget_roles(user)
    return staff_role


def revoke_staff_roles(*, user: User, keep: Collection[StaffRole] = ()) -> int:
    """Take every staff role of ``user`` except ``keep``; returns how many were taken."""
    revoked, _by_model = (
        StaffRole.objects.filter(user=user).exclude(pk__in=[staff_role.pk for staff_role in keep]).delete()
    )
    _forget_roles(user)
    return revoked


def set_up_group(*, name: str, permissions: Collection[tuple[str, str]]) -> Group:
    """Create or update the group ``name`` to hold exactly ``permissions`` ((app label, codename) pairs)."""
    wanted = set(permissions)
    found = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in={app_label for app_label, _codename in wanted},
            codename__in={codename for _app_label, codename in wanted},
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        names = ", ".join(sorted(f"{app_label}.{codename}" for app_label, codename in missing))
        raise AccountError("unknown_permissions", names=names)
    with transaction.atomic():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(found)
    return group


def _forget_roles(user: User) -> None:
    """Drop the roles cached on the user object (``accounts.roles.roles_of``): they just changed."""
    user.__dict__.pop(ROLES_CACHE_ATTR, None)
