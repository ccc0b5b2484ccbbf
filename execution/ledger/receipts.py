"""Checking a receipt before it is stored: a photo re-encoded like every uploaded picture, or a PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from proposals.errors import PlanError
from proposals.services.images import reencode_image

from ..models import ReceiptKind
from .errors import LedgerError

PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
# A PDF ends with its cross-reference pointer and "%%EOF" (some writers add a few bytes after it).
PDF_TAIL_BYTES = 1024


@dataclass(frozen=True)
class CheckedReceipt:
    data: bytes
    kind: ReceiptKind
    extension: str


def check_receipt(upload: IO[bytes] | None, *, size: int) -> CheckedReceipt:
    """The receipt to store, or a refusal: missing, too large, neither a picture nor a PDF.

    A picture loses its metadata (location, camera) through the image pipeline; a PDF is kept as it
    is, after checking that it looks like one from both ends (header, cross-reference, end marker).
    """
    if upload is None:
        raise LedgerError("receipt_required")
    limit = settings.EXECUTION_RECEIPT_MAX_BYTES
    if size > limit:
        raise LedgerError("receipt_too_large", size=filesizeformat(size), limit=filesizeformat(limit))
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise LedgerError(
                "receipt_too_large", size=filesizeformat(len(data)), limit=filesizeformat(limit)
            )
        if not _looks_like_pdf(data):
            raise LedgerError("receipt_not_accepted")
        return CheckedReceipt(data=data, kind=ReceiptKind.PDF, extension="pdf")
    try:
        encoded = reencode_image(upload, max_side=settings.EXECUTION_RECEIPT_MAX_SIDE)
    except PlanError as error:
        if error.code == "image_too_many_pixels":
            raise LedgerError("receipt_too_many_pixels", **error.params) from None
        raise LedgerError("receipt_not_accepted") from None
    return CheckedReceipt(data=encoded.data, kind=ReceiptKind.IMAGE, extension="jpg")


def _looks_like_pdf(data: bytes) -> bool:
    tail = data[-PDF_TAIL_BYTES:]
    return bool(PDF_HEADER.match(data)) and b"%%EOF" in tail and b"startxref" in tail and b"obj" in data
