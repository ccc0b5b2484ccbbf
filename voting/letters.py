"""The voting-code letters PDF: one A4 page per eligible resident, in Dutch and English, with a QR code.

The QR code and the printed link carry the code in the URL's fragment (``#code=…``): browsers never
send a fragment to the server, so the code stays out of access logs. The letter text is bilingual
by design (one letter for every resident), so it is written here rather than translated.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import formats, timezone, translation
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from editions.models import Edition, Phase
from editions.permissions import phases_opening
from editions.phases import Action
from ui.templatetags.money import format_money

LETTERS_DIR = "letters"
QR_SIZE = 42 * mm
QR_QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks
QR_MASK = 2


@dataclass(frozen=True)
class Letter:
    """One resident's letter: where it goes and the plain code (which exists nowhere else)."""

    street_address: str
    postcode: str
    neighbourhood: str
    code: str
    number: int  # this resident's letter at the address: 1 … of_count
    of_count: int


@dataclass(frozen=True)
class VoteFacts:
    """What every letter of an edition says about the vote, in both languages."""

    edition_name: str
    district: str
    municipality: str
    vote_url: str
    dates_nl: str
    dates_en: str
    budget_nl: str
    budget_en: str


def vote_url(edition: Edition) -> str:
    return f"{settings.BUURTBUDGET_SITE_URL.rstrip('/')}/stemmen/{edition.slug}/"


def code_url(edition: Edition, code: str) -> str:
    """The QR code's link: the code sits in the fragment, which no server ever receives."""
    return f"{vote_url(edition)}#code={code}"


def _dates(start: datetime | None, end: datetime | None, language: str) -> str:
    if start is None or end is None:
        return ""
    with translation.override(language):
        first = formats.date_format(timezone.localtime(start), "j F Y")
        last = formats.date_format(timezone.localtime(end), "j F Y, H:i")
    return f"{first} – {last}"


def vote_facts(edition: Edition) -> VoteFacts:
    # The dates of the phase in which residents vote, as the declaration says for this edition.
    kinds = phases_opening(edition, Action.VOTE)
    decision = Phase.objects.filter(edition=edition, kind__in=kinds).order_by("starts_at").first()
    start, end = (decision.starts_at, decision.ends_at) if decision else (None, None)
    with translation.override("nl"):
        budget_nl = format_money(edition.total_budget_cents)
    with translation.override("en"):
        budget_en = format_money(edition.total_budget_cents)
    district = edition.district
    return VoteFacts(
        edition_name=edition.name,
        district=district.name,
        municipality=district.municipality.name,
        vote_url=vote_url(edition),
        dates_nl=_dates(start, end, "nl"),
        dates_en=_dates(start, end, "en"),
        budget_nl=budget_nl,
        budget_en=budget_en,
    )


def new_letters_path() -> Path:
    """A fresh, unguessable file name under PRIVATE_FILES_ROOT/letters/ (the folder is created)."""
    folder = Path(settings.PRIVATE_FILES_ROOT) / LETTERS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{secrets.token_urlsafe(18)}.pdf"


def paragraph(canvas: Canvas, x: float, y: float, lines: Iterable[str], *, size: float = 10.5) -> float:
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


def _draw_letter(canvas: Canvas, facts: VoteFacts, letter: Letter, link: str) -> None:
    width, height = A4
    left = 22 * mm
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(left, height - 20 * mm, f"Buurtbudget · {facts.district}")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(left, height - 25 * mm, f"{facts.municipality} · {facts.edition_name}")

    # Address block where a Dutch window envelope shows it.
    paragraph(
        canvas,
        left,
        height - 50 * mm,
        [
            "Aan de bewoner / To the resident",
            letter.street_address,
            f"{letter.postcode}  {facts.municipality.upper()}",
        ],
        size=11,
    )

    y = height - 85 * mm
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(left, y, f"Stem mee: {facts.edition_name}")
    y = paragraph(
        canvas,
        left,
        y - 8 * mm,
        [
            f"Je mag meebeslissen over {facts.budget_nl} voor plannen in {facts.district}.",
            f"Stemmen kan van {facts.dates_nl}.",
            f"Ga naar {facts.vote_url} en vul je persoonlijke stemcode in,",
            "of scan de QR-code. Deze brief is voor één bewoner; iedere bewoner die",
            f"mag stemmen krijgt een eigen brief (brief {letter.number} van {letter.of_count} op dit adres).",
            "Bewaar je code goed: je kunt je stem tot het einde van de stemming wijzigen.",
        ],
    )
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(left, y - 6 * mm, f"Vote: {facts.edition_name}")
    y = paragraph(
        canvas,
        left,
        y - 13 * mm,
        [
            f"You can help decide on {facts.budget_en} for plans in {facts.district}.",
            f"Voting is open from {facts.dates_en}.",
            f"Go to {facts.vote_url} and enter your personal voting code,",
            "or scan the QR code. This letter is for one resident; every resident who may",
            f"vote gets a letter of their own (letter {letter.number} of {letter.of_count} at this address).",
            "Keep your code safe: you can change your vote until the vote closes.",
        ],
    )

    box_top = y - 10 * mm
    canvas.setFont("Helvetica", 10)
    canvas.drawString(left, box_top, "Je stemcode / Your voting code")
    canvas.setFont("Courier-Bold", 24)
    canvas.drawString(left, box_top - 12 * mm, letter.code)
    qr_x, qr_y = width - left - QR_SIZE, box_top - QR_SIZE + 4 * mm
    draw_qr(canvas, link, qr_x, qr_y)
    canvas.linkURL(link, (qr_x, qr_y, qr_x + QR_SIZE, qr_y + QR_SIZE), relative=0)

    paragraph(
        canvas,
        left,
        32 * mm,
        [
            "Vragen? Kijk op de website of bel het stadsdeel.",
            "Niemand van de gemeente vraagt je ooit om je stemcode.",
            "Questions? See the website or call the district.",
            "Nobody from the city will ever ask for your voting code.",
        ],
        size=8,
    )


def write_letters(*, edition: Edition, letters: Iterable[Letter], path: Path) -> int:
    """Write one page per letter to ``path``; returns the number of pages."""
    facts = vote_facts(edition)
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Stemcodes / Voting codes · {facts.edition_name}")
    canvas.setAuthor("Buurtbudget")
    pages = 0
    for letter in letters:
        _draw_letter(canvas, facts, letter, code_url(edition, letter.code))
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages
