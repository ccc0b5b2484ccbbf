"""The CSV uploads of the vote's management page: the address list and the resident register."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from outreach.forms import CsvUploadForm


class AddressImportForm(CsvUploadForm):
    prefix = "addresses"
    file = forms.FileField(
        label=_("Address list (CSV)"),
        help_text=_(
            "Columns: address, postcode, neighbourhood, eligible (or adres, postcode, buurt, "
            "stemgerechtigden), separated by commas or semicolons."
        ),
    )


class RegisterImportForm(CsvUploadForm):
    prefix = "register"
    file = forms.FileField(
        label=_("Resident register (CSV)"),
        help_text=_(
            "Columns: name, birth_date, postcode, email, neighbourhood (or naam, geboortedatum, "
            "postcode, e-mail, buurt). Only hashes are stored."
        ),
    )
