"""The typical costs of a cost line being typed: an HTML fragment the cost step asks for (htmx)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from editions.decorators import edition_page
from editions.models import Edition

from .selectors import suggestions_for

MAX_DESCRIPTION = 200


@require_GET
@edition_page
def suggestions(request: HttpRequest, edition: Edition) -> HttpResponse:
    """What reviewed plans paid for the terms of ``?description=`` (or of ``form-N-description``)."""
    description = typed_description(request.GET)
    context = {
        "suggestions": suggestions_for(edition=edition, description=description),
        "description": description,
    }
    return render(request, "proposals/costs/_suggestions.html", context)


def typed_description(query: QueryDict) -> str:
    """The description in the query: ``description``, else the first field whose name ends in it."""
    name = next((key for key in query if key == "description" or key.endswith("-description")), None)
    return (query.get(name) or "").strip()[:MAX_DESCRIPTION] if name else ""
