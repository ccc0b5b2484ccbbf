"""Forms of obstacles: a blocker, how it was solved, a question to the district, its answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import BlockerCategory
from .services import MAX_TEXT_LENGTH


def _text(label: Any, help_text: Any = "") -> forms.CharField:
    """A required text of at most ``MAX_TEXT_LENGTH`` characters (``label``: a lazy translation)."""
    return forms.CharField(
        label=label, help_text=help_text, max_length=MAX_TEXT_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )


class BlockerForm(forms.Form):
    category = forms.ChoiceField(label=_("What kind of obstacle?"), choices=BlockerCategory.choices)
    description = _text(
        _("What is in the way?"), _("Seen by the initiators and the district; once solved, shown publicly.")
    )


class ResolveForm(forms.Form):
    resolution = _text(_("How was it solved?"), _("Shown on the project page with the obstacle."))


class HelpForm(forms.Form):
    question = _text(_("Your question to the district"), _("Your contact person at the district answers it."))


class AnswerForm(forms.Form):
    answer = _text(_("Your answer"))
