"""Every problem a draw can report, translated.

A problem is stored with an infeasible draw as ``{"code": ..., "params": {...}}`` and turned into
text when it is shown, in the reader's language. (A refusal is a ``deliberation.errors.PanelError``.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PROBLEM_MESSAGES: Mapping[str, Promise] = {
    "missing_value": _(
        "%(count)s people in the pool have no %(feature)s (pool ids: %(ids)s). "
        "Complete their details or remove them from the pool."
    ),
    "unknown_value": _(
        "%(count)s people in the pool have a %(feature)s that is not on the list (pool ids: %(ids)s). "
        "Add the value or correct their details."
    ),
    "min_above_max": _("%(feature)s “%(value)s”: the minimum (%(min)s) is above the maximum (%(max)s)."),
    "too_few_in_pool": _(
        "At least %(min)s people with %(feature)s “%(value)s” cannot be met: %(count)s are in the pool."
    ),
    "mins_too_high": _(
        "The minimums for %(feature)s add up to %(total)s, more than the panel size (%(size)s)."
    ),
    "maxes_too_low": _(
        "The maximums for %(feature)s add up to %(total)s, less than the panel size (%(size)s)."
    ),
    "conflict": _("These quotas cannot all be met at once with the people in this pool."),
    "lower_min": _("Lower the minimum for %(feature)s “%(value)s” from %(old)s to %(new)s."),
    "raise_max": _("Raise the maximum for %(feature)s “%(value)s” from %(old)s to %(new)s."),
    "cannot_relax": _(
        "No change of the quotas would make a panel possible with this pool: recruit more people."
    ),
}


def problem_text(problem: Mapping[str, Any]) -> str:
    """One stored problem as a sentence in the active language."""
    template = PROBLEM_MESSAGES.get(problem.get("code", ""))
    if template is None:
        return str(problem.get("code", ""))
    params = problem.get("params") or {}
    return str(template) % params if params else str(template)
