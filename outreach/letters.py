"""The letters PDF every mailing shares: one A4 page a letter, in four languages, a code and its QR code.

A letter's layout is the same whatever it is for (voting codes, panel invitations): a letterhead,
the address block where a Dutch window envelope shows it, a Dutch and an English part, a short part
in Turkish and in Arabic (right to left), the code in a box with its QR code, and a footer. Each app
writes only its letter's text (a ``LetterText``). The QR code and the printed link carry the code in
the URL's fragment (``#code=…``): browsers never send a fragment to the server, so the code stays out
of access logs. One letter goes to every resident, whose language the district does not know, so
the letters carry all four languages and their text is written, not translated.
"""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from django.conf import settings
from django.utils.translation import get_language_bidi, override
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

QR_SIZE = 42 * mm
QR_QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks
QR_MASK = 2
LEFT = 22 * mm
# Helvetica has no ğ, ş or ı and no Arabic: the other languages' parts use DejaVu Sans (`make assets`).
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
FONTS = {"LetterSans": "DejaVuSans.ttf", "LetterSans-Bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class LetterPart:
    """A short part of the letter in one more language (Turkish, Arabic): a title and a few lines."""

    language: str
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class LetterText:
    """What one letter says; ``link`` is where its QR code leads (the code in the fragment)."""

    letterhead: str
    subhead: str
    address_lines: tuple[str, ...]
    dutch_title: str
    dutch: tuple[str, ...]
    english_title: str
    english: tuple[str, ...]
    code_label: str
    code: str
    link: str
    footer: tuple[str, ...]
    more: tuple[LetterPart, ...] = ()


def site_url(path: str) -> str:
    """``path`` on the public site (``BUURTBUDGET_SITE_URL``), as a letter prints it."""
    return f"{settings.BUURTBUDGET_SITE_URL.rstrip('/')}{path}"


def code_link(url: str, code: str) -> str:
    """The QR code's link: the code sits in the fragment, which no server ever receives."""
    return f"{url}#code={code}"


def private_pdf_path(folder: str, *, prefix: str = "") -> Path:
    """A fresh, unguessable file name under PRIVATE_FILES_ROOT/``folder``/ (the folder is created)."""
    directory = Path(settings.PRIVATE_FILES_ROOT) / folder
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{prefix}{secrets.token_urlsafe(18)}.pdf"


def register_fonts() -> None:
    """Make the letters' own font known to reportlab (once per process)."""
    folder = Path(settings.BASE_DIR) / "static" / "vendor" / "fonts"
    for name, file in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))


def right_to_left(language: str) -> bool:
    with override(language):
        return bool(get_language_bidi())


def visual(line: str, language: str) -> str:
    """``line`` as it must be drawn: Arabic letters joined and the line laid out right to left."""
    if not right_to_left(language) or not _RTL_LETTER.search(line):
        return line  # a web address on a line of its own stays as it is typed
    return str(get_display(arabic_reshaper.reshape(line), base_dir="R"))


def draw_part(canvas: Canvas, part: LetterPart, y: float, *, size: float = 9.5) -> float:
    """One more language's part below ``y``, aligned to its reading side; returns where it ended."""
    width, _height = A4
    rtl = right_to_left(part.language)

    def draw(text: str, font: str, font_size: float, at: float) -> None:
        canvas.setFont(font, font_size)
        if rtl:
            canvas.drawRightString(width - LEFT, at, visual(text, part.language))
        else:
            canvas.drawString(LEFT, at, text)

    draw(part.title, "LetterSans-Bold", 11, y)
    y -= 5.5 * mm
    for line in part.lines:
        draw(line, "LetterSans", size, y)
        y -= size * 1.35
    return y


def paragraph(canvas: Canvas, x: float, y: float, lines: Iterable[str], *, size: float = 10) -> float:
    text = canvas.beginText(x, y)
    text.setFont("Helvetica", size)
    text.setLeading(size * 1.35)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)
    return float(text.getY())


def qr_modules(url: str) -> list[list[bool]]:
    """The QR symbol's dark modules, with a fixed mask pattern.

    reportlab's widget tries all eight masks and builds a shape per module (about 70 ms a letter);
    any mask gives a valid symbol, so one fixed mask and a single filled path are ten times faster.
    """
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(url)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    return [[bool(dark) for dark in row] for row in qr.modules]


def draw_qr(canvas: Canvas, url: str, x: float, y: float) -> None:
    modules = qr_modules(url)
    count = len(modules)
    box = QR_SIZE / (count + 2 * QR_QUIET_ZONE)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + QR_SIZE - (r + QR_QUIET_ZONE + 1) * box
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (c + QR_QUIET_ZONE) * box, top, length * box, box)
            c += length
    canvas.drawPath(path, stroke=0, fill=1)


def draw_letter(canvas: Canvas, letter: LetterText) -> None:
    """One letter on the canvas's current page."""
    width, height = A4
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(LEFT, height - 20 * mm, letter.letterhead)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(LEFT, height - 25 * mm, letter.subhead)
    paragraph(canvas, LEFT, height - 50 * mm, letter.address_lines, size=11)

    y = height - 78 * mm
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(LEFT, y, letter.dutch_title)
    y = paragraph(canvas, LEFT, y - 8 * mm, letter.dutch)
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(LEFT, y - 6 * mm, letter.english_title)
    y = paragraph(canvas, LEFT, y - 13 * mm, letter.english)
    for part in letter.more:
        y = draw_part(canvas, part, y - 4 * mm)

    box_top = y - 10 * mm
    canvas.setFont("Helvetica", 10)
    canvas.drawString(LEFT, box_top, letter.code_label)
    canvas.setFont("Courier-Bold", 24)
    canvas.drawString(LEFT, box_top - 12 * mm, letter.code)
    qr_x, qr_y = width - LEFT - QR_SIZE, box_top - QR_SIZE + 4 * mm
    draw_qr(canvas, letter.link, qr_x, qr_y)
    canvas.linkURL(letter.link, (qr_x, qr_y, qr_x + QR_SIZE, qr_y + QR_SIZE), relative=0)

    paragraph(canvas, LEFT, 32 * mm, letter.footer, size=8)


def write_letters_pdf(*, path: Path, title: str, letters: Iterable[LetterText]) -> int:
    """Write one page per letter to ``path``; returns the number of pages."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Buurtbudget")
    pages = 0
    for letter in letters:
        draw_letter(canvas, letter)
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages
