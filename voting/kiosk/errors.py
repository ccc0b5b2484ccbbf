"""Every refusal of the kiosk, with its translated message."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class KioskError(ServiceError):
    """The kiosk cannot be switched on or off as asked, or a kiosk ballot came too late."""

    messages = {
        "not_an_official": _(
            "Only an official of this district can switch a device into kiosk mode or out of it."
        ),
        "vote_not_open": _("A device can become a voting kiosk only while the vote is open."),
        "not_this_kiosk": _("This device is not a voting kiosk for this vote."),
        "ballot_expired": _(
            "This ballot was left open too long, so it was closed to keep the vote secret. "
            "Enter your code again to vote."
        ),
    }
