"""The refusals every part of evaluation shares; each subpackage's errors.py adds its own codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class EvaluationError(ServiceError):
    messages = {
        "not_allowed": _("You cannot do this now."),
        "not_district": _("Only an official of this district can do this."),
    }
