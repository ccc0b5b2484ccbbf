"""The CSV uploads of the vote's management page: the address list and the resident register."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


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
