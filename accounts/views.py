"""Account pages: register and confirm the address, log in with a password or an e-mail link, log out,
profile, and changing or resetting the password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.ratelimit import client_ip
from ui.languages import in_language

from . import services
from .errors import AccountError
from .forms import (
    ChangePasswordForm,
    LoginForm,
    LoginLinkForm,
    NewPasswordForm,
    ProfileForm,
    RegisterForm,
    ThrottledPasswordResetForm,
)
from .login_links import user_for_login_token, user_for_verification_token
from .models import User

BACKEND = settings.AUTHENTICATION_BACKENDS[0]


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("pages:home")


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.POST.get("language_switch"):  # the switch re-posts the form: keep all but the passwords
        form = RegisterForm(initial={name: request.POST.get(name, "") for name in ("email", "display_name")})
        return render(request, "accounts/register.html", {"form": form, "next": _safe_next(request)})
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.register_resident(
            email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            password=form.cleaned_data["password1"],
            client=client_ip(request),
            build_url=lambda token: _verification_url(request, token, next_url=_safe_next(request)),
            language=get_language() or "",
        )
        # The same answer whether the address was new or already had an account.
        return render(request, "accounts/register_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/register.html", {"form": form, "next": _safe_next(request)})


def _verification_url(request: HttpRequest, token: str, *, next_url: str = "") -> str:
    """The confirmation link; ``next_url`` (already checked to be ours) is where it leads afterwards."""
    url = request.build_absolute_uri(reverse("accounts:verify_email", args=[token]))
    if next_url and next_url != reverse("pages:home"):
        url += "?" + urlencode({"next": next_url})
    return url


@require_http_methods(["GET", "POST"])
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and POST confirms the address and logs in (mail scanners only GET)."""
    user = user_for_verification_token(token)
    if user is None:
        return render(request, "accounts/verify_email_invalid.html", status=400)
    if request.method == "POST":
        services.confirm_email(user=user)
        login(request, user, backend=BACKEND)
        confirmed = gettext_lazy("Thank you: your e-mail address is confirmed.")
        return redirect(_after_login(request, user, _safe_next(request), message=confirmed))
    return render(request, "accounts/verify_email_confirm.html", {"account": user})


@login_required
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if services.send_verification(user=user, build_url=lambda token: _verification_url(request, token)):
        messages.success(
            request, _("We have sent a new confirmation link to %(email)s.") % {"email": user.email}
        )
    else:
        messages.error(request, _("You asked for several links already. Please wait an hour and try again."))
    return redirect("accounts:profile")


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """The language switch of a logged-in reader: save their choice, then the same page in it."""
    language = request.POST.get("language", "")
    try:
        if request.user.is_authenticated:
            services.choose_language(user=request.user, language=language)
        elif language not in dict(settings.LANGUAGES):
            raise AccountError("unknown_language", language=language)
    except AccountError as error:
        messages.error(request, error.message)
        return redirect(_safe_next(request))
    return redirect(in_language(_safe_next(request), language))


def _after_login(request: HttpRequest, user: User, target: str, *, message: Promise | None = None) -> str:
    """``target`` in the language the user goes on in (``services.language_at_login``), where
    ``message`` is waiting for them in that language."""
    language = services.language_at_login(user=user, page_language=get_language() or "")
    if message is not None:
        with translation.override(language):
            messages.success(request, str(message))
    return in_language(target, language)


class LoginView(auth_views.LoginView):
    """Log in with a password. The language switch here re-posts the form (the address typed is kept,
    the password never), and logging in goes on in the reader's language (``_after_login``)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("language_switch"):
            form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")})
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def get_success_url(self) -> str:
        user = self.request.user
        assert isinstance(user, User)
        return _after_login(self.request, user, super().get_success_url())


@require_http_methods(["GET", "POST"])
def request_login_link(request: HttpRequest) -> HttpResponse:
    form = LoginLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_login_link(
            email=form.cleaned_data["email"],
            client=client_ip(request),
            build_url=lambda token: request.build_absolute_uri(reverse("accounts:login_link", args=[token])),
        )
        return render(request, "accounts/login_link_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/login_link_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def use_login_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and POST logs in, so mail scanners that open links don't spend them."""
    user = user_for_login_token(token)
    if user is None:
        return render(request, "accounts/login_link_invalid.html", status=400)
    if request.method == "POST":
        services.confirm_email(user=user)  # the link came to that address
        login(request, user, backend=BACKEND)
        logged_in = gettext_lazy("You are logged in.")
        return redirect(_after_login(request, user, reverse("pages:home"), message=logged_in))
    return render(request, "accounts/login_link_confirm.html", {"account": user})


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; the answer is the same page for known and unknown addresses."""

    template_name = "accounts/password_reset.html"
    form_class = ThrottledPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def form_valid(self, form: Form) -> HttpResponse:
        assert isinstance(form, ThrottledPasswordResetForm)
        form.client = client_ip(self.request)
        self.extra_email_context = {"site_url": self.request.build_absolute_uri("/")[:-1]}
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.confirm_email(user=form.user)  # the link came to that address
        messages.success(self.request, _("Your new password is set. You can log in with it now."))
        return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"display_name": user.display_name, "email_notifications": user.email_notifications}  # type: ignore[union-attr]
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=user,  # type: ignore[arg-type]
            display_name=form.cleaned_data["display_name"],
            email_notifications=form.cleaned_data["email_notifications"],
            language=get_language() or "",
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    staff_roles = user.staff_roles.select_related("district").order_by("district__name", "role")  # type: ignore[union-attr]
    return render(request, "accounts/profile.html", {"form": form, "staff_roles": staff_roles})
