"""The menu's "Vote": straight to the code page of the one open vote, else the open and coming votes."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ..selectors import votes_open_and_coming


def overview(request: HttpRequest) -> HttpResponse:
    open_now, coming = votes_open_and_coming(settings.BUURTBUDGET_MUNICIPALITY_SLUG)
    if len(open_now) == 1:
        return redirect("voting:start", slug=open_now[0].edition.slug)
    return render(request, "voting/overview.html", {"open_now": open_now, "coming": coming})
