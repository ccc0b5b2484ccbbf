"""Every refusal of the account set-up services, with its translated message; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class AccountError(ServiceError):
    """An account, staff role or group that cannot be set up this way."""

    messages = {
        "bad_email": _("“%(email)s” is not an e-mail address."),
        "unknown_role": _("There is no staff role “%(role)s”."),
        "unknown_language": _("This website is not available in the language “%(language)s”."),
        "unknown_permissions": _("These permissions do not exist (have the migrations run?): %(names)s."),
    }
