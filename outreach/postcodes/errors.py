"""Every refusal of the postcode pieces: a lookup that finds nothing, an import not allowed."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class PostcodeError(ServiceError):
    """A postcode that cannot be looked up, or a table that this person cannot import."""

    messages = {
        "bad_postcode": _(
            "“%(value)s” is not a Dutch postcode. A postcode has four digits and two letters, like 1061 AB."
        ),
        "unknown_postcode": _(
            "We don't know the postcode %(postcode)s. It may lie outside the districts that take part."
        ),
        "needs_number": _(
            "The postcode %(postcode)s lies in more than one neighbourhood. Add your house number."
        ),
        "unknown_number": _("We don't know house number %(number)s at the postcode %(postcode)s."),
        "not_an_official": _("Only an official of %(district)s can import its postcode table."),
    }
