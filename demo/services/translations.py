"""The demo's texts in other languages, kept to the languages this site offers."""

from __future__ import annotations

from collections.abc import Mapping

from common.translated import other_languages


def offered(texts: Mapping[str, Mapping[str, str]] | None) -> dict[str, dict[str, str]]:
    """``texts`` without the languages the site does not offer (``settings.LANGUAGES``)."""
    languages = set(other_languages())
    return {language: dict(fields) for language, fields in (texts or {}).items() if language in languages}
