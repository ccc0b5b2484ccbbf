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
        "no_chosen_plans": _("This result chose no plans: there are no projects to open."),
    }
