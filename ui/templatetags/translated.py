"""Texts a district or initiator entered in several languages, in the reader's language.

``{% translated obj "field" %}`` prints the text inline; ``{% translated_paragraphs obj "field" %}``
prints a multi-paragraph text as paragraphs (one per line); ``{% translated_text obj "field" as t %}``
hands the ``Shown`` to the template (``t.text``, ``t.language``, ``t.fallback``). Where the reader's
language has no translation, the Dutch text is shown with ``lang="nl"`` and a visible marker
"in Dutch" in the reader's language.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from common.translated import Shown, shown

register = template.Library()


def _direction(language: str) -> str:
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


def marker() -> SafeString:
    """The visible "in Dutch" note after a text the reader gets in Dutch instead of their language."""
    return format_html('<span class="translated-fallback">({})</span>', _("in Dutch"))


def _needs_language(result: Shown) -> bool:
    """Whether the text's language differs from the page's, so its element must say which it is."""
    return result.language != (get_language() or result.language)


@register.simple_tag
def translated(obj: models.Model | None, field: str, after: Shown | None = None) -> SafeString:
    """``obj.<field>`` inline, in the reader's language, or Dutch with ``lang``/``dir`` and the marker.

    ``after``: a text shown just before this one (``translated_text``); when it was marked already,
    this one is not marked again (a plan card's summary after its title)."""
    if not obj:  # a missing variable renders as "" in templates
        return SafeString("")
    result = shown(obj, field)
    if not result.text:
        return SafeString("")
    if not _needs_language(result):
        return format_html("{}", result.text)
    text = format_html(
        '<span lang="{}" dir="{}">{}</span>', result.language, _direction(result.language), result.text
    )
    marked_already = after is not None and after.fallback
    return format_html("{} {}", text, marker()) if result.fallback and not marked_already else text


@register.simple_tag
def translated_paragraphs(
    obj: models.Model | None, field: str, css_class: str = "utrecht-paragraph"
) -> SafeString:
    """``obj.<field>`` as paragraphs (one per non-empty line), in a ``div`` with ``lang``/``dir``
    when the text is not in the page's language; the marker follows in its own paragraph."""
    if not obj:  # a missing variable renders as "" in templates
        return SafeString("")
    result = shown(obj, field)
    lines = [line.strip() for line in result.text.splitlines() if line.strip()]
    if not lines:
        return SafeString("")
    paragraphs = format_html_join("", '<p class="{}">{}</p>', ((css_class, line) for line in lines))
    if not _needs_language(result):
        return paragraphs
    block = format_html(
        '<div lang="{}" dir="{}">{}</div>', result.language, _direction(result.language), paragraphs
    )
    if result.fallback:
        return format_html('{}<p class="utrecht-paragraph translated-fallback-note">{}</p>', block, marker())
    return block


@register.simple_tag
def translated_text(obj: models.Model, field: str) -> Shown:
    """The ``Shown`` for templates that lay the text out themselves (e.g. an agenda, one item a line)."""
    return shown(obj, field)


@register.filter
def in_language(obj: models.Model | None, field: str) -> str:
    """Plain text in the reader's language, for places that take no markup (an option, an attribute)."""
    return shown(obj, field).text if obj else ""


@register.simple_tag
def as_entered() -> SafeString:
    """`` lang="nl" dir="ltr"`` for an element holding a text that exists only as entered (in Dutch,
    e.g. a plan's description), when the page is in another language; nothing on a Dutch page."""
    default = settings.LANGUAGE_CODE
    if (get_language() or default) == default:
        return SafeString("")
    return format_html(' lang="{}" dir="{}"', default, _direction(default))


@register.simple_tag
def lang_attrs(result: Shown) -> SafeString:
    """`` lang="…" dir="…"`` for the element holding a ``Shown`` text not in the page's language."""
    if not _needs_language(result):
        return SafeString("")
    return format_html(' lang="{}" dir="{}"', result.language, _direction(result.language))


@register.simple_tag
def in_dutch(result: Shown) -> SafeString:
    """The "in Dutch" marker when ``result`` fell back to Dutch; nothing otherwise."""
    return marker() if result.fallback else SafeString("")


@register.simple_tag
def entered_in_dutch() -> SafeString:
    """The "in Dutch" marker on a page in another language, for a text that exists only in Dutch
    (e.g. beside the heading of a plan's description); nothing on a Dutch page."""
    default = settings.LANGUAGE_CODE
    return SafeString("") if (get_language() or default) == default else marker()
