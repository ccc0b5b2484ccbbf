"""Every refusal the recruitment services can give, translated; a refusal stores nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class RecruitmentError(ServiceError):
    """A recruitment step or a sign-up that cannot be carried out; nothing has been stored."""

    messages = {
        "no_address_list": _("This edition has no address list, so no invitations can be drawn from it."),
        "too_many": ngettext_lazy(
            "You asked for %(count)s invitations, but only %(available)s address has not been invited yet.",
            "You asked for %(count)s invitations, but only %(available)s addresses have not been invited "
            "yet.",
            "available",
        ),
        "count_positive": _("Send at least one invitation."),
        "no_batch": _("There is no letters file %(batch)s."),
        "letters_destroyed": _("This letters file has been destroyed."),
        "feature_exists": _("This edition already has a feature called “%(name)s”."),
        "too_few_values": _("A feature needs at least two values."),
        "duplicate_value": _("The value “%(label)s” is listed twice."),
        "pool_not_empty": _(
            "Residents have already signed up, so no feature can be added: they did not answer it."
        ),
        "sign_up_closed": _("Signing up for the citizens' panel is not open now."),
        "invitation_only": _("You can only sign up with the response code from your invitation letter."),
        "unknown_code": _("This response code is not known. Check the code in your letter."),
        "code_used": _("This response code has already been used to sign up."),
        "no_consent": _("You can only sign up if you agree to how your details are used."),
        "outside_area": _("Only residents of %(district)s can sign up for this panel."),
        "too_young": _("You must be at least %(age)s years old to join this panel."),
        "birth_year": _("Enter your birth year as four digits, for example 1980."),
        "missing_feature": _("Choose a value for “%(feature)s”."),
        "bad_email": _("“%(email)s” is not an e-mail address."),
        "already_signed_up": _("Someone has already signed up with this e-mail address."),
    }
