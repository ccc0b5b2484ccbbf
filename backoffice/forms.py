"""The admin's forms: its login (which says when logins are throttled), and moving a phase's end:
extend to a later date, or close now; a reason either way."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SaysWhenThrottled

EXTEND = "extend"
CLOSE_EARLY = "close_early"


class AdminLoginForm(SaysWhenThrottled, AdminAuthenticationForm):
    """/beheer/'s login: staff only, and the same throttling message as the site's login form."""


class PhaseEndForm(forms.Form):
    phase = forms.ChoiceField(label=_("Phase"))
    change = forms.ChoiceField(
        label=_("Change"),
        choices=[(EXTEND, _("Extend to the new end")), (CLOSE_EARLY, _("Close early, now"))],
        widget=forms.RadioSelect,
    )
    ends_at = forms.DateTimeField(
        label=_("New end"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("Only when extending."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log with the change."),
    )

    def __init__(self, *args: Any, phases: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = phases  # type: ignore[attr-defined]

    def clean_ends_at(self) -> datetime | None:
        ends_at: datetime | None = self.cleaned_data.get("ends_at")
        if ends_at is None or timezone.is_aware(ends_at):
            return ends_at
        return timezone.make_aware(ends_at)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("change") == EXTEND and not cleaned.get("ends_at"):
            self.add_error("ends_at", _("Give the new end."))
        return cleaned
