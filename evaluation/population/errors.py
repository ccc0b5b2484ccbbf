"""Refusals of the population import: a file refused as a whole (a bad line is ``outreach``'s ``bad_row``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..errors import EvaluationError


class PopulationError(EvaluationError):
    messages = {
        **EvaluationError.messages,
        "missing_neighbourhoods": _(
            "The file has no figures for these neighbourhoods of the district: %(names)s. "
            "Every neighbourhood must be in it: nothing was imported."
        ),
        "missing_age_to": _(
            "The first line must name the columns neighbourhood, age_from, age_to, gender and residents; "
            "missing: age_to."
        ),
        "too_many_rows": _("The file has %(count)s lines; at most %(limit)s can be imported at once."),
        "no_text": _("Choose a file or paste the figures."),
    }
