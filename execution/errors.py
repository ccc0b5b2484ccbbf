"""The refusals every part of execution shares; each subpackage's errors.py adds its own codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class ExecutionError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "not_an_owner": _("Only the initiators carrying out this project can do this."),
        "not_district": _("Only an official of this project's district can do this."),
        "project_closed": _("This project is completed or stopped: it can no longer be changed."),
        # Photos with an update or a final report (execution.photos).
        "too_many_photos": _("You can add at most %(limit)s photos."),
        "photo_needs_description": _("Describe what each photo shows, for people who cannot see it."),
        "photo_too_large": _("The image is %(size)s; the most you can upload is %(limit)s."),
        "not_an_image": _("That file is not a JPEG, PNG or WebP image."),
        "image_too_many_pixels": _(
            "The image has too many pixels; the most is %(megapixels)s megapixels. "
            "Make it smaller and try again."
        ),
    }
