"""The demo districts' helpdesks, set up through the help service."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from common.translated.fields import other_languages
from places.help.services import set_up_help_desk
from places.models import District

from ..content.help import HELP


def _offered(translations: dict[str, Any]) -> dict[str, Any]:
    """The content's translations into the languages this site offers (settings.LANGUAGES)."""
    return {language: texts for language, texts in translations.items() if language in other_languages()}


def load_help(*, districts: dict[str, District]) -> int:
    """Set up the helpdesk of every demo district that has one in the content; returns how many."""
    for slug, details in HELP.items():
        locations = [
            replace(place, translations=_offered(dict(place.translations))) for place in details["locations"]
        ]
        set_up_help_desk(
            district=districts[slug],
            **{**details, "translations": _offered(details["translations"]), "locations": locations},
        )
    return len(HELP)
