"""The population upload: a CSV file or the same lines pasted, and where the figures come from."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class PopulationForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Columns: neighbourhood (name or slug), age_from, age_to (empty: and older), gender "
            "(vrouw, man or anders) and residents; separated by commas or semicolons."
        ),
    )
    text = forms.CharField(
        label=_("Or paste the lines here"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_("The same columns, with the header line first."),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("Where the figures come from, e.g. “OIS Amsterdam, 1 January 2026”."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 5 MB."))
            try:
                cleaned["csv"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The file is not a UTF-8 text (CSV) file.")) from None
        else:
            cleaned["csv"] = cleaned.get("text", "")
        if not cleaned["csv"].strip():
            raise forms.ValidationError(_("Choose a file or paste the figures."))
        return cleaned
