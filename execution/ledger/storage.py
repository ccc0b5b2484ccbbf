"""Where receipts are kept: outside MEDIA_ROOT, so no web server ever serves them; only a view does."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateReceiptStorage(FileSystemStorage):
    """Files under ``PRIVATE_FILES_ROOT/receipts``, read at each use (tests point it elsewhere), without
    a URL: a receipt is opened through ``execution:receipt``, which checks who asks."""

    @property
    def base_location(self) -> Path:
        return Path(settings.PRIVATE_FILES_ROOT) / "receipts"

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:  # type: ignore[override]
        return None


def receipt_storage() -> PrivateReceiptStorage:
    return PrivateReceiptStorage()
