"""The notifications page in the account: the list, newest first, and "mark all as read"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services


@require_GET
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = selectors.notifications_for(user=user)  # type: ignore[arg-type]
    return render(
        request,
        "notifications/list.html",
        {"notifications": rows, "unread": sum(row.unread for row in rows)},
    )


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_read(user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")
