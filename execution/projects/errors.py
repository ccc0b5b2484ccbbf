"""Refusals of the project services, translated; a refusal changes nothing."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import ExecutionError


class ProjectError(ExecutionError):
    messages = {
        **ExecutionError.messages,
        "plan_without_cost_lines": _("“%(plan)s” has no cost lines: a project needs them for its ledger."),
        "contact_not_official": _("The contact person must be an official of this district."),
        "unknown_line": _("That cost line is not part of this project."),
        "line_has_money": _(
            "Money is already committed to or paid on “%(line)s”: change the agreement before changing "
            "how it is carried out."
        ),
    }
