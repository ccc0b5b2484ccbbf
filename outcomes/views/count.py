"""The officials' count page: start a count (POST with the key shares), follow its progress, publish.

htmx refreshes the status every 2 seconds; a plain reload works too. The page is there for the
district's officials in every phase; starting and publishing need the phase that opens the count.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from voting.selectors import ballot_box_of

from .. import selectors, services
from ..errors import OutcomeError
from . import signed_in


@sensitive_post_parameters("share")  # key shares never reach an error report
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@edition_action(
    Action.RUN_COUNT, gate=Gate.ROLES, task=Task(gettext_lazy("Count and publish the result"), order=40)
)
def count(request: HttpRequest, edition: Edition) -> HttpResponse:
    user = signed_in(request)
    may_count = can(user, Action.RUN_COUNT, edition)
    if request.method == "POST":
        if not may_count:
            raise PermissionDenied
        _start_or_publish(request, edition, user)
        return redirect("outcomes:count", slug=edition.slug)
    status_only = request.headers.get("HX-Request") == "true"
    return render(
        request,
        "outcomes/_count_status.html" if status_only else "outcomes/count.html",
        {**_counts(edition), "may_count": may_count},
    )


def _start_or_publish(request: HttpRequest, edition: Edition, user: User) -> None:
    """Start a count with the posted key shares, or publish the current result; say how it went."""
    publishing = request.POST.get("action") == "publish"
    try:
        if publishing:
            # The deciding count: in a hybrid edition with the vote first, the panel's, never the advice.
            current = selectors.result_count(edition)
            if current is None:
                raise OutcomeError("not_publishable")
            services.publish_result(count=current, by=user)
        else:
            services.start_count(edition=edition, by=user, shares=request.POST.getlist("share"))
    except ServiceError as error:
        messages.error(request, error.message)
        return
    messages.success(
        request,
        _("The result is published: the chosen plans are selected and every initiator is told.")
        if publishing
        else _("The count has started. This page shows its progress."),
    )


def _counts(edition: Edition) -> dict[str, object]:
    return {
        "edition": edition,
        "latest": selectors.latest_count(edition),
        "current": selectors.current_count(edition),
        "result": selectors.result_count(edition),
        "published": selectors.published_count(edition),
        "advice": edition.public_votes and edition.panel_decides,
        "ballot_box": ballot_box_of(edition),
    }
