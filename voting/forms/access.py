"""How a resident reaches the ballot: the code from their letter, or the e-mail check."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ballots.forms import CODE_INPUT_ATTRS

CODE_FORMAT = "XXXX-XXXX-XXXX-XXXX-X"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=format_lazy("{} ({})", _("Voting code"), CODE_FORMAT),
        help_text=_("The 17 characters on your letter. Capitals, spaces and dashes don't matter."),
        max_length=40,
        widget=forms.TextInput(attrs=CODE_INPUT_ATTRS),
    )


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The address the municipality has for you on the list of residents who can vote."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class OneTimeCodeForm(forms.Form):
    email = forms.EmailField(widget=forms.HiddenInput)
    code = forms.CharField(
        label=_("Code from the e-mail"),
        help_text=_("6 digits."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
