"""Staff roles are held per district; an administrator holds them all there, a superuser everywhere."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role, StaffRole
from accounts.roles import holds_role, is_district_staff, roles_of
from places.models import District
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_role_counts_only_in_its_own_district(district: District, other_district: District) -> None:
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district)
    assert holds_role(reviewer, district.pk, [Role.REVIEWER])
    assert not holds_role(reviewer, district.pk, [Role.OFFICIAL])
    assert not holds_role(reviewer, other_district.pk, [Role.REVIEWER])


def test_an_administrator_holds_every_role_in_its_district_only(
    district: District, other_district: District
) -> None:
    administrator = factories.make_staff(role=Role.ADMINISTRATOR, district=district)
    assert all(holds_role(administrator, district.pk, [role]) for role in Role)
    assert not any(holds_role(administrator, other_district.pk, [role]) for role in Role)


def test_a_superuser_holds_every_role_everywhere(district: District) -> None:
    superuser = factories.make_user(is_superuser=True)
    assert all(holds_role(superuser, district.pk, [role]) for role in Role)
    assert is_district_staff(superuser)


def test_a_resident_is_not_district_staff(district: District) -> None:
    resident = factories.make_user()
    assert not is_district_staff(resident)
    assert is_district_staff(factories.make_staff(role=Role.COMMITTEE, district=district))


def test_roles_are_read_once_per_user_object(district: District) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            holds_role(official, district.pk, [Role.OFFICIAL])
    assert len(queries) == 1
    assert roles_of(official) == {(district.pk, Role.OFFICIAL.value)}
    assert StaffRole.objects.filter(user=official).count() == 1
