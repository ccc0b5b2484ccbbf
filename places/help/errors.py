"""Every refusal of the help services, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class HelpError(ServiceError):
    """A helpdesk or help location that cannot be set up this way."""

    messages = {
        "address_required": _("Give the helpdesk's visiting address."),
        "opening_hours_required": _("Give the helpdesk's opening hours."),
        "bad_phone": _("“%(number)s” is not a phone number. Write it with digits, for example 020 123 4567."),
        "bad_email": _("“%(email)s” is not an e-mail address."),
        "location_name_required": _("Every help location needs a name and an address."),
        "duplicate_location": _("The help location “%(name)s” is listed twice."),
        "bad_translations": _("The translations cannot be stored: %(reason)s"),
    }
