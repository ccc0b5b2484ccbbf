"""Which text a reader sees: theirs when it was translated, else the default language's, marked."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language


@dataclass(frozen=True)
class Shown:
    text: str
    language: str  # the language ``text`` is in, for the element's lang attribute
    fallback: bool  # the reader asked for another language and gets the default's text

    def __str__(self) -> str:
        return self.text


def shown(obj: models.Model, field: str, language: str | None = None) -> Shown:
    """``obj.<field>`` in ``language`` (the active one by default)."""
    default = settings.LANGUAGE_CODE
    wanted = language or get_language() or default
    original = str(getattr(obj, field) or "")
    if wanted == default or not original:
        return Shown(original, default, False)
    translations = getattr(obj, "translations", None) or {}
    text = str((translations.get(wanted) or {}).get(field) or "").strip()
    if text:
        return Shown(text, wanted, False)
    return Shown(original, default, True)
