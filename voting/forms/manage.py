"""Input of the vote's management page besides the uploads: a new letter, closing early, the ballot box."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ReissueForm(forms.Form):
    prefix = "reissue"
    street_address = forms.CharField(label=_("Address"), max_length=200)
    postcode = forms.CharField(label=_("Postcode"), max_length=10)


class CloseVoteForm(forms.Form):
    prefix = "close"
    reason = forms.CharField(
        label=_("Reason for closing the vote early"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in the audit log and with the result."),
    )


class BallotBoxForm(forms.Form):
    prefix = "box"
    shares = forms.IntegerField(
        label=_("Number of key shares"),
        min_value=2,
        max_value=9,
        initial=3,
        help_text=_("One for each official who keeps a share until the count."),
    )
    threshold = forms.IntegerField(
        label=_("Shares needed to open the ballots"),
        min_value=1,
        max_value=9,
        initial=2,
        help_text=_("So many officials must come together to count; fewer cannot open a single ballot."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("threshold") and data.get("shares") and data["threshold"] > data["shares"]:
            raise forms.ValidationError(_("More shares cannot be needed than there are."))
        return data
