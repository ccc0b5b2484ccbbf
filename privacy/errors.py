"""Every refusal of the privacy services, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class PrivacyError(ServiceError):
    """An account that cannot be deleted this way (yet)."""

    messages = {
        "wrong_password": _("That is not your password. Your account has not been deleted."),
        "wrong_email": _("That is not your e-mail address. Your account has not been deleted."),
        "staff_account": _(
            "This account has a role at the district. Ask the district's administrator to remove it."
        ),
        "open_project": _(
            "You are carrying out a project that is not finished: “%(title)s”. Your account cannot be "
            "deleted until it is finished. Contact the district's helpdesk to hand it over."
        ),
        "bad_choice": _("Choose what happens to your plans."),
        "too_many_attempts": _("You tried too often. Try again in an hour."),
    }
