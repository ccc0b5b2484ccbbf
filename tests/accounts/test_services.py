"""Account services: registering reveals no account, mails on request are limited; set-ups are idempotent."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from pytest_django import Settings

from accounts import services
from accounts.errors import AccountError
from accounts.models import Role, StaffRole, User
from accounts.roles import holds_role
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_registering_a_taken_address_changes_nothing_and_creates_no_account() -> None:
    factories.make_user(email="anna@example.org", display_name="Anna")
    services.register_resident(
        email="anna@example.org",
        display_name="Someone else",
        password="Een-ander-wachtwoord-9",
        client="192.0.2.1",
        build_url=lambda token: token,
    )
    assert list(User.objects.values_list("display_name", flat=True)) == ["Anna"]
    assert User.objects.get().check_password(factories.PASSWORD)


def test_a_registered_resident_starts_unconfirmed_and_other_accounts_start_confirmed() -> None:
    services.register_resident(
        email="new@example.org",
        display_name="New",
        password=factories.PASSWORD,
        client="192.0.2.1",
        build_url=str,
    )
    assert not User.objects.get(email="new@example.org").email_verified
    assert factories.make_user().email_verified
    assert User.objects.create_superuser(email="root@example.org", password=factories.PASSWORD).email_verified


def test_mails_asked_for_one_address_are_limited_whoever_asks(settings: Settings) -> None:
    settings.LOGIN_LINKS_PER_ADDRESS_PER_HOUR = 2
    allowed = [services.may_mail(address="Anna@example.org", client=f"192.0.2.{n}") for n in range(4)]
    assert allowed == [True, True, False, False]


def test_updating_the_profile_changes_only_the_public_name() -> None:
    user = factories.make_user(display_name="Anna")
    services.update_profile(user=user, display_name="Anna B.")
    user.refresh_from_db()
    assert user.display_name == "Anna B."
    assert user.check_password(factories.PASSWORD)


# --- Setting up accounts, staff roles and the admin group (commands and the demo) -----------------


def _account_rows() -> tuple[int, int, int]:
    return User.objects.count(), StaffRole.objects.count(), Group.objects.count()


def test_an_account_is_set_up_active_with_its_hash_and_exactly_its_groups() -> None:
    editors = Group.objects.create(name="editors")
    other = Group.objects.create(name="other")
    user = services.set_up_account(
        email=" Anna@Example.org ",
        display_name="Anna",
        password_hash=make_password("geheim-wachtwoord"),
        is_staff=True,
        groups=[editors],
    )
    user.groups.add(other)
    again = services.set_up_account(
        email="anna@example.org",
        display_name="Anna de Vries",
        password_hash=make_password("geheim-wachtwoord"),
        is_staff=True,
        groups=[editors],
    )
    assert again.pk == user.pk
    assert User.objects.count() == 1
    again.refresh_from_db()
    assert (again.email, again.display_name, again.is_active, again.is_staff) == (
        "anna@example.org",
        "Anna de Vries",
        True,
        True,
    )
    assert again.check_password("geheim-wachtwoord")
    assert list(again.groups.all()) == [editors]


def test_an_account_with_a_bad_address_is_refused_and_nothing_is_made() -> None:
    refused(
        lambda: services.set_up_account(email="geen-adres", display_name="X", password_hash="!"),
        "bad_email",
        error=AccountError,
        unchanged=_account_rows,
    )


def test_granting_a_role_twice_gives_it_once_and_the_user_holds_it_at_once() -> None:
    district = factories.make_district()
    user = factories.make_user()
    assert not holds_role(user, district.pk, [Role.REVIEWER])  # caches the user's roles
    first = services.grant_staff_role(user=user, district=district, role=Role.REVIEWER)
    second = services.grant_staff_role(user=user, district=district, role=Role.REVIEWER)
    assert first.pk == second.pk
    assert StaffRole.objects.filter(user=user).count() == 1
    assert holds_role(user, district.pk, [Role.REVIEWER])


def test_an_unknown_role_is_refused_and_nothing_is_granted() -> None:
    district = factories.make_district()
    user = factories.make_user()
    refused(
        lambda: services.grant_staff_role(user=user, district=district, role="mayor"),
        "unknown_role",
        unchanged=_account_rows,
    )


def test_revoking_takes_every_role_but_the_kept_one() -> None:
    district, other = factories.make_district(), factories.make_district()
    user = factories.make_staff(role=Role.OFFICIAL, district=other)
    kept = services.grant_staff_role(user=user, district=district, role=Role.REVIEWER)
    assert services.revoke_staff_roles(user=user, keep=[kept]) == 1
    assert list(StaffRole.objects.filter(user=user)) == [kept]
    assert not holds_role(user, other.pk, [Role.OFFICIAL])
    assert services.revoke_staff_roles(user=user) == 1
    assert not StaffRole.objects.filter(user=user).exists()


def test_a_group_is_set_up_with_exactly_its_permissions() -> None:
    group = services.set_up_group(name="staf", permissions={("places", "view_district")})
    group.permissions.add(Permission.objects.get(codename="delete_district"))
    again = services.set_up_group(
        name="staf", permissions={("places", "view_district"), ("places", "change_district")}
    )
    assert again.pk == group.pk
    assert sorted(again.permissions.values_list("codename", flat=True)) == [
        "change_district",
        "view_district",
    ]


def test_a_group_with_an_unknown_permission_is_refused_and_not_made() -> None:
    error = refused(
        lambda: services.set_up_group(
            name="staf", permissions={("places", "view_district"), ("places", "fly_district")}
        ),
        "unknown_permissions",
        error=AccountError,
        unchanged=_account_rows,
    )
    assert error.params == {"names": "places.fly_district"}
