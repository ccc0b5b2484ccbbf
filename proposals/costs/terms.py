"""How a cost line's description becomes terms: the nouns that say what the money buys.

"Twee bankjes met rugleuning" and "Bankje" both hold the term ``bank``; "Plantenbakken van hout"
holds ``plantenbak`` and ``hout``. The rules are Dutch and deliberately small: lowercase, keep
letters only (digits, units and punctuation go), drop stop words, quantity words and units, and
reduce the plural and diminutive forms (``bankjes``/``bankje``/``banken`` → ``bank``,
``plantenbakken`` → ``plantenbak``, ``zaden`` → ``zaad``). Compound words stay whole: a
``plantenbak`` is not a ``bak``. A word that the rules read wrongly is still read the same way in
every description, so the forms of one word meet under one term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and words every cost line could hold ("kosten", "materiaal" are too general).
STOP_WORDS = _words(
    """
    de het een en of met voor van in op aan bij naar om te tot uit door over onder als die dat dit
    deze er ook nog wat we wij ons onze je jullie hun zijn is wordt worden zo nodig plus inclusief
    incl exclusief excl btw ca circa ong ongeveer totaal kosten kost eur euro nieuw nieuwe
    overige diversen divers diverse etc enz the and for
    """
)
# How many and how much of something: numbers, amounts, ordinals.
QUANTITY_WORDS = _words(
    """
    een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien twintig
    dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend paar enkele aantal
    meerdere verschillende extra eerste tweede derde vierde laatste half halve hele dubbel dubbele
    keer maal alle elke iedere ieder stuk stuks st stk set klein kleine groot grote
    """
)
# Units of size and time ("2 avonden per week", "30 m2", "per uur").
UNIT_WORDS = _words(
    """
    m m2 m3 cm mm km kg g gr l ltr liter meter vierkante kubieke kilo gram uur uren dag dagen
    dagdeel dagdelen week weken maand maanden jaar jaren avond avonden middag middagen ochtend
    ochtenden seizoen seizoenen keer per pst
    """
)
IGNORED = STOP_WORDS | QUANTITY_WORDS | UNIT_WORDS

_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: digits, punctuation and hyphens split words
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Term:
    """A term (``key``) and the word it was read from in this description (``word``)."""

    key: str
    word: str


def terms_of(description: str) -> tuple[Term, ...]:
    """The terms of ``description`` in the order they first occur, each once."""
    seen: dict[str, Term] = {}
    for word in _LETTERS.findall(description.lower()):
        if len(word) < 3 or word in IGNORED:
            continue
        key = stem(word)
        if len(key) < 3 or key in IGNORED or key in seen:
            continue
        seen[key] = Term(key=key, word=word)
    return tuple(seen.values())


def term_keys(description: str) -> tuple[str, ...]:
    return tuple(term.key for term in terms_of(description))


def stem(word: str) -> str:
    """``word`` without its diminutive or plural ending (a lowercase word of letters)."""
    reduced = _without_diminutive(word)
    if reduced != word:
        return reduced
    return _without_plural(word)


def _without_diminutive(word: str) -> str:
    base = word[:-1] if word.endswith("jes") else word
    if not base.endswith("je") or len(base) < 5:
        return word
    if base.endswith("etje") and len(base) > 6 and _doubled(base[:-4]):  # balletje → bal
        return base[:-5]
    if base.endswith("mpje"):  # boompje → boom
        return base[:-3]
    if base.endswith("tje") and _takes_tje(base[:-3]):  # tafeltje → tafel, tuintje → tuin
        return base[:-3]
    return base[:-2]  # bankje → bank, plantje → plant


def _takes_tje(stem_: str) -> bool:
    """Whether a diminutive ``<stem_>tje`` is formed with -tje (after a vowel, or l, r, n, w after a
    long vowel or a schwa) rather than ``<stem_>t`` + -je."""
    if not stem_ or stem_[-1] in _VOWELS + "yw":
        return True
    if stem_[-1] in "lrn":
        before = stem_[:-1]
        return len(before) >= 2 and (before[-1] in _VOWELS and (before[-2] in _VOWELS or before[-1] == "e"))
    return False


def _without_plural(word: str) -> str:
    if word.endswith("s") and len(word) >= 5 and word[-3:-1] in ("el", "er", "en", "em", "ie"):
        word = word[:-1]  # tafels → tafel, keukens → keuken (and on: keuken → keuk, as for "keuken")
    elif word.endswith("'s"):
        word = word[:-2]
    if not word.endswith("en") or len(word) < 5:
        return word
    base = word[:-2]
    if base[-1] == "z":  # huizen → huis
        base = base[:-1] + "s"
    elif base[-1] == "v":  # duiven → duif
        base = base[:-1] + "f"
    if _doubled(base):  # plantenbakken → plantenbak
        return base[:-1]
    if _open_syllable(base):  # zaden → zaad, bomen → boom
        return base[:-1] + base[-2] + base[-1]
    return base


def _doubled(text: str) -> bool:
    return len(text) >= 3 and text[-1] == text[-2] and text[-1] not in _VOWELS


def _open_syllable(base: str) -> bool:
    """A consonant after one short-spelled vowel after a consonant: the plural lengthened it."""
    return len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in "aeou" and base[-3] not in _VOWELS
