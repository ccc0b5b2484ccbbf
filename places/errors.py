"""Every refusal of the place services, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class PlaceError(ServiceError):
    """A municipality, district or neighbourhood that cannot be set up this way."""

    messages = {
        "bad_slug": _("“%(slug)s” is not a valid slug: use only letters, digits, hyphens and underscores."),
        "name_required": _("The place “%(slug)s” needs a name."),
        "bad_population": _("The population of “%(slug)s” cannot be negative."),
        "duplicate_neighbourhood": _("The neighbourhood “%(slug)s” is listed twice."),
    }
