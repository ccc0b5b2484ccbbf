"""Photos of a project (with an update, with the final report): checked, described and re-encoded
through the plans' image pipeline, refused as a whole if one is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from proposals.errors import PlanError
from proposals.services.images import EncodedImage, reencode_image

from .errors import ExecutionError


@dataclass(frozen=True)
class PhotoUpload:
    """One uploaded photo: its bytes, its size as uploaded, and what it shows."""

    file: IO[bytes]
    size: int
    alt_text: str


def encode_photos(
    photos: Sequence[PhotoUpload], *, most: int, error: type[ExecutionError]
) -> list[tuple[EncodedImage, str]]:
    """Each photo decoded, upright, scaled, without metadata, with its description (one line, at most
    200 characters); refused with ``error`` before any is encoded if one lacks a description or is too
    large, or there are more than ``most``."""
    if len(photos) > most:
        raise error("too_many_photos", limit=most)
    limit = settings.EXECUTION_PHOTO_MAX_BYTES
    for photo in photos:
        if not photo.alt_text.strip():
            raise error("photo_needs_description")
        if photo.size > limit:
            raise error("photo_too_large", size=filesizeformat(photo.size), limit=filesizeformat(limit))
    try:
        return [
            (
                reencode_image(photo.file, max_side=settings.EXECUTION_PHOTO_MAX_SIDE),
                " ".join(photo.alt_text.split())[:200],
            )
            for photo in photos
        ]
    except PlanError as refused:  # the same refusal, in execution's words
        raise error(refused.code, **refused.params) from None
