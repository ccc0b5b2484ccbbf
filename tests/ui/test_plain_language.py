"""ui.plain_language: Dutch syllables, sentences, Flesch-Douma, jargon and the text <main> shows."""

from __future__ import annotations

import pytest

from ui.plain_language import (
    LONG_SENTENCE,
    is_sentence,
    jargon_in,
    main_text,
    measure,
    pieces,
    syllables,
    words,
)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("plan", 1),
        ("steun", 1),  # "eu" is one vowel sound
        ("buurt", 1),
        ("stemmen", 2),
        ("bewoners", 3),
        ("stadsdeel", 2),
        ("vrijwilliger", 4),  # "ij" is one vowel
        ("ideeën", 3),  # the diaeresis starts a new syllable
        ("geïnteresseerd", 5),
        ("haalbaarheidstoets", 4),
        ("xyz", 1),  # "y" is a vowel here; every word has at least one syllable
        ("BBQ", 1),
    ],
)
def test_syllables_are_counted_as_groups_of_dutch_vowels(word: str, count: int) -> None:
    assert syllables(word) == count


def test_numbers_amounts_and_codes_are_not_words() -> None:
    assert words("Het plan kost € 12.500 en 3 mensen steunen het, code AB12-CD34.") == [
        "Het", "plan", "kost", "en", "mensen", "steunen", "het", "code", "AB12-CD34",
    ]  # fmt: skip


def test_a_sentence_has_three_words_or_more_and_more_words_than_numbers() -> None:
    assert is_sentence("Stem op vijf plannen.")
    assert not is_sentence("Stem nu")
    assert not is_sentence("Budget € 38.000 · 12 mensen")
    assert is_sentence("Buurtbudget Noord 2026 en 2027 komt eraan")


def test_sentences_end_at_full_stops_question_marks_and_blocks() -> None:
    text = "Stem nu. Wil je helpen? Ja!\n\nKosten\n\n€ 500\n\nDat is alles"

    assert pieces(text) == ["Stem nu.", "Wil je helpen?", "Ja!", "Kosten", "Dat is alles"]


def test_only_the_visible_text_of_main_counts() -> None:
    html = """<html><head><title>Niet dit</title></head><body>
      <nav>Menu tekst</nav>
      <main><h1>Plannen</h1><p>Dit is <strong>de</strong> tekst.</p>
        <p hidden>Verborgen zin hier.</p><div aria-hidden="true">Ook verborgen.</div>
        <script>var x = "geen tekst";</script><pre>code blok</pre>
        <select><option>Een keuze</option></select>
        <table><tr><td>Osdorp Midden Noord</td></tr></table>
      </main><footer>Voettekst</footer></body></html>"""

    text = main_text(html)

    assert pieces(text.prose) == ["Plannen", "Dit is de tekst."]
    assert pieces(text.tables) == ["Osdorp Midden Noord"]


def test_reading_ease_is_flesch_douma_on_the_sentences() -> None:
    # Two sentences of four one-syllable words: 206.835 - 0.93 * 4 - 77 * 1.
    measurement = measure("<main><p>Ik stem op dit.</p><p>Jij stemt op dat.</p><h2>Kop</h2></main>")

    assert measurement.sentences == ("Ik stem op dit.", "Jij stemt op dat.")
    assert measurement.fragments == ("Kop",)
    assert measurement.words_per_sentence == 4
    assert measurement.reading_ease == pytest.approx(206.835 - 0.93 * 4 - 77)


def test_harder_words_and_longer_sentences_lower_the_reading_ease() -> None:
    easy = measure("<main><p>Je kiest vijf plannen. Dan stem je.</p></main>")
    hard = measure(
        "<main><p>De haalbaarheidstoetsing geschiedt overeenkomstig de toepasselijke beleidsuitgangspunten "
        "van het dagelijks bestuur.</p></main>"
    )

    assert easy.reading_ease > 80 > 20 > hard.reading_ease


def test_a_line_of_figures_is_not_a_sentence() -> None:
    measurement = measure(
        "<main><p>Toegekend € 9.800 · betaald € 5.600 · uitgegeven € 0</p>"
        "<p>Dien je plan in, met een begroting tot € 50.000.</p>"
        "<p>Nu: Uitslag, tot 14 december 2026</p></main>"
    )

    assert measurement.sentences == (
        "Dien je plan in, met een begroting tot € 50.000.",
        "Nu: Uitslag, tot 14 december 2026",
    )
    assert measurement.fragments == ("Toegekend € 9.800 · betaald € 5.600 · uitgegeven € 0",)


def test_a_sentence_over_twenty_words_is_long() -> None:
    long = " ".join(["woord"] * (LONG_SENTENCE + 1)) + "."
    short = " ".join(["woord"] * LONG_SENTENCE) + "."

    measurement = measure(f"<main><p>{long} {short}</p></main>")

    assert measurement.long_sentences == (long,)
    assert measurement.long_share == 0.5


def test_jargon_counts_in_every_form_unless_the_page_explains_it() -> None:
    assert jargon_in("Nog 3 steunbetuigingen nodig voor de haalbaarheidstoets.") == [
        "haalbaarheidstoets",
        "steunbetuiging",
    ]
    assert jargon_in("Met de methode van Gelijke Delen.") == ["gelijke delen"]
    assert jargon_in("Het plan heeft 5 likes.") == ["like"]
    assert jargon_in("Je kunt dit plan liken.") == ["like"]
    assert jargon_in("Je kunt dit plan steunen.") == []
    assert jargon_in("Het gelijk deel.", defined=("Gelijk deel",)) == []


def test_a_dfn_on_the_page_allows_its_term_there() -> None:
    explained = measure(
        "<main><dl><dt><dfn>Gelijk deel</dfn></dt><dd>Wat ieder mag uitgeven.</dd></dl>"
        "<p>Ieder had een gelijk deel van het geld.</p></main>"
    )
    unexplained = measure("<main><p>Ieder had een gelijk deel van het geld.</p></main>")

    assert explained.jargon == ()
    assert unexplained.jargon == ("gelijk deel",)


def test_a_page_without_text_measures_as_easy_and_empty() -> None:
    measurement = measure("<main><h1>Plan</h1></main>")

    assert measurement.sentences == ()
    assert measurement.words_per_sentence == 0
    assert measurement.long_share == 0
    assert measurement.reading_ease == 100
