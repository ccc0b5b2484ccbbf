"""Forms for texts entered in several languages: one optional field per other language per text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

from django import forms
from django.db import models
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info

from ..languages import own_name
from .fields import other_languages

Translations = dict[str, dict[str, str]]


def field_key(name: str, language: str) -> str:
    """The form field holding ``name`` in ``language`` (e.g. ``introduction__en``)."""
    return f"{name}__{language}"


def translated_names(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(getattr(model, "TRANSLATED_FIELDS", ()))


def translation_fields(
    model: type[models.Model], names: Iterable[str] | None = None
) -> dict[str, forms.Field]:
    """One optional field per other language for each of ``names`` (default: all the model translates).

    The field has the model field's length and widget kind, and its input carries the language's
    ``lang`` and ``dir``, so a screen reader and the browser's spelling check use the right one.
    """
    fields: dict[str, forms.Field] = {}
    for name in names if names is not None else translated_names(model):
        model_field = model._meta.get_field(name)
        for language in other_languages():
            info = get_language_info(language)
            attrs = {"lang": language, "dir": "rtl" if info["bidi"] else "ltr"}
            widget: forms.Widget = (
                forms.Textarea(attrs={"rows": 3, **attrs})
                if isinstance(model_field, models.TextField)
                else forms.TextInput(attrs=attrs)
            )
            fields[field_key(name, language)] = forms.CharField(
                label=format_lazy(
                    "{} ({})",
                    capfirst(model_field.verbose_name),  # type: ignore[union-attr]
                    own_name(language),
                ),
                required=False,
                max_length=getattr(model_field, "max_length", None),
                widget=widget,
            )
    return fields


def merged_translations(
    existing: Mapping[str, Mapping[str, str]] | None,
    typed: Mapping[str, Any],
    names: Iterable[str],
) -> Translations:
    """``existing`` with the texts ``typed`` (keyed by ``field_key``) put in; an empty text removes one.

    Languages and texts the form does not show are kept as they were.
    """
    result: Translations = {lang: dict(texts) for lang, texts in (existing or {}).items()}
    for name in names:
        for language in other_languages():
            key = field_key(name, language)
            if key not in typed:
                continue
            text = str(typed[key] or "").strip()
            texts = result.setdefault(language, {})
            if text:
                texts[name] = text
            else:
                texts.pop(name, None)
    return {lang: texts for lang, texts in result.items() if texts}


def initial_translations(
    translations: Mapping[str, Mapping[str, str]] | None, names: Iterable[str]
) -> dict[str, str]:
    """The form's initial values for ``names`` from a ``translations`` mapping."""
    return {
        field_key(name, language): text
        for language, texts in (translations or {}).items()
        for name, text in texts.items()
        if name in names
    }


class TranslationsFormMixin:
    """Adds the translation fields to a form and reads them back as a ``translations`` mapping.

    On a ModelForm the model is ``Meta.model`` and the texts come from and go to
    ``instance.translations``; a plain form names ``translations_model`` and gets the current
    translations as ``initial["translations"]``. ``translated_fields`` limits which texts are offered.
    """

    translations_model: type[models.Model] | None = None
    translated_fields: tuple[str, ...] | None = None

    fields: dict[str, forms.Field]
    initial: MutableMapping[str, Any]
    cleaned_data: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, field in translation_fields(self._translations_model(), self.translation_names()).items():
            self.fields.setdefault(key, field)
        for key, text in initial_translations(
            self._existing_translations(), self.translation_names()
        ).items():
            self.initial.setdefault(key, text)

    def _translations_model(self) -> type[models.Model]:
        model = self.translations_model or getattr(getattr(self, "_meta", None), "model", None)
        if model is None:
            raise TypeError(f"{type(self).__name__} names no model to translate the texts of")
        return model

    def translation_names(self) -> tuple[str, ...]:
        names = translated_names(self._translations_model())
        if self.translated_fields is None:
            return names
        return tuple(n for n in names if n in self.translated_fields)

    def translation_keys(self) -> list[str]:
        """The names of the translation fields, e.g. for a template's fold-out section."""
        return [key for key in self.fields if "__" in key and key.split("__")[0] in self.translation_names()]

    def translation_bound_fields(self) -> list[forms.BoundField]:
        """The translation fields ready for a template (``ui/translation_fields.html`` lays them out)."""
        return [self[key] for key in self.translation_keys()]  # type: ignore[index]

    def own_bound_fields(self) -> list[forms.BoundField]:
        """The form's other fields, for a template that lays out the translations apart."""
        keys = set(self.translation_keys())
        return [self[name] for name in self.fields if name not in keys]  # type: ignore[index]

    def translations_started(self) -> bool:
        """Whether any translation has a text or an error (the fold-out section then opens)."""
        return any(field.errors or field.value() for field in self.translation_bound_fields())

    def _existing_translations(self) -> Mapping[str, Mapping[str, str]]:
        instance = getattr(self, "instance", None)
        if instance is not None and isinstance(instance, models.Model):
            return getattr(instance, "translations", None) or {}
        return self.initial.get("translations") or {}

    def cleaned_translations(self) -> Translations:
        """The translations after this form: the existing ones with the typed texts put in."""
        return merged_translations(self._existing_translations(), self.cleaned_data, self.translation_names())

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        instance = getattr(self, "instance", None)
        if isinstance(instance, models.Model) and hasattr(instance, "translations"):
            instance.translations = self.cleaned_translations()
