"""Whether the visitor is district staff, for the menu; looked up only when a template asks."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .roles import is_district_staff


def staff(request: HttpRequest) -> dict[str, Any]:
    return {"user_is_district_staff": SimpleLazyObject(lambda: is_district_staff(request.user))}
