"""Values every page's layout needs: the main menu and the language switch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from accounts.roles import is_district_staff


def site(request: HttpRequest) -> dict[str, Any]:
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    return {
        "language_alternates": alternates,
        "is_district_staff": bool(user and user.is_authenticated and is_district_staff(user)),
    }
