"""Helpers for reading rendered pages in tests: translations, the <html lang> and the language links."""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from typing import Protocol

from django.utils import translation

# The machine's Redis, for the tests that need a real one (database numbers are added per test). CI's
# PostgreSQL pass, side by side with the SQLite one, gets a private redis-server (.ci/run).
REDIS = os.environ.get("BUURTBUDGET_TEST_REDIS", "redis://127.0.0.1:6379")


class Rendered(Protocol):
    """A rendered page: an HttpResponse, or the test client's response."""

    @property
    def content(self) -> bytes: ...


def dutch(msgid: str) -> str:
    """The Dutch translation of ``msgid``; fails if the catalogue leaves it untranslated."""
    with translation.override("nl"):
        text = translation.gettext(msgid)
    assert text != msgid, f"no Dutch translation for {msgid!r} in locale/nl/LC_MESSAGES/django.po"
    return text


def page_text(response: Rendered) -> str:
    """The response body with entities decoded, so assertions can use the characters a reader sees."""
    return html.unescape(response.content.decode())


def html_lang(response: Rendered) -> str:
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", response.content.decode())
    assert match, "the page has no <html lang>"
    return match.group(1)


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.switch_buttons: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append({name: value or "" for name, value in attrs})
        elif tag == "button" and ("name", "language_switch") in attrs:
            # A form page's switch re-posts the form: read its target as the link's address.
            fields = {name: value or "" for name, value in attrs}
            self.switch_buttons.append({"hreflang": fields["lang"], "href": fields["formaction"], **fields})


def links(response: Rendered) -> list[dict[str, str]]:
    """Every <a> on the page as a dict of its attributes."""
    collector = _LinkCollector()
    collector.feed(response.content.decode())
    return collector.links


def language_switch(response: Rendered) -> dict[str, str]:
    """Language code → address of the language switch in the page header: its links, or on a form
    page the address each of its buttons re-posts the form to."""
    collector = _LinkCollector()
    collector.feed(response.content.decode())
    found = [link for link in collector.links if "hreflang" in link and "lang" in link]
    return {link["hreflang"]: link["href"] for link in found + collector.switch_buttons}
