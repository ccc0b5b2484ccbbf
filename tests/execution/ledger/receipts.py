"""Receipts for the ledger tests: a photo, a real PDF (made with reportlab), and things that are neither."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from tests.factories import make_image_bytes


def photo_receipt() -> io.BytesIO:
    return io.BytesIO(make_image_bytes(size=(60, 90), image_format="PNG"))


def pdf_receipt() -> io.BytesIO:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Bouwmarkt Noord — 3 zakken potgrond — € 24,00")
    page.save()
    out.seek(0)
    return out
