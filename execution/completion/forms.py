"""Forms of completion: the final report with its photos, and the district's note when returning it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..photos import PhotoUpload

PHOTO_SLOTS = 3


class FinalReportForm(forms.Form):
    achieved = forms.CharField(
        label=_("What was achieved"), max_length=6000, widget=forms.Textarea(attrs={"rows": 6})
    )
    participants = forms.IntegerField(label=_("How many people took part"), min_value=0)
    beneficiaries = forms.IntegerField(label=_("How many people benefit"), min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for slot in range(1, PHOTO_SLOTS + 1):
            self.fields[f"photo_{slot}"] = forms.FileField(
                label=_("Photo %(number)s") % {"number": slot},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            )
            self.fields[f"alt_{slot}"] = forms.CharField(
                label=_("What photo %(number)s shows") % {"number": slot}, max_length=200, required=False
            )

    def photos(self) -> list[PhotoUpload]:
        chosen = []
        for slot in range(1, PHOTO_SLOTS + 1):
            upload = self.cleaned_data.get(f"photo_{slot}")
            if upload:
                chosen.append(
                    PhotoUpload(file=upload, size=upload.size, alt_text=self.cleaned_data[f"alt_{slot}"])
                )
        return chosen


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What should the initiators add or change?"), widget=forms.Textarea(attrs={"rows": 4})
    )
