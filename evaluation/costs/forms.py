"""The form of one line of running costs: what for, staff hours and an amount in euros."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ui.fields import EuroField


class CostForm(forms.Form):
    description = forms.CharField(label=_("What for"), max_length=200)
    staff_hours = forms.DecimalField(
        label=_("Staff hours"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=1,
        required=False,
        help_text=_("For example 12 or 7,5."),
        localize=True,
    )
    amount = EuroField(
        label=_("Amount in euros"), required=False, help_text=_("For example 1.250 or 1250,50.")
    )
