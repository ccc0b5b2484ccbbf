"""Adding and removing a plan's images: checked by decoding them, scaled down, re-encoded without metadata."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

from proposals.errors import PlanError
from proposals.models import Plan, PlanImage, PlanStatus
from proposals.selectors.revisions import snapshot_of
from proposals.services.submission import check_may_edit, delete_files, record_edit

if TYPE_CHECKING:
    from accounts.models import User

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
JPEG_QUALITY = 85


@dataclass(frozen=True)
class EncodedImage:
    data: bytes
    width: int
    height: int


def reencode_image(data: IO[bytes], *, max_side: int) -> EncodedImage:
    """The picture as a JPEG of at most ``max_side`` pixels a side, upright, without EXIF/GPS.

    Raises PlanError("not_an_image") unless the data decodes as a JPEG, PNG or WebP image, and
    PlanError("image_too_many_pixels") for a picture of more than ``settings.IMAGE_MAX_PIXELS`` pixels:
    a "decompression bomb" (a 48 KB PNG of 7070×7070 pixels took 378 MB to decode) is refused from its
    header, before any pixel is decoded. A JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) that
    still gives ``max_side``, so a large photo costs a fraction of its full size.
    """
    max_pixels = settings.IMAGE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(data) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise PlanError("not_an_image")
                if probe.width * probe.height > max_pixels:
                    raise PlanError("image_too_many_pixels", megapixels=max_pixels // 1_000_000)
                probe.verify()
            data.seek(0)
            with Image.open(data) as opened:
                if opened.width * opened.height > max_pixels:  # the same file read twice: check again
                    raise PlanError("image_too_many_pixels", megapixels=max_pixels // 1_000_000)
                if opened.format == "JPEG":
                    opened.draft("RGB", (max_side, max_side))
                opened.load()
                # Turned and scaled in place, inside the ``with``: one full-size copy in memory, not three.
                ImageOps.exif_transpose(opened, in_place=True)
                return _as_jpeg(opened, max_side=max_side)
    except PlanError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PlanError("not_an_image") from None


def _as_jpeg(picture: Image.Image, *, max_side: int) -> EncodedImage:
    """Scaled to ``max_side`` first (L, LA, RGB, RGBA scale well), then flattened onto white."""
    if picture.mode not in ("RGB", "RGBA", "L", "LA"):
        # Palette and 1-bit pictures would be scaled by nearest neighbour: convert them first.
        modes = {"P": "RGBA", "PA": "RGBA", "1": "L"}
        picture = picture.convert(modes.get(picture.mode, "RGB"))
    picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    if picture.mode in ("RGBA", "LA"):
        picture = picture.convert("RGBA")
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    elif picture.mode != "RGB":
        picture = picture.convert("RGB")
    out = io.BytesIO()
    # A fresh image without ``exif``/``icc_profile`` arguments carries no metadata at all.
    picture.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return EncodedImage(data=out.getvalue(), width=picture.width, height=picture.height)


def add_plan_image(*, plan: Plan, by: User, upload: IO[bytes], size: int, alt_text: str) -> PlanImage:
    """Add an image with its description; the stored file is a re-encoded JPEG under a random name."""
    alt_text = alt_text.strip()
    if not alt_text:
        raise PlanError("image_needs_description")
    if size > settings.PLAN_IMAGE_MAX_BYTES:
        raise PlanError(
            "image_too_large", size=filesizeformat(size), limit=filesizeformat(settings.PLAN_IMAGE_MAX_BYTES)
        )
    check_may_edit(plan=plan, user=by)  # before the costly decoding; checked again under the lock
    encoded = reencode_image(upload, max_side=settings.PLAN_IMAGE_MAX_SIDE)
    with transaction.atomic():
        current = Plan.objects.select_for_update().select_related("edition").get(pk=plan.pk)
        check_may_edit(plan=current, user=by)
        if current.images.count() >= settings.PLAN_IMAGES_PER_PLAN:
            raise PlanError("too_many_images", limit=settings.PLAN_IMAGES_PER_PLAN)
        before = snapshot_of(current) if current.status != PlanStatus.DRAFT else None
        last = current.images.aggregate(n=Max("position"))["n"]
        image = PlanImage(plan=current, alt_text=alt_text[:200], position=0 if last is None else last + 1)
        image.image.save("image.jpg", ContentFile(encoded.data), save=False)
        image.width, image.height = encoded.width, encoded.height
        # The file is written before the row; if the row fails, don't leave the file behind.
        try:
            image.save()
            if before is not None:
                record_edit(plan=current, by=by, before=before)
        except Exception:
            image.image.storage.delete(image.image.name)
            raise
        return image


def remove_plan_image(*, image: PlanImage, by: User) -> None:
    """Remove an image from its plan; the file goes once the removal is committed."""
    with transaction.atomic():
        current = Plan.objects.select_for_update().select_related("edition").get(pk=image.plan_id)
        check_may_edit(plan=current, user=by)
        stored = PlanImage.objects.filter(pk=image.pk, plan=current).first()
        if stored is None:
            return
        before = snapshot_of(current) if current.status != PlanStatus.DRAFT else None
        stored.delete()
        if before is not None:
            record_edit(plan=current, by=by, before=before)
        transaction.on_commit(lambda: delete_files([stored.image]))
