"""The languages a page can be read in, and the same address in each of them (the language switch)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_from_path, override

from common.languages import own_name


@dataclass(frozen=True)
class Alternate:
    """One choice of the language switch: ``url`` is this page in ``code``, ``name`` names it in itself."""

    code: str
    name: str
    url: str
    current: bool


def in_language(path: str, code: str) -> str:
    """``path`` (with its query), an address on this site in whichever language, in language ``code``.

    ``translate_url`` returns an address nothing answers (a 404) unchanged, which would make the
    switch a no-op, so then the language prefix is moved by hand.
    """
    source = get_language_from_path(path) or settings.LANGUAGE_CODE
    with override(source):
        translated = translate_url(path, code)
    if translated != path or code == source:
        return translated
    bare = path[len(source) + 1 :] if source != settings.LANGUAGE_CODE else path
    return bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"


def alternates(path: str) -> list[Alternate]:
    """``path`` in every language of the site, the current one marked."""
    current = get_language() or settings.LANGUAGE_CODE
    return [
        Alternate(
            code=code,
            name=own_name(code),
            url=in_language(path, code),
            current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


def is_language(code: str) -> bool:
    return code in dict(settings.LANGUAGES)
