"""Forms that parse the discussion's posts: a comment or reply, a report, a moderator's reason.

They only parse; the services decide what is allowed and give the specific refusal (an empty
comment, a missing reason), so a refusal reads the same however the request arrived.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from proposals.services.comments import MAX_COMMENT_LENGTH, MAX_REASON_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_COMMENT_LENGTH}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_REASON_LENGTH}),
    )
