"""Values every page's layout needs: the language switch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def _in_language(path: str, code: str, current: str) -> str:
    """``path`` in language ``code``. ``translate_url`` returns an address nothing answers (a 404)
    unchanged, which would make the switch a no-op, so then the prefix is moved by hand."""
    translated = translate_url(path, code)
    if translated != path or code == current:
        return translated
    prefix = f"/{current}/"
    bare = path[len(prefix) - 1 :] if current != settings.LANGUAGE_CODE and path.startswith(prefix) else path
    return bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"


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
    return {"language_alternates": alternates}
