"""The shortlist page: choose feasible plans with a reason, take them off, publish.

It is the committee's, or the facilitator's where the citizens' panel makes the shortlist
(``ActionRule.panel_roles``), in any phase; the services refuse outside the shortlist phase.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from review import selectors, services
from review.forms import ShortlistForm

from .common import attempt, user_of

SHORTLIST_TASK = Task(gettext_lazy("Shortlist"), order=20, panel_label=gettext_lazy("The panel's shortlist"))


@edition_action(Action.SHORTLIST_PLAN, gate=Gate.ROLES, task=SHORTLIST_TASK)
@require_http_methods(["GET", "POST"])
def shortlist(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The committee's shortlist: choose feasible plans with a reason, take them off, publish."""
    failed: dict[int, ShortlistForm] = {}
    if request.method == "POST" and _handle_post(request, edition, failed):
        return redirect(reverse("review:shortlist", kwargs={"slug": edition.slug}))
    board = selectors.shortlist_for_committee(edition=edition)
    rows = [
        (row, failed.get(row.plan.pk) or ShortlistForm(prefix=f"plan-{row.plan.pk}")) for row in board.rows
    ]
    return render(
        request,
        "review/shortlist.html",
        {
            "edition": edition,
            "board": board,
            "rows": rows,
            "can_shortlist": can(request.user, Action.SHORTLIST_PLAN, edition),
            "can_publish": can(request.user, Action.PUBLISH_SHORTLIST, edition),
        },
    )


def _handle_post(request: HttpRequest, edition: Edition, failed: dict[int, ShortlistForm]) -> bool:
    """Publish, add a plan or take one off; a refused addition keeps its form in ``failed``."""
    user = user_of(request)
    action = request.POST.get("action", "")
    if action == "publish":
        publish = lambda: services.publish_shortlist(edition=edition, by=user)  # noqa: E731
        return attempt(request, None, publish, _("The shortlist has been published."))
    plan = selectors.plan_of_edition(edition=edition, pk=request.POST.get("plan", ""))
    if plan is None:
        raise Http404
    if action == "add":
        form = ShortlistForm(request.POST, prefix=f"plan-{plan.pk}")
        form.is_valid()
        reason = form.cleaned_data.get("reason", "")
        add = lambda: services.shortlist_plan(plan=plan, by=user, reason=reason)  # noqa: E731
        if attempt(request, form, add, _("“%(plan)s” is on the shortlist.") % {"plan": plan.title}):
            return True
        failed[plan.pk] = form
        return False
    if action == "remove":
        remove = lambda: services.unshortlist_plan(plan=plan, by=user)  # noqa: E731
        done = _("“%(plan)s” is no longer on the shortlist.") % {"plan": plan.title}
        return attempt(request, None, remove, done)
    return False
