"""Account pages: register, log in with a password or an e-mail link, log out, profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import ratelimit, services
from .forms import LoginForm, LoginLinkForm, ProfileForm, RegisterForm
from .login_links import user_for_login_token


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("pages:home")


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.register_resident(
                email=form.cleaned_data["email"],
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
                language=get_language() or "",
            )
        except services.EmailTakenError:
            form.add_error("email", _("An account with this e-mail address exists already."))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account has been created."))
            return redirect(_safe_next(request))
    return render(request, "accounts/register.html", {"form": form, "next": _safe_next(request)})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def request_login_link(request: HttpRequest) -> HttpResponse:
    form = LoginLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_login_link(
            email=form.cleaned_data["email"],
            client=ratelimit.client_ip(request.META),
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
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("You are logged in."))
        return redirect("pages:home")
    return render(request, "accounts/login_link_confirm.html", {"account": user})


class LogoutView(auth_views.LogoutView):
    pass


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
