"""Pictures for the demo's project updates and receipts, drawn at load time (the repo holds no photos).

A photo is a calm illustration in the theme's colours with its caption, a receipt looks like a till
receipt; both are real JPEG files, so they go through the same image pipeline as an upload.
"""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

PALETTE = ((0, 92, 141), (0, 121, 94), (204, 102, 0), (120, 67, 149), (170, 40, 60))


def draw_photo(caption: str, *, width: int = 960, height: int = 640) -> bytes:
    """An illustration for ``caption``: sky, ground, a few shapes chosen by the caption, and the text."""
    digest = hashlib.sha256(caption.encode()).digest()
    sky = PALETTE[digest[0] % len(PALETTE)]
    picture = Image.new("RGB", (width, height), tuple(min(255, c + 150) for c in sky))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(96, 140, 72))
    for index in range(6):
        x = 60 + digest[index + 1] * (width - 180) // 255
        size = 40 + digest[index + 8] % 80
        colour = PALETTE[digest[index + 16] % len(PALETTE)]
        top = height * 2 // 3 - size
        draw.rounded_rectangle((x, top, x + size, top + size), radius=8, fill=colour)
    draw.rectangle((0, 0, width, 64), fill=(255, 255, 255))
    draw.text((24, 20), caption[:90], fill=(20, 20, 20), font=ImageFont.load_default(size=24))
    return _jpeg(picture)


def draw_receipt(*, shop: str, description: str, amount_cents: int, day: str) -> bytes:
    """A till receipt for one purchase."""
    picture = Image.new("RGB", (480, 720), (252, 252, 248))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=22)
    lines = [
        shop.upper(),
        "",
        day,
        "",
        description[:34],
        description[34:68],
        "",
        f"TOTAAL  EUR {amount_cents // 100},{amount_cents % 100:02d}",
    ]
    for row, text in enumerate(lines):
        draw.text((32, 40 + row * 40), text, fill=(30, 30, 30), font=font)
    draw.text((32, 640), "Bedankt en tot ziens", fill=(90, 90, 90), font=font)
    return _jpeg(picture)


def _jpeg(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
