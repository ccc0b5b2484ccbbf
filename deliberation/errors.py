"""Every refusal the panel's draw and pool services can give, translated; a refusal changes nothing.

Shared by the draw (``draw/``) and the pool import of recruitment (``recruitment/``). The problems
a draw reports are in ``draw/errors.py``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from common.errors import ServiceError


class PanelError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "no_features": _("This edition has no features to stratify the panel on yet; add them first."),
        "pool_too_small": ngettext_lazy(
            "The panel should have %(size)s members, but only %(pool)s person in the pool is available. "
            "Make the panel smaller or recruit more people.",
            "The panel should have %(size)s members, but only %(pool)s people in the pool are available. "
            "Make the panel smaller or recruit more people.",
            "pool",
        ),
        "already_published": _("The panel has been published: it cannot be drawn again."),
        "not_current": _("Only the current panel can be published."),
        "draw_published": _("This panel had already been published."),
        "not_active": _("%(pool_id)s is no longer on the panel."),
        "reason_required": _("Give the reason why this member dropped out."),
        "no_replacement": _(
            "Nobody left in the pool can replace %(pool_id)s without breaking a quota. "
            "The member stays on the panel; recruit more people or change the quotas."
        ),
        "panel_size_too_small": _("A panel needs at least 2 members."),
        "quota_min_above_max": _(
            "%(feature)s “%(value)s”: the minimum (%(min)s) is above the maximum (%(max)s)."
        ),
        "quota_mins_too_high": _(
            "The minimums for %(feature)s add up to %(total)s, more than the panel size (%(size)s)."
        ),
        "quota_maxes_too_low": _(
            "The maximums for %(feature)s add up to %(total)s, less than the panel size (%(size)s)."
        ),
        "selection_failed": _("The selection software stopped with an error; nothing was drawn. Try again."),
        "pool_consent_required": _(
            "Confirm that everyone in the file agreed to the consent text of the sign-up page."
        ),
        "draw_running": _("A draw is already running for this edition; wait for it to finish."),
        "draw_stopped": _("The draw stopped without finishing (its worker ended); start it again."),
        "setup_changed": _(
            "The panel size or the algorithm changed after the draw was started; start the draw again."
        ),
    }
