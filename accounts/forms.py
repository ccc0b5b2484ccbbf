"""Forms for registering, logging in and asking for a login link."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.mail import queue_mail

from .backends import THROTTLED_ATTRIBUTE
from .models import User
from .services import may_mail


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
        # Whether the address has an account is not said here: registering mails its owner instead.
        return str(self.cleaned_data["email"]).strip().lower()

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


THROTTLED_MESSAGE = _(
    "Too many wrong passwords were tried for this account or from your network. Wait a quarter "
    "of an hour, or log in with a login link by e-mail."
)


class SaysWhenThrottled(AuthenticationForm):
    """A login form that says so when the password was not checked because of too many failures
    (accounts.backends), instead of calling a possibly right password wrong."""

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, THROTTLED_ATTRIBUTE, False):
                raise forms.ValidationError(THROTTLED_MESSAGE, code="throttled") from None
            raise


class LoginForm(SaysWhenThrottled):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check both and try again."
        ),
        "inactive": _("This account is not active."),
    }


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending only within the limits on visitor-requested mails.

    The page answers the same for known and unknown addresses and for a limit reached (Django's
    view always goes on to the "sent" page); ``client`` is set by the view.
    """

    client = ""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Within the limits, render as Django does in the account's language and queue it sealed
        (common.mail: the reset link opens the account), for as long as the link is valid."""
        if not may_mail(address=to_email, client=self.client):
            return
        language = getattr(context.get("user"), "language", "") or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
            body = loader.render_to_string(email_template_name, context)
            html = (
                loader.render_to_string(html_email_template_name, context) if html_email_template_name else ""
            )
        queue_mail(
            subject=subject,
            body=body,
            html=html,
            to=to_email,
            from_email=from_email,
            valid_for=timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        )


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


PASSWORD_HELP = _("At least 10 characters, not only digits, not a common password.")


class NewPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """Django's form for a new password (after a reset link), with our short help text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP
        self.fields["new_password2"].help_text = ""


class ChangePasswordForm(PasswordChangeForm):
    """Django's password change form (old password, new one twice), with our short help text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HELP
        self.fields["new_password2"].help_text = ""
