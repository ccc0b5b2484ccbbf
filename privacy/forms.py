"""The form that confirms deleting an account."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .services.deletion import PlanNames


class DeleteAccountForm(forms.Form):
    plans = forms.ChoiceField(
        label=_("What happens to your plans that others can see?"),
        choices=PlanNames.choices,
        initial=PlanNames.KEEP,
        widget=forms.RadioSelect,
    )
    confirmation = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            self.fields["confirmation"] = forms.CharField(
                label=_("Your e-mail address"),
                help_text=_("Type your e-mail address to confirm."),
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )
