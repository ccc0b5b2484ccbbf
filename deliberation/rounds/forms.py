"""Forms of the panel's ballot round: the card code a member types, and the session a round belongs to."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ballots.forms import CODE_INPUT_ATTRS
from editions.models import Edition

from ..models import WorkSession

CARD_CODE_FORMAT = "XXXXX-XXXXX"


class CardCodeForm(forms.Form):
    code = forms.CharField(
        label=format_lazy("{} ({})", _("Code on your ballot card"), CARD_CODE_FORMAT),
        help_text=_("The 10 characters on your card. Capitals, spaces and dashes don't matter."),
        max_length=30,
        widget=forms.TextInput(attrs=CODE_INPUT_ATTRS),
    )


class OpenRoundForm(forms.Form):
    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=WorkSession.objects.none(),
        required=False,
        empty_label=_("(no session)"),
        help_text=_("The work session in which the panel votes, if any."),
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = WorkSession.objects.filter(edition=edition)  # type: ignore[attr-defined]
