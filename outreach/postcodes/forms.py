"""The resident's postcode form (home page) and the officials' postcode-table upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import CsvUploadForm


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=20,
        help_text=_("Four digits and two letters, like 1061 AB."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )
    number = forms.IntegerField(
        label=_("House number"),
        required=False,
        min_value=1,
        max_value=99_999,
        help_text=_("Only needed where a postcode lies in two neighbourhoods."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 6}),
    )


class PostcodeTableForm(CsvUploadForm):
    file = forms.FileField(
        label=_("Postcode table (CSV)"),
        help_text=_(
            "Columns: postcode, neighbourhood, and where a postcode lies in more than one neighbourhood "
            "also street and/or from, to (house numbers). Dutch names work too: postcode, buurt, straat, "
            "van, tot en met. The file replaces the whole table."
        ),
    )
