"""The story clock and what the steps of a demo project share."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta

from execution.models import (
    Milestone,
    Project,
)
from execution.photos import PhotoUpload

from .._common import AMSTERDAM
from ..pictures import draw_photo


class Clock:
    """A project's story time: day ``n`` is ``n`` days after it opened, at a daytime hour."""

    def __init__(self, project: Project, now: datetime) -> None:
        opened = project.opened_at.astimezone(AMSTERDAM)
        self.start = opened.replace(hour=10, minute=0, second=0, microsecond=0)
        self.now = now

    def day(self, number: int, hour: int = 0) -> datetime:
        return self.start + timedelta(days=number, hours=hour)

    def due(self, number: int | None) -> bool:
        return number is not None and self.day(number) <= self.now


def fresh(project: Project) -> Project:
    """The project as it is now (an earlier step changed its status or money)."""
    return Project.objects.select_related("plan", "edition").get(pk=project.pk)


def photos(alts: Sequence[str]) -> list[PhotoUpload]:
    pictures = [draw_photo(alt) for alt in alts]
    return [
        PhotoUpload(file=io.BytesIO(data), size=len(data), alt_text=alt)
        for alt, data in zip(alts, pictures, strict=True)
    ]


def live_milestones(project: Project) -> list[Milestone]:
    return list(Milestone.objects.filter(project=project, dropped_at=None).order_by("key"))
