"""How plain a page's Dutch is: sentence length, Flesch-Douma reading ease and jargon, measured on its <main>.

Pure Python, no Django: ``measure(html)`` reads the visible text of a page's ``<main>`` and returns a
``Measurement``. The test of the resident pages (tests/demo/test_plain_dutch.py) holds each page to
B1 with it; docs/translating.md explains the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Words of the field a resident does not know (each also in its longer forms: "steunbetuiging" finds
#: "steunbetuigingen"); a page may use one only where it explains it, in a ``<dfn>`` (the defining
#: instance of a term, e.g. in the page's word list).
JARGON: tuple[str, ...] = (
    "haalbaarheidstoets",
    "voorselectie",
    "steunbetuiging",
    "gelijk deel",
    "gelijke delen",
    "aangemelden",
    "like",
    "geliked",
    "besluitvorming",
    "participatie",
    "deliberatie",
    "sortitie",
    "quorum",
    "subbudget",
    "deelbudget",
    "allocatie",
    "toewijzingsregel",
    "stemgerechtigd",
)

#: Above this many words a sentence counts as long.
LONG_SENTENCE = 20
#: A piece of text with fewer words is a label, a heading, a name or a table cell, not a sentence:
#: counting those as sentences would make every page with a table look easy. A piece with as many
#: numbers as words ("Toegekend € 9.800 · betaald € 5.600 · uitgegeven € 0") is a line of figures,
#: read like a table row, and not a sentence either.
SENTENCE_MIN_WORDS = 3

_SKIPPED = {"script", "style", "template", "svg", "noscript", "select", "textarea", "pre", "code"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Elements that end a sentence where they end, even without a full stop (a heading, a list item).
_BLOCKS = {
    "address", "article", "aside", "blockquote", "button", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "summary",
    "table", "td", "th", "tr", "ul", "br", "hr",
}  # fmt: skip
_BREAK = "\n\n"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w-])\d[\d.,:]*")
# A vowel with a diaeresis starts a new syllable (idee-ën, ge-ïnteresseerd), so it opens a group.
_VOWEL_GROUP = re.compile(r"[äëïöü](?:ij|[aeiouyàáâèéêìíîòóôùúû])*|(?:ij|[aeiouyàáâèéêìíîòóôùúû])+")


@dataclass(frozen=True)
class Measurement:
    """What ``measure`` found in a page's main text."""

    sentences: tuple[str, ...]
    fragments: tuple[str, ...]
    word_count: int
    syllable_count: int
    jargon: tuple[str, ...]

    @property
    def words_per_sentence(self) -> float:
        return self.word_count / len(self.sentences) if self.sentences else 0.0

    @property
    def long_sentences(self) -> tuple[str, ...]:
        return tuple(s for s in self.sentences if len(words(s)) > LONG_SENTENCE)

    @property
    def long_share(self) -> float:
        """The share (0–1) of sentences longer than ``LONG_SENTENCE`` words."""
        return len(self.long_sentences) / len(self.sentences) if self.sentences else 0.0

    @property
    def reading_ease(self) -> float:
        """Flesch-Douma: 206.835 − 0.93 · words per sentence − 77 · syllables per word (higher is easier)."""
        if not self.word_count:
            return 100.0
        return 206.835 - 0.93 * self.words_per_sentence - 77 * self.syllable_count / self.word_count


class _MainText(HTMLParser):
    """The visible text of ``<main>``, blocks separated by blank lines: its prose and its tables apart
    (a table holds names and numbers, not sentences), and the terms its ``<dfn>``s define."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.table_parts: list[str] = []
        self.defined: list[str] = []
        self._table = 0
        self._in_main = 0
        self._skip = 0
        self._hidden: list[str] = []
        self._dfn = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "main":
            self._in_main += 1
        if tag in _VOID:
            self._block(tag)
            return
        if self._hidden or "hidden" in names or names.get("aria-hidden") == "true":
            self._hidden.append(tag)
        if tag in _SKIPPED:
            self._skip += 1
        if tag == "dfn":
            self._dfn += 1
            self.defined.append("")
        self._block(tag)
        if tag == "table":
            self._table += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        if tag == "dfn" and self._dfn:
            self._dfn -= 1
        if tag == "table" and self._table:
            self._table -= 1
        self._block(tag)
        if tag == "main" and self._in_main:
            self._in_main -= 1

    def handle_data(self, data: str) -> None:
        if self._in_main and not self._skip and not self._hidden:
            (self.table_parts if self._table else self.parts).append(data)
            if self._dfn:
                self.defined[-1] += data

    def _block(self, tag: str) -> None:
        if tag in _BLOCKS and self._in_main:
            (self.table_parts if self._table else self.parts).append(_BREAK)


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters (numbers, amounts and codes are not words)."""
    return _WORD.findall(text)


def syllables(word: str) -> int:
    """Syllables of a Dutch word, counted as its groups of vowels ("ij" is one); at least one."""
    return max(1, len(_VOWEL_GROUP.findall(word.lower())))


def pieces(text: str) -> list[str]:
    """The pieces of ``text``: ended by . ! or ?, or by the end of a block; those without words dropped."""
    found = (" ".join(part.split()) for part in _SENTENCE_END.split(text))
    return [piece for piece in found if words(piece)]


def is_sentence(piece: str) -> bool:
    """Whether a piece of text is a sentence: enough words, and more words than numbers."""
    count = len(words(piece))
    return count >= SENTENCE_MIN_WORDS and count > len(_NUMBER.findall(piece))


def jargon_in(text: str, *, defined: tuple[str, ...] = ()) -> list[str]:
    """The words of ``JARGON`` that ``text`` uses but no ``<dfn>`` on the page explains."""
    lowered = text.lower()
    explained = " ".join(defined).lower()
    return [
        term
        for term in JARGON
        if re.search(rf"\b{re.escape(term)}", lowered) and not re.search(rf"\b{re.escape(term)}", explained)
    ]


@dataclass(frozen=True)
class MainText:
    """The visible text of a page's ``<main>``, blocks apart: prose, tables, and the ``<dfn>`` terms."""

    prose: str
    tables: str
    defined: tuple[str, ...]


def main_text(html: str) -> MainText:
    """The visible text of the page's ``<main>``: hidden elements, code and form choices left out."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return MainText("".join(parser.parts), "".join(parser.table_parts), tuple(parser.defined))


def measure(html: str) -> Measurement:
    """Sentence length, reading ease and unexplained jargon of the Dutch in ``html``'s ``<main>``.

    Length and reading ease are measured on the sentences of the prose; the jargon on all the text.
    """
    text = main_text(html)
    found = pieces(text.prose)
    prose = [piece for piece in found if is_sentence(piece)]
    all_words = [word for sentence in prose for word in words(sentence)]
    return Measurement(
        sentences=tuple(prose),
        fragments=tuple(piece for piece in found if not is_sentence(piece)),
        word_count=len(all_words),
        syllable_count=sum(syllables(word) for word in all_words),
        jargon=tuple(jargon_in(text.prose + _BREAK + text.tables, defined=text.defined)),
    )
