"""A description becomes terms: lowercase, no digits or units, no stop words, one form per word."""

from __future__ import annotations

import pytest

from proposals.costs.terms import stem, term_keys, terms_of


@pytest.mark.parametrize(
    ("description", "keys"),
    [
        ("Twee bankjes met rugleuning", ("bank", "rugleuning")),
        ("Bankje", ("bank",)),
        ("3 banken", ("bank",)),
        ("Zaalhuur, 2 avonden per week", ("zaalhuur",)),
        ("Plantenbakken van hout", ("plantenbak", "hout")),
        ("Zaden en plantgoed", ("zaad", "plantgoed")),
        ("8 bankjes met rug- en armleuningen (incl. btw)", ("bank", "rug", "armleuning")),
        ("Huur partytent, tafels en banken: € 450,-", ("huur", "partytent", "tafel", "bank")),
        ("30 m2 kunstgras", ("kunstgras",)),
        ("", ()),
        ("2 x 3 per stuk", ()),
    ],
)
def test_descriptions_become_their_terms(description: str, keys: tuple[str, ...]) -> None:
    assert term_keys(description) == keys


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["bank", "bankje", "bankjes", "banken", "Bankjes"], "bank"),
        (["plantenbak", "plantenbakken", "plantenbakje"], "plantenbak"),
        (["zaad", "zaden"], "zaad"),
        (["boom", "bomen", "boompje", "boompjes"], "boom"),
        (["tafel", "tafels", "tafeltje", "tafeltjes"], "tafel"),
        (["tuin", "tuinen", "tuintje"], "tuin"),
        (["plant", "planten", "plantje"], "plant"),
        (["bal", "ballen", "balletje"], "bal"),
        (["huis", "huizen", "huisje"], "huis"),
        (["keuken", "keukens"], "keuk"),  # read wrongly, but the same way in every form
    ],
)
def test_plural_and_diminutive_forms_meet_in_one_term(forms: list[str], key: str) -> None:
    assert {term_keys(form)[0] for form in forms} == {key}


def test_compound_words_stay_whole() -> None:
    assert term_keys("Plantenbakken") == ("plantenbak",)
    assert term_keys("Bakken") == ("bak",)
    assert term_keys("Informatiebord en bankje") == ("informatiebord", "bank")


def test_stop_words_quantity_words_and_units_are_dropped() -> None:
    description = "De huur van een zaal voor drie dagen per maand, totaal ongeveer 12 uur"
    assert term_keys(description) == ("huur", "zaal")
    assert term_keys("Enkele extra stoelen") == ("stoel",)


def test_each_term_once_with_the_word_it_was_read_from() -> None:
    terms = terms_of("Bankjes, en nog een bank")
    assert [(t.key, t.word) for t in terms] == [("bank", "bankjes")]


def test_stem_of_a_word_without_ending_is_the_word() -> None:
    assert stem("compost") == "compost"
    assert stem("les") == "les"
