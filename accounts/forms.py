"""Forms for registering, logging in and asking for a login link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import User


class RegisterForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    display_name = forms.CharField(
        label=_("Public name"),
        max_length=80,
        help_text=_("Shown next to your plans and comments. You can use your first name or a nickname."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address exists already. Log in, or ask for a login link."),
                code="email_taken",
            )
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error(
                "password2", forms.ValidationError(_("The two passwords differ."), code="mismatch")
            )
        elif p1:
            candidate = User(email=cleaned.get("email", ""), display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check both and try again."
        ),
        "inactive": _("This account is not active."),
    }


class LoginLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Public name"), max_length=80)
    email_notifications = forms.BooleanField(
        label=_("E-mail me about my plans"),
        required=False,
        help_text=_(
            "Status changes, verdicts and comments on plans you started or joined. "
            "You can always read them under Notifications."
        ),
    )
