"""Values every page's layout needs: the main menu and the language switch."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language, get_language_info

from accounts.roles import is_district_staff


def _in_language(path: str, code: str, current: str) -> str:
    """``path`` in language ``code``; for an address nothing answers (a 404) the prefix is moved by hand,
    since ``translate_url`` returns an unknown address unchanged, which would make the switch a no-op."""
    try:
        resolve(urlsplit(path).path)
    except Resolver404:
        prefix = f"/{current}/"
        bare = (
            path[len(prefix) - 1 :] if current != settings.LANGUAGE_CODE and path.startswith(prefix) else path
        )
        return bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"
    return translate_url(path, code)


def site(request: HttpRequest) -> dict[str, Any]:
    current = get_language() or settings.LANGUAGE_CODE
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _in_language(path, code, current),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    return {
        "language_alternates": alternates,
        "is_district_staff": bool(user and user.is_authenticated and is_district_staff(user)),
    }
