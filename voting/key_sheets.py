"""The printed key shares of a sealed ballot box: one A4 page per share, its text and a QR code of it.

The PDF is made in memory and sent once, as the answer to setting up the box; it is never written
to disk or stored, so the shares exist only on paper (and with whoever holds the paper).
"""

from __future__ import annotations

import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from editions.models import Edition
from outreach.letters import QR_SIZE, draw_qr, paragraph

from .services.ballot_box import IssuedShares


def share_sheets_pdf(*, edition: Edition, issued: IssuedShares) -> bytes:
    """One page per share: who it is for, what it opens, the share as text and as a QR code."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(_("Key shares of the ballot box"))
    made = formats.date_format(timezone.localtime(issued.box.created_at), "DATETIME_FORMAT")
    height = A4[1]
    left = 22 * mm
    for number, share in enumerate(issued.shares, start=1):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(
            left,
            height - 25 * mm,
            _("Key share %(number)s of %(total)s")
            % {
                "number": number,
                "total": len(issued.shares),
            },
        )
        canvas.setFont("Helvetica", 10)
        y = paragraph(
            canvas,
            left,
            height - 34 * mm,
            [
                f"{edition.district.name} · {edition.name}",
                _("Ballot box key %(fingerprint)s, set up on %(moment)s.")
                % {"fingerprint": issued.fingerprint, "moment": made},
                "",
                _("The ballots of this vote are sealed. %(needed)s of the %(total)s key shares together")
                % {"needed": issued.box.threshold, "total": len(issued.shares)},
                _("open them, at the count, and nothing else can. Keep this sheet closed and safe"),
                _("until the count; give it to nobody, and do not copy or photograph it."),
                _("At the count, type or scan the text below. After the result has been published,"),
                _("destroy this sheet: the sealed ballots are destroyed then too."),
            ],
        )
        draw_qr(canvas, share, left, y - QR_SIZE - 8 * mm)
        canvas.setFont("Courier-Bold", 12)
        groups = share.split("-")
        lines = ["-".join(groups[:7]), "-".join(groups[7:])]
        text_y = y - QR_SIZE - 18 * mm
        for line in lines:
            canvas.drawString(left, text_y, line)
            text_y -= 7 * mm
        canvas.setFont("Helvetica", 8)
        canvas.drawString(left, 15 * mm, _("Holder: ______________________   Received on: ____________"))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
