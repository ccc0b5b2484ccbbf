"""The ``translations`` column: ``{language: {field: text}}`` for the languages other than the default."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def other_languages() -> list[str]:
    """The languages a translation may be entered in: every language but the default."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationsField(models.JSONField):
    """A model that has one declares ``TRANSLATED_FIELDS``: the names of the text fields it translates."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("verbose_name", _("translations"))
        super().__init__(*args, **kwargs)

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        allowed = set(getattr(model_instance, "TRANSLATED_FIELDS", ()))
        if not isinstance(value, dict):
            raise ValidationError(
                _("Translations must be a mapping of language to texts."), code="translations"
            )
        for language, texts in value.items():
            if language not in other_languages():
                raise ValidationError(
                    _("There is no language “%(language)s” to translate into."),
                    code="translations_language",
                    params={"language": language},
                )
            if not isinstance(texts, dict) or any(
                name not in allowed or not isinstance(text, str) for name, text in texts.items()
            ):
                raise ValidationError(
                    _("Only these texts can be translated: %(fields)s."),
                    code="translations_field",
                    params={"fields": ", ".join(sorted(allowed))},
                )


def clean_translations(model: type[models.Model], value: Any) -> dict[str, dict[str, str]]:
    """``value`` as a service stores it: texts stripped, empty ones dropped, then checked like the
    column checks it (known languages and texts only) and against each text's maximum length."""
    cleaned: dict[str, dict[str, str]] = {}
    for language, texts in (value or {}).items():
        if not isinstance(texts, dict):
            raise ValidationError(
                _("Translations must be a mapping of language to texts."), code="translations"
            )
        kept = {name: str(text).strip() for name, text in texts.items() if str(text or "").strip()}
        if kept:
            cleaned[str(language)] = kept
    instance = model()
    column = model._meta.get_field("translations")
    assert isinstance(column, TranslationsField)
    column.validate(cleaned, instance)
    for texts in cleaned.values():
        for name, text in texts.items():
            limit = getattr(model._meta.get_field(name), "max_length", None)
            if limit is not None and len(text) > limit:
                raise ValidationError(
                    _("A translation is longer than %(limit)d characters."),
                    code="translations_length",
                    params={"limit": limit},
                )
    return cleaned
