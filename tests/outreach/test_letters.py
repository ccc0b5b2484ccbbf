"""The shared letters PDF: one page a letter, its QR code leads to the link with the code in the fragment."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

from pytest_django import Settings

from common import codes
from outreach.letters import (
    LetterPart,
    LetterText,
    code_link,
    private_pdf_path,
    qr_modules,
    visual,
    write_letters_pdf,
)


def _letter(code: str) -> LetterText:
    return LetterText(
        letterhead="Buurtbudget · Noord",
        subhead="Amsterdam · Buurtbudget Noord 2026",
        address_lines=("Aan de bewoner / To the resident", "Kadoelenweg 1", "1035 AA  AMSTERDAM"),
        dutch_title="Titel",
        dutch=("Een regel.",),
        english_title="Title",
        english=("A line.",),
        code_label="Je code / Your code",
        code=code,
        link=code_link("https://example.org/stemmen/noord/", code),
        footer=("Voet.", "Foot."),
    )


def test_one_page_per_letter_each_linking_to_its_code_in_the_fragment(tmp_path: Path) -> None:
    letters = [_letter(codes.new_code()) for _ in range(3)]
    path = tmp_path / "letters.pdf"
    assert write_letters_pdf(path=path, title="Brieven", letters=letters) == 3
    pdf = path.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 3
    uris = [m.decode() for m in re.findall(rb"/URI \((.*?)\)", pdf)]
    assert uris == [f"https://example.org/stemmen/noord/#code={letter.code}" for letter in letters]


def test_the_qr_symbol_is_square_and_the_same_for_the_same_link() -> None:
    modules = qr_modules("https://example.org/#code=K7QM-3XRD-9TBW-HP2C-V")
    assert len(modules) >= 21 and all(len(row) == len(modules) for row in modules)
    assert modules == qr_modules("https://example.org/#code=K7QM-3XRD-9TBW-HP2C-V")


def test_a_letters_file_gets_an_unguessable_name_outside_media(settings: Settings, tmp_path: Path) -> None:
    settings.PRIVATE_FILES_ROOT = tmp_path
    first, second = private_pdf_path("letters"), private_pdf_path("panel_letters", prefix="7-1-")
    assert first.parent == tmp_path / "letters" and first.parent.is_dir()
    assert second.parent == tmp_path / "panel_letters" and second.name.startswith("7-1-")
    assert len(first.stem) >= 20 and first != private_pdf_path("letters")
    assert Path(settings.MEDIA_ROOT) not in first.parents


def _text_of(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def test_a_letter_carries_turkish_and_arabic_parts_in_their_own_font_and_direction(tmp_path: Path) -> None:
    more = (
        LetterPart(language="tr", title="Oy verin: Noord 2026", lines=("Kodunuzu saklayın: ğ ş ı İ.",)),
        LetterPart(language="ar", title="صوّت", lines=("احتفظ برمزك",)),
    )
    letter = dataclasses.replace(_letter(codes.new_code()), more=more)
    path = tmp_path / "letters.pdf"
    write_letters_pdf(path=path, title="Brieven", letters=[letter])
    text = _text_of(path)
    assert "Kodunuzu saklayın: ğ ş ı İ." in text  # Helvetica would have dropped ğ, ş and ı
    arabic = [line.strip() for line in text.splitlines() if re.search("[\u0600-\u06ff\ufb50-\ufeff]", line)]
    # Drawn joined (presentation forms) and right to left: the extracted line reads backwards.
    assert arabic and all(re.search("[\ufb50-\ufeff]", line) for line in arabic)
    assert b"DejaVuSans" in path.read_bytes()


def test_arabic_is_joined_and_laid_out_right_to_left() -> None:
    drawn = visual("احتفظ برمزك", "ar")
    assert drawn != "احتفظ برمزك" and all("\ufb50" <= c <= "\ufeff" or c == " " for c in drawn)
    assert visual("Kodunuzu saklayın", "tr") == "Kodunuzu saklayın"
