"""A signed-in resident's own data: the page, the download (one JSON file) and deleting the account."""

from __future__ import annotations

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User

from ..errors import PrivacyError
from ..forms import DeleteAccountForm
from ..selectors import personal_data
from ..services.deletion import delete_account, refusal_for


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@never_cache
@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/my_data.html", {"refusal": refusal_for(_user(request))})


@never_cache
@login_required
@require_POST
def download(request: HttpRequest) -> HttpResponse:
    body = json.dumps(personal_data(_user(request)), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"buurtbudget-mijn-gegevens-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            delete_account(
                user=user, confirmation=form.cleaned_data["confirmation"], plans=form.cleaned_data["plans"]
            )
        except PrivacyError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            return redirect("privacy:deleted")
    context = {"form": form, "refusal": refusal_for(user)}
    return render(request, "privacy/delete.html", context, status=400 if form.errors else 200)


@require_GET
def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/deleted.html")
