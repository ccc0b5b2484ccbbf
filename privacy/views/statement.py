"""The privacy statement, rendered from the retention table."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..retention import RETENTION, Basis, Group


@require_GET
def statement(request: HttpRequest) -> HttpResponse:
    groups = [(group, [entry for entry in RETENTION if entry.group == group]) for group in Group]
    context = {"groups": [(group, entries) for group, entries in groups if entries], "bases": Basis}
    return render(request, "privacy/statement.html", context)
