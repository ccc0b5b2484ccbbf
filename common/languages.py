"""What a language is called in itself, the same everywhere (the switch, the translation fields)."""

from __future__ import annotations

from django.utils.translation import get_language_info

# Each language names itself as Django does (get_language_info's name_local), except Arabic: Django
# writes it with a shadda ("العربيّة"); language menus elsewhere (phones, Wikipedia) write "العربية".
OWN_NAMES = {"ar": "العربية"}


def own_name(code: str) -> str:
    """The language's name in itself: "Nederlands", "English", "Türkçe", "العربية"."""
    return OWN_NAMES.get(code) or str(get_language_info(code)["name_local"])
