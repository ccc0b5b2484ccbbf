"""The ``translated`` template tags: the reader's language, or Dutch with lang/dir and a marker."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from editions.models import Edition, Theme

pytestmark = pytest.mark.django_db


def render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return Template("{% load translated %}" + source).render(Context(context))


@pytest.fixture
def theme(edition: Edition) -> Theme:
    theme = edition.themes.get(name="Groen")
    theme.description = "Bomen <planten>\n\nen bankjes"
    theme.translations = {"en": {"name": "Green"}}
    return theme


def test_a_translated_text_is_shown_as_is_in_the_readers_language(theme: Theme) -> None:
    assert render('{% translated theme "name" %}', "en", theme=theme) == "Green"


def test_a_dutch_page_shows_the_dutch_text_without_a_marker(theme: Theme) -> None:
    assert render('{% translated theme "name" %}', "nl", theme=theme) == "Groen"


def test_a_missing_translation_shows_dutch_marked_and_escaped(theme: Theme) -> None:
    html = render('{% translated theme "description" %}', "en", theme=theme)
    assert html.startswith('<span lang="nl" dir="ltr">Bomen &lt;planten&gt;')
    assert html.endswith('<span class="translated-fallback">(in Dutch)</span>')


def test_the_marker_is_in_the_readers_language(theme: Theme) -> None:
    theme.translations = {}
    # The English page's marker; a Dutch page never needs one
    assert "(in Dutch)" in render('{% translated theme "name" %}', "en", theme=theme)
    assert "translated-fallback" not in render('{% translated theme "name" %}', "nl", theme=theme)


def test_paragraphs_are_one_per_line_in_a_block_with_the_texts_language(theme: Theme) -> None:
    html = render(
        '{% translated_paragraphs theme "description" "utrecht-paragraph site-lead" %}', "en", theme=theme
    )
    assert html.startswith(
        '<div lang="nl" dir="ltr"><p class="utrecht-paragraph site-lead">Bomen &lt;planten&gt;</p>'
    )
    assert '<p class="utrecht-paragraph site-lead">en bankjes</p></div>' in html
    assert 'class="utrecht-paragraph translated-fallback-note"' in html


def test_paragraphs_on_a_dutch_page_need_no_wrapper(theme: Theme) -> None:
    html = render('{% translated_paragraphs theme "description" %}', "nl", theme=theme)
    assert (
        html
        == '<p class="utrecht-paragraph">Bomen &lt;planten&gt;</p><p class="utrecht-paragraph">en bankjes</p>'
    )


def test_an_empty_text_renders_nothing(theme: Theme) -> None:
    theme.description = ""
    assert render('{% translated_paragraphs theme "description" %}', "en", theme=theme) == ""
    assert render('{% translated missing "name" %}', "en") == ""


def test_the_plain_filter_gives_text_for_attributes_and_options(theme: Theme) -> None:
    assert render('{{ theme|in_language:"name" }}', "en", theme=theme) == "Green"
    assert render('{{ theme|in_language:"description" }}', "en", theme=theme).startswith("Bomen &lt;")


def test_shown_text_lays_out_with_lang_attrs_and_marker(theme: Theme) -> None:
    source = '{% translated_text theme "description" as t %}<ol{% lang_attrs t %}></ol>{% in_dutch t %}'
    assert render(source, "en", theme=theme) == (
        '<ol lang="nl" dir="ltr"></ol><span class="translated-fallback">(in Dutch)</span>'
    )
    assert render(source, "nl", theme=theme) == "<ol></ol>"


def test_text_that_exists_only_in_dutch_is_marked_dutch_on_other_pages() -> None:
    assert render("<div{% as_entered %}>", "en") == '<div lang="nl" dir="ltr">'
    assert render("<div{% as_entered %}>", "nl") == "<div>"


def test_a_text_after_one_already_marked_is_not_marked_again(theme: Theme) -> None:
    theme.translations = {}
    source = '{% translated_text theme "name" as name %}{% translated theme "name" %}|'
    source += '{% translated theme "description" after=name %}'
    html = render(source, "en", theme=theme)
    assert html.count("(in Dutch)") == 1
    assert html.split("|")[1].startswith('<span lang="nl" dir="ltr">Bomen')
