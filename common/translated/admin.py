"""The admin's part: staff enter a translated text's other languages under the Dutch one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .forms import TranslationsFormMixin, translated_names, translation_fields


def translated_form(form: type[forms.ModelForm], model: type[Any]) -> type[forms.ModelForm]:  # type: ignore[type-arg]
    """``form`` with the translation fields declared, so the admin lays them out like its own."""
    attrs: dict[str, Any] = dict(translation_fields(model))
    return type(f"Translated{form.__name__}", (TranslationsFormMixin, form), attrs)


class TranslatedAdminMixin:
    """For a ModelAdmin or an inline of a model with ``TRANSLATED_FIELDS``: one field per other
    language per text, grouped in a folded "Translations" section; the JSON column itself is hidden."""

    model: type[Any]
    form: type[forms.ModelForm]  # type: ignore[type-arg]

    def _translation_keys(self) -> list[str]:
        return list(translation_fields(self.model))

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        excluded = list(super().get_exclude(request, obj) or [])  # type: ignore[misc]
        return [*excluded, "translations"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs.setdefault("form", translated_form(self.form, self.model))
        return super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        kwargs.setdefault("form", translated_form(self.form, self.model))
        return super().get_formset(request, obj, **kwargs)  # type: ignore[misc]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        keys = self._translation_keys()
        if not translated_names(self.model) or not keys:
            return super().get_fieldsets(request, obj)  # type: ignore[misc]
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):  # type: ignore[misc]
            fields = [f for f in options.get("fields", ()) if f not in keys]
            fieldsets.append((name, {**options, "fields": fields}))
        section = {
            "fields": keys,
            "classes": ["collapse"],
            "description": _(
                "The texts in other languages. Where one is empty, the page shows the Dutch text."
            ),
        }
        return [*fieldsets, (_("Translations"), section)]


class TranslatedStackedInline(TranslatedAdminMixin, admin.StackedInline):  # type: ignore[type-arg]
    """A stacked inline (a tabular one would be too wide with a column per language per text)."""
