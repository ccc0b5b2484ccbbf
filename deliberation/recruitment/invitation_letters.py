"""Citizens' panel invitation letters PDF: one A4 page per drawn address, Dutch and English, with a QR code.

Like the voting-code letters (``voting.letters``), the QR code and the printed link carry the
response code in the URL's fragment (``#code=…``), which browsers never send to a server, so the
code stays out of access logs. The letter is bilingual by design, so its text is written here
rather than translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from editions.models import Edition
from voting.letters import QR_SIZE, draw_qr, paragraph

from ..models import PanelSetup


@dataclass(frozen=True)
class Invitee:
    """One letter: where it goes and the plain response code (which exists nowhere else)."""

    street_address: str
    postcode: str
    code: str


def sign_up_url(edition: Edition) -> str:
    return f"{settings.BUURTBUDGET_SITE_URL.rstrip('/')}/panel/{edition.slug}/aanmelden/"


def response_url(edition: Edition, code: str) -> str:
    """The QR code's link: the code sits in the fragment, which no server ever receives."""
    return f"{sign_up_url(edition)}#code={code}"


def _draw_letter(
    canvas: Canvas, *, edition: Edition, invitee: Invitee, panel_size: int, sessions: str
) -> None:
    width, height = A4
    left = 22 * mm
    district = edition.district
    municipality = district.municipality.name
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(left, height - 20 * mm, f"Buurtbudget · {district.name}")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(left, height - 25 * mm, f"{municipality} · {edition.name}")
    paragraph(
        canvas,
        left,
        height - 50 * mm,
        [
            "Aan de bewoners / To the residents",
            invitee.street_address,
            f"{invitee.postcode}  {municipality.upper()}",
        ],
        size=11,
    )
    url = sign_up_url(edition)
    y = height - 85 * mm
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(left, y, "Uitnodiging: doe mee met het burgerpanel")
    dutch = [
        f"Jouw adres is door loting gekozen. Een burgerpanel van {panel_size} bewoners beslist",
        f"over de plannen van {edition.name}. Wie erin komt, wordt ook door loting",
        "gekozen, zo dat het panel lijkt op de buurt. Iedereen op dit adres vanaf",
        f"{edition.min_age} jaar mag zich aanmelden, met deze code. Ga naar",
        url,
        "of scan de QR-code.",
    ]
    if sessions:
        dutch.append(f"Bijeenkomsten / sessions: {sessions}")
    y = paragraph(canvas, left, y - 8 * mm, dutch)
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(left, y - 6 * mm, "Invitation: join the citizens' panel")
    y = paragraph(
        canvas,
        left,
        y - 13 * mm,
        [
            f"Your address was drawn by lot. A citizens' panel of {panel_size} residents decides",
            f"on the plans of {edition.name}. Who joins it is also drawn by lot, so that",
            "the panel looks like the neighbourhood. One resident at this address aged",
            f"{edition.min_age} or over can sign up with this code: go to the address above or",
            "scan the QR code.",
        ],
    )
    box_top = y - 10 * mm
    canvas.setFont("Helvetica", 10)
    canvas.drawString(left, box_top, "Je aanmeldcode / Your response code")
    canvas.setFont("Courier-Bold", 24)
    canvas.drawString(left, box_top - 12 * mm, invitee.code)
    link = response_url(edition, invitee.code)
    qr_x, qr_y = width - left - QR_SIZE, box_top - QR_SIZE + 4 * mm
    draw_qr(canvas, link, qr_x, qr_y)
    canvas.linkURL(link, (qr_x, qr_y, qr_x + QR_SIZE, qr_y + QR_SIZE), relative=0)
    paragraph(
        canvas,
        left,
        32 * mm,
        [
            "Je gegevens worden alleen voor de loting gebruikt en gewist als de editie afloopt.",
            "Your details are used only for the draw and deleted when the edition ends.",
        ],
        size=8,
    )


def write_invitation_letters(*, edition: Edition, invitees: Iterable[Invitee], path: Path) -> int:
    """Write one page per invitee to ``path``; returns the number of pages."""
    setup = PanelSetup.objects.filter(edition=edition).first()
    panel_size = setup.panel_size if setup else PanelSetup._meta.get_field("panel_size").default
    sessions = " ".join(setup.availability_text.split())[:90] if setup else ""
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Uitnodigingen burgerpanel / Citizens' panel invitations · {edition.name}")
    canvas.setAuthor("Buurtbudget")
    pages = 0
    for invitee in invitees:
        _draw_letter(canvas, edition=edition, invitee=invitee, panel_size=panel_size, sessions=sessions)
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages
