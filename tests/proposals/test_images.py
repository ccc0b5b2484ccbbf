"""Plan images: only real JPEG/PNG/WebP pictures, not too big or many, scaled and stripped of metadata."""

from __future__ import annotations

import io

import pytest
from django.test import override_settings
from PIL import Image

from accounts.models import User
from editions.models import Edition
from proposals.errors import PlanError
from proposals.models import Plan, PlanImage, PlanRevision, PlanStatus
from proposals.services.images import add_plan_image, remove_plan_image
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def add(plan: Plan, by: User, data: bytes, alt_text: str = "Het lege plein") -> PlanImage:
    return add_plan_image(plan=plan, by=by, upload=io.BytesIO(data), size=len(data), alt_text=alt_text)


def images_of(plan: Plan) -> int:
    return PlanImage.objects.filter(plan=plan).count()


@pytest.fixture
def draft(resident: User, edition: Edition) -> Plan:
    return factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.DRAFT)


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_an_image_is_stored_as_a_jpeg(draft: Plan, resident: User, image_format: str) -> None:
    image = add(draft, resident, factories.make_image_bytes(image_format=image_format))
    assert image.alt_text == "Het lege plein"
    assert image.image.name.endswith(".jpg") and f"plans/{draft.pk}/" in image.image.name
    with Image.open(image.image.path) as stored:
        assert stored.format == "JPEG" and stored.size == (40, 30)


@override_settings(PLAN_IMAGE_MAX_SIDE=100)
def test_a_large_picture_is_scaled_down_keeping_its_shape(draft: Plan, resident: User) -> None:
    image = add(draft, resident, factories.make_image_bytes(size=(400, 200)))
    assert (image.width, image.height) == (100, 50)


def test_location_and_other_metadata_are_removed(draft: Plan, resident: User) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 21.0, 0.0), 3: "E", 4: (4.0, 50.0, 0.0)}  # GPS position
    picture = io.BytesIO()
    Image.new("RGB", (50, 50), "red").save(picture, format="JPEG", exif=exif)
    with Image.open(io.BytesIO(picture.getvalue())) as original:
        assert original.getexif().get_ifd(0x8825)  # the upload did carry a location
    image = add(draft, resident, picture.getvalue())
    with Image.open(image.image.path) as stored:
        assert not stored.getexif()
        assert "exif" not in stored.info


def test_a_transparent_png_gets_a_white_background(draft: Plan, resident: User) -> None:
    picture = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(picture, format="PNG")
    image = add(draft, resident, picture.getvalue())
    with Image.open(image.image.path) as stored:
        red, green, blue = stored.convert("RGB").getpixel((5, 5))  # type: ignore[misc]
        assert min(red, green, blue) > 240


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4 not a picture at all",
        b"",
        factories.make_image_bytes(image_format="GIF"),
        factories.make_image_bytes(image_format="BMP"),
        factories.make_image_bytes(image_format="PNG")[:60],  # truncated
    ],
    ids=["pdf", "empty", "gif", "bmp", "truncated-png"],
)
def test_a_file_that_is_not_a_jpeg_png_or_webp_is_refused(draft: Plan, resident: User, data: bytes) -> None:
    refused(
        lambda: add(draft, resident, data),
        "not_an_image",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )


def test_a_photo_taken_sideways_is_stored_upright(draft: Plan, resident: User) -> None:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned a quarter
    Image.new("RGB", (40, 30), (30, 120, 60)).save(out, format="JPEG", exif=exif)
    image = add(draft, resident, out.getvalue())
    assert (image.width, image.height) == (30, 40)


def test_a_one_bit_png_is_stored_as_a_jpeg(draft: Plan, resident: User) -> None:
    out = io.BytesIO()
    Image.new("1", (300, 200), 1).save(out, format="PNG")
    image = add(draft, resident, out.getvalue())
    with Image.open(image.image.path) as stored:
        assert stored.mode == "RGB" and stored.size == (300, 200)
        assert stored.getpixel((10, 10)) == (255, 255, 255)


def _png_bomb(side: int) -> bytes:
    """A tiny file that decodes to side × side pixels: one bit a pixel, all zero, compresses to nothing."""
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def test_a_png_bomb_of_7070_by_7070_pixels_is_refused_from_its_header(draft: Plan, resident: User) -> None:
    data = _png_bomb(7070)
    assert len(data) < 100_000  # the 48 KB file that used to cost 378 MB to decode
    error = refused(
        lambda: add(draft, resident, data),
        "image_too_many_pixels",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )
    assert error.params == {"megapixels": 20}
    assert "20 megapixels" in str(error)


@override_settings(IMAGE_MAX_PIXELS=10_000)
def test_the_pixel_limit_is_a_setting(draft: Plan, resident: User) -> None:
    refused(
        lambda: add(draft, resident, factories.make_image_bytes(size=(101, 100))),
        "image_too_many_pixels",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )
    assert add(draft, resident, factories.make_image_bytes(size=(100, 100))).width == 100


def test_a_large_jpeg_is_decoded_reduced_and_still_scaled_to_the_largest_side(
    draft: Plan, resident: User
) -> None:
    picture = add(draft, resident, factories.make_image_bytes(size=(4000, 3000), image_format="JPEG"))
    assert (picture.width, picture.height) == (1600, 1200)


@override_settings(PLAN_IMAGE_MAX_BYTES=1_000)
def test_an_oversized_file_is_refused_with_its_size(draft: Plan, resident: User) -> None:
    data = factories.make_image_bytes(size=(300, 300), image_format="PNG") + b"\0" * 2_000
    error = refused(
        lambda: add(draft, resident, data),
        "image_too_large",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )
    assert error.params["size"] and error.params["limit"]


def test_an_image_needs_a_description(draft: Plan, resident: User) -> None:
    refused(
        lambda: add(draft, resident, factories.make_image_bytes(), alt_text="   "),
        "image_needs_description",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )


@override_settings(PLAN_IMAGES_PER_PLAN=2)
def test_a_plan_has_at_most_the_allowed_number_of_images(draft: Plan, resident: User) -> None:
    add(draft, resident, factories.make_image_bytes())
    add(draft, resident, factories.make_image_bytes())
    refused(lambda: add(draft, resident, factories.make_image_bytes()), "too_many_images", error=PlanError)
    assert draft.images.count() == 2


def test_someone_else_cannot_add_or_remove_images(draft: Plan, resident: User) -> None:
    stranger = factories.make_user()
    refused(
        lambda: add(draft, stranger, factories.make_image_bytes()),
        "not_yours",
        error=PlanError,
        unchanged=lambda: images_of(draft),
    )
    image = add(draft, resident, factories.make_image_bytes())
    refused(lambda: remove_plan_image(image=image, by=stranger), error=PlanError)
    assert PlanImage.objects.filter(pk=image.pk).exists()


def test_removing_an_image_deletes_its_file(
    draft: Plan, resident: User, django_capture_on_commit_callbacks: object
) -> None:
    image = add(draft, resident, factories.make_image_bytes())
    storage, name = image.image.storage, image.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        remove_plan_image(image=image, by=resident)
    assert not PlanImage.objects.filter(pk=image.pk).exists()
    assert not storage.exists(name)


def test_adding_an_image_to_a_submitted_plan_is_a_revision(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    PlanRevision.objects.create(plan=plan, number=1, author=resident, snapshot={"images": []})
    add(plan, resident, factories.make_image_bytes(), alt_text="De vijver")
    revision = PlanRevision.objects.get(plan=plan, number=2)
    assert revision.changed_fields == ["images"]
    assert revision.snapshot["images"] == ["De vijver"]
