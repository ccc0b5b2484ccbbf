"""Role look-ups: an administrator holds every staff role in its district; superusers hold all."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser

from .models import Role, StaffRole, User

ROLES_CACHE_ATTR = "_buurtbudget_roles"


def roles_of(user: User) -> frozenset[tuple[int, str]]:
    """(district id, role) pairs the user holds; cached on the user object for one request."""
    cached: frozenset[tuple[int, str]] | None = getattr(user, ROLES_CACHE_ATTR, None)
    if cached is None:
        cached = frozenset(StaffRole.objects.filter(user=user).values_list("district_id", "role"))
        setattr(user, ROLES_CACHE_ATTR, cached)
    return cached


def holds_role(user: User, district_id: int, roles: Iterable[Role]) -> bool:
    if user.is_superuser:
        return True
    held = {role for district, role in roles_of(user) if district == district_id}
    return Role.ADMINISTRATOR in held or any(role in held for role in roles)


def is_district_staff(user: User | AnonymousUser) -> bool:
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    return user.is_superuser or bool(roles_of(user))
