"""Texts a district or an initiator enters in several languages.

The default language's text (Dutch) lives in the model's own field; the other languages live in one
JSON column, ``translations``: ``{"en": {"introduction": "…"}, "tr": {…}}``. ``shown()`` picks the
reader's language and says when it fell back to Dutch, so the page can mark it.
"""

from .fields import TranslationsField, clean_translations, other_languages
from .text import Shown, shown

__all__ = ["Shown", "TranslationsField", "clean_translations", "other_languages", "shown"]
