"""Texts in several languages: which one a reader gets, the form fields per language, what is stored."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from common.translated import clean_translations, other_languages, shown
from common.translated.forms import TranslationsFormMixin, field_key, merged_translations, translation_fields
from editions.models import Edition, Theme
from proposals.models import Plan

pytestmark = pytest.mark.django_db


class ThemeForm(TranslationsFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Theme
        fields = ["name", "slug", "description"]


def test_a_reader_gets_the_translation_in_their_language(edition: Edition) -> None:
    theme = edition.themes.get(name="Groen")
    theme.translations = {"en": {"name": "Green"}}
    with translation.override("en"):
        result = shown(theme, "name")
    assert (result.text, result.language, result.fallback) == ("Green", "en", False)


def test_a_missing_translation_falls_back_to_dutch_and_says_so(edition: Edition) -> None:
    theme = edition.themes.get(name="Groen")
    theme.translations = {"en": {"description": "Trees"}}
    with translation.override("en"):
        result = shown(theme, "name")
    assert (result.text, result.language, result.fallback) == ("Groen", "nl", True)


def test_a_dutch_reader_gets_the_dutch_text_unmarked(edition: Edition) -> None:
    theme = edition.themes.get(name="Groen")
    theme.translations = {"en": {"name": "Green"}}
    with translation.override("nl"):
        assert shown(theme, "name").fallback is False
        assert shown(theme, "name").text == "Groen"


def test_there_is_one_field_per_other_language_and_text_with_the_models_length() -> None:
    fields = translation_fields(Plan)
    assert set(fields) == {field_key(n, lang) for n in ("title", "summary") for lang in other_languages()}
    title_en = fields[field_key("title", "en")]
    assert isinstance(title_en, forms.CharField)
    assert title_en.max_length == 120 and not title_en.required
    assert title_en.widget.attrs["lang"] == "en" and title_en.widget.attrs["dir"] == "ltr"
    assert "English" in str(title_en.label)


def test_typed_texts_are_put_in_and_an_empty_one_removes_a_translation() -> None:
    existing = {"en": {"name": "Green", "description": "Trees"}, "xx": {"name": "kept"}}
    typed = {field_key("name", "en"): " Greenery ", field_key("description", "en"): ""}
    merged = merged_translations(existing, typed, ("name", "description"))
    assert merged["en"] == {"name": "Greenery"}
    assert merged["xx"] == {"name": "kept"}  # a language the form does not show is left alone


def test_a_model_form_shows_and_saves_the_translations(edition: Edition) -> None:
    theme = edition.themes.get(name="Groen")
    theme.translations = {"en": {"name": "Green"}}
    theme.save()
    form = ThemeForm(instance=theme)
    assert form.initial[field_key("name", "en")] == "Green"
    assert [f.name for f in form.own_bound_fields()] == ["name", "slug", "description"]
    data = {"name": "Groen", "slug": "groen", "description": "Bomen", field_key("name", "en"): ""}
    data[field_key("description", "en")] = "Trees"
    form = ThemeForm(data, instance=theme)
    assert form.is_valid(), form.errors
    form.save()
    theme.refresh_from_db()
    assert theme.translations == {"en": {"description": "Trees"}}
    assert theme.name == "Groen"


def test_a_too_long_translation_is_refused_by_the_form_and_nothing_is_saved(edition: Edition) -> None:
    theme = edition.themes.get(name="Groen")
    data = {"name": "Groen", "slug": "groen", "description": "", field_key("name", "en"): "x" * 81}
    form = ThemeForm(data, instance=theme)
    assert not form.is_valid()
    assert field_key("name", "en") in form.errors
    theme.refresh_from_db()
    assert theme.translations == {}


def test_clean_translations_strips_and_drops_empty_texts() -> None:
    cleaned = clean_translations(Plan, {"en": {"title": " Garden ", "summary": "  "}})
    assert cleaned == {"en": {"title": "Garden"}}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({"fr": {"title": "Jardin"}}, "translations_language"),
        ({"en": {"description": "Not translatable"}}, "translations_field"),
        ({"en": {"title": "x" * 121}}, "translations_length"),
        ({"en": "Garden"}, "translations"),
    ],
)
def test_clean_translations_refuses_what_cannot_be_stored(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_translations(Plan, value)
    assert refused.value.code == code
