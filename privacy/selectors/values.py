"""How values appear in the download: times as ISO 8601 in Amsterdam time, or null."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def when(moment: datetime | date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return timezone.localtime(moment).isoformat(timespec="seconds")
    return moment.isoformat()
